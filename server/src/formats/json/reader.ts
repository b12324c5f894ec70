import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ConfigModel, SyntaxProblem } from '../../engine/model';
import { span } from '../../engine/text';
import { readShape } from '../shapes';
import type { TreeNode } from '../tree';
import type { EditedRange, ReadOptions } from '../types';
import { reparseAfterEdit } from './incremental';
import { parseJsonTree, type JsonTree } from './syntaxTree';
import { jsonWriter } from './writer';

function syntaxProblems(errors: ParseError[], text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  // A set, not a search of the problems so far: a broken 1 MB document has 100,000 of them (that was quadratic).
  const starts = new Set<number>();
  for (const e of errors) {
    const end = Math.min(text.length, e.offset + Math.max(e.length, 1));
    const start = Math.min(e.offset, end);
    // The parser reports a trailing comma twice at the same place (name expected, value expected); one is enough.
    if (starts.has(start)) continue;
    starts.add(start);
    problems.push({ message: describeParseError(printParseErrorCode(e.error)), span: span(start, Math.max(start, end)) });
  }
  return problems;
}

function describeParseError(code: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return 'Invalid character here: JSON expects a value, a property name or punctuation.';
    case 'InvalidNumberFormat':
      return 'This number is not valid JSON.';
    case 'PropertyNameExpected':
      return 'A property name in double quotes is expected here (a trailing comma is not allowed in JSON).';
    case 'ValueExpected':
      return 'A value is expected here (a trailing comma is not allowed in JSON).';
    case 'ColonExpected':
      return 'A colon is expected after the property name.';
    case 'CommaExpected':
      return 'A comma is expected between members.';
    case 'CloseBraceExpected':
      return 'A closing brace } is expected.';
    case 'CloseBracketExpected':
      return 'A closing bracket ] is expected.';
    case 'EndOfFileExpected':
      return 'Only one top-level value is allowed; text follows the end of the document.';
    case 'InvalidCommentToken':
      return 'Comments are not allowed: EMR rejects configuration JSON that contains them.';
    case 'UnexpectedEndOfComment':
      return 'This comment is not closed.';
    case 'UnexpectedEndOfString':
      return 'This string is not closed.';
    case 'UnexpectedEndOfNumber':
      return 'This number is incomplete.';
    case 'InvalidUnicode':
      return 'Invalid \\u escape: four hexadecimal digits are expected.';
    case 'InvalidEscapeCharacter':
      return 'Invalid escape sequence in this string.';
    case 'InvalidCharacter':
      return 'Control characters must be escaped inside JSON strings.';
    default:
      return `JSON syntax error (${code}).`;
  }
}

/**
 * Deeper than this many nested arrays and objects a JSON document is not read: no EMR configuration comes near it,
 * and the readers after the parser (and hover, completion) recurse once per level: 10,000 levels ran out of stack.
 */
export const MAX_JSON_DEPTH = 1000;

/** Fewer openers than the limit cannot nest deeper: most documents stop here after a few indexOf calls. */
function mayBeTooDeep(text: string, limit: number): boolean {
  let openers = 0;
  for (const bracket of ['[', '{']) {
    for (let at = text.indexOf(bracket); at >= 0 && openers <= limit; at = text.indexOf(bracket, at + 1)) openers++;
  }
  return openers > limit;
}

/** The first container (in document order) nested deeper than `limit`, walking the tree without recursion. */
function tooDeepNode(root: TreeNode, limit: number): number | undefined {
  const nodes: TreeNode[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return node.offset;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i].type === 'property' ? children[i].children?.[1] : children[i];
      if (child && (child.type === 'object' || child.type === 'array')) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/** The parse behind each model read from JSON that parsed cleanly, kept for reading its next version after one edit. */
const cleanParses = new WeakMap<ConfigModel, { tree: JsonTree; allowComments: boolean }>();

function parseOptions(options: ReadOptions) {
  return { allowTrailingComma: false, disallowComments: !options.allowComments, allowEmptyContent: true };
}

/** Reads JSON into the neutral model: the syntax tree first, then the EMR shape it has. */
export function readJson(text: string, options: ReadOptions = {}): ConfigModel {
  const errors: ParseError[] = [];
  const deep = mayBeTooDeep(text, MAX_JSON_DEPTH);
  // parseTree + getNodeValue in one pass (syntaxTree.ts): the same tree and errors, built without recursion.
  const tree = parseJsonTree(text, errors, parseOptions(options));
  const { root } = tree;
  const tooDeep = deep && root ? tooDeepNode(root, MAX_JSON_DEPTH) : undefined;
  const problems: SyntaxProblem[] =
    tooDeep === undefined
      ? syntaxProblems(errors, text)
      : [
          {
            message: `This JSON is nested more than ${MAX_JSON_DEPTH} levels deep here, so it is not read any further: no EMR configuration comes near that depth.`,
            span: span(tooDeep, Math.min(text.length, tooDeep + 1)),
          },
        ];
  const model = modelOf(text, tree, problems, tooDeep !== undefined);
  if (problems.length === 0 && root) cleanParses.set(model, { tree, allowComments: !!options.allowComments });
  return model;
}

/**
 * The model of `text`, one edit away from the text `previous` was read from, read again from the parse behind
 * `previous` (only the innermost array or object around the edit is parsed again; see incremental.ts). That parse is
 * changed in place: `previous` must not be used afterwards. Undefined when that cannot be done (`previous` did not
 * parse cleanly or was read with other options, or the edit leaves the JSON broken): read `text` in full then.
 */
export function rereadJsonAfterEdit(previous: ConfigModel, text: string, edit: EditedRange, options: ReadOptions = {}): ConfigModel | undefined {
  const state = cleanParses.get(previous);
  if (!state || state.allowComments !== !!options.allowComments) return undefined;
  const fits = 0 <= edit.start && edit.start <= edit.oldEnd && edit.oldEnd <= previous.text.length && edit.start <= edit.newEnd;
  if (!fits || text.length - previous.text.length !== edit.newEnd - edit.oldEnd) return undefined;
  const tree = reparseAfterEdit(state.tree, text, edit, parseOptions(options), MAX_JSON_DEPTH);
  if (!tree) return undefined;
  cleanParses.delete(previous);
  const model = modelOf(text, tree, [], false, true);
  cleanParses.set(model, { tree, allowComments: state.allowComments });
  return model;
}

function modelOf(text: string, { root, value }: JsonTree, problems: SyntaxProblem[], tooDeep: boolean, afterEdit = false): ConfigModel {
  const shape = readShape(tooDeep ? undefined : root, { text, decode: jsonWriter.decode, root, rootValue: value });
  return {
    format: 'json',
    shape: shape.shape,
    parts: shape.parts,
    text,
    // Without a tree, the shape is judged by the member names EMR configurations use.
    recognized: tooDeep ? /"(Classification|Configurations|ReleaseLabel|InstanceGroups|InstanceFleets)"\s*:/.test(text) : shape.recognized,
    unrecognized: shape.unrecognized,
    scopes: shape.scopes,
    cluster: shape.cluster,
    submissions: shape.submissions,
    syntaxProblems: problems,
    tree: tooDeep ? undefined : root,
    schemaTargets: shape.schemaTargets,
    comments: [],
    writer: jsonWriter,
    ...(afterEdit ? { readAfterEdit: true } : {}),
  };
}
