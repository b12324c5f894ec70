import { stringify } from 'yaml';
import type { TextEdit } from '../../engine/findings';
import { oncePer } from '../../engine/memo';
import type { Classification, ConfigModel, ConfigurationNames } from '../../engine/model';
import { span, type Span } from '../../engine/text';
import { indentUnit, lineStartBefore, newlineOf, positionIn, removeSeparatedItems, replace, spansOf } from '../layout';
import { decodeQuoted, type EscapeSyntax } from '../escapes';
import type { FormatWriter, ItemList, NewClassification } from '../types';

const newlineIn = oncePer((model: ConfigModel) => newlineOf(model.text));
const indentUnitIn = oncePer((model: ConfigModel) => indentUnit(model.text));

// ---- Scalars ----

/** Characters that end or open something in a flow collection, so a plain scalar holding one is quoted. */
const FLOW_INDICATORS = /[,[\]{}]/;

/**
 * A string as a YAML scalar that reads back as the same string in block and flow context: plain when the YAML
 * library would write it plain and it holds no flow indicator, else in the quote style of the text it replaces,
 * else double-quoted (a JSON string is a valid YAML double-quoted scalar).
 */
function scalar(value: string, replacing?: string): string {
  if (replacing?.startsWith("'") && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (!replacing?.startsWith('"') && value !== '' && !FLOW_INDICATORS.test(value)) {
    // Judged by YAML 1.1, which CloudFormation reads: there `on`, `yes` and `no` are booleans too.
    const plain = stringify(value, { lineWidth: 0, version: '1.1' }).replace(/\r?\n$/, '');
    if (plain === value) return plain;
  }
  return JSON.stringify(value);
}

const DOUBLE_QUOTED: EscapeSyntax = {
  single: {
    '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
    N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
  },
  hex: { x: 2, u: 4, U: 8 },
};

/**
 * Decodes a block scalar (`|`, `|-`, `>`, `>-`) whose content lines share one indentation, recording where each
 * decoded character starts: a line break the value keeps (literal) or folds into a space (folded) starts where the
 * line ends. Undefined for what does not map that simply: an explicit indentation, `+` chomping, blank lines, or
 * lines indented further in a folded scalar. The raw text ends with the last line (the reader leaves the line break).
 */
function decodeBlockScalar(raw: string, base: number): { text: string; offsets: number[] } | undefined {
  const header = /^([|>])([-]?)[ \t]*(#[^\r\n]*)?(\r\n|\r|\n)/.exec(raw);
  if (!header) return undefined;
  const folded = header[1] === '>';
  const lines: { start: number; end: number }[] = [];
  let at = header[0].length;
  while (at <= raw.length) {
    let end = at;
    while (end < raw.length && raw[end] !== '\n' && raw[end] !== '\r') end++;
    lines.push({ start: at, end });
    if (end >= raw.length) break;
    at = end + (raw[end] === '\r' && raw[end + 1] === '\n' ? 2 : 1);
  }
  const indentOf = (line: { start: number; end: number }) => /^ */.exec(raw.slice(line.start, line.end))![0].length;
  const indent = indentOf(lines[0]);
  if (indent === 0) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (const [i, line] of lines.entries()) {
    const lineIndent = indentOf(line);
    if (line.end - line.start <= indent || lineIndent < indent || (folded && lineIndent > indent)) return undefined;
    if (i > 0) {
      // The line break before this line: kept as one, or folded into a space.
      offsets.push(base + lines[i - 1].end);
      text += folded ? ' ' : '\n';
    }
    for (let c = line.start + indent; c < line.end; c++) {
      offsets.push(base + c);
      text += raw[c];
    }
  }
  if (header[2] !== '-') {
    // Clip chomping keeps the final line break, which lies just past the raw text.
    offsets.push(base + raw.length);
    text += '\n';
  }
  offsets.push(base + raw.length);
  return { text, offsets };
}

/**
 * Decodes a scalar written on one line (plain, single- or double-quoted) or a simple block scalar, recording where
 * each decoded character starts; undefined for multi-line flow scalars and tagged values, which do not map
 * character by character.
 */
function decodeScalar(raw: string, base: number): { text: string; offsets: number[] } | undefined {
  if (raw.startsWith('|') || raw.startsWith('>')) return decodeBlockScalar(raw, base);
  if (raw === '' || /[\r\n]/.test(raw) || raw.startsWith('!') || raw.startsWith('&') || raw.startsWith('*')) return undefined;
  const offsets: number[] = [];
  let text = '';
  if (raw.startsWith("'")) {
    if (raw.length < 2 || !raw.endsWith("'")) return undefined;
    for (let i = 1; i < raw.length - 1; i++) {
      offsets.push(base + i);
      text += raw[i];
      if (raw[i] === "'") i++;
    }
    offsets.push(base + raw.length - 1);
    return { text, offsets };
  }
  if (raw.startsWith('"')) return decodeQuoted(raw, base, DOUBLE_QUOTED);
  for (let i = 0; i < raw.length; i++) offsets.push(base + i);
  offsets.push(base + raw.length);
  return { text: raw, offsets };
}

/** Text to put inside an existing scalar; undefined when the scalar's style cannot hold it (the value is rewritten). */
function fragment(text: string, hostRaw: string, atStart: boolean): string | undefined {
  if (hostRaw.startsWith('"')) return JSON.stringify(text).slice(1, -1);
  if (hostRaw.startsWith("'")) return /[\r\n]/.test(text) ? undefined : text.replace(/'/g, "''");
  // Inside a plain scalar: nothing that starts a comment, a mapping, a flow collection or a quoted scalar.
  if (/[\r\n#:,[\]{}'"]/.test(text) || (atStart && /^[-?|>!&*%@`\s]/.test(text))) return undefined;
  return text;
}

// ---- Layout ----

/** The column of an offset, as spaces: YAML indentation is counted in columns, and `- ` counts too. */
function columnAt(text: string, offset: number): string {
  return ' '.repeat(offset - lineStartBefore(text, offset));
}

/** The offset where the line holding `offset` ends (before its line break). */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Past the line break at `offset`, if there is one. */
function pastLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

const isFlow = (text: string, at: Span) => text[at.start] === '{' || text[at.start] === '[';

/** Whether a classification's properties are a flow mapping: the reader knows; a block mapping may start with a `{}` key. */
const propertiesInFlow = (text: string, c: Classification, container: Span) => c.propertiesFlow ?? (c.propertiesSpan === undefined ? (c.flow ?? isFlow(text, container)) : isFlow(text, container));

/**
 * Deletes the whole lines from the one `start` is on through the one `end` is on, and the lines after them that are
 * indented deeper than `start`: in YAML they belong to what starts there. (In a document that reads cleanly the node
 * already ends with them; past a syntax problem the parser may have ended it early, and they would be left orphaned.)
 */
function removeLines(text: string, start: number, end: number): TextEdit {
  const column = start - lineStartBefore(text, start);
  let stop = pastLineBreak(text, lineEnd(text, text[end - 1] === '\n' || text[end - 1] === '\r' ? end - 1 : end));
  while (stop < text.length) {
    let indent = stop;
    while (text[indent] === ' ') indent++;
    if (indent - stop <= column || text[indent] === '\n' || text[indent] === '\r' || indent >= text.length) break;
    stop = pastLineBreak(text, lineEnd(text, indent));
  }
  return replace(span(lineStartBefore(text, start), stop), '');
}

/**
 * The start of a block sequence item's line content (its `-`), when only the dash and blanks precede the item on
 * its line; the item itself otherwise.
 */
function itemDash(text: string, item: Span): number {
  let i = item.start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return text[i - 1] === '-' ? i - 1 : item.start;
}

/**
 * Empties a block collection: `key:` followed by its lines becomes `key: {}` (or `[]`), as a person writes an empty
 * collection. When something other than blanks stands between the colon and the collection (a comment), the
 * collection's own text is replaced.
 */
function emptyBlock(text: string, block: Span, emptied: '{}' | '[]'): TextEdit {
  let start = block.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t' || text[start - 1] === '\n' || text[start - 1] === '\r')) start--;
  if (start < block.start && text[start - 1] === ':') return replace(span(start, block.end), ` ${emptied}`);
  return replace(block, emptied);
}

/** Removes items `from`..`to` of a sequence: flow ones with their commas, block ones with their lines. */
function removeSequenceItems(model: ConfigModel, list: ItemList, from: number, to: number): TextEdit {
  const text = model.text;
  const { items } = list;
  if (isFlow(text, list.span)) return removeSeparatedItems(items, from, to, list.span, '[]');
  if (from === 0 && to === items.length - 1) return emptyBlock(text, span(itemDash(text, items[0]), items[to].end), '[]');
  return removeLines(text, itemDash(text, items[from]), items[to].end);
}

/** A classification as YAML lines at a column, in block style; `first` prefixes the first line (`- `). */
function classificationLines(names: ConfigurationNames, value: NewClassification, column: string, unit: string, newline: string): string {
  const properties = Object.entries(value.properties).map(([k, v]) => `${newline}${column}${unit}${scalar(k)}: ${scalar(v)}`);
  const body = properties.length > 0 ? `${names.properties}:${properties.join('')}` : `${names.properties}: {}`;
  return `${names.classification}: ${scalar(value.name)}${newline}${column}${body}`;
}

function classificationFlow(names: ConfigurationNames, value: NewClassification): string {
  const properties = Object.entries(value.properties).map(([k, v]) => `${scalar(k)}: ${scalar(v)}`).join(', ');
  return `{${names.classification}: ${scalar(value.name)}, ${names.properties}: {${properties}}}`;
}

/** Appends a classification to a sequence of them, as the sequence is written (block or flow, or empty `[]`). */
function appendClassification(model: ConfigModel, list: Span, items: readonly Span[], names: ConfigurationNames, value: NewClassification, ownerKeyStart: number): TextEdit {
  const text = model.text;
  const newline = newlineIn(model);
  const unit = indentUnitIn(model);
  const last = items[items.length - 1];
  if (isFlow(text, list)) {
    if (last) return replace(span(last.end, last.end), `, ${classificationFlow(names, value)}`);
    // An empty flow list becomes a block one under its key.
    const dash = columnAt(text, ownerKeyStart) + unit;
    return replace(list, `${newline}${dash}- ${classificationLines(names, value, `${dash}  `, unit, newline)}`);
  }
  // `Configurations:` with nothing after it: a block list starts on the next line, under the owner's members.
  if (!last && list.end === list.start) {
    let colon = list.start;
    while (colon > 0 && /\s/.test(text[colon - 1])) colon--;
    const dash = columnAt(text, ownerKeyStart) + unit;
    return replace(span(colon, colon), `${newline}${dash}- ${classificationLines(names, value, `${dash}  `, unit, newline)}`);
  }
  // A block list without a classification in it (a half-typed item) gets the new one after its items, in their column.
  const after = last ?? list;
  const dash = itemDash(text, after);
  const dashColumn = columnAt(text, dash);
  const itemColumn = text[after.start] === '-' ? `${dashColumn}  ` : columnAt(text, after.start);
  const end = lineEnd(text, text[after.end - 1] === '\n' || text[after.end - 1] === '\r' ? after.end - 1 : after.end);
  return replace(span(end, end), `${newline}${dashColumn}-${' '.repeat(Math.max(1, itemColumn.length - dashColumn.length - 1))}${classificationLines(names, value, itemColumn, unit, newline)}`);
}

// ---- The writer ----

export const yamlWriter: FormatWriter = {
  key: (key, replacing) => scalar(key, replacing),
  value: (value, replacing) => scalar(value, replacing),
  decode: decodeScalar,
  fragment,

  completeEntry(model, entry, value) {
    // `key:` with nothing after it: the value goes after the colon.
    const at = entry.valueSpan ?? span(entry.keySpan.end, entry.keySpan.end);
    const colon = entry.valueSpan ? '' : ':';
    const before = model.text[at.start - 1];
    return replace(span(at.start, at.start), `${colon}${before === ' ' ? '' : ' '}${scalar(value)}`);
  },

  removeEntry(model, classification, entry) {
    const text = model.text;
    const members = classification.properties;
    const container = classification.propertiesSpan ?? classification.span;
    const index = positionIn(members, entry);
    if (propertiesInFlow(text, classification, container)) return removeSeparatedItems(spansOf(members, (m) => m.entrySpan), index, index, container, '{}');
    if (members.length === 1) return emptyBlock(text, classification.propertiesSpan ?? members[0].entrySpan, '{}');
    return removeLines(text, entry.entrySpan.start, entry.entrySpan.end);
  },

  clearProperties(model, classification) {
    const container = classification.propertiesSpan;
    if (!container) return undefined;
    if (propertiesInFlow(model.text, classification, container)) return replace(container, '{}');
    return emptyBlock(model.text, container, '{}');
  },

  addProperties(model, classification, missing) {
    const text = model.text;
    const newline = newlineIn(model);
    const unit = indentUnitIn(model);
    const pairs = missing.map(([k, v]) => `${scalar(k)}: ${scalar(v)}`);
    const last = classification.properties[classification.properties.length - 1];
    const container = classification.propertiesSpan;
    if (last && container && propertiesInFlow(text, classification, container)) return [replace(span(last.entrySpan.end, last.entrySpan.end), pairs.map((p) => `, ${p}`).join(''))];
    if (last) {
      const column = columnAt(text, last.keySpan.start);
      const end = lineEnd(text, last.entrySpan.end - (text[last.entrySpan.end - 1] === '\n' ? 1 : 0));
      return [replace(span(end, end), pairs.map((p) => `${newline}${column}${p}`).join(''))];
    }
    const keyStart = classification.propertiesKeySpan?.start ?? classification.nameSpan?.start;
    if (keyStart === undefined) return [];
    const column = columnAt(text, keyStart) + unit;
    const block = pairs.map((p) => `${newline}${column}${p}`).join('');
    // `ConfigurationProperties: {}` or `ConfigurationProperties:` with nothing: the block replaces the empty value
    // and the blanks before it.
    if (container) {
      let start = container.start;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      return [replace(span(start, container.end), block)];
    }
    // No properties member yet: it goes after the classification's last member, in the column of its members.
    const keyColumn = columnAt(text, classification.nameKeySpan?.start ?? keyStart);
    const end = lineEnd(text, classification.span.end - (text[classification.span.end - 1] === '\n' ? 1 : 0));
    return [replace(span(end, end), `${newline}${keyColumn}${classification.names.properties}:${pairs.map((p) => `${newline}${keyColumn}${unit}${p}`).join('')}`)];
  },

  addClassification(model, scope, value) {
    if (!scope.span) return undefined;
    const names = scope.classifications[0]?.names ?? scope.names;
    return appendClassification(model, scope.span, scope.classifications.map((c) => c.span), names, value, lineStartBefore(model.text, scope.span.start));
  },

  addChildClassification(model, parent, child) {
    const text = model.text;
    if (parent.childrenSpan) return appendClassification(model, parent.childrenSpan, parent.children.map((c) => c.span), parent.names, child, parent.span.start);
    if (!parent.nameSpan) return undefined;
    if (parent.flow ?? isFlow(text, parent.span)) {
      return replace(span(parent.span.end - 1, parent.span.end - 1), `, ${parent.names.configurations}: [${classificationFlow(parent.names, child)}]`);
    }
    const newline = newlineIn(model);
    const unit = indentUnitIn(model);
    const keyColumn = columnAt(text, parent.nameKeySpan?.start ?? parent.span.start);
    const end = lineEnd(text, parent.span.end - (text[parent.span.end - 1] === '\n' ? 1 : 0));
    const dash = keyColumn + unit;
    return replace(span(end, end), `${newline}${keyColumn}${parent.names.configurations}:${newline}${dash}- ${classificationLines(parent.names, child, `${dash}  `, unit, newline)}`);
  },

  removeClassification(model, siblings, target, list) {
    const items = spansOf(siblings, (c) => c.span);
    const index = positionIn(siblings, target);
    return removeSequenceItems(model, { span: list, items }, index, index);
  },

  removeItems: removeSequenceItems,
};
