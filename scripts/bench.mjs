#!/usr/bin/env node
// The benchmark behind `npm run bench` (a measurement, not a test: it prints figures and which budgets hold, and
// always exits 0 unless it cannot run). It needs the compiled engine in out/ (tsc -p tsconfig.test.json) and the
// documents of scripts/bench-docs.mjs in bench/docs/.
//
//   1. per document: our full analysis (analyzeText: parse, every rule, sizing) beside vscode-json-languageservice
//      parsing and validating the same text against our own JSON Schemas, and JSON.parse (the floor);
//   2. our language server beside the servers VS Code users run on the same files (scripts/bench-servers.mjs), over
//      stdio, as their clients start them: cold start to the initialize answer; keystroke -> pulled and pushed
//      diagnostics on each document, the two servers typed in by turns; resident memory after the same documents;
//   3. bundle sizes (node esbuild.mjs --production) and the .vsix, if one has been packaged;
//   4. the CLI over a repository of thousands of files (scripts/bench-cli.mjs).
// Results go to bench/results.json.
//
// Options: --servers (skip part 1), --quick (fewer edits; no part 4, no 200-document run), --out FILE (a copy of
// the results, for keeping several runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkSchemaApplied, coldStarts, KEYSTROKE_INTERVAL_MS, keystrokes, open, serverKinds, startServer } from './bench-servers.mjs';
import { cliThroughput } from './bench-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyzeText } = require(join(root, 'out', 'server', 'src', 'analysis', 'analyze.js'));
const { readDocument } = require(join(root, 'out', 'server', 'src', 'formats', 'index.js'));
const { validateAgainstSchema } = require(join(root, 'out', 'server', 'src', 'engine', 'schemaValidation.js'));
const { SERVER_NODE_OPTIONS } = require(join(root, 'out', 'server', 'src', 'serverProcess.js'));
const { getLanguageService } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');

const argv = process.argv.slice(2);
const serversOnly = argv.includes('--servers');
const quick = argv.includes('--quick');
const resultsCopy = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
const loadAverageBefore = loadavg();
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
  if (serversOnly) continue;
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
if (!serversOnly) {
  console.log('Analysis per document (ms; medians of warm runs, "first" = first call in this process)');
  console.log(
    table(['document', 'lines', 'size', 'ours', 'p95', 'cpu', 'first', 'findings', 'json-ls', 'ours/json-ls', 'ours parse+schema', '/json-ls', 'JSON.parse', 'ours/floor'], engineRows),
  );
  console.log('ours, p95: wall time; cpu: median CPU time of the process per run (less disturbed by other processes).');
  console.log('json-ls: vscode-json-languageservice parseJSONDocument + doValidation against schemas/*.schema.json; not applicable to .conf.');
  console.log('ours parse+schema: our parse and validation against the same schemas only (no rules, no sizing), the like-for-like part.\n');
}

// ---- 3 (first, since the server measurements use it). Bundle sizes of the production build ---------------------------

const built = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('production build failed');
const size = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).size : undefined);
const bundles = { 'dist/client.js': size('dist/client.js'), 'dist/server.js': size('dist/server.js'), 'dist/cli.js': size('dist/cli.js') };
const vsix = readdirSync(root).filter((f) => f.endsWith('.vsix'));
for (const f of vsix) bundles[f] = size(f);
const kib = (b) => (b === undefined ? 'n/a' : `${(b / 1024).toFixed(0)} KiB`);

// ---- 2. the language servers over stdio, ours beside the anchors users run on the same files ----------------------

const kinds = serverKinds(root, SERVER_NODE_OPTIONS);
const docUri = (file) => pathToFileURL(join(docsDir, file)).href;
const rootUri = pathToFileURL(docsDir).href;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const jsonDocs = documents.filter((d) => d.file.endsWith('.json'));
const yamlDoc = documents.find((d) => d.file.endsWith('.yaml'));

/** Ours and an anchor started side by side, each document opened in both and typed in, in turn. */
async function sideBySide(anchor, { pull, docs, edits, extraOurs = false }) {
  const ours = (await startServer(kinds.ours, { pull, rootUri })).client;
  const oursPull = extraOurs ? (await startServer(kinds.ours, { pull: true, rootUri })).client : undefined;
  const theirs = (await startServer(anchor, { pull, rootUri })).client;
  await sleep(300);
  // The anchor really applies its schema to these file names.
  if (anchor === kinds.json) {
    await checkSchemaApplied(theirs, docUri('probe-cluster.json'), 'json', '{"ReleaseLabel": 5, "Instances": []}');
    await checkSchemaApplied(theirs, docUri('configurations-probe.json'), 'json', '[{"Classification": 5}]');
  } else {
    await checkSchemaApplied(theirs, docUri('cloudformation-probe.yaml'), 'yaml', 'Resources:\n  Cluster:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Name: 5\n');
  }
  const clients = oursPull ? [ours, oursPull, theirs] : [ours, theirs];
  const rows = [];
  for (const doc of docs) {
    const text = readFileSync(join(docsDir, doc.file), 'utf8');
    const uri = docUri(doc.file);
    const languageId = doc.file.endsWith('.yaml') ? 'yaml' : 'json';
    for (const client of clients) await open(client, uri, languageId, text);
    const measured = await keystrokes(clients, uri, text, languageId, { edits });
    const [o, extra, t] = oursPull ? measured : [measured[0], undefined, measured[1]];
    rows.push({ file: doc.file, label: doc.label, lines: doc.lines, ours: o, oursPull: extra, theirs: t, medianRatio: o.median / t.median, p95Ratio: o.p95 / t.p95, maxRatio: o.max / t.max });
  }
  // Resident memory half a second after the last answer, and once both have been quiet for three seconds (ours
  // collects after a second of quiet, lsp/idleCollector.ts; V8 may shrink theirs in that time too).
  await sleep(500);
  const memorySoon = { ours: ours.memory(), theirs: theirs.memory() };
  await sleep(2500);
  const memory = { ours: ours.memory(), theirs: theirs.memory() };
  for (const client of clients) await client.shutdown();
  return { anchor: anchor.name, mode: pull ? 'pull' : 'push', rows, memorySoon, memory, memoryRatio: memory.ours.rssMiB / memory.theirs.rssMiB, memorySoonRatio: memorySoon.ours.rssMiB / memorySoon.theirs.rssMiB };
}

/** Our server alone with many documents open (a workspace's worth), as before this comparison existed. */
async function manyDocuments(count = 200) {
  const { client: server } = await startServer(kinds.ours, { pull: false, rootUri: null });
  await sleep(300);
  const baseline = server.memory();
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
    await open(server, uri, source.languageId, source.text);
  }
  await sleep(500);
  const after = server.memory();
  await server.shutdown();
  return { baselineMiB: baseline.rssMiB, rssMiB: after.rssMiB, peakMiB: after.peakMiB, documents: count, openedMiB: bytes / 1024 / 1024, mix: sources.map((s) => s.file) };
}

let lsp;
try {
  console.log(`Language servers over stdio (production bundle), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const cold = await coldStarts([kinds.ours, kinds.json, kinds.yaml]);
  const pullJson = await sideBySide(kinds.json, { pull: true, docs: jsonDocs, edits: quick ? 60 : 200 });
  const pushJson = await sideBySide(kinds.json, { pull: false, docs: jsonDocs, edits: quick ? 10 : 40 });
  // yaml-language-server only pushes: ours is measured pushing too, and pulling as VS Code asks it.
  const yaml = await sideBySide(kinds.yaml, { pull: false, docs: [yamlDoc], edits: quick ? 20 : 100, extraOurs: true });
  const many = quick ? undefined : await manyDocuments();
  lsp = { coldStart: cold, pullJson, pushJson, yaml, manyDocuments: many, loadAverageAfter: loadavg() };
} finally {
  // Put the development build (with source maps) back.
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
}

const r2 = (v) => (v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(2));
const coldRatio = lsp.coldStart.ours.median / lsp.coldStart['vscode-json-languageserver'].median;
console.log(
  table(
    ['cold start: spawn -> initialize answer (ms)', 'median', 'p95', 'min', 'max'],
    Object.entries(lsp.coldStart).map(([name, s]) => [name, ms(s.median), ms(s.p95), ms(s.min), ms(s.max)]),
  ),
);
console.log(`ours / vscode-json-languageserver, median: ${r2(coldRatio)}\n`);
for (const run of [lsp.pullJson, lsp.pushJson, lsp.yaml]) {
  const rows = run.rows.flatMap((r) => [
    [`${r.label} (${r.lines.toLocaleString('en-US')} lines)`, 'ours', ms(r.ours.median), ms(r.ours.p95), ms(r.ours.max), ms(r.ours.cpuMsPerEdit), r.ours.diagnostics, '', ''],
    ...(r.oursPull ? [['', 'ours, pulled', ms(r.oursPull.median), ms(r.oursPull.p95), ms(r.oursPull.max), ms(r.oursPull.cpuMsPerEdit), r.oursPull.diagnostics, r2(r.oursPull.median / r.theirs.median), r2(r.oursPull.p95 / r.theirs.p95)]] : []),
    ['', run.anchor, ms(r.theirs.median), ms(r.theirs.p95), ms(r.theirs.max), ms(r.theirs.cpuMsPerEdit), r.theirs.diagnostics, r2(r.medianRatio), r2(r.p95Ratio)],
  ]);
  console.log(`keystroke -> ${run.mode === 'pull' ? 'pulled' : 'pushed'} diagnostics (ms), ${run.rows[0].ours.runs} edits each, in turn, one round every ${KEYSTROKE_INTERVAL_MS} ms`);
  console.log(table(['document', 'server', 'median', 'p95', 'max', 'cpu/edit', 'diagnostics', 'median ours/theirs', 'p95 ours/theirs'], rows));
  console.log(`RSS after these documents, 3 s quiet: ours ${run.memory.ours.rssMiB.toFixed(1)} MiB, ${run.anchor} ${run.memory.theirs.rssMiB.toFixed(1)} MiB (ours/theirs ${r2(run.memoryRatio)}); 0.5 s after the last answer: ${run.memorySoon.ours.rssMiB.toFixed(1)} / ${run.memorySoon.theirs.rssMiB.toFixed(1)} MiB (${r2(run.memorySoonRatio)})\n`);
}
console.log(`(push: the JSON server validates 500 ms after the last change, the YAML server 200 ms; ours waits ${MIN_QUIET_MS} ms, or twice the document's last analysis time, at most ${MAX_QUIET_MS} ms, during a burst)`);
if (lsp.manyDocuments) {
  const m = lsp.manyDocuments;
  console.log(`Ours alone: RSS ${m.baselineMiB.toFixed(1)} MiB after initialize, ${m.rssMiB.toFixed(1)} MiB with ${m.documents} documents open and analysed (${m.openedMiB.toFixed(1)} MiB of text; peak ${m.peakMiB.toFixed(1)} MiB)\n`);
}

console.log('Bundles (node esbuild.mjs --production)');
console.log(Object.entries(bundles).map(([f, b]) => `  ${f}: ${kib(b)}`).join('\n'));
if (vsix.length === 0) console.log('  .vsix: none in the repository root (package one with vsce to measure it)');

// ---- 4. the CLI over a repository of files -----------------------------------------------------------------------

const cli = quick ? undefined : cliThroughput(root);
if (cli) console.log(`\nCLI: ${cli.files.toLocaleString('en-US')} files (${cli.source}) in one emr-spark-lint check: ${(cli.ms / 1000).toFixed(2)} s, ${Math.round(cli.filesPerSecond).toLocaleString('en-US')} files a second (exit ${cli.status})`);

// ---- budgets ----------------------------------------------------------------------------------------------------------

const guide = documents[0];
const big = documents[2];
const pull2k = lsp.pullJson.rows.find((r) => r.file === 'configurations-2k.json');
const budgets = [
  ...(engineRows.length ? [
    { name: 'guide cluster: analysis median < 2 ms', value: guide.ours.median, cpu: guide.ours.cpuMedian, limit: 2, unit: 'ms' },
    { name: `${big.lines.toLocaleString('en-US')}-line cluster: analysis median < 100 ms`, value: big.ours.median, cpu: big.ours.cpuMedian, limit: 100, unit: 'ms' },
  ] : []),
  { name: `keystroke p95, pull diagnostics, ${pull2k.lines.toLocaleString('en-US')}-line file < 30 ms`, value: pull2k.ours.p95, limit: 30, unit: 'ms' },
  ...lsp.pullJson.rows.flatMap((r) => [
    { name: `keystroke median, pulled, ours/json server <= 1.0: ${r.file}`, value: r.medianRatio, limit: 1.0, unit: 'x', inclusive: true },
    { name: `keystroke p95, pulled, ours/json server <= 1.0: ${r.file}`, value: r.p95Ratio, limit: 1.0, unit: 'x', inclusive: true },
  ]),
  ...lsp.pushJson.rows.flatMap((r) => [
    { name: `keystroke median, pushed, ours/json server <= 1.0: ${r.file}`, value: r.medianRatio, limit: 1.0, unit: 'x', inclusive: true },
    { name: `keystroke p95, pushed, ours/json server <= 1.0: ${r.file}`, value: r.p95Ratio, limit: 1.0, unit: 'x', inclusive: true },
  ]),
  ...lsp.yaml.rows.flatMap((r) => [
    { name: `keystroke median, ours pulled / yaml server <= 1.0: ${r.file}`, value: r.oursPull.median / r.theirs.median, limit: 1.0, unit: 'x', inclusive: true },
    { name: `keystroke p95, ours pulled / yaml server <= 1.0: ${r.file}`, value: r.oursPull.p95 / r.theirs.p95, limit: 1.0, unit: 'x', inclusive: true },
    { name: `keystroke median, pushed, ours / yaml server <= 1.0: ${r.file}`, value: r.medianRatio, limit: 1.0, unit: 'x', inclusive: true },
    { name: `keystroke p95, pushed, ours / yaml server <= 1.0: ${r.file}`, value: r.p95Ratio, limit: 1.0, unit: 'x', inclusive: true },
  ]),
  { name: 'cold start median, ours/json server <= 1.0', value: coldRatio, limit: 1.0, unit: 'x', inclusive: true },
  { name: 'RSS after the same JSON documents, ours/json server <= 1.0', value: lsp.pullJson.memoryRatio, limit: 1.0, unit: 'x', inclusive: true },
  { name: 'RSS after the same YAML document, ours/yaml server <= 1.0', value: lsp.yaml.memoryRatio, limit: 1.0, unit: 'x', inclusive: true },
  ...(lsp.manyDocuments ? [{ name: `RSS with ${lsp.manyDocuments.documents} documents < 80 MB`, value: lsp.manyDocuments.rssMiB * 1.048576, limit: 80, unit: 'MB' }] : []),
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
      loadAverage: { before: loadAverageBefore, after: loadavg() },
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
      lsp: { ...lsp, keystrokeIntervalMs: KEYSTROKE_INTERVAL_MS, quietPeriodMs: { min: MIN_QUIET_MS, max: MAX_QUIET_MS } },
      cli,
      bundles,
      vsix: vsix.length > 0 ? vsix : null,
      budgets,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nwrote bench/results.json${resultsCopy ? ` and ${resultsCopy}` : ''}`);
if (resultsCopy) writeFileSync(resultsCopy, readFileSync(join(root, 'bench', 'results.json')));
