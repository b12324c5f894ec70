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
