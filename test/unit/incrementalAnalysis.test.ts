// Differential test of reading a document again after an edit (readDocumentAfterEdit: JSON parses again only the
// innermost array or object around the edit and moves the rest of the old tree) and of analysing it again (the entry
// rules' reports kept for the entries the edit did not change: analysis/entryChecks.ts): after every edit of many
// random edit sequences, over the rule fixtures, the examples and the benchmark documents, the model and the whole
// analysis must be exactly what reading and analysing the new text from scratch gives.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeModel } from '../../server/src/analysis/analyze';
import { EntryMemo } from '../../server/src/analysis/entryChecks';
import type { ConfigModel } from '../../server/src/engine/model';
import { readDocument, readDocumentAfterEdit } from '../../server/src/formats';
import type { TreeNode } from '../../server/src/formats/tree';
import { merge } from '../../server/src/lsp/editLog';
import { repoRoot, seededRandom } from '../helpers';

function jsonDocuments(): { name: string; text: string; edits: number }[] {
  const docs: { name: string; text: string; edits: number }[] = [];
  const fixtures = path.join(repoRoot, 'test', 'fixtures');
  for (const rule of readdirSync(fixtures).sort()) {
    for (const file of readdirSync(path.join(fixtures, rule)).sort()) {
      if (file.endsWith('.json') && !file.endsWith('.expected.json')) docs.push({ name: `${rule}/${file}`, text: readFileSync(path.join(fixtures, rule, file), 'utf8'), edits: 25 });
    }
  }
  for (const file of readdirSync(path.join(repoRoot, 'examples')).sort()) {
    if (file.endsWith('.json')) docs.push({ name: `examples/${file}`, text: readFileSync(path.join(repoRoot, 'examples', file), 'utf8'), edits: 150 });
  }
  // The benchmark documents, when npm run bench has generated them.
  for (const [file, edits] of [['configurations-2k.json', 60], ['cluster-20k.json', 8]] as const) {
    const full = path.join(repoRoot, 'bench', 'docs', file);
    if (existsSync(full)) docs.push({ name: `bench/docs/${file}`, text: readFileSync(full, 'utf8'), edits });
  }
  return docs;
}

/** Offsets inside string tokens (where typing mostly happens), from a tree. */
function stringInsides(node: TreeNode | undefined, out: number[] = []): number[] {
  if (!node) return out;
  if (node.type === 'string' && node.length >= 2) out.push(node.offset + 1 + Math.floor((node.length - 2) / 2));
  for (const child of node.children ?? []) stringInsides(child, out);
  return out;
}

const ALPHABET = ['x', '7', ' ', '.', '-', 'g', '"', ',', ':', '{', '}', '[', ']', '\\', '\n', 'é', 'true', '"a": "b", ', '{"k": [1, {"v": "w"}]}'];

/** One random edit: mostly typing or deleting inside a string, sometimes anywhere, sometimes structure. */
function nextEdit(text: string, model: ConfigModel, next: () => number): { start: number; end: number; insert: string } {
  const strings = stringInsides(model.tree);
  const anywhere = strings.length === 0 || next() < 0.3;
  const at = anywhere ? Math.floor(next() * (text.length + 1)) : strings[Math.floor(next() * strings.length)] + Math.floor(next() * 3) - 1;
  const start = Math.max(0, Math.min(text.length, at));
  const kind = next();
  if (kind < 0.5) return { start, end: start, insert: ALPHABET[Math.floor(next() * ALPHABET.length)] };
  if (kind < 0.85) return { start, end: Math.min(text.length, start + 1 + Math.floor(next() * 3)), insert: '' };
  return { start, end: Math.min(text.length, start + 1 + Math.floor(next() * 8)), insert: ALPHABET[Math.floor(next() * ALPHABET.length)] };
}

/** The tree as plain data, parents checked on the way (so a node moved without its parent link is caught). */
function plainTree(node: TreeNode | undefined, parent?: TreeNode): unknown {
  if (!node) return undefined;
  assert.equal(node.parent, parent, `parent link of the ${node.type} at ${node.offset}`);
  return { type: node.type, value: node.value, offset: node.offset, length: node.length, colonOffset: node.colonOffset, opaque: node.opaque, children: node.children?.map((c) => plainTree(c, node)) };
}

function assertSameModel(incremental: ConfigModel, fresh: ConfigModel, where: string): void {
  assert.deepStrictEqual(plainTree(incremental.tree), plainTree(fresh.tree), `${where}: syntax tree`);
  const { tree: _a, writer: _b, ...rest } = incremental;
  const { tree: _c, writer: _d, ...freshRest } = fresh;
  // The nodes entries were read from are compared with the tree, above.
  const withoutSources = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'source' || key === 'parent' || key === 'group' || key === 'scope' || key === 'readAfterEdit' ? undefined : v)));
  assert.deepStrictEqual(withoutSources(rest), withoutSources(freshRest), `${where}: model`);
  assert.equal(incremental.writer, fresh.writer);
}

/**
 * An analysis as text, without the model it holds (compared on its own): findings, failures and the sizing reports,
 * whose functions are left out and whose references back to an object being written (scopes hold their
 * classifications and back) are marked. An object reached twice by different paths is written twice: whether two
 * spans are one object or two equal ones makes no difference to anyone.
 */
function withoutModel(analysis: ReturnType<typeof analyzeModel>): string {
  const { model: _model, ...rest } = analysis;
  const open = new Set<object>();
  const written = new Map<object, string>();
  const write = (value: unknown): string => {
    if (typeof value === 'function') return '"[function]"';
    if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
    if (open.has(value)) return '"[cycle]"';
    const done = written.get(value);
    if (done !== undefined) return done;
    open.add(value);
    const text = Array.isArray(value)
      ? `[${value.map(write).join(',')}]`
      : // The syntax nodes entries were read from: the trees are compared on their own.
        `{${Object.entries(value).filter(([key, v]) => key !== 'source' && v !== undefined).map(([key, v]) => `${JSON.stringify(key)}:${write(v)}`).join(',')}}`;
    open.delete(value);
    written.set(value, text);
    return text;
  };
  return write(rest);
}

describe('reading a document again after an edit', () => {
  test('gives the model and analysis a fresh read gives, over random edit sequences', async () => {
    let edits = 0;
    let reused = 0;
    let cleanToClean = 0;
    let recalled = 0;
    let entries = 0;
    for (const [index, doc] of jsonDocuments().entries()) {
      const next = await seededRandom(1000 + index);
      const fileName = doc.name.split('/').pop()!;
      let text = doc.text;
      let model = readDocument({ text, fileName });
      let undo: { start: number; end: number; insert: string } | undefined;
      const memo = new EntryMemo();
      analyzeModel(model, { entryMemo: memo });
      for (let i = 0; i < doc.edits; i++) {
        // As a person types: a change that broke the JSON is mostly undone next (which makes it clean again).
        const edit = undo && model.syntaxProblems.length > 0 && next() < 0.7 ? undo : nextEdit(text, model, next);
        undo = { start: edit.start, end: edit.start + edit.insert.length, insert: text.slice(edit.start, edit.end) };
        const newText = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
        const where = `${doc.name}, edit ${i + 1} (${JSON.stringify(edit)})`;
        const previousTree = model.tree;
        const incremental = readDocumentAfterEdit(model, { start: edit.start, oldEnd: edit.end, newEnd: edit.start + edit.insert.length }, { text: newText, fileName });
        const fresh = readDocument({ text: newText, fileName });
        if (incremental.tree !== undefined && incremental.tree === previousTree) reused++;
        if (model.syntaxProblems.length === 0 && incremental.syntaxProblems.length === 0) cleanToClean++;
        assertSameModel(incremental, fresh, where);
        assert.equal(withoutModel(analyzeModel(incremental, { entryMemo: memo })), withoutModel(analyzeModel(fresh)), `${where}: analysis`);
        recalled += memo.recalled;
        entries += memo.recalled + memo.checked;
        edits++;
        text = newText;
        model = incremental;
      }
    }
    // The edits exercised the incremental path, not only the full read it falls back to.
    assert.ok(edits > 1000, `${edits} edits`);
    assert.ok(reused > cleanToClean / 2, `${reused} of ${edits} edits were read incrementally, ${cleanToClean} kept the JSON clean`);
    // Entries an edit did not touch had their reports reused: 21 % of all over the fixtures and examples (small
    // files, where a third of the edits break the JSON or mend it and are read in full), more with the bench documents.
    assert.ok(recalled > entries / 10, `${recalled} of ${entries} entries reused`);
  });

  test('falls back to a full read when the edit breaks the JSON, and recovers the next time', () => {
    const text = '[{"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "8g", "spark.executor.cores": "4"}}]';
    const model = readDocument({ text, fileName: 'c.json' });
    const at = text.indexOf('8g');
    // A quote inside the value breaks it: read in full, with the syntax problem.
    const broken = text.slice(0, at) + '"' + text.slice(at);
    const afterBreak = readDocumentAfterEdit(model, { start: at, oldEnd: at, newEnd: at + 1 }, { text: broken, fileName: 'c.json' });
    assert.notEqual(afterBreak.tree, model.tree);
    assert.ok(afterBreak.syntaxProblems.length > 0);
    assertSameModel(afterBreak, readDocument({ text: broken, fileName: 'c.json' }), 'broken');
    // Fixed again: a full read (the broken version kept no clean parse), then typing is incremental again.
    const fixed = readDocumentAfterEdit(afterBreak, { start: at, oldEnd: at + 1, newEnd: at }, { text, fileName: 'c.json' });
    assert.equal(fixed.syntaxProblems.length, 0);
    const typed = text.slice(0, at) + '1' + text.slice(at);
    const afterTyping = readDocumentAfterEdit(fixed, { start: at, oldEnd: at, newEnd: at + 1 }, { text: typed, fileName: 'c.json' });
    assert.equal(afterTyping.tree, fixed.tree, 'the tree was reused');
    assert.equal(afterTyping.scopes[0].classifications[0].properties[0].value, '18g');
    assertSameModel(afterTyping, readDocument({ text: typed, fileName: 'c.json' }), 'typed');
  });
});

describe('the edit log', () => {
  test('merges any sequence of changes into the one range of the base text they changed', async () => {
    const next = await seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const base = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(1 + Math.floor(next() * 3));
      let text = base;
      let range: ReturnType<typeof merge> | undefined;
      for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 4));
        const inserted = 'XYZ'.slice(0, Math.floor(next() * 4));
        range = merge(range, start, end, inserted.length);
        text = text.slice(0, start) + inserted + text.slice(end);
      }
      const r = range!;
      assert.equal(text.slice(0, r.start), base.slice(0, r.start), `prefix, round ${round}`);
      assert.equal(text.slice(r.newEnd), base.slice(r.oldEnd), `suffix, round ${round}`);
      assert.ok(r.start <= r.oldEnd && r.start <= r.newEnd);
    }
  });
});
