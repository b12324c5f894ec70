// Our language server beside the servers a VS Code user runs on the same files, each started as its client starts
// it (over stdio, with the settings and schema associations its VS Code extension sends), measured in one process:
//   - VS Code's JSON language server (vscode-langservers-extracted), with the project's own schemas in schemas/
//     associated to the benchmark documents as VS Code associates schemas (json/schemaAssociations);
//   - yaml-language-server (Red Hat's YAML extension) on the CloudFormation template, with a CloudFormation schema
//     for the EMR resources (bench/cloudformation-emr.schema.json) and CloudFormation's tags as custom tags.
// Keystrokes go to the two servers in turn (who goes first alternates), one round every KEYSTROKE_INTERVAL_MS, so
// what else the machine is doing falls on both; the ratios are what to read.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-stdio-client.mjs';

const require = createRequire(import.meta.url);
/** 100 ms a key is about 120 words a minute. */
export const KEYSTROKE_INTERVAL_MS = 100;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** What VS Code 1.100 tells a language server it can do, as far as these servers read it. */
function clientCapabilities(pull) {
  return {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true, willSave: true },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
      rangeFormatting: { dynamicRegistration: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { rangeLimit: 5000 },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
  };
}

/**
 * How each server is started and set up. `root` is the project folder, `serverNodeOptions` what our client passes to
 * Node for our server.
 */
export function serverKinds(root, serverNodeOptions) {
  const schemaUri = (file) => pathToFileURL(join(root, file)).href;
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: true },
    schemaStore: { enable: false },
    // CloudFormation users add its short-form tags so the YAML server accepts them.
    customTags: ['!Ref scalar', '!Sub scalar', '!Sub sequence', '!GetAtt scalar', '!GetAtt sequence', '!Join sequence', '!If sequence', '!Select sequence', '!Split sequence', '!Equals sequence', '!FindInMap sequence', '!ImportValue scalar', '!Base64 scalar', '!GetAZs scalar', '!Not sequence', '!And sequence', '!Or sequence', '!Condition scalar', '!Cidr sequence'],
    schemas: { [schemaUri('bench/cloudformation-emr.schema.json')]: ['cloudformation*.yaml'] },
    maxItemsComputed: 5000,
    yamlVersion: '1.2',
  };
  return {
    ours: {
      name: 'ours',
      command: [process.execPath, ...serverNodeOptions, join(root, 'dist', 'server.js'), '--stdio'],
      configuration: (section) => (section === 'emrSpark' ? { cluster: { instanceType: '', instanceCount: 1, release: '' }, rules: {} } : null),
      initializationOptions: undefined,
      async setUp() {},
    },
    json: {
      name: 'vscode-json-languageserver',
      command: [process.execPath, require.resolve('vscode-langservers-extracted/bin/vscode-json-language-server'), '--stdio'],
      configuration: () => null,
      initializationOptions: { provideFormatter: true, handledSchemaProtocols: ['file'], customCapabilities: { rangeFormatting: { editLimit: 10000 } } },
      async setUp(client) {
        // What VS Code's JSON extension sends once the server has started: the settings, then the schema associations.
        client.notify('workspace/didChangeConfiguration', {
          settings: {
            http: { proxy: '', proxyStrictSSL: true },
            json: { validate: { enable: true }, format: { enable: true }, keepLines: { enable: false }, schemas: [], resultLimit: 5000, jsonFoldingLimit: 5000, jsoncFoldingLimit: 5000, jsonColorDecoratorLimit: 5000, jsoncColorDecoratorLimit: 5000 },
          },
        });
        // One parameter, an array: JSON-RPC carries it by position, inside an array of its own.
        client.notify('json/schemaAssociations', [
          [
            { fileMatch: ['**/configurations*.json'], uri: schemaUri('schemas/emr-configurations.schema.json') },
            { fileMatch: ['**/*cluster*.json'], uri: schemaUri('schemas/emr-cluster.schema.json') },
          ],
        ]);
      },
    },
    yaml: {
      name: 'yaml-language-server',
      command: [process.execPath, require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
      configuration: (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxy: '', proxyStrictSSL: true } : {}),
      initializationOptions: undefined,
      async setUp(client) {
        client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
      },
    },
  };
}

/** Starts a server and waits for its initialize answer; answers the elapsed milliseconds too. */
export async function startServer(kind, { pull, rootUri }) {
  const t = performance.now();
  const client = new LspClient(kind.command, { configuration: kind.configuration });
  const result = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'Visual Studio Code', version: '1.100.0' },
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
    capabilities: clientCapabilities(pull),
    initializationOptions: kind.initializationOptions,
  });
  const elapsed = performance.now() - t;
  client.notify('initialized', {});
  await kind.setUp(client);
  client.capabilities = result.capabilities;
  client.kind = kind;
  client.pull = pull;
  client.resultIds = new Map();
  return { client, elapsed };
}

/** Cold start to the initialize answer, the servers started in turn. */
export async function coldStarts(kinds, runs = 15) {
  const samples = new Map(kinds.map((k) => [k.name, []]));
  for (let i = 0; i < runs + 2; i++) {
    const order = i % 2 === 0 ? kinds : [...kinds].reverse();
    for (const kind of order) {
      const { client, elapsed } = await startServer(kind, { pull: true, rootUri: null });
      if (i >= 2) samples.get(kind.name).push(elapsed); // the first two warm the file cache
      await client.shutdown();
    }
  }
  return Object.fromEntries([...samples].map(([name, s]) => [name, stats(s)]));
}

/** One diagnostics answer for the document's current version: pulled (with the last resultId) or pushed. */
async function diagnosticsAfter(client, uri, send) {
  if (client.pull) {
    send();
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: client.resultIds.get(uri) });
    if (report.resultId) client.resultIds.set(uri, report.resultId);
    if (report.kind === 'full') client.lastCount = report.items.length;
    return report;
  }
  const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 60_000);
  send();
  const params = await published;
  client.lastCount = params.diagnostics.length;
  return params;
}

/** Places to type at: just inside the closing quote of a JSON string value, or at the end of a YAML scalar line. */
export function editPlaces(text, count, format) {
  const ends = [];
  text.split('\n').forEach((line, index) => {
    if (format === 'json' ? /^\s*"[^"]+": "[^"\\]*",?$/.test(line) : /^\s+[A-Za-z][\w.\-]*: [A-Za-z0-9/][^#'"]*$/.test(line)) {
      ends.push({ line: index, character: format === 'json' ? line.lastIndexOf('"') : line.length });
    }
  });
  const step = Math.max(1, Math.floor(ends.length / count));
  return Array.from({ length: count }, (_, i) => ends[(i * step) % ends.length]);
}

export function open(client, uri, languageId, text) {
  client.versions ??= new Map();
  client.versions.set(uri, 1);
  return diagnosticsAfter(client, uri, () => client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }));
}

/**
 * Types a character at the end of a value and deletes it again (so the document stays what it was), edit after edit,
 * in both servers in turn; each edit's time runs from didChange to the diagnostics answer. `warm` rounds first, not
 * counted. Answers per server: the latency samples' stats and the server's CPU time per edit.
 */
export async function keystrokes(clients, uri, text, format, { edits = 200, warm = 20 } = {}) {
  const places = editPlaces(text, Math.ceil((edits + warm) / 2), format);
  const samples = clients.map(() => []);
  const cpuStart = clients.map(() => 0);
  for (let i = 0; i < edits + warm; i++) {
    if (i === warm) clients.forEach((c, k) => (cpuStart[k] = c.cpuMs()));
    const at = places[Math.floor(i / 2)];
    const change =
      i % 2 === 0
        ? { range: { start: at, end: at }, text: 'x' }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const round = performance.now();
    const order = Math.floor(i / 2) % 2 === 0 ? clients.map((c, k) => k) : clients.map((c, k) => k).reverse();
    for (const k of order) {
      const client = clients[k];
      const version = client.versions.get(uri) + 1;
      client.versions.set(uri, version);
      const t = performance.now();
      await diagnosticsAfter(client, uri, () => client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }));
      if (i >= warm) samples[k].push(performance.now() - t);
    }
    await sleep(Math.max(0, KEYSTROKE_INTERVAL_MS - (performance.now() - round)));
  }
  return clients.map((c, k) => ({ ...stats(samples[k]), cpuMsPerEdit: (c.cpuMs() - cpuStart[k]) / edits, diagnostics: c.lastCount }));
}

/** Checks that a server applies its schema to a file name: a document with a schema problem gets a diagnostic. */
export async function checkSchemaApplied(client, uri, languageId, text) {
  const answer = await open(client, uri, languageId, text);
  const items = answer.items ?? answer.diagnostics ?? [];
  if (items.length === 0) throw new Error(`${client.kind.name} reported nothing on ${uri}: its schema is not applied`);
  client.notify('textDocument/didClose', { textDocument: { uri } });
}

export function readDoc(docsDir, file) {
  return readFileSync(join(docsDir, file), 'utf8');
}
