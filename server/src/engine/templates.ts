// Template markup in configuration files that a tool (Jinja/Ansible, Helm, Terraform, envsubst, Maven filtering)
// fills in before Spark or EMR reads them: key and value checks leave it alone, since the text they would check is
// not what runs.
import { oncePer } from './memo';
import type { ConfigModel, PropertyEntry } from './model';
import type { Span } from './text';

// `{{ x }}`, `{% x %}`, `{# x #}`, `${x}`, `<%= x %>` and Maven/Ant style `@NAME@`.
const MARKUP = /\{\{|\{%|\{#|%\}|#\}|\}\}|\$\{|<%|@[A-Za-z_][A-Za-z0-9_.-]*@/;

/** The text holds template markup, so its final form is not known. */
export function hasTemplateMarkup(text: string): boolean {
  return MARKUP.test(text);
}

/**
 * Regions of a properties file that are template syntax spanning lines: Jinja comment blocks `{# ... #}` and
 * statement lines `{% ... %}`. A properties reader would read their words as keys.
 */
export const templateRegions: (model: ConfigModel) => readonly Span[] = oncePer((model: ConfigModel) => {
  if (model.format !== 'properties') return [];
  const text = model.text;
  const regions: Span[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('{#', from);
    if (open < 0) break;
    const close = text.indexOf('#}', open + 2);
    const end = close < 0 ? text.length : close + 2;
    regions.push({ start: open, end });
    from = end;
  }
  return regions;
});

function inRegion(regions: readonly Span[], at: number): boolean {
  for (const r of regions) if (at >= r.start && at < r.end) return true;
  return false;
}

/** The entry is template syntax rather than a setting: its key carries markup or it lies in a template block. */
export function isTemplateEntry(model: ConfigModel, entry: PropertyEntry): boolean {
  if (hasTemplateMarkup(entry.key)) return true;
  const regions = templateRegions(model);
  return regions.length > 0 && inRegion(regions, entry.keySpan.start);
}

/** The entry's value is (partly) a template placeholder, so checking it would check the placeholder. */
export function hasTemplateValue(entry: PropertyEntry): boolean {
  return entry.valueKind === 'string' && hasTemplateMarkup(entry.value);
}

export interface Placeholder {
  /** Offset of `${` within the value. */
  at: number;
  text: string;
  prefix?: string;
  name: string;
}

// Java's \s: space, \t, \n, \x0B, \f, \r.
const isBlank = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * The ${...} references in a value, found as Spark's ConfigReader.REF_RE `\$\{(?:(\w+?):)?(\S+?)\}` finds them (the
 * shortest run without blanks up to a `}`), in one pass: the regular expression itself takes quadratic time on a
 * value of many `${` without a `}`.
 */
export function placeholdersIn(value: string): Placeholder[] {
  const out: Placeholder[] = [];
  const n = value.length;
  // For each position, where the next '}' and the next blank are (n when none): one pass from the end.
  const nextClose = new Int32Array(n + 1);
  const nextBlank = new Int32Array(n + 1);
  nextClose[n] = n;
  nextBlank[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = value.charCodeAt(i);
    nextClose[i] = c === 125 /* } */ ? i : nextClose[i + 1];
    nextBlank[i] = isBlank(c) ? i : nextBlank[i + 1];
  }
  let i = 0;
  while (i < n - 2) {
    if (value.charCodeAt(i) !== 36 /* $ */ || value.charCodeAt(i + 1) !== 123 /* { */) {
      i++;
      continue;
    }
    const close = nextClose[i + 3 <= n ? i + 3 : n];
    if (close >= n || nextBlank[i + 2] < close) {
      i++;
      continue;
    }
    const inner = value.slice(i + 2, close);
    let colon = 0;
    while (colon < inner.length && isWordChar(inner.charCodeAt(colon))) colon++;
    const prefixed = colon > 0 && colon < inner.length - 1 && inner[colon] === ':';
    out.push({ at: i, text: value.slice(i, close + 1), prefix: prefixed ? inner.slice(0, colon) : undefined, name: prefixed ? inner.slice(colon + 1) : inner });
    i = close + 1;
  }
  return out;
}
