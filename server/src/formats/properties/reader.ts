import { API_NAMES, type Classification, type ConfigModel, type ModelPart, type ConfigurationScope, type PropertyEntry, type SyntaxProblem } from '../../engine/model';
import { span, type Span } from '../../engine/text';
import { propertiesWriter } from './writer';

// A reader faithful to java.util.Properties.load, which is how Spark reads spark-defaults.conf:
// natural lines end at \n, \r or \r\n; a line ending in an odd number of backslashes continues on the next one
// (whose leading white space is dropped); '#' or '!' as the first non-blank character makes a comment line;
// the key ends at the first unescaped '=', ':' or white space; escapes \t \n \r \f \uXXXX, and a backslash
// before any other character stands for that character.

const PROPERTIES_PARTS: ReadonlySet<ModelPart> = new Set(['syntax', 'properties']);

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\f';
const isLineEnd = (c: string) => c === '\n' || c === '\r';

interface LogicalLine {
  chars: string;
  /** Document offset of each character of `chars`. */
  offsets: number[];
  start: number;
  end: number;
}

interface Decoded {
  text: string;
  problem?: { message: string; at: number };
}

function decodeEscapes(raw: string, offsets: number[], from: number): Decoded {
  // Most keys and values have no escapes: a flat copy, not a chain of one-character concatenations, is cheaper to use.
  if (!raw.includes('\\')) return { text: raw };
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    i++;
    if (i >= raw.length) break;
    const e = raw[i];
    if (e === 'u') {
      const hex = raw.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        return { text: out, problem: { message: 'Malformed \\uXXXX escape: Java refuses to load a properties file that contains one, so Spark would not start.', at: offsets[from + i - 1] } };
      }
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else if (e === 't') out += '\t';
    else if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 'f') out += '\f';
    else out += e;
  }
  return { text: out };
}

function endOfNaturalLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isLineEnd(text[i])) i++;
  return i;
}

function skipTerminator(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  if (at < text.length) return at + 1;
  return at;
}

function readLogicalLine(text: string, first: number): { line: LogicalLine; next: number } {
  const line: LogicalLine = { chars: '', offsets: [], start: first, end: first };
  let segmentStart = first;
  for (;;) {
    const end = endOfNaturalLine(text, segmentStart);
    let slashes = 0;
    while (end - slashes - 1 >= segmentStart && text[end - slashes - 1] === '\\') slashes++;
    const continues = slashes % 2 === 1;
    const contentEnd = continues ? end - 1 : end;
    for (let i = segmentStart; i < contentEnd; i++) {
      line.chars += text[i];
      line.offsets.push(i);
    }
    line.end = contentEnd;
    let next = skipTerminator(text, end);
    if (!continues || end >= text.length) return { line, next };
    while (next < text.length && isBlank(text[next])) next++;
    segmentStart = next;
    if (next >= text.length) return { line, next };
  }
}

function spanOf(line: LogicalLine, from: number, to: number): Span {
  if (from >= to) {
    const at = from < line.offsets.length ? line.offsets[from] : line.end;
    return span(at, at);
  }
  return span(line.offsets[from], line.offsets[to - 1] + 1);
}

function splitKeyValue(line: LogicalLine): { keyEnd: number; valueStart: number } {
  const chars = line.chars;
  let keyEnd = 0;
  let valueStart = chars.length;
  let escaped = false;
  let hasSeparator = false;
  while (keyEnd < chars.length) {
    const c = chars[keyEnd];
    if ((c === '=' || c === ':') && !escaped) {
      valueStart = keyEnd + 1;
      hasSeparator = true;
      break;
    }
    if (isBlank(c) && !escaped) {
      valueStart = keyEnd + 1;
      break;
    }
    escaped = c === '\\' ? !escaped : false;
    keyEnd++;
  }
  while (valueStart < chars.length) {
    const c = chars[valueStart];
    if (!isBlank(c)) {
      if (!hasSeparator && (c === '=' || c === ':')) hasSeparator = true;
      else break;
    }
    valueStart++;
  }
  return { keyEnd, valueStart };
}

/** Reads a spark-defaults file into the neutral model: one scope holding one spark-defaults classification. */
export function readProperties(text: string): ConfigModel {
  const entries: PropertyEntry[] = [];
  const comments: { text: string; span: Span }[] = [];
  const problems: SyntaxProblem[] = [];
  let i = 0;
  // A byte order mark is not part of the first key.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length) {
    while (i < text.length && isBlank(text[i])) i++;
    if (i >= text.length) break;
    if (isLineEnd(text[i])) {
      i = skipTerminator(text, i);
      continue;
    }
    if (text[i] === '#' || text[i] === '!') {
      const end = endOfNaturalLine(text, i);
      comments.push({ text: text.slice(i, end), span: span(i, end) });
      i = skipTerminator(text, end);
      continue;
    }
    const { line, next } = readLogicalLine(text, i);
    i = next;
    const { keyEnd, valueStart } = splitKeyValue(line);
    const key = decodeEscapes(line.chars.slice(0, keyEnd), line.offsets, 0);
    const value = decodeEscapes(line.chars.slice(valueStart), line.offsets, valueStart);
    for (const p of [key.problem, value.problem]) {
      if (p) problems.push({ message: p.message, span: span(p.at, Math.min(p.at + 6, line.end)) });
    }
    const keySpan = spanOf(line, 0, keyEnd);
    const valueSpan = spanOf(line, valueStart, line.chars.length);
    entries.push({
      key: key.text,
      value: value.text,
      valueKind: 'string',
      keySpan,
      valueSpan,
      entrySpan: span(line.start, line.end),
      path: [key.text],
      rawKey: text.slice(keySpan.start, keySpan.end),
      rawValue: text.slice(valueSpan.start, valueSpan.end),
      lineSpan: span(line.start, line.end),
    });
  }

  const scope: ConfigurationScope = { kind: 'properties-file', path: [], span: span(0, text.length), classifications: [], names: API_NAMES };
  const classification: Classification = {
    name: 'spark-defaults',
    span: span(0, text.length),
    path: [],
    properties: entries,
    children: [],
    ancestors: [],
    scope,
    names: API_NAMES,
  };
  scope.classifications.push(classification);
  return {
    format: 'properties',
    shape: { id: 'spark-defaults', label: 'a spark-defaults file' },
    parts: PROPERTIES_PARTS,
    text,
    recognized: true,
    scopes: [scope],
    cluster: { applications: [], groups: [], notLiteral: [], serverlessWorkers: [] },
    submissions: [],
    syntaxProblems: problems,
    schemaTargets: [],
    comments,
    writer: propertiesWriter,
  };
}
