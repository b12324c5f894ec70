import type { TextEdit } from '../../engine/findings';
import { oncePer } from '../../engine/memo';
import type { Classification, ConfigModel, ConfigurationScope, PropertyEntry } from '../../engine/model';
import { span, type Span } from '../../engine/text';
import { indentationAt, indentUnit, newlineOf, positionIn, removeSeparatedItems, replace, spansOf } from '../layout';
import { decodeQuoted, type EscapeSyntax } from '../escapes';
import type { FormatWriter, NewClassification } from '../types';

// Both read the whole text at worst, and every fix that adds lines asks: once per model (its text does not change).
const newlineIn = oncePer((model: ConfigModel) => newlineOf(model.text));
const indentUnitIn = oncePer((model: ConfigModel) => indentUnit(model.text));

const JSON_ESCAPES: EscapeSyntax = { single: { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }, hex: { u: 4 } };

/** Decodes the raw text of a JSON string (quotes included), recording where each decoded character starts. */
const decodeJsonString = (raw: string, base: number) => decodeQuoted(raw, base, JSON_ESCAPES);

/** JSON text for a value, laid out like the file: pretty with its indentation when `indent` is known, else on one line. */
function jsonText(value: unknown, model: ConfigModel, indent: string | undefined): string {
  // JSON strings cannot hold raw line breaks, so folding the pretty form's line breaks is safe.
  if (indent === undefined) return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return JSON.stringify(value, null, indentUnitIn(model)).split('\n').join(newlineIn(model) + indent);
}

/** The classification as JSON, with the member names its siblings use. */
function classificationValue(names: Classification['names'], value: NewClassification): Record<string, unknown> {
  return { [names.classification]: value.name, [names.properties]: value.properties };
}

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

export const jsonWriter: FormatWriter = {
  key: (key) => JSON.stringify(key),
  value: (value) => JSON.stringify(value),
  decode: decodeJsonString,
  fragment: (text) => JSON.stringify(text).slice(1, -1),

  completeEntry(_model, entry, value) {
    // A member without a value yet ("key": or "key"): write the value after the key.
    return replace(span(entry.keySpan.end, entry.entrySpan.end), `: ${JSON.stringify(value)}`);
  },

  removeEntry(_model, classification, entry) {
    const members = classification.properties;
    const index = positionIn(members, entry);
    return removeSeparatedItems(spansOf(members, (m) => m.entrySpan), index, index, classification.propertiesSpan ?? classification.span, '{}');
  },

  clearProperties(_model, classification) {
    return classification.propertiesSpan ? replace(classification.propertiesSpan, '{}') : undefined;
  },

  addProperties(model, classification, missing) {
    const text = model.text;
    const newline = newlineIn(model);
    const member = ([k, v]: readonly [string, string]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    const last: PropertyEntry | undefined = classification.properties[classification.properties.length - 1];
    if (last) {
      const indent = indentationAt(text, last.entrySpan.start);
      const separator = indent !== undefined ? `,${newline}${indent}` : ', ';
      return [replace(span(last.entrySpan.end, last.entrySpan.end), missing.map((m) => separator + member(m)).join(''))];
    }
    const keyIndent = indentationAt(text, classification.propertiesKeySpan?.start ?? classification.span.start) ?? '';
    const inner = keyIndent + indentUnitIn(model);
    const body = `{${newline}${missing.map((m) => inner + member(m)).join(`,${newline}`)}${newline}${keyIndent}}`;
    if (classification.propertiesSpan) return [replace(classification.propertiesSpan, body)];
    if (!classification.nameSpan) return [];
    return [replace(span(classification.nameSpan.end, classification.nameSpan.end), `, ${JSON.stringify(classification.names.properties)}: ${body}`)];
  },

  addClassification(model, scope: ConfigurationScope, value) {
    if (!scope.span) return undefined;
    const names = scope.classifications[0]?.names ?? scope.names;
    const object = classificationValue(names, value);
    const elements = scope.classifications.map((c) => c.span);
    if (scope.kind === 'bare' && elements.length === 0) {
      const newline = newlineIn(model);
      const unit = indentUnitIn(model);
      return replace(scope.span, `[${newline}${unit}${jsonText(object, model, unit)}${newline}]`);
    }
    return appendToArray(model, elements, scope.span, object, scope.span.start);
  },

  addChildClassification(model, parent, child) {
    const text = model.text;
    const newline = newlineIn(model);
    const unit = indentUnitIn(model);
    const object = classificationValue(parent.names, child);
    if (parent.childrenSpan) return appendToArray(model, parent.children.map((c) => c.span), parent.childrenSpan, object, parent.span.start);
    const anchor = parent.propertiesSpan ?? parent.nameSpan;
    if (!anchor) return undefined;
    const configurations = JSON.stringify(parent.names.configurations);
    const memberIndent = indentationAt(text, parent.propertiesKeySpan?.start ?? anchor.start);
    if (memberIndent === undefined) return replace(span(anchor.end, anchor.end), `, ${configurations}: [${jsonText(object, model, undefined)}]`);
    const inner = memberIndent + unit;
    return replace(span(anchor.end, anchor.end), `,${newline}${memberIndent}${configurations}: [${newline}${inner}${jsonText(object, model, inner)}${newline}${memberIndent}]`);
  },

  removeItems: (_model, list, from, to) => removeSeparatedItems(list.items, from, to, list.span, '[]'),

  removeClassification(_model, siblings, target, list) {
    const index = positionIn(siblings, target);
    return removeSeparatedItems(spansOf(siblings, (c) => c.span), index, index, list, '[]');
  },
};
