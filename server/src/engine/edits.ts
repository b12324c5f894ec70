import type { TextEdit } from './findings';
import type { Classification, ConfigModel, PropertyEntry } from './model';
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
  return replace(span(entry.entrySpan.end, entry.entrySpan.end), `${entry.valueSpan ? '' : ' '}${formatValue(model, value)}`);
}

function lineEndAfter(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

/** Deletes one property, keeping the JSON valid (commas) or removing the whole logical line of a properties file. */
export function removeEntry(model: ConfigModel, classification: Classification, entry: PropertyEntry): TextEdit {
  if (model.format !== 'emr-json') {
    return replace(span(entry.entrySpan.start, lineEndAfter(model.text, entry.entrySpan.end)), '');
  }
  const members = classification.properties;
  const index = members.indexOf(entry);
  if (members.length === 1 && classification.propertiesSpan) return replace(classification.propertiesSpan, '{}');
  if (index > 0) return replace(span(members[index - 1].entrySpan.end, entry.entrySpan.end), '');
  return replace(span(entry.entrySpan.start, members[index + 1].entrySpan.start), '');
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

/** The separator a new properties line should use: the last entry's, with blank padding kept to its value column. */
function propertiesSeparator(text: string, last: PropertyEntry | undefined, key: string): string {
  if (!last?.valueSpan) return ' ';
  const separator = text.slice(last.keySpan.end, last.valueSpan.start);
  if (!/^[ \t]+$/.test(separator)) return separator;
  const valueColumn = last.valueSpan.start - lineStartBefore(text, last.keySpan.start);
  return ' '.repeat(Math.max(1, valueColumn - key.length));
}

/**
 * Sets each key of `values` in a classification: existing keys (the occurrence that takes effect) get the new value,
 * missing ones are added after the last property in the file's own layout (one per line, or inline when the
 * object is written on one line).
 */
export function setProperties(model: ConfigModel, classification: Classification, values: Record<string, string>): TextEdit[] {
  const text = model.text;
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  for (const [key, value] of Object.entries(values)) {
    const existing = [...classification.properties].reverse().find((e) => e.key === key);
    if (!existing) missing.push([key, value]);
    else if (existing.value !== value || existing.valueKind !== 'string') edits.push(setValue(model, existing, value));
  }
  if (missing.length === 0) return edits;
  const newline = newlineOf(text);
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
  const inner = keyIndent + indentUnit(text);
  const body = `{${newline}${missing.map((m) => inner + member(m)).join(`,${newline}`)}${newline}${keyIndent}}`;
  if (classification.propertiesSpan) return [...edits, replace(classification.propertiesSpan, body)];
  if (!classification.nameSpan) return edits;
  return [...edits, replace(span(classification.nameSpan.end, classification.nameSpan.end), `, "Properties": ${body}`)];
}
