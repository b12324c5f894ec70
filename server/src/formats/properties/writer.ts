import { oncePer } from '../../engine/memo';
import type { ConfigModel, PropertyEntry } from '../../engine/model';
import { span } from '../../engine/text';
import { lineEndAfter, lineStartBefore, newlineOf, replace } from '../layout';
import type { FormatWriter } from '../types';

const newlineIn = oncePer((model: ConfigModel) => newlineOf(model.text));

/** Writes a value so that java.util.Properties reads it back unchanged. */
export function escapePropertiesValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\f') out += '\\f';
    else if (i === 0 && c === ' ') out += '\\ ';
    else out += c;
  }
  return out;
}

function escapePropertiesKey(key: string): string {
  return key.replace(/([=: \t\\#!])/g, '\\$1');
}

/** Decodes the raw text of a properties value (escapes, continuation lines), recording where each character starts. */
function decodePropertiesValue(raw: string, base: number): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      offsets.push(base + i);
      text += c;
      continue;
    }
    const e = raw[i + 1];
    if (e === '\r' || e === '\n') {
      // A continuation: the terminator and the next line's leading blanks are not part of the value.
      i += e === '\r' && raw[i + 2] === '\n' ? 2 : 1;
      while (i + 1 < raw.length && (raw[i + 1] === ' ' || raw[i + 1] === '\t' || raw[i + 1] === '\f')) i++;
      continue;
    }
    if (e === undefined) break;
    offsets.push(base + i);
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      text += e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
      i += 1;
    }
  }
  offsets.push(base + raw.length);
  return { text, offsets };
}

/** The separator a new line should use: the last entry's, with blank padding kept to its value column. */
function separatorLike(text: string, last: PropertyEntry | undefined, key: string): string {
  if (!last?.valueSpan) return ' ';
  const separator = text.slice(last.keySpan.end, last.valueSpan.start);
  if (!/^[ \t]+$/.test(separator)) return separator;
  const valueColumn = last.valueSpan.start - lineStartBefore(text, last.keySpan.start);
  return ' '.repeat(Math.max(1, valueColumn - key.length));
}

export const propertiesWriter: FormatWriter = {
  key: escapePropertiesKey,
  value: escapePropertiesValue,
  decode: decodePropertiesValue,
  fragment: (text, _hostRaw, atStart) => (atStart ? escapePropertiesValue(text) : escapePropertiesValue(`x${text}`).slice(1)),

  completeEntry(_model, entry, value) {
    // A bare key with nothing after it needs a separator before the new value.
    const separated = entry.entrySpan.end > entry.keySpan.end;
    return replace(span(entry.entrySpan.end, entry.entrySpan.end), `${separated ? '' : ' '}${escapePropertiesValue(value)}`);
  },

  removeEntry(model, _classification, entry) {
    return replace(span(entry.entrySpan.start, lineEndAfter(model.text, entry.entrySpan.end)), '');
  },

  addProperties(model, classification, missing) {
    const text = model.text;
    const newline = newlineIn(model);
    const last = classification.properties[classification.properties.length - 1];
    const lines = missing.map(([k, v]) => `${escapePropertiesKey(k)}${separatorLike(text, last, k)}${escapePropertiesValue(v)}`);
    const end = text.length;
    const needsNewline = end > 0 && !text.endsWith('\n') && !text.endsWith('\r');
    return [replace(span(end, end), `${needsNewline ? newline : ''}${lines.join(newline)}${newline}`)];
  },

  // A properties file is one classification: there is nothing to add or remove at that level (rules that do read
  // 'classifications', which a properties file does not provide).
  addClassification: () => undefined,
  clearProperties: () => undefined,
  addChildClassification: () => undefined,
  removeClassification() {
    throw new Error('a properties file has no classification to remove');
  },
  removeItems() {
    throw new Error('a properties file has no lists');
  },
};
