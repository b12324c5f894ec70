// What the server keeps from one version of a document to the next must not hold on to the texts of old versions:
// a piece cut from a text (a value, a message built from one) keeps that whole text alive in V8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/lsp/documentCache';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapAfterCollecting(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * 60 classifications of 100 properties with number values (EMR005 quotes them in its messages), and one string each.
 * Each classification is padded with 20,000 blanks, so that one version of the text (1.4 MB) weighs far more than
 * what the analysis itself keeps (a few hundred KiB, which varies from run to run).
 */
function document(): string {
  const classifications = Array.from({ length: 60 }, (_, c) => {
    const properties = Array.from({ length: 100 }, (_, p) => `"spark.custom.c${c}.p${p}": ${1000 + p}`);
    return `  {${' '.repeat(20_000)}"Classification": "spark-defaults", "Properties": {"spark.app.name": "a", ${properties.join(', ')}}}`;
  });
  return `[\n${classifications.join(',\n')}\n]\n`;
}

test('editing each classification in turn keeps no old version of the text alive', () => {
  const text = document();
  const cache = new DocumentCache(() => ({}));
  const doc = TextDocument.create('file:///memory/configurations.json', 'json', 1, text);
  cache.get(doc);
  let before = 0;
  // One character typed into each classification's string value: each edit reads that value again, and the reports
  // kept for its property come from a different version of the text. The first edit makes the memo (all reports).
  for (let c = 0; c < 60; c++) {
    if (c === 1) before = heapAfterCollecting();
    const at = doc.getText().indexOf('"a"', doc.getText().indexOf(`"spark.custom.c${c}.p0"`) - 40) + 1;
    const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: 'b' };
    cache.recordChange(doc, change);
    TextDocument.update(doc, [change], doc.version + 1);
    // 12,059 findings (EMR005 and SPK001 on every number, EMR009 on the repeated classification): 1,000 kept.
    assert.equal(cache.get(doc).analysis!.omittedFindings, 11059);
  }
  const grown = heapAfterCollecting() - before;
  // Measured: 0.39-0.41 MiB with the pieces kept copied; 0.90-0.99 MiB when the messages and values kept from each
  // version are slices of it (engine/text.ts detached made to return its argument), which keeps old versions alive.
  assert.ok(grown < text.length / 2, `the heap grew by ${(grown / 1024).toFixed(0)} KiB; the text is ${(text.length / 1024).toFixed(0)} KiB`);
});

test('reports are kept for the documents being edited only, and dropped with their analyses', () => {
  const cache = new DocumentCache(() => ({}));
  const memos = () => (cache as unknown as { entryMemos: Map<string, unknown> }).entryMemos.size;
  const open = (name: string) => TextDocument.create(`file:///memory/${name}/configurations.json`, 'json', 1, '[{"Classification": "spark-defaults", "Properties": {"spark.a": "1"}}]');
  const typed = open('typed');
  cache.get(typed);
  assert.equal(memos(), 0, 'opening a document keeps nothing');
  const change = { range: { start: typed.positionAt(60), end: typed.positionAt(60) }, text: '2' };
  cache.recordChange(typed, change);
  TextDocument.update(typed, [change], 2);
  cache.get(typed);
  assert.equal(memos(), 1);
  // Sixteen other documents used since: the edited one's analysis is dropped, and its kept reports with it.
  for (let i = 0; i < 16; i++) cache.get(open(`other-${i}`));
  assert.equal(memos(), 0);
});

test('a format read in full at each edit (YAML) keeps no reports: its nodes are new each time', () => {
  const cache = new DocumentCache(() => ({}));
  const memos = () => (cache as unknown as { entryMemos: Map<string, unknown> }).entryMemos.size;
  const doc = TextDocument.create('file:///memory/configurations.yaml', 'yaml', 1, '- Classification: spark-defaults\n  Properties:\n    spark.a: "1"\n');
  cache.get(doc);
  const at = doc.positionAt(doc.getText().indexOf('"1"') + 1);
  for (let i = 0; i < 2; i++) {
    const change = { range: { start: at, end: at }, text: '2' };
    cache.recordChange(doc, change);
    TextDocument.update(doc, [change], doc.version + 1);
    assert.ok(cache.get(doc).analysis);
  }
  assert.equal(memos(), 0);
});
