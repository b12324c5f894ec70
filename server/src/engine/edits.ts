import type { TextEdit } from './findings';
import { oncePer } from './memo';
import type { Classification, ConfigModel, ConfigurationScope, PropertyEntry } from './model';
import { escapePropertiesValue } from './propertiesModel';
import { span, type Span } from './text';

export function replace(target: Span, newText: string): TextEdit {
  return { span: target, newText };
}

/** The key written as the document's format expects it. */
export function formatKey(model: ConfigModel, key: string): string {
  return model.format === 'emr-json' ? JSON.stringify(key) : key.replace(/([=: \t\\#!])/g, '\\$1');
}

/** The value written as the document's format expects it. */
export function formatValue(model: ConfigModel, value: string): string {
  return model.format === 'emr-json' ? JSON.stringify(value) : escapePropertiesValue(value);
}

export function renameKey(model: ConfigModel, entry: PropertyEntry, newKey: string): TextEdit {
  return replace(entry.keySpan, formatKey(model, newKey));
}

export function setValue(model: ConfigModel, entry: PropertyEntry, value: string): TextEdit {
  if (entry.valueSpan && entry.valueSpan.end > entry.valueSpan.start) return replace(entry.valueSpan, formatValue(model, value));
  if (model.format === 'emr-json') {
    // A member without a value yet ("key": or "key"): write the value after the key.
    return replace(span(entry.keySpan.end, entry.entrySpan.end), `: ${formatValue(model, value)}`);
  }
  // A bare key with nothing after it needs a separator before the new value.
  const separated = entry.entrySpan.end > entry.keySpan.end;
  return replace(span(entry.entrySpan.end, entry.entrySpan.end), `${separated ? '' : ' '}${formatValue(model, value)}`);
}

function lineEndAfter(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

/**
 * Deletes item `index` of a JSON object's members or an array's elements, with the comma that separates it:
 * from the end of the previous item, or up to the next one when it is first. The only item empties the container.
 */
export function removeListItem(items: readonly Span[], index: number, container: Span, empty: '{}' | '[]'): TextEdit {
  if (items.length === 1) return replace(container, empty);
  if (index > 0) return replace(span(items[index - 1].end, items[index].end), '');
  return replace(span(items[index].start, items[index + 1].start), '');
}

/** Deletes one property, keeping the JSON valid (commas) or removing the whole logical line of a properties file. */
export function removeEntry(model: ConfigModel, classification: Classification, entry: PropertyEntry): TextEdit {
  if (model.format !== 'emr-json') {
    return replace(span(entry.entrySpan.start, lineEndAfter(model.text, entry.entrySpan.end)), '');
  }
  const members = classification.properties;
  return removeListItem(spansOf(members, (m) => m.entrySpan), positionIn(members, entry), classification.propertiesSpan ?? classification.span, '{}');
}

/** Deletes a classification object from the Configurations array that holds it. */
export function removeClassification(siblings: readonly Classification[], target: Classification, array: Span): TextEdit {
  return removeListItem(spansOf(siblings, (c) => c.span), positionIn(siblings, target), array, '[]');
}

// A model's lists do not change once parsed: their spans and each item's position are worked out once per list.
// (Per removal, they made 20,000 repeated keys or classifications take seconds: every finding offers a removal.)
const listSpans = new WeakMap<readonly object[], Span[]>();
const listPositions = new WeakMap<readonly object[], Map<object, number>>();

function spansOf<T extends object>(list: readonly T[], spanOf: (item: T) => Span): Span[] {
  let spans = listSpans.get(list);
  if (!spans) listSpans.set(list, (spans = list.map(spanOf)));
  return spans;
}

/** The index of the first occurrence of `item` in `list`, as indexOf gives it. */
function positionIn<T extends object>(list: readonly T[], item: T): number {
  // A list of a few hundred is searched faster than a table of it is built (a removal is offered per finding).
  if (list.length <= 256) return list.indexOf(item);
  let positions = listPositions.get(list);
  if (!positions) {
    positions = new Map();
    for (let i = list.length - 1; i >= 0; i--) positions.set(list[i], i);
    listPositions.set(list, positions);
  }
  return positions.get(item) ?? -1;
}

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The white space that starts the line `offset` is on, when only white space precedes `offset` there. */
function indentationAt(text: string, offset: number): string | undefined {
  const start = lineStartBefore(text, offset);
  const prefix = text.slice(start, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One indentation step as the file uses it (two spaces when it cannot tell). */
function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1].length >= 4 && match[1].length % 4 === 0 ? '    ' : '  ';
}

// Both read the whole text at worst, and every fix that adds lines asks: once per model (its text does not change).
const newlineIn = oncePer((model: ConfigModel) => newlineOf(model.text));
const indentUnitIn = oncePer((model: ConfigModel) => indentUnit(model.text));

/** The separator a new properties line should use: the last entry's, with blank padding kept to its value column. */
function propertiesSeparator(text: string, last: PropertyEntry | undefined, key: string): string {
  if (!last?.valueSpan) return ' ';
  const separator = text.slice(last.keySpan.end, last.valueSpan.start);
  if (!/^[ \t]+$/.test(separator)) return separator;
  const valueColumn = last.valueSpan.start - lineStartBefore(text, last.keySpan.start);
  return ' '.repeat(Math.max(1, valueColumn - key.length));
}

/** The occurrence of each key that takes effect in a classification, the last one (kept: several fixes write to one). */
const effectiveEntries = oncePer((classification: Classification): ReadonlyMap<string, PropertyEntry> => {
  const map = new Map<string, PropertyEntry>();
  for (const e of classification.properties) map.set(e.key, e);
  return map;
});

/**
 * Sets each key of `values` in a classification: existing keys (the occurrence that takes effect) get the new value,
 * missing ones are added after the last property in the file's own layout (one per line, or inline when the
 * object is written on one line).
 */
export function setProperties(model: ConfigModel, classification: Classification, values: Record<string, string>): TextEdit[] {
  const text = model.text;
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  const effective = effectiveEntries(classification);
  for (const [key, value] of Object.entries(values)) {
    const existing = effective.get(key);
    if (!existing) missing.push([key, value]);
    else if (existing.value !== value || existing.valueKind !== 'string') edits.push(setValue(model, existing, value));
  }
  if (missing.length === 0) return edits;
  const newline = newlineIn(model);
  if (model.format !== 'emr-json') {
    const last = classification.properties[classification.properties.length - 1];
    const lines = missing.map(([k, v]) => `${formatKey(model, k)}${propertiesSeparator(text, last, k)}${formatValue(model, v)}`);
    const end = text.length;
    const needsNewline = end > 0 && !text.endsWith('\n') && !text.endsWith('\r');
    return [...edits, replace(span(end, end), `${needsNewline ? newline : ''}${lines.join(newline)}${newline}`)];
  }
  const member = ([k, v]: [string, string]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  const last = classification.properties[classification.properties.length - 1];
  if (last) {
    const indent = indentationAt(text, last.entrySpan.start);
    const separator = indent !== undefined ? `,${newline}${indent}` : ', ';
    return [...edits, replace(span(last.entrySpan.end, last.entrySpan.end), missing.map((m) => separator + member(m)).join(''))];
  }
  const keyIndent = indentationAt(text, classification.propertiesKeySpan?.start ?? classification.span.start) ?? '';
  const inner = keyIndent + indentUnitIn(model);
  const body = `{${newline}${missing.map((m) => inner + member(m)).join(`,${newline}`)}${newline}${keyIndent}}`;
  if (classification.propertiesSpan) return [...edits, replace(classification.propertiesSpan, body)];
  if (!classification.nameSpan) return edits;
  return [...edits, replace(span(classification.nameSpan.end, classification.nameSpan.end), `, "Properties": ${body}`)];
}

/** JSON text for a value, laid out like the file: pretty with its indentation when `indent` is known, else on one line. */
function jsonText(value: unknown, model: ConfigModel, indent: string | undefined): string {
  // JSON strings cannot hold raw line breaks, so folding the pretty form's line breaks is safe.
  if (indent === undefined) return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return JSON.stringify(value, null, indentUnitIn(model)).split('\n').join(newlineIn(model) + indent);
}

type NewClassification = { Classification: string; Properties: Record<string, string> };

/** Appends a value to a JSON array, after its last element in the file's layout, or as the first one. */
function appendToArray(model: ConfigModel, elements: readonly Span[], array: Span, value: unknown, ownerStart: number): TextEdit {
  const text = model.text;
  const newline = newlineIn(model);
  const last = elements[elements.length - 1];
  if (last) {
    const indent = indentationAt(text, last.start);
    return replace(span(last.end, last.end), (indent !== undefined ? `,${newline}${indent}` : ', ') + jsonText(value, model, indent));
  }
  const indent = indentationAt(text, ownerStart);
  if (indent === undefined) return replace(array, `[${jsonText(value, model, undefined)}]`);
  const unit = indentUnitIn(model);
  const inner = indent + unit + unit;
  return replace(array, `[${newline}${inner}${jsonText(value, model, inner)}${newline}${indent + unit}]`);
}

/** Adds a classification to a scope's Configurations array (or to the bare array of the document). */
export function addClassification(model: ConfigModel, scope: ConfigurationScope, value: NewClassification): TextEdit | undefined {
  if (!scope.span) return undefined;
  const elements = scope.classifications.map((c) => c.span);
  if (scope.kind === 'bare' && elements.length === 0) {
    const newline = newlineIn(model);
    const unit = indentUnitIn(model);
    return replace(scope.span, `[${newline}${unit}${jsonText(value, model, unit)}${newline}]`);
  }
  return appendToArray(model, elements, scope.span, value, scope.span.start);
}

/** Adds a nested classification to `parent`: into its Configurations array, or a new Configurations member. */
export function addChildClassification(model: ConfigModel, parent: Classification, child: NewClassification): TextEdit | undefined {
  const text = model.text;
  const newline = newlineIn(model);
  const unit = indentUnitIn(model);
  if (parent.childrenSpan) return appendToArray(model, parent.children.map((c) => c.span), parent.childrenSpan, child, parent.span.start);
  const anchor = parent.propertiesSpan ?? parent.nameSpan;
  if (!anchor) return undefined;
  const memberIndent = indentationAt(text, parent.propertiesKeySpan?.start ?? anchor.start);
  if (memberIndent === undefined) {
    return replace(span(anchor.end, anchor.end), `, "Configurations": [${jsonText(child, model, undefined)}]`);
  }
  const inner = memberIndent + unit;
  return replace(span(anchor.end, anchor.end), `,${newline}${memberIndent}"Configurations": [${newline}${inner}${jsonText(child, model, inner)}${newline}${memberIndent}]`);
}
