import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyLspEdits, label, LspHarness, type Diag } from './harness';
import { repoRoot } from '../helpers';

const guideText = readFileSync(path.join(repoRoot, 'examples', 'cluster-r5.12xlarge.json'), 'utf8');
type Published = { uri: string; version?: number; diagnostics: Diag[] };

async function open(server: LspHarness, uri: string, text: string, languageId: string, version = 1): Promise<Diag[]> {
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return (await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version)).diagnostics;
}

function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server over stdio', () => {
  const server = new LspHarness();
  let capabilities: Record<string, unknown>;
  before(async () => {
    capabilities = ((await server.initialize()) as { capabilities: Record<string, unknown> }).capabilities;
  });
  after(() => server.shutdown());

  test('declares incremental sync, quick fixes, completion, hover, code lens and the recompute command', () => {
    assert.equal(capabilities.textDocumentSync, 2);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['emrSpark.recompute'] });
    assert.equal(capabilities.diagnosticProvider, undefined, 'push diagnostics for a client without pull support');
  });

  test('the guide cluster gets its findings with codes, exact ranges and doc links', async () => {
    const uri = 'file:///work/cluster.json';
    const diagnostics = await open(server, uri, guideText, 'json');
    // One root cause, one finding: SZ002 says the containers do not pack as the count implies, SZ003 stays quiet.
    assert.deepEqual(diagnostics.map(label), ['SZ002 35:9-35:32', 'SZ010 35:34-35:39', 'SZ010 38:32-38:37', 'SPK001 51:9-51:33', 'SPK002 52:9-52:45']);
    const sz002 = diagnostics[0];
    assert.equal(sz002.source, 'emr-spark');
    assert.equal(sz002.severity, 2);
    assert.match(sz002.codeDescription!.href, /docs\/rules\/SZ002\.md$/);
    assert.match(sz002.message, /only 8 fit per node/);
    assert.equal(sz002.data, undefined, 'fixes are found by code actions, not shipped with every diagnostic');
  });

  test('JSON that is not an EMR configuration gets no diagnostics at all', async () => {
    const diagnostics = await open(server, 'file:///work/package.json', '{"name": "x", "version": 1,}', 'json');
    assert.deepEqual(diagnostics, []);
  });

  test('quick fix "Recompute executors for r5.12xlarge" rewrites the plan and clears the sizing findings', async () => {
    const uri = 'file:///work/recompute.json';
    const diagnostics = await open(server, uri, guideText, 'json');
    const sz002 = diagnostics.find((d) => d.code === 'SZ002')!;
    const actions = await server.request<{ title: string; edit: { changes: Record<string, { range: Diag['range']; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: sz002.range,
      context: { diagnostics: [sz002] },
    });
    const recompute = actions.find((a) => a.title === 'Recompute executors for r5.12xlarge')!;
    assert.ok(recompute);
    const fixed = applyLspEdits(guideText, recompute.edit.changes[uri]);
    const properties = (JSON.parse(fixed) as { Configurations: { Classification: string; Properties: Record<string, string> }[] }).Configurations[1].Properties;
    assert.deepEqual(
      [properties['spark.executor.memory'], properties['spark.executor.memoryOverhead'], properties['spark.executor.instances'], properties['spark.driver.memoryOverhead'], properties['spark.default.parallelism']],
      ['31g', '3232m', '208', '3174m', '1664'],
    );
    assert.match(fixed, /\n        "spark\.executor\.memoryOverhead": "3232m",\n/);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    assert.deepEqual(after.diagnostics.filter((d) => ['SZ002', 'SZ003', 'SZ010'].includes(d.code!)), []);
  });

  test('fix all of one kind, when the file has several independent fixes', async () => {
    const uri = 'file:///work/fixall.json';
    const text = '[{"Classification": "spark-defaults", "Properties": {"spark.executor.cores": 4, "spark.executor.instances": 2}}]';
    const diagnostics = await open(server, uri, text, 'json');
    const first = diagnostics.find((d) => d.code === 'EMR005')!;
    const actions = await server.request<{ title: string; edit: { changes: Record<string, { range: Diag['range']; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
    const all = actions.find((a) => a.title === 'Fix all property-value-not-string problems in this file (2)')!;
    assert.equal(applyLspEdits(text, all.edit.changes[uri]), '[{"Classification": "spark-defaults", "Properties": {"spark.executor.cores": "4", "spark.executor.instances": "2"}}]');
  });

  test('completion: keys of spark-defaults with documentation, classification names, instance types, release labels', async () => {
    const uri = 'file:///work/complete.json';
    const text = '{"ReleaseLabel": "emr-7", "Instances": {"InstanceGroups": [{"InstanceRole": "CORE", "InstanceType": "r5.", "InstanceCount": 2}]},\n "Configurations": [{"Classification": "spark-defaults", "Properties": {"spark.exec": ""}}, {"Classification": "spark-d"}]}';
    await open(server, uri, text, 'json');
    type Item = { label: string; documentation?: { value: string }; detail?: string; textEdit?: { newText: string } };
    const complete = (needle: string, delta: number) => server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, delta) });
    const keys = await complete('"spark.exec"', 5);
    const memory = keys.find((i) => i.label === 'spark.executor.memory')!;
    assert.ok(memory);
    assert.match(memory.documentation!.value, /default: 1g · bare number: MiB/);
    assert.equal(memory.textEdit!.newText, '"spark.executor.memory"');
    // The edit replaces the whole key being typed, quotes included, not just the cursor position.
    const keyStart = positionOf(text, '"spark.exec"');
    assert.deepEqual((memory.textEdit as unknown as { range: unknown }).range, { start: keyStart, end: { line: keyStart.line, character: keyStart.character + '"spark.exec"'.length } });
    const names = await complete('"spark-d"', 3);
    assert.ok(names.some((i) => i.label === 'spark-defaults'));
    const types = await complete('"r5."', 2);
    assert.equal(types.find((i) => i.label === 'r5.12xlarge')?.detail, '48 vCPU · 393,216 MiB (384 GiB) · YARN 385,024 MiB (376 GiB)');
    const labels = await complete('"emr-7"', 2);
    assert.equal(labels[0].label, 'emr-7.13.0');
  });

  test('completion in a spark-defaults.conf: keys at the line start, values after the key', async () => {
    const uri = 'file:///work/spark-defaults.conf';
    const text = 'spark.sql.adaptive.enabled \nspark.ser';
    await open(server, uri, text, 'spark-properties');
    const values = await server.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 27 } });
    assert.deepEqual(values.map((v) => v.label), ['true', 'false']);
    const keys = await server.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 9 } });
    assert.ok(keys.some((k) => k.label === 'spark.serializer'));
  });

  test('hover on spark.executor.memory shows the meaning and the computed breakdown', async () => {
    const uri = 'file:///work/hover.json';
    await open(server, uri, guideText, 'json');
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(guideText, '"spark.executor.memory"', 3) });
    const value = hover.contents.value;
    assert.match(value, /^\*\*spark\.executor\.memory\*\*/);
    assert.match(value, /heap 37,888 MiB \(37 GiB\) \+ overhead 5,120 MiB \(5 GiB\) \(set\) = \*\*43,008 MiB \(42 GiB\)\*\*/);
    assert.match(value, /r5\.12xlarge \(19 nodes\): YARN has 385,024 MiB \(376 GiB\), so \*\*8\*\* executors fit per node, using 40 of 48 vCPUs/);
    assert.match(value, /reserved 300 MiB, user 7,518 MiB, storage 9,021 MiB, execution 21,049 MiB \(4,209 MiB per core\)/);
    const typeHover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(guideText, '"r5.12xlarge"', 2) });
    assert.equal(typeHover.contents.value, '**r5.12xlarge**: 48 vCPU, 393,216 MiB (384 GiB) memory\n\nEMR gives YARN 385,024 MiB (376 GiB) on this type (largest container 385,024 MiB (376 GiB)).');
  });

  test('code lens above spark-defaults: the sizing summary and Recompute, which applies the plan', async () => {
    const uri = 'file:///work/lens.json';
    await open(server, uri, guideText, 'json');
    const lenses = await server.request<{ range: Diag['range']; command: { title: string; command: string; arguments?: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [
      [30, 'r5.12xlarge x 19 · 8 of 9 executors fit per node · 152 executors · 89.4 % of YARN memory · client mode'],
      [30, 'Recompute executors for r5.12xlarge'],
    ]);
    await server.request('workspace/executeCommand', { command: lenses[1].command.command, arguments: lenses[1].command.arguments });
    const edit = server.appliedEdits.pop() as { changes: Record<string, { range: Diag['range']; newText: string }[]> };
    assert.match(applyLspEdits(guideText, edit.changes[uri]), /"spark\.executor\.memoryOverhead": "3232m"/);
  });

  test('a document edited by 20 incremental changes ends with the same diagnostics as the same text opened fresh', async () => {
    const uri = 'file:///work/incremental.json';
    const start = '[\n  {"Classification": "spark-defaults", "Properties": {"spark.executor.cores": "4"}}\n]\n';
    await open(server, uri, start, 'json');
    let text = start;
    const insertAt = text.indexOf('"4"}') + 4;
    const typed = ', "spark.executors.memory": 8';
    for (let i = 0; i < 20; i++) {
      const ch = typed[i] ?? ' ';
      const pos = positionOf(text, text.slice(insertAt + i), 0);
      text = text.slice(0, insertAt + i) + ch + text.slice(insertAt + i);
      server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
    }
    const edited = await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 21);
    const fresh = await open(server, 'file:///work/fresh.json', text, 'json');
    assert.deepEqual(edited.diagnostics.map((d) => [label(d), d.message]), fresh.map((d) => [label(d), d.message]));
    assert.ok(fresh.length > 0);
  });

  test('suppression comments in spark-defaults.conf silence the named rule on the next line only', async () => {
    const uri = 'file:///work/suppressed/spark-defaults.conf';
    const text = '# emr-spark-lint-disable-next-line unknown-spark-key -- read by our job code\nspark.myteam.flag 1\nspark.otherteam.flag 2\n';
    const diagnostics = await open(server, uri, text, 'spark-properties');
    assert.deepEqual(diagnostics.map(label), ['SPK001 3:1-3:21']);
  });

  test('the server survives unknown methods, requests for unopened documents and a malformed frame', async () => {
    await assert.rejects(server.request('emrSpark/noSuchMethod', {}), /Unhandled method/);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///never/opened.json' }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await server.request('textDocument/completion', { textDocument: { uri: 'file:///never/opened.json' }, position: { line: 0, character: 0 } }), []);
    const diagnostics = await open(server, 'file:///work/alive.json', '[{"Classification": "spark-defaultz"}]', 'json');
    assert.equal(diagnostics[0].code, 'EMR003');
    assert.equal(server.exited, null);
  });
});

describe('settings and the project file', () => {
  test('editor settings give a cluster to size against and change severities', async (t) => {
    const server = new LspHarness({ settings: { cluster: { instanceType: 'm5.xlarge', instanceCount: 3 }, rules: { SPK007: 'off', 'unknown-spark-key': 'error' } } });
    t.after(() => server.shutdown());
    await server.initialize();
    const diagnostics = await open(server, 'file:///work/spark-defaults.conf', 'spark.executor.memory 21000\nspark.executors.cores 2\n', 'spark-properties');
    assert.deepEqual(diagnostics.map((d) => [label(d), d.severity]), [['SZ001', 1], ['SPK001', 1]].map(([code, severity]) => [
      code === 'SZ001' ? 'SZ001 1:1-1:22' : 'SPK001 2:1-2:22',
      severity,
    ]));
  });

  test('.emrsparkrc.json at the workspace root: rules and a cluster per glob', async (t) => {
    const root = mkdtempSync(path.join(tmpdir(), 'emr-spark-ws-'));
    mkdirSync(path.join(root, 'jobs'));
    writeFileSync(
      path.join(root, '.emrsparkrc.json'),
      JSON.stringify({ rules: { SPK001: 'off' }, clusters: [{ files: 'jobs/**/*.conf', instanceType: 'c5.4xlarge', instanceCount: 10 }] }),
    );
    const server = new LspHarness({ rootUri: pathToFileURL(root).href });
    t.after(() => server.shutdown());
    await server.initialize();
    const uri = pathToFileURL(path.join(root, 'jobs', 'nightly.spark.conf')).href;
    const diagnostics = await open(server, uri, 'spark.executor.memory 30g\nspark.executors.cores 2\n', 'spark-properties');
    assert.deepEqual(diagnostics.map(label), ['SZ001 1:1-1:22']);
    assert.match(diagnostics[0].message, /on c5\.4xlarge/);
  });

  test('pull diagnostics for a client that asks for them', async (t) => {
    const server = new LspHarness({ capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
    t.after(() => server.shutdown());
    const result = (await server.initialize()) as { capabilities: Record<string, unknown> };
    assert.deepEqual(result.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    const uri = 'file:///work/pull.json';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: '[{"Classification": "yarn-sites"}]' } });
    const report = await server.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map(label), ['EMR003 1:21-1:33', 'EMR010 1:21-1:33']);
  });

  test('a document typed in for 120 keystrokes (several changes per notification too) gets the diagnostics of the same text opened fresh', async (t) => {
    const server = new LspHarness({ capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
    t.after(() => server.shutdown());
    await server.initialize();
    type Report = { kind: string; items: Diag[] };
    let text = readFileSync(path.join(repoRoot, 'examples', 'configurations.json'), 'utf8');
    const uri = 'file:///work/typed/configurations.json';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const positionAt = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    for (let version = 2; version <= 121; version++) {
      const changes = [];
      for (let c = 0, n = next() < 0.2 ? 3 : 1; c < n; c++) {
        // Mostly inside string values (after a quote), sometimes anywhere, sometimes a quote or a brace.
        const quotes = [...text.matchAll(/": "/g)].map((m) => m.index! + 4);
        const at = next() < 0.8 ? quotes[Math.floor(next() * quotes.length)] : Math.floor(next() * text.length);
        const removed = next() < 0.3 ? 1 : 0;
        const insert = ['x', '1', 'g', '"', '}', ' '][Math.floor(next() * 6)];
        changes.push({ range: { start: positionAt(at), end: positionAt(at + removed) }, text: insert });
        text = text.slice(0, at) + insert + text.slice(at + removed);
      }
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      if (version % 4 === 0) await server.request('textDocument/diagnostic', { textDocument: { uri } });
    }
    const typed = await server.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    const freshUri = 'file:///work/fresh/configurations.json';
    server.notify('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'json', version: 1, text } });
    const fresh = await server.request<Report>('textDocument/diagnostic', { textDocument: { uri: freshUri } });
    assert.ok(fresh.items.length > 0);
    assert.deepEqual(typed.items.map((d) => [label(d), d.message]), fresh.items.map((d) => [label(d), d.message]));
  });

  test('pulled diagnostics carry a result id, and an unchanged list is answered "unchanged" with it', async (t) => {
    const server = new LspHarness({ capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
    t.after(() => server.shutdown());
    await server.initialize();
    type Report = { kind: 'full' | 'unchanged'; resultId?: string; items?: Diag[] };
    const uri = 'file:///work/result-ids.json';
    const text = '[{"Classification": "yarn-sites", "Properties": {}}, {"Classification": "spark-defaults", "Properties": {"spark.app.name": "etl"}}]';
    const pull = (previousResultId?: string) => server.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const change = (version: number, needle: string, insert: string, removed = 0) => {
      const at = text.indexOf(needle);
      server.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + removed } }, text: insert }],
      });
    };
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId, 'a full report has a result id');
    assert.deepEqual(first.items!.map(label), ['EMR003 1:21-1:33', 'EMR010 1:21-1:33']);
    // Asked again with that id: nothing changed.
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A keystroke in a value moves no diagnostic: still unchanged.
    change(2, 'etl"', 'x');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // Without an id, or with one the server did not give last, the client gets the whole list again.
    const again = await pull();
    assert.equal(again.kind, 'full');
    assert.deepEqual(again.items!.map(label), ['EMR003 1:21-1:33', 'EMR010 1:21-1:33']);
    assert.notEqual(again.resultId, first.resultId);
    assert.equal((await pull(first.resultId)).kind, 'full', 'an id that is not the last one sent');
    // An edit that changes the diagnostics: a full report with a new id, and the new list.
    const before = (await pull()).resultId;
    change(3, 'yarn-sites', 'yarn-site', 10);
    const changed = await pull(before);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, before);
    assert.deepEqual(changed.items!.map(label), ['EMR010 1:21-1:32']);
    // Closed and opened again: a full report.
    server.notify('textDocument/didClose', { textDocument: { uri } });
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const reopened = await pull(changed.resultId);
    assert.equal(reopened.kind, 'full');
    assert.deepEqual(reopened.items!.map(label), ['EMR003 1:21-1:33', 'EMR010 1:21-1:33']);
  });
});
