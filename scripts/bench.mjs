#!/usr/bin/env node
// The benchmark behind `npm run bench` (a measurement, not a test: it prints figures and which budgets hold,
// and always exits 0 unless it cannot run). It needs the compiled engine and tests in out/ (tsc -p
// tsconfig.test.json) and the documents of scripts/bench-docs.mjs in bench/docs/.
//
//   1. per document, side by side: our full analysis (analyzeText: parse, every rule, sizing);
//      vscode-json-languageservice parsing and validating the same text against our own JSON Schemas;
//      JSON.parse of the same text (the floor);
//   2. the language server over stdio (the production bundle): cold start to the initialize result,
//      didChange -> publishDiagnostics latency over 200 one-character edits, RSS after opening 200 documents;
//   3. bundle sizes (node esbuild.mjs --production) and the .vsix, if one has been packaged.
// Results go to bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyzeText } = require(join(root, 'out', 'server', 'src', 'analysis', 'analyze.js'));
const { readDocument } = require(join(root, 'out', 'server', 'src', 'formats', 'index.js'));
const { validateAgainstSchema } = require(join(root, 'out', 'server', 'src', 'engine', 'schemaValidation.js'));
const { LspHarness } = require(join(root, 'out', 'test', 'lsp', 'harness.js'));
const { getLanguageService } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');

/** 100 ms a key is about 120 words a minute. */
const KEYSTROKE_INTERVAL_MS = 100;
const { MIN_QUIET_MS, MAX_QUIET_MS } = require(join(root, 'out', 'server', 'src', 'lsp', 'analysisScheduler.js'));
const docsDir = join(root, 'bench', 'docs');
if (!existsSync(join(docsDir, 'cluster-20k.json'))) {
  console.error('bench/docs/ is empty: run node scripts/bench-docs.mjs first (npm run bench does)');
  process.exit(2);
}

// ---- statistics -------------------------------------------------------------------------------------------------

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * Warm-up for at least `warmMs` (and 5 runs), then runs until both `minRuns` and `minMs` are reached. Wall time,
 * and this process's CPU time (user + system, garbage-collector threads included), which other processes on a
 * busy machine disturb less.
 */
async function measure(fn, { warmMs = 400, minRuns = 30, minMs = 2500, maxRuns = 3000 } = {}) {
  const first = performance.now();
  await fn();
  const firstMs = performance.now() - first;
  for (let i = 0, start = performance.now(); i < 5 || performance.now() - start < warmMs; i++) await fn();
  const samples = [];
  const cpu = [];
  const start = performance.now();
  while ((samples.length < minRuns || performance.now() - start < minMs) && samples.length < maxRuns) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...stats(samples), first: firstMs, cpuMedian: stats(cpu).median };
}

const ms = (v) => (v === undefined ? 'n/a' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const ratio = (v) => (v === undefined ? 'n/a' : v.toFixed(2));
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- 1. the engine beside vscode-json-languageservice and JSON.parse ----------------------------------------------

const schemaFile = (name) => JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'));
const configurationsSchema = schemaFile('emr-configurations.schema.json');
const clusterSchema = schemaFile('emr-cluster.schema.json');
const jsonService = getLanguageService({ schemaRequestService: (uri) => Promise.reject(new Error(`no schema ${uri}`)) });
jsonService.configure({
  validate: true,
  allowComments: false,
  schemas: [
    { uri: configurationsSchema.$id, fileMatch: ['*/configurations*.json'], schema: configurationsSchema },
    { uri: clusterSchema.$id, fileMatch: ['*/*cluster*.json'], schema: clusterSchema },
  ],
});
const validationSettings = { comments: 'error', trailingCommas: 'error', schemaValidation: 'error', schemaRequest: 'error' };
async function theirs(uri, text) {
  const document = TextDocument.create(uri, 'json', 1, text);
  return jsonService.doValidation(document, jsonService.parseJSONDocument(document), validationSettings);
}

// The schemas are really applied: a cluster with a wrong member and a Configurations array with a number get problems.
for (const [uri, text] of [
  ['file:///bench/check-cluster.json', '{"ReleaseLabel": "emr-6.15.0", "Instance": {}}'],
  ['file:///bench/configurations-check.json', '[{"Classification": 5}]'],
]) {
  const problems = await theirs(uri, text);
  if (problems.length === 0) throw new Error(`vscode-json-languageservice did not apply our schema to ${uri}`);
}

const documents = [
  { file: 'guide-cluster.json', label: 'guide cluster' },
  { file: 'configurations-2k.json', label: 'Configurations array' },
  { file: 'cluster-20k.json', label: 'cluster request' },
  { file: 'spark-defaults-500.conf', label: 'spark-defaults.conf' },
  { file: 'cloudformation-2k.yaml', label: 'CloudFormation YAML' },
];

console.log(`EMR Spark Config benchmark - node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
const engineRows = [];
for (const doc of documents) {
  const text = readFileSync(join(docsDir, doc.file), 'utf8');
  doc.lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  doc.bytes = Buffer.byteLength(text);
  const isJson = doc.file.endsWith('.json');
  const big = doc.bytes > 500_000;
  const options = big ? { warmMs: 1000, minRuns: 30, minMs: 4000 } : { warmMs: 500, minRuns: 50, minMs: 2500 };
  let findings = 0;
  doc.ours = await measure(() => {
    findings = analyzeText(text, doc.file).findings.length;
  }, options);
  doc.findings = findings;
  if (isJson) {
    const uri = `file:///bench/${doc.file}`;
    let problems = 0;
    doc.theirs = await measure(async () => {
      problems = (await theirs(uri, text)).length;
    }, options);
    doc.theirProblems = problems;
    // The part of our analysis that does what theirs does: parse, and validate against the same schemas.
    doc.oursSchema = await measure(() => validateAgainstSchema(readDocument({ text, languageId: 'json' })), options);
    doc.floor = await measure(() => JSON.parse(text), options);
  }
  doc.vsTheirs = doc.theirs ? doc.ours.median / doc.theirs.median : undefined;
  doc.vsFloor = doc.floor ? doc.ours.median / doc.floor.median : undefined;
  doc.schemaVsTheirs = doc.oursSchema && doc.theirs ? doc.oursSchema.median / doc.theirs.median : undefined;
  engineRows.push([
    `${doc.label} (${doc.file})`,
    doc.lines.toLocaleString('en-US'),
    `${(doc.bytes / 1024).toFixed(0)} KiB`,
    ms(doc.ours.median),
    ms(doc.ours.p95),
    ms(doc.ours.cpuMedian),
    ms(doc.ours.first),
    doc.findings,
    ms(doc.theirs?.median),
    ratio(doc.vsTheirs),
    ms(doc.oursSchema?.median),
    ratio(doc.schemaVsTheirs),
    ms(doc.floor?.median),
    ratio(doc.vsFloor),
  ]);
}
console.log('Analysis per document (ms; medians of warm runs, "first" = first call in this process)');
console.log(
  table(['document', 'lines', 'size', 'ours', 'p95', 'cpu', 'first', 'findings', 'json-ls', 'ours/json-ls', 'ours parse+schema', '/json-ls', 'JSON.parse', 'ours/floor'], engineRows),
);
console.log('ours, p95: wall time; cpu: median CPU time of the process per run (less disturbed by other processes).');
console.log('json-ls: vscode-json-languageservice parseJSONDocument + doValidation against schemas/*.schema.json; not applicable to .conf.');
console.log('ours parse+schema: our parse and validation against the same schemas only (no rules, no sizing), the like-for-like part.\n');

// ---- 3 (first, since the server measurements use it). Bundle sizes of the production build ---------------------------

const built = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('production build failed');
const size = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).size : undefined);
const bundles = { 'dist/client.js': size('dist/client.js'), 'dist/server.js': size('dist/server.js'), 'dist/cli.js': size('dist/cli.js') };
const vsix = readdirSync(root).filter((f) => f.endsWith('.vsix'));
for (const f of vsix) bundles[f] = size(f);
const kib = (b) => (b === undefined ? 'n/a' : `${(b / 1024).toFixed(0)} KiB`);

// ---- 2. the language server over stdio ------------------------------------------------------------------------------

const rssOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
};

async function coldStart(runs = 15) {
  const samples = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const server = new LspHarness();
    await server.initialize();
    const elapsed = performance.now() - t;
    if (i >= 2) samples.push(elapsed); // the first two warm the file cache
    await server.shutdown();
  }
  return stats(samples);
}

/** Positions just inside the closing quote of property values, spread over the document. */
function valueEnds(text, count) {
  const ends = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const m = /^\s*"[^"]+": "([^"\\]*)",?$/.exec(line);
    if (m) ends.push({ line: index, character: line.lastIndexOf('"') });
  });
  const step = Math.max(1, Math.floor(ends.length / count));
  return Array.from({ length: count }, (_, i) => ends[(i * step) % ends.length]);
}

/**
 * 200 one-character edits on the 2,000-line file, each awaited: with push diagnostics, didChange -> publishDiagnostics
 * (the server's own quiet period included); with pull diagnostics (what VS Code uses), didChange followed at once by
 * textDocument/diagnostic -> its answer. One edit every KEYSTROKE_INTERVAL_MS.
 */
async function keystrokes(mode, edits = 200) {
  const pull = mode === 'pull';
  const server = new LspHarness(pull ? { capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } } } : {});
  await server.initialize();
  const file = 'configurations-2k.json';
  const text = readFileSync(join(docsDir, file), 'utf8');
  const uri = pathToFileURL(join(docsDir, file)).href;
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  if (pull) await server.request('textDocument/diagnostic', { textDocument: { uri } });
  else await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 30_000);
  const places = valueEnds(text, edits / 2);
  const samples = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    // Type a character at the end of a value, then delete it: the document stays what it was, edit after edit.
    const at = places[Math.floor(i / 2)];
    const change =
      i % 2 === 0
        ? { range: { start: at, end: at }, text: 'x' }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    version++;
    const t = performance.now();
    server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    if (pull) await server.request('textDocument/diagnostic', { textDocument: { uri } });
    else await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 30_000);
    const elapsed = performance.now() - t;
    samples.push(elapsed);
    // A fast typist's pace: a key every KEYSTROKE_INTERVAL_MS (or once the answer is in, when that took longer).
    await new Promise((r) => setTimeout(r, Math.max(0, KEYSTROKE_INTERVAL_MS - elapsed)));
  }
  await server.shutdown();
  return stats(samples);
}

async function memory(count = 200) {
  const server = new LspHarness();
  await server.initialize();
  await new Promise((r) => setTimeout(r, 300));
  const baseline = rssOf(server.pid);
  const sources = [
    ['examples/cluster-r5.12xlarge.json', 'json'],
    ['examples/configurations.json', 'json'],
    ['examples/spark-defaults.conf', 'spark-properties'],
    ['bench/docs/configurations-2k.json', 'json'],
    ['bench/docs/spark-defaults-500.conf', 'spark-properties'],
  ].map(([file, languageId]) => ({ file, languageId, text: readFileSync(join(root, file), 'utf8') }));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const name = source.file.split('/').pop().replace(/(\.[a-z]+)$/, `-${i}$1`);
    const uri = `file:///workspace/${i}/${name.endsWith('.conf') ? 'spark-defaults.conf' : name}`;
    bytes += source.text.length;
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: source.languageId, version: 1, text: source.text } });
    await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 30_000);
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = rssOf(server.pid);
  // The server still answers after all that.
  await server.request('textDocument/hover', { textDocument: { uri: 'file:///workspace/0/cluster-r5.12xlarge-0.json' }, position: { line: 30, character: 12 } });
  await server.shutdown();
  return { baselineMiB: baseline.rssMiB, rssMiB: after.rssMiB, peakMiB: after.peakMiB, documents: count, openedMiB: bytes / 1024 / 1024, mix: sources.map((s) => s.file) };
}

let lsp;
try {
  const cold = await coldStart();
  const push = await keystrokes('push');
  const pull = await keystrokes('pull');
  const mem = await memory();
  lsp = { coldStart: cold, keystrokePush: push, keystrokePull: pull, memory: mem };
} finally {
  // Put the development build (with source maps) back.
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
}

console.log('Language server over stdio (production bundle)');
console.log(
  table(
    ['measure', 'median', 'p95', 'min', 'max'],
    [
      ['cold start: spawn -> initialize result (ms)', ms(lsp.coldStart.median), ms(lsp.coldStart.p95), ms(lsp.coldStart.min), ms(lsp.coldStart.max)],
      ['keystroke, push: didChange -> publishDiagnostics (ms)', ms(lsp.keystrokePush.median), ms(lsp.keystrokePush.p95), ms(lsp.keystrokePush.min), ms(lsp.keystrokePush.max)],
      ['keystroke, pull: didChange + textDocument/diagnostic -> answer (ms)', ms(lsp.keystrokePull.median), ms(lsp.keystrokePull.p95), ms(lsp.keystrokePull.min), ms(lsp.keystrokePull.max)],
    ],
  ),
);
console.log(
  `(keystrokes: 200 one-character edits, each awaited, one every ${KEYSTROKE_INTERVAL_MS} ms, on the ${documents[1].lines.toLocaleString('en-US')}-line Configurations array; with push diagnostics a change waits ${MIN_QUIET_MS} ms, or twice the document's last analysis time (at most ${MAX_QUIET_MS} ms) when it comes within that time of the last analysis, and the wait is included)`,
);
console.log(
  `RSS: ${lsp.memory.baselineMiB.toFixed(1)} MiB after initialize, ${lsp.memory.rssMiB.toFixed(1)} MiB with ${lsp.memory.documents} documents open and analysed (${lsp.memory.openedMiB.toFixed(1)} MiB of text; peak ${lsp.memory.peakMiB.toFixed(1)} MiB)`,
);
console.log(`  documents: ${lsp.memory.mix.join(', ')}, round robin\n`);

console.log('Bundles (node esbuild.mjs --production)');
console.log(Object.entries(bundles).map(([f, b]) => `  ${f}: ${kib(b)}`).join('\n'));
if (vsix.length === 0) console.log('  .vsix: none in the repository root (package one with vsce to measure it)');

// ---- budgets ----------------------------------------------------------------------------------------------------------

const guide = documents[0];
const big = documents[2];
const budgets = [
  { name: 'guide cluster: analysis median < 2 ms', value: guide.ours.median, cpu: guide.ours.cpuMedian, limit: 2, unit: 'ms' },
  { name: `${big.lines.toLocaleString('en-US')}-line cluster: analysis median < 100 ms`, value: big.ours.median, cpu: big.ours.cpuMedian, limit: 100, unit: 'ms' },
  { name: 'keystroke p95, push diagnostics (wait included) < 30 ms', value: lsp.keystrokePush.p95, limit: 30, unit: 'ms' },
  { name: 'keystroke p95, pull diagnostics < 30 ms', value: lsp.keystrokePull.p95, limit: 30, unit: 'ms' },
  { name: 'cold start (median) < 200 ms', value: lsp.coldStart.median, limit: 200, unit: 'ms' },
  { name: `RSS with ${lsp.memory.documents} documents < 80 MB`, value: lsp.memory.rssMiB * 1.048576, limit: 80, unit: 'MB' },
  ...documents
    .filter((d) => d.vsTheirs !== undefined)
    .map((d) => ({ name: `ours/json-languageservice <= 1.0: ${d.file}`, value: d.vsTheirs, limit: 1.0, unit: 'x', inclusive: true })),
];
console.log('\nBudgets');
for (const b of budgets) {
  b.holds = b.inclusive ? b.value <= b.limit : b.value < b.limit;
  const cpu = b.cpu !== undefined ? ` (CPU time ${b.cpu.toFixed(b.cpu < 10 ? 2 : 1)} ms: ${b.cpu < b.limit ? 'holds' : 'missed'})` : '';
  console.log(`  ${b.holds ? 'HOLDS ' : 'MISSED'}  ${b.name}: ${b.unit === 'x' ? ratio(b.value) : b.value.toFixed(b.value < 10 ? 2 : 1)} ${b.unit}${cpu}`);
}

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg(),
      documents: documents.map(({ file, label, lines, bytes, findings, ours, oursSchema, theirs, theirProblems, floor, vsTheirs, schemaVsTheirs, vsFloor }) => ({
        file,
        label,
        lines,
        bytes,
        findings,
        ours,
        oursParseAndSchemaOnly: oursSchema,
        jsonLanguageService: theirs,
        jsonLanguageServiceProblems: theirProblems,
        jsonParse: floor,
        oursOverJsonLanguageService: vsTheirs,
        oursParseAndSchemaOverJsonLanguageService: schemaVsTheirs,
        oursOverJsonParse: vsFloor,
      })),
      lsp: { ...lsp, quietPeriodMs: { min: MIN_QUIET_MS, max: MAX_QUIET_MS } },
      bundles,
      vsix: vsix.length > 0 ? vsix : null,
      budgets,
    },
    null,
    2,
  ) + '\n',
);
console.log('\nwrote bench/results.json');
