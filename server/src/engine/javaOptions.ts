// Java option strings (spark.*.extraJavaOptions and friends): split into the arguments the JVM receives, with
// positions, and mapped back onto the document so a finding can point at one flag and a fix can edit just it.
import { setValue, replace } from './edits';
import type { TextEdit } from './findings';
import type { ConfigModel, PropertyEntry } from './model';
import { span, type Span } from './text';

export interface JavaOptionToken {
  /** The argument as the JVM receives it: quotes removed. */
  text: string;
  /** Offsets in the decoded option string, [start, end), quotes included. */
  start: number;
  end: number;
}

const isWhitespace = (c: string) => isWhitespaceCode(c.charCodeAt(0));

/** What /\s/ matches, for one UTF-16 unit, without a regular expression (the tokenizer asks for every character). */
function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Splits an option string the way Spark does (Utils.splitCommandString): arguments are separated by white space;
 * single quotes keep everything literally, double quotes keep white space and take a backslash as an escape of
 * the next character; outside quotes a backslash is an ordinary character.
 */
export function tokenizeJavaOptions(value: string): JavaOptionToken[] {
  const tokens: JavaOptionToken[] = [];
  let text = '';
  let start = -1;
  let quote = 0;
  // Where the characters taken as they are began (-1: none since the last quote or escape): copied as one slice.
  let run = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (quote === DOUBLE_QUOTE) {
      if (c === DOUBLE_QUOTE || c === BACKSLASH) {
        if (run >= 0) text += value.slice(run, i);
        run = -1;
        if (c === DOUBLE_QUOTE) quote = 0;
        else if (i + 1 < value.length) text += value[++i];
      } else if (run < 0) run = i;
    } else if (quote === SINGLE_QUOTE) {
      if (c === SINGLE_QUOTE) {
        if (run >= 0) text += value.slice(run, i);
        run = -1;
        quote = 0;
      } else if (run < 0) run = i;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      if (run >= 0) text += value.slice(run, i);
      run = -1;
      if (start < 0) start = i;
      quote = c;
    } else if (!isWhitespaceCode(c)) {
      if (start < 0) start = i;
      if (run < 0) run = i;
    } else if (start >= 0) {
      if (run >= 0) text += value.slice(run, i);
      tokens.push({ text, start, end: i });
      text = '';
      start = -1;
      run = -1;
    }
  }
  if (start >= 0) {
    if (run >= 0) text += value.slice(run);
    tokens.push({ text, start, end: value.length });
  }
  return tokens;
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/**
 * The document offset at which each character of the entry's decoded value starts, plus one more entry for the end
 * of the value (so a decoded range [a, b) covers the document range [offsets[a], offsets[b])). Undefined when the
 * value is not a string or its raw text does not decode to the value the model holds.
 */
export function valueOffsets(model: ConfigModel, entry: PropertyEntry): number[] | undefined {
  const cached = offsetsOf.get(entry);
  if (cached !== undefined) return cached ?? undefined;
  const valueSpan = entry.valueSpan;
  if (entry.valueKind !== 'string' || !valueSpan) return undefined;
  const raw = model.text.slice(valueSpan.start, valueSpan.end);
  const decoded = model.writer.decode(raw, valueSpan.start);
  const offsets = decoded && decoded.text === entry.value ? decoded.offsets : undefined;
  offsetsOf.set(entry, offsets ?? null);
  return offsets;
}

// Rules map one flag after another of the same value: decoding the value once per entry keeps that linear
// (per flag, 3,000 flags in one value took minutes). An entry is shared only by versions of a document whose text
// is the same where the entry is, at the same offsets (formats/shapes/configurations.ts).
const offsetsOf = new WeakMap<PropertyEntry, number[] | null>();

/** The document offset of a position in the entry's decoded value, when it can be mapped exactly. */
export function documentOffset(model: ConfigModel, entry: PropertyEntry, decodedOffset: number): number | undefined {
  const offsets = valueOffsets(model, entry);
  if (!offsets || decodedOffset < 0 || decodedOffset >= offsets.length) return undefined;
  return offsets[decodedOffset];
}

/** The document span of a decoded range of the entry's value; the whole value when it cannot be mapped exactly. */
export function spanInValue(model: ConfigModel, entry: PropertyEntry, start: number, end: number): Span {
  const offsets = valueOffsets(model, entry);
  const whole = entry.valueSpan ?? entry.keySpan;
  if (!offsets || start < 0 || end < start || end >= offsets.length) return whole;
  return span(offsets[start], offsets[end]);
}

/**
 * Replaces a decoded range of the entry's value with new text: a minimal edit when the value maps exactly onto
 * the document, otherwise the whole value is rewritten.
 */
export function replaceInValue(model: ConfigModel, entry: PropertyEntry, start: number, end: number, newText: string): TextEdit {
  const offsets = valueOffsets(model, entry);
  if (offsets && entry.valueSpan && start >= 0 && end >= start && end < offsets.length) {
    const piece = model.writer.fragment(newText, model.text.slice(entry.valueSpan.start, entry.valueSpan.end), start === 0);
    if (piece !== undefined) return replace(span(offsets[start], offsets[end]), piece);
  }
  return setValue(model, entry, entry.value.slice(0, start) + newText + entry.value.slice(end));
}

/** The decoded range that removing a token should delete: the token and one white-space character beside it. */
export function tokenRemovalRange(value: string, token: JavaOptionToken): { start: number; end: number } {
  if (token.end < value.length && isWhitespace(value[token.end])) return { start: token.start, end: token.end + 1 };
  if (token.start > 0 && isWhitespace(value[token.start - 1])) return { start: token.start - 1, end: token.end };
  return { start: token.start, end: token.end };
}

/**
 * Rewrites the entry's value as one minimal edit: only the part between the common prefix and suffix of the old
 * and new value is replaced.
 */
export function rewriteValue(model: ConfigModel, entry: PropertyEntry, newValue: string): TextEdit {
  const old = entry.value;
  let prefix = 0;
  while (prefix < old.length && prefix < newValue.length && old[prefix] === newValue[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < newValue.length - prefix && old[old.length - 1 - suffix] === newValue[newValue.length - 1 - suffix]) suffix++;
  return replaceInValue(model, entry, prefix, old.length - suffix, newValue.slice(prefix, newValue.length - suffix));
}

/** The value without these tokens, each taken out with one adjacent white-space character. */
export function valueWithout(value: string, tokens: readonly JavaOptionToken[]): string {
  let out = value;
  // From the last token to the first, so the offsets of the ones still to remove stay valid.
  for (const token of [...tokens].sort((a, b) => b.start - a.start)) {
    const { start, end } = tokenRemovalRange(out, token);
    out = out.slice(0, start) + out.slice(end);
  }
  return out;
}

/** Deletes tokens (each with one adjacent white-space character) from the entry's value. */
export function removeTokens(model: ConfigModel, entry: PropertyEntry, tokens: readonly JavaOptionToken[]): TextEdit {
  return rewriteValue(model, entry, valueWithout(entry.value, tokens));
}

/** Deletes one token (and one adjacent white-space character) from the entry's value. */
export function removeToken(model: ConfigModel, entry: PropertyEntry, token: JavaOptionToken): TextEdit {
  const { start, end } = tokenRemovalRange(entry.value, token);
  return replaceInValue(model, entry, start, end, '');
}
