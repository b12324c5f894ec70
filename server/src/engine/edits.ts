import type { NewClassification } from '../formats/types';
import type { TextEdit } from './findings';
import { oncePer } from './memo';
import type { Classification, ConfigModel, ConfigurationScope, PropertyEntry, SubmitArgumentEntry } from './model';
import { span, type Span } from './text';

// The edits rules offer, in neutral terms: each is written in the document's own syntax by its format's writer
// (model.writer), or inside the spark-submit arguments an entry came from.

export { replace } from '../formats/layout';
export type { NewClassification };

function edit(target: Span, newText: string): TextEdit {
  return { span: target, newText };
}

/** Replaces a scalar (a value, a classification name, an instance type) with a string, in the document's syntax. */
export function replaceScalar(model: ConfigModel, target: Span, value: string): TextEdit {
  return edit(target, model.writer.value(value, model.text.slice(target.start, target.end)));
}

/** A string value written as the document's syntax expects it. */
export function formatValue(model: ConfigModel, value: string): string {
  return model.writer.value(value);
}

/**
 * Replaces `target`, a part of the string scalar at `scalar`, with `text`: escaped for that scalar when its style can
 * hold it, else by rewriting the whole scalar.
 */
export function replaceInsideScalar(model: ConfigModel, scalar: Span, target: Span, text: string): TextEdit {
  const raw = model.text.slice(scalar.start, scalar.end);
  // The whole scalar (its inside could not be mapped): written anew.
  if (target.start === scalar.start && target.end === scalar.end) return edit(scalar, model.writer.value(text, raw));
  const decoded = model.writer.decode(raw, scalar.start);
  const piece = model.writer.fragment(text, raw, decoded ? target.start === decoded.offsets[0] : false);
  if (piece !== undefined || !decoded) return edit(target, piece ?? text);
  const from = decoded.offsets.indexOf(target.start);
  const to = decoded.offsets.indexOf(target.end);
  if (from < 0 || to < from) return edit(target, text);
  return edit(scalar, model.writer.value(decoded.text.slice(0, from) + text + decoded.text.slice(to), raw));
}

/** Text written inside the spark-submit argument an entry comes from. */
function inArgument(model: ConfigModel, entry: PropertyEntry, target: Span, text: string): TextEdit {
  const argument = entry.argument!;
  const scalar = argument.host ?? argument.tokens.find((t) => t.start <= target.start && target.end <= t.end) ?? target;
  return replaceInsideScalar(model, scalar, target, text);
}

export function renameKey(model: ConfigModel, entry: PropertyEntry, newKey: string): TextEdit {
  if (entry.argument) return inArgument(model, entry, entry.keySpan, newKey);
  return edit(entry.keySpan, model.writer.key(newKey, model.text.slice(entry.keySpan.start, entry.keySpan.end)));
}

export function setValue(model: ConfigModel, entry: PropertyEntry, value: string): TextEdit {
  const valueSpan = entry.valueSpan;
  if (entry.argument && valueSpan) return inArgument(model, entry, valueSpan, value);
  if (valueSpan && valueSpan.end > valueSpan.start) return edit(valueSpan, model.writer.value(value, model.text.slice(valueSpan.start, valueSpan.end)));
  return model.writer.completeEntry(model, entry, value);
}

/** Deletes one property, keeping the document valid: a member, a properties line, or spark-submit tokens. */
export function removeEntry(model: ConfigModel, classification: Classification, entry: PropertyEntry): TextEdit {
  if (entry.argument) return removeArgument(model, entry.argument);
  return model.writer.removeEntry(model, classification, entry);
}

/**
 * Deletes the tokens of a spark-submit option: inside one parameters string, the tokens and the blanks after them
 * (or before them, at the end); in an argument list, the list items themselves with their separators.
 */
export function removeArgument(model: ConfigModel, argument: SubmitArgumentEntry): TextEdit {
  const { tokens, host, list } = argument;
  const text = model.text;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (host) {
    let end = last.end;
    while (end < host.end - 1 && (text[end] === ' ' || text[end] === '\t')) end++;
    if (end > last.end && end < host.end - 1) return edit(span(first.start, end), '');
    let start = first.start;
    while (start > host.start + 1 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return edit(span(start, last.end), '');
  }
  if (!list) throw new Error('a spark-submit setting without its string or list');
  return model.writer.removeItems(model, list, list.first, list.first + tokens.length - 1);
}

/** Empties a classification's properties member, leaving the document valid (`{}`, in YAML after the key). */
export function clearProperties(model: ConfigModel, classification: Classification): TextEdit | undefined {
  return model.writer.clearProperties(model, classification);
}

/** The occurrence of each key that takes effect in a classification, the last one (kept: several fixes write to one). */
const effectiveEntries = oncePer((classification: Classification): ReadonlyMap<string, PropertyEntry> => {
  const map = new Map<string, PropertyEntry>();
  for (const e of classification.properties) map.set(e.key, e);
  return map;
});

/**
 * Sets each key of `values` in a classification: existing keys (the occurrence that takes effect) get the new value,
 * missing ones are added after the last property in the file's own layout.
 */
export function setProperties(model: ConfigModel, classification: Classification, values: Record<string, string>): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  const effective = effectiveEntries(classification);
  for (const [key, value] of Object.entries(values)) {
    const existing = effective.get(key);
    if (!existing) missing.push([key, value]);
    else if (existing.value !== value || existing.valueKind !== 'string') edits.push(setValue(model, existing, value));
  }
  if (missing.length === 0) return edits;
  return [...edits, ...model.writer.addProperties(model, classification, missing)];
}

/** Adds a classification to a scope's configurations. */
export function addClassification(model: ConfigModel, scope: ConfigurationScope, value: NewClassification): TextEdit | undefined {
  return model.writer.addClassification(model, scope, value);
}

/** Adds a nested classification to `parent`. */
export function addChildClassification(model: ConfigModel, parent: Classification, child: NewClassification): TextEdit | undefined {
  return model.writer.addChildClassification(model, parent, child);
}

/** Deletes a classification from the list that holds it. */
export function removeClassification(model: ConfigModel, siblings: readonly Classification[], target: Classification, list: Span): TextEdit {
  return model.writer.removeClassification(model, siblings, target, list);
}
