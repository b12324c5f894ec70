// Differential test of the one-pass JSON reader (server/src/engine/jsonTree.ts) against jsonc-parser's own
// parseTree + getNodeValue: every JSON fixture and example, truncated at many offsets and mutated thousands of times
// from a fixed seed, with comments allowed and disallowed, must give the same tree (types, offsets, lengths, values,
// colon offsets, children, parent links), the same errors and the same plain value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createScanner, getNodeValue, parseTree, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import { parseJsonTree } from '../../server/src/formats/json/syntaxTree';
import { repoRoot, seededRandom } from '../helpers';

const SEED = 20240917;

/** As jsonModel.ts parses: comments disallowed (EMR JSON) or allowed (.jsonc). */
const STRICT: ParseOptions = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true };
const COMMENTS: ParseOptions = { allowTrailingComma: false, disallowComments: false, allowEmptyContent: true };
const OTHERS: ParseOptions[] = [
  { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  { allowTrailingComma: true, disallowComments: true, allowEmptyContent: false },
  { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false },
];

interface Doc {
  name: string;
  text: string;
}

function jsonDocs(): Doc[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.jsonc?(\.fixed)?$/.test(name)) files.push(full);
    }
  };
  walk(path.join(repoRoot, 'test', 'fixtures'));
  walk(path.join(repoRoot, 'examples'));
  return files.map((file) => ({ name: path.relative(repoRoot, file), text: readFileSync(file, 'utf8') }));
}

/**
 * A copy of the tree without the parent links (which make it cyclic), so that deepStrictEqual compares every other
 * own key, present or absent. The links are checked on the way: every child's parent is the node holding it, and the
 * root has no parent key at all.
 */
function snapshot(root: Node): unknown {
  const arrays = new Set<Node[]>();
  const copy = (node: Node, parent: Node | undefined): unknown => {
    if (parent === undefined ? Object.prototype.hasOwnProperty.call(node, 'parent') : node.parent !== parent) {
      throw new Error(`wrong parent link on the ${node.type} at ${node.offset}`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node) as (keyof Node)[]) {
      if (key !== 'parent' && key !== 'children') out[key] = node[key];
    }
    if (node.children !== undefined) {
      // Two nodes sharing one children array (say, an empty placeholder) would look equal but are not.
      if (arrays.has(node.children) || Object.isFrozen(node.children)) throw new Error(`shared children array on the ${node.type} at ${node.offset}`);
      arrays.add(node.children);
      out.children = node.children.map((child) => copy(child, node));
    }
    return out;
  };
  return copy(root, undefined);
}

/**
 * A tree or plain value as a flat list, one row per node or value in document order, walked without recursion: each
 * row has the node's own keys (but its children) or the value's prototype and keys, and the row of its parent.
 */
function flatten(top: unknown): unknown[] {
  const rows: unknown[] = [];
  const pending: { item: unknown; parentRow: number }[] = [{ item: top, parentRow: -1 }];
  while (pending.length > 0) {
    const { item, parentRow } = pending.pop()!;
    const row = rows.length;
    if (item === null || typeof item !== 'object') {
      rows.push({ parentRow, primitive: item });
      continue;
    }
    const record = item as Record<string, unknown>;
    const own: Record<string, unknown> = { parentRow, prototype: Object.getPrototypeOf(item), keys: Object.keys(record) };
    const below: unknown[] = [];
    if (Array.isArray(item)) below.push(...(item as unknown[]));
    else if (typeof record.type === 'string' && typeof record.offset === 'number') {
      // A node: its parent link must be the row it hangs from (the root has none).
      own.parentIsRight = parentRow < 0 ? !Object.prototype.hasOwnProperty.call(record, 'parent') : record.parent === (rows[parentRow] as { node: unknown }).node;
      for (const key of Object.keys(record)) if (key !== 'parent' && key !== 'children') own[`.${key}`] = record[key];
      below.push(...((record.children as unknown[] | undefined) ?? []));
    } else {
      for (const key of Object.keys(record)) below.push(record[key]);
    }
    rows.push(own);
    Object.defineProperty(own, 'node', { value: item, enumerable: false });
    for (let i = below.length - 1; i >= 0; i--) pending.push({ item: below[i], parentRow: row });
  }
  return rows;
}

interface Parsed {
  tree: unknown;
  errors: ParseError[];
  value: unknown;
}

function expected(text: string, options: ParseOptions): Parsed {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, options);
  return { tree: root && snapshot(root), errors, value: root ? getNodeValue(root) : undefined };
}

function actual(text: string, options: ParseOptions): Parsed {
  const errors: ParseError[] = [];
  const { root, value } = parseJsonTree(text, errors, options);
  return { tree: root && snapshot(root), errors, value };
}

/** Undefined when both parsers agree, else what differs (with deepStrictEqual's diff). */
function difference(want: Parsed, got: Parsed): string | undefined {
  for (const part of ['tree', 'errors', 'value'] as const) {
    try {
      assert.deepStrictEqual(got[part], want[part]);
    } catch (error) {
      return `${part}: ${(error as Error).message.slice(0, 1500)}`;
    }
  }
  return undefined;
}

/** Compares both parsers on each text with each set of options; returns the first few disagreements. */
function compareAll(cases: Iterable<{ label: string; text: string }>, optionSets: ParseOptions[]): { count: number; failures: string[] } {
  const failures: string[] = [];
  let count = 0;
  for (const { label, text } of cases) {
    for (const options of optionSets) {
      count++;
      let problem: string | undefined;
      try {
        problem = difference(expected(text, options), actual(text, options));
      } catch (error) {
        problem = `threw ${(error as Error).stack}`;
      }
      if (problem !== undefined && failures.length < 5) failures.push(`${label} ${JSON.stringify(options)} ${JSON.stringify(text.slice(0, 300))}\n${problem}`);
    }
  }
  return { count, failures };
}

// ---- seeded mutations --------------------------------------------------------------------------------------------

type Random = () => number;

const seeded = seededRandom;

/** Token boundaries as jsonc-parser's scanner sees them (whitespace and comments included). */
function tokens(text: string): { start: number; end: number }[] {
  const scanner = createScanner(text, false);
  const out: { start: number; end: number }[] = [];
  for (let kind = scanner.scan(); kind !== 17 /* EOF */; kind = scanner.scan()) {
    out.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() });
  }
  return out;
}

const PUNCTUATION = ['{', '}', '[', ']', ':', ',', '"', '\\', '/', '*', "'", '-', '+', '.', 'e', '0', ' ', '\n', '\r', '\t', '\u0000', '\u001f', '\u00a0', '\ufeff', '\u2028', 'é', '😀', '\ud800', 'x'];
const TOKENS = ['{', '}', '[', ']', ':', ',', '"x"', '""', '"__proto__"', '"constructor"', '"Classification"', '"Properties"', '1', '-0', '01', '1.', '.5', '-', '1e', '1e999', '-1.5e-3', '12345678901234567890', 'true', 'false', 'null', 'tru', 'nul', 'NaN', 'Infinity', '"\\u12"', '"\\uZZZZ"', '"\\q"', '"\\"', '"a\tb"', '"unterminated', '"line\nbreak"', '/* c */', '// c\n', '/*', '//', '/* a */ /* b', '{}', '[]', '{"a":}', '{"a"}', '[,]', '{,}', ',,', '::'];

function mutate(random: Random, text: string): { text: string; how: string } {
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const boundary = (): number => {
    const list = tokens(text);
    if (list.length === 0) return 0;
    const token = pick(list);
    return random() < 0.5 ? token.start : token.end;
  };
  const insert = (at: number, piece: string): string => text.slice(0, at) + piece + text.slice(at);
  switch (int(0, 12)) {
    case 0: {
      let out = text;
      for (let k = int(1, 6); k > 0 && out.length > 0; k--) {
        const at = int(0, out.length - 1);
        out = out.slice(0, at) + pick(PUNCTUATION) + out.slice(at + 1);
      }
      return { text: out, how: 'flip' };
    }
    case 1:
      return { text: text.slice(0, int(0, text.length)), how: 'truncate' };
    case 2:
      return { text: insert(boundary(), pick(TOKENS)), how: 'insert token' };
    case 3: {
      const list = tokens(text).filter((t) => text.slice(t.start, t.end).trim() !== '');
      if (list.length === 0) return { text, how: 'delete token (none)' };
      const first = int(0, list.length - 1);
      const last = Math.min(list.length - 1, first + (random() < 0.7 ? 0 : int(1, 6)));
      return { text: text.slice(0, list[first].start) + text.slice(list[last].end), how: 'delete tokens' };
    }
    case 4:
      return { text: insert(int(0, text.length), pick(PUNCTUATION)), how: 'insert punctuation' };
    case 5:
      return { text: insert(boundary(), pick(['/* c */', '// c\n', '/* unclosed', '// no newline', '/**/', '/* a\n b */', '#'])), how: 'comment' };
    case 6:
      return { text: insert(random() < 0.5 ? boundary() : int(0, text.length), pick(['"', '"abc', '"abc\n', '"\\', '"\\u00'])), how: 'unterminated string' };
    case 7:
      return { text: pick([text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/\n/g, '\n\r')]), how: 'line ends' };
    case 8:
      return { text: pick(['\ufeff' + text, text + '\ufeff', text.replace('{', '{\ufeff')]), how: 'BOM' };
    case 9: {
      const list = tokens(text);
      if (list.length === 0) return { text, how: 'duplicate (none)' };
      const a = int(0, list.length - 1);
      const b = Math.min(list.length - 1, a + int(0, 15));
      const piece = text.slice(list[a].start, list[b].end);
      return { text: insert(list[b].end, (random() < 0.5 ? ',' : '') + piece), how: 'duplicate tokens' };
    }
    case 10: {
      const list = tokens(text);
      if (list.length < 2) return { text, how: 'swap (none)' };
      let [x, y] = [pick(list), pick(list)];
      if (x.start > y.start) [x, y] = [y, x];
      if (x === y) return { text, how: 'swap (same)' };
      return { text: text.slice(0, x.start) + text.slice(y.start, y.end) + text.slice(x.end, y.start) + text.slice(x.start, x.end) + text.slice(y.end), how: 'swap tokens' };
    }
    case 11: {
      const depth = int(1, 60);
      const open = pick(['[', '{"a":', '{"__proto__":']);
      return { text: insert(boundary(), open.repeat(depth)), how: 'open containers' };
    }
    default:
      return { text: pick(['', ' ', '\n\t \r\n', '\ufeff', '\ufeff ', '/* only a comment */', '// only a comment']) + (random() < 0.5 ? '' : text), how: 'empty or blank start' };
  }
}

// ---- tests -------------------------------------------------------------------------------------------------------

test('every .json and .jsonc fixture and example: same tree, errors and value, comments allowed and disallowed', () => {
  const docs = jsonDocs();
  assert.ok(docs.length >= 100, `only ${docs.length} JSON fixtures found`);
  const { count, failures } = compareAll(
    docs.map((d) => ({ label: d.name, text: d.text })),
    [STRICT, COMMENTS],
  );
  assert.equal(count, docs.length * 2);
  assert.deepEqual(failures, []);
});

test('every fixture truncated at up to 60 offsets each', () => {
  const cases: { label: string; text: string }[] = [];
  for (const doc of jsonDocs()) {
    const step = Math.max(1, Math.ceil(doc.text.length / 60));
    for (let at = 0; at <= doc.text.length; at += step) cases.push({ label: `${doc.name} cut at ${at}`, text: doc.text.slice(0, at) });
  }
  const { count, failures } = compareAll(cases, [STRICT, COMMENTS]);
  assert.ok(count > 10_000, `${count} comparisons`);
  assert.deepEqual(failures, []);
});

test(`6,000 seeded mutations (seed ${SEED}): flips, tokens inserted, deleted, duplicated and swapped, comments, unterminated strings, line ends, BOM`, async () => {
  const random = await seeded(SEED);
  const docs = jsonDocs();
  const cases: { label: string; text: string }[] = [];
  const kinds = new Map<string, number>();
  for (let i = 0; i < 6000; i++) {
    const doc = docs[Math.floor(random() * docs.length)];
    let text = doc.text;
    const applied: string[] = [];
    for (let k = random() < 0.6 ? 1 : 2 + Math.floor(random() * 3); k > 0; k--) {
      const m = mutate(random, text);
      text = m.text;
      applied.push(m.how);
      kinds.set(m.how, (kinds.get(m.how) ?? 0) + 1);
    }
    cases.push({ label: `#${i} ${doc.name} [${applied.join(' + ')}]`, text });
  }
  const { count, failures } = compareAll(cases, [STRICT, COMMENTS]);
  assert.equal(count, 12_000);
  assert.deepEqual(failures, []);
  // Every kind of mutation was made many times.
  for (const kind of ['flip', 'truncate', 'insert token', 'delete tokens', 'insert punctuation', 'comment', 'unterminated string', 'line ends', 'BOM', 'duplicate tokens', 'swap tokens', 'open containers', 'empty or blank start']) {
    assert.ok((kinds.get(kind) ?? 0) > 100, `${kind}: ${kinds.get(kind) ?? 0}`);
  }
});

test('seeded mutations with the other parser options (trailing commas allowed, empty content disallowed)', async () => {
  const random = await seeded(SEED + 1);
  const docs = jsonDocs();
  const cases: { label: string; text: string }[] = [];
  for (let i = 0; i < 1500; i++) {
    const doc = docs[Math.floor(random() * docs.length)];
    const m = mutate(random, doc.text);
    cases.push({ label: `#${i} ${doc.name} [${m.how}]`, text: m.text });
  }
  for (const text of ['', ' ', '[1,]', '{"a":1,}', '[,]', '{,}', '[1,,]', '{"a":1,,}']) cases.push({ label: 'edge', text });
  const { failures } = compareAll(cases, OTHERS);
  assert.deepEqual(failures, []);
});

test('hand-written broken and odd inputs', () => {
  const texts = [
    '',
    ' ',
    '\n\r\n\t ',
    '\ufeff',
    '\ufeff{"a": 1}',
    '/* c */',
    '// c',
    '/* unclosed',
    '{"a": /* unclosed',
    '{} // trailing',
    '{}}',
    '{} {}',
    '1 2',
    'true',
    'nul',
    '"abc',
    '"abc\n"',
    '"\\u12G4"',
    '"\\x"',
    '"a\u0001b"',
    ':',
    ',',
    '}',
    ']',
    '{',
    '[',
    '{"a"',
    '{"a":',
    '{"a" 1}',
    '{"a" "b": 1}',
    '{"a": "b": 1}',
    '{"a": , "b": 1}',
    '{"a": }',
    '{"a": 1 "b": 2}',
    '{"a": 1,}',
    '{,}',
    '{,"a":1}',
    '{1: 2}',
    '{a: 1}',
    "{'a': 1}",
    '{"a": [1, 2}',
    '{"a": {"b": [}',
    '[1 2]',
    '[1,,2]',
    '[,1]',
    '[1,]',
    '[}]',
    '[{]',
    '[{"a":1]',
    '[01, 1., .5, -, -0, 1e, 1e999, -1e999, 12345678901234567890]',
    '[NaN, Infinity, undefined]',
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "toString": 2}',
    '{"__proto__": 1, "__proto__": [2]}',
    '{"a": 1, "a": 2, "b": 3, "a": {"c": 4}}',
    '{"a": 1, "a"}',
    '{"a", "b": 1, "a": 2}',
    '{"2": "x", "1": "y", "b": "z", "0": "w"}',
    '{"": "empty key"}',
    '{"a\\u0000b": "nul key", "\\ud800": "lone surrogate"}',
    '{\r\n  "a": 1,\r\n  "b": [\r\n    true\r\n  ]\r\n}',
    '{\r  "a": 1\r}',
    '[1] // c\n',
    '[1] /* c',
  ];
  const { failures } = compareAll(
    texts.map((text) => ({ label: 'case', text })),
    [STRICT, COMMENTS, ...OTHERS],
  );
  assert.deepEqual(failures, []);
});

test('__proto__ and duplicate keys give what getNodeValue gives: own keys on a prototype-less object, last one wins', () => {
  const { value } = parseJsonTree('{"__proto__": {"x": 1}, "a": 1, "a": 2, "b"}', [], STRICT);
  const object = value as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(object), null);
  assert.deepEqual(Object.keys(object), ['__proto__', 'a']);
  assert.equal(object.a, 2);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('deep nesting: 1,200 levels equal parseTree; 100,000 levels are read without running out of stack', () => {
  const shapes = (depth: number): string[] => [
    '['.repeat(depth) + ']'.repeat(depth),
    '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    '[{"a":'.repeat(depth / 2),
    '{"a":['.repeat(depth / 2) + '1',
  ];
  // Compared flattened: deepStrictEqual and JSON.stringify themselves run out of stack on trees this deep.
  for (const text of shapes(1200)) {
    const wantErrors: ParseError[] = [];
    const wantRoot = parseTree(text, wantErrors, STRICT);
    const gotErrors: ParseError[] = [];
    const got = parseJsonTree(text, gotErrors, STRICT);
    assert.deepStrictEqual(gotErrors, wantErrors);
    assert.deepStrictEqual(flatten(got.root), flatten(wantRoot));
    assert.deepStrictEqual(flatten(got.value), flatten(wantRoot && getNodeValue(wantRoot)));
  }

  for (const text of shapes(100_000)) {
    const errors: ParseError[] = [];
    const { root, value } = parseJsonTree(text, errors, STRICT);
    // Down the first child of every level: each one's parent is the container, or the member, holding it.
    let depth = 0;
    let node: Node | undefined = root;
    let plain: unknown = value;
    while (node !== undefined) {
      if (node.type === 'array' || node.type === 'object') depth++;
      if (node.type === 'array') plain = (plain as unknown[])[0];
      if (node.type === 'object') plain = (plain as Record<string, unknown>).a;
      const first: Node | undefined = node.children?.[0];
      const below: Node | undefined = first?.type === 'property' ? first.children?.[1] : first;
      if (below !== undefined) assert.ok(below.parent === (first?.type === 'property' ? first : node), `parent link at ${below.offset}`);
      node = below;
    }
    assert.ok(depth >= 50_000, `${depth} levels`);
    assert.ok(plain === undefined || plain === 1);
    // Closed, no errors; unclosed, each missing bracket (and the missing value) is reported at the end.
    assert.ok(errors.every((e) => e.offset === text.length && e.length === 0));
  }
});

test('the comparison is not blind: a wrong offset, colon offset, parent link, error or prototype is caught', () => {
  const text = '{"a": [1, {"b": null}], "c": "d", "e"}';
  const want = expected(text, STRICT);
  const broken = (change: (root: { -readonly [K in keyof Node]: Node[K] }, errors: ParseError[]) => void): string | undefined => {
    const errors: ParseError[] = [];
    const { root, value } = parseJsonTree(text, errors, STRICT);
    change(root as { -readonly [K in keyof Node]: Node[K] }, errors);
    try {
      return difference(want, { tree: root && snapshot(root), errors, value });
    } catch (error) {
      return (error as Error).message;
    }
  };
  assert.equal(broken(() => undefined), undefined);
  assert.ok(broken((root) => ((root.children![1] as { offset: number }).offset += 1)));
  assert.ok(broken((root) => ((root.children![0] as { colonOffset?: number }).colonOffset = undefined)));
  assert.ok(broken((root) => ((root.children![2] as { colonOffset?: number }).colonOffset = 37)));
  assert.ok(broken((root) => ((root.children![0].children![1] as { parent?: Node }).parent = root)));
  assert.ok(broken((_root, errors) => (errors[0].length += 1)));
  const valueWant = { ...want, value: Object.assign({}, want.value) };
  assert.ok(difference(valueWant, actual(text, STRICT)));
});
