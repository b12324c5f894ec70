import type { Finding } from './findings';
import { oncePer } from './memo';
import type { ConfigModel, PropertyEntry } from './model';

// (?!\s): the blanks before the rule names are taken whole at once; `\s+(.*)` gave them back one by one to `.*`.
export const DIRECTIVE = /^[#!]\s*emr-spark-lint-disable-next-line\s+(?!\s)(.*)$/;

/** Splits "ID, name -- reason" at the first " --". */
function splitReason(body: string): { rules: string; reason?: string } {
  const at = body.search(/\s--(\s|$)/);
  return at < 0 ? { rules: body } : { rules: body.slice(0, at), reason: body.slice(at).replace(/^\s--\s*/, '') };
}

export interface Suppression {
  /** Rule IDs or names the directive names. */
  rules: string[];
  reason?: string;
  /** The entry the directive applies to: the one starting on the next line. */
  start: number;
  end: number;
}

/**
 * `# emr-spark-lint-disable-next-line <ID|name>[, ...] -- reason` comments: in a properties file for the entry on
 * the next line (with its continuation lines), in YAML for the next line.
 */
export function suppressionsOf(model: ConfigModel): Suppression[] {
  if (model.comments.length === 0) return [];
  const entries = model.format === 'properties' ? (model.scopes[0]?.classifications[0]?.properties ?? []) : undefined;
  const out: Suppression[] = [];
  for (const comment of model.comments) {
    const match = DIRECTIVE.exec(comment.text.trim());
    if (!match) continue;
    const afterComment = model.text.slice(comment.span.end).match(/^(\r\n|\r|\n)/);
    if (!afterComment) continue;
    const nextLine = comment.span.end + afterComment[0].length;
    const target = entries ? entryOnLine(model, entries, nextLine) : lineAt(model.text, nextLine);
    if (!target) continue;
    const { rules, reason } = splitReason(match[1]);
    out.push({ rules: rules.split(/[\s,]+/).filter((r) => r !== ''), reason: reason?.trim() || undefined, start: target.start, end: target.end });
  }
  return out;
}

/** The first entry at or after a line start, if it starts on that line (entries are in document order). */
function entryOnLine(model: ConfigModel, entries: readonly PropertyEntry[], lineStart: number): { start: number; end: number } | undefined {
  const entry = entries[firstAtOrAfter(entries, lineStart)];
  if (!entry || /[\r\n]/.test(model.text.slice(lineStart, entry.entrySpan.start))) return undefined;
  return entry.entrySpan;
}

/** The line starting at `lineStart`, without its line break. */
function lineAt(text: string, lineStart: number): { start: number; end: number } {
  let end = lineStart;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start: lineStart, end };
}

/** The index of the first entry starting at or after `offset` (binary search; entries.length when none). */
function firstAtOrAfter(entries: readonly PropertyEntry[], offset: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entries[mid].entrySpan.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Suppressions sorted by start, once per list. Their ranges are entries' logical lines, which never overlap, so
// only the suppressions of the last entry starting at or before a finding can hold it. (Comparing every finding
// with every suppression, and searching the entries from the top for every directive, was quadratic:
// 40,000 suppressed lines took 20 s.)
const sortedByStart = oncePer((suppressions: readonly Suppression[]) => [...suppressions].sort((a, b) => a.start - b.start));

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  const sorted = sortedByStart(suppressions);
  const at = finding.span.start;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start <= at) low = mid + 1;
    else high = mid;
  }
  const start = low > 0 ? sorted[low - 1].start : undefined;
  for (let i = low - 1; i >= 0 && sorted[i].start === start; i--) {
    const s = sorted[i];
    if (at <= s.end && (s.rules.includes(finding.ruleId) || s.rules.includes(finding.rule))) return true;
  }
  return false;
}
