import { Composer, isAlias, isMap, isScalar, isSeq, Parser, YAMLParseError, type Document, type Node as YamlNode } from 'yaml';
import type { SyntaxProblem } from '../../engine/model';
import { span, type Span } from '../../engine/text';
import type { TreeNode, TreeNodeType } from '../tree';

// YAML read with the `yaml` package and converted into the same tree JSON is read into (as yaml-language-server
// converts YAML for the JSON language service), so every EMR shape is read by one set of path maps.

/** Node types the YAML core schema resolves without a tag of ours; anything else is not literal data. */
const CORE_TAG = /^tag:yaml\.org,2002:/;

export interface YamlTree {
  root: TreeNode | undefined;
  problems: SyntaxProblem[];
  comments: { text: string; span: Span }[];
}

interface Mutable {
  type: TreeNodeType;
  value?: unknown;
  offset: number;
  length: number;
  parent?: Mutable;
  children?: Mutable[];
  opaque?: string;
  flow?: boolean;
}

function scalarType(value: unknown): TreeNodeType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'null';
}

/** Where a node's text starts, its tag included (`!Ref Name` starts at the `!`): the library's range starts at the value. */
function startWithTag(text: string, node: YamlNode): number {
  const start = node.range![0];
  const tag = node.tag;
  if (!tag || CORE_TAG.test(tag)) return start;
  const written = tag.startsWith('!') ? tag : `!<${tag}>`;
  const at = text.lastIndexOf(written, start);
  if (at < 0 || start - at > written.length + 200) return start;
  for (let i = at + written.length; i < start; i++) if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') return start;
  return at;
}

/**
 * The end of a node's value. A block scalar's (`|`, `>-`) range runs on over the line break that ends its last line:
 * that line break belongs to the document, so an edit that replaces the scalar keeps it.
 */
function valueEnd(text: string, node: YamlNode): number {
  let end = node.range![1];
  if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) {
    while (end > node.range![0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  }
  return end;
}

function convert(text: string, top: YamlNode): TreeNode {
  // An explicit stack: the converted tree may nest deeper than the call stack allows.
  const created: Mutable[] = [];
  const make = (node: YamlNode): Mutable => {
    const made = makeNode(text, node);
    created.push(made);
    return made;
  };
  const root = make(top);
  const stack: { source: YamlNode; target: Mutable }[] = [{ source: top, target: root }];
  while (stack.length > 0) {
    const { source, target } = stack.pop()!;
    if (isMap(source)) {
      target.children = [];
      for (const pair of source.items) {
        // A key that is a collection (`{}: x`) is kept too, so the mapping still counts that member.
        if (!pair.key) continue;
        // The property is made before its key and value, so that its end is worked out after theirs (below).
        const property: Mutable = { type: 'property', offset: 0, length: 0, parent: target };
        created.push(property);
        const key = make(pair.key as YamlNode);
        const value = pair.value ? make(pair.value as YamlNode) : undefined;
        property.offset = key.offset;
        property.children = value ? [key, value] : [key];
        key.parent = property;
        if (value) {
          value.parent = property;
          stack.push({ source: pair.value as YamlNode, target: value });
        }
        target.children.push(property);
      }
    } else if (isSeq(source)) {
      target.children = [];
      for (const item of source.items) {
        if (!item) continue;
        const child = make(item as YamlNode);
        child.parent = target;
        target.children.push(child);
        stack.push({ source: item as YamlNode, target: child });
      }
    }
  }
  // Children were made after their parents: from the last made to the first, every end is known before it is needed.
  // A property ends with its value; a block collection with its last item (its range runs on over line breaks).
  for (let i = created.length - 1; i >= 0; i--) {
    const node = created[i];
    const last = node.children?.[node.children.length - 1];
    if (node.type === 'property') node.length = last!.offset + last!.length - node.offset;
    else if (last && !node.flow && !node.opaque) node.length = last.offset + last.length - node.offset;
  }
  return root;
}

function makeNode(text: string, node: YamlNode): Mutable {
  const start = startWithTag(text, node);
  const base = { offset: start, length: Math.max(0, valueEnd(text, node) - start) };
  const tag = node.tag && !CORE_TAG.test(node.tag) ? node.tag : undefined;
  if (isAlias(node)) return { type: 'null', ...base, opaque: 'an alias' };
  if (isScalar(node)) return { type: scalarType(node.value), value: node.value, ...base, opaque: tag };
  if (isMap(node)) return { type: 'object', ...base, opaque: tag, flow: node.flow === true };
  if (isSeq(node)) return { type: 'array', ...base, opaque: tag, flow: node.flow === true };
  return { type: 'null', ...base };
}

function describeError(code: string, message: string): string {
  const first = message.split(/ at line \d+, column \d+/)[0].split('\n')[0].trim();
  switch (code) {
    case 'BAD_INDENT':
      return 'This line is not indented as YAML expects here.';
    case 'MISSING_CHAR':
      if (/closing .*quote/i.test(first)) return 'This quoted value is never closed: its closing quote is missing.';
      return `A character YAML expects is missing here (${first}).`;
    case 'MULTIPLE_DOCS':
      return 'The file holds several YAML documents; only the first is read.';
    case 'DUPLICATE_KEY':
      return 'The same key twice in one mapping: YAML refuses it.';
    default:
      return `This is not valid YAML: ${first.replace(/\.$/, '')}.`;
  }
}

/** What the library's concrete syntax tree (its source tokens carry their offsets) tells beyond the document. */
interface SourceTokens {
  comments: { text: string; span: Span }[];
  /** Where each quoted scalar that lacks its closing quote starts. */
  unclosedQuotes: number[];
}

function sourceTokensOf(tokens: readonly unknown[]): SourceTokens {
  const comments: { text: string; span: Span }[] = [];
  const unclosedQuotes: number[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const token = node as { type?: string; offset?: number; source?: string };
    if (typeof token.offset === 'number' && typeof token.source === 'string') {
      if (token.type === 'comment') {
        comments.push({ text: token.source, span: span(token.offset, token.offset + token.source.length) });
        continue;
      }
      const quote = token.type === 'double-quoted-scalar' ? '"' : token.type === 'single-quoted-scalar' ? "'" : undefined;
      if (quote && (token.source.length < 2 || !token.source.endsWith(quote) || (quote === '"' && /(^|[^\\])(\\\\)*\\"$/.test(token.source.slice(1))))) unclosedQuotes.push(token.offset);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
  }
  return { comments: comments.sort((a, b) => a.span.start - b.span.start), unclosedQuotes: unclosedQuotes.sort((a, b) => a - b) };
}

/**
 * Where a problem is best shown: the library reports a missing closing quote at the end of the text and a bad
 * indentation at the start of the line; the quote that opens the unclosed scalar, and the indentation itself, say more.
 */
function problemSpan(text: string, error: { code: string; message: string }, start: number, end: number, tokens: SourceTokens): Span {
  const { code } = error;
  if (code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    const opening = tokens.unclosedQuotes.filter((at) => at <= start).pop();
    if (opening !== undefined) return span(opening, opening + 1);
  }
  if (code === 'BAD_INDENT' && (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r')) {
    let blank = start;
    while (text[blank] === ' ' || text[blank] === '\t') blank++;
    if (blank > start) return span(start, blank);
  }
  return span(Math.min(start, text.length), Math.min(Math.max(end, start + 1), text.length));
}

export function parseYamlTree(text: string): YamlTree {
  let document: Document.Parsed | undefined;
  let tokens: unknown[];
  try {
    // One pass of the library's parser gives the concrete tree (for comments), composed into the document from it.
    tokens = [...new Parser().parse(text)];
    // Duplicate keys are reported by the rules (with the one that takes effect), not refused here.
    for (const composed of new Composer({ uniqueKeys: false, prettyErrors: false, strict: false }).compose(tokens as Iterable<never>, true, text.length)) {
      if (!document) document = composed;
      else document.errors.push(new YAMLParseError([composed.range[0], composed.range[0] + 1], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
    }
  } catch (error) {
    const why = error instanceof RangeError ? 'This YAML is nested too deep to be read.' : 'This YAML could not be read.';
    return { root: undefined, problems: [{ message: why, span: span(0, Math.min(1, text.length)) }], comments: [] };
  }
  const source = sourceTokensOf(tokens);
  if (!document) return { root: undefined, problems: [], comments: source.comments };
  const problems: SyntaxProblem[] = document.errors.map((e) => {
    const [start, end] = e.pos;
    return { message: describeError(e.code, e.message), span: problemSpan(text, e, start, end, source) };
  });
  let root: TreeNode | undefined;
  try {
    root = document.contents ? convert(text, document.contents as YamlNode) : undefined;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push({ message: 'This YAML is nested too deep to be read.', span: span(0, Math.min(1, text.length)) });
  }
  return { root, problems, comments: source.comments };
}
