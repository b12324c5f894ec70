// The language server under abuse: malformed JSON-RPC frames, unknown methods, requests about documents never
// opened, 1,000 changes sent without waiting, documents closed while they are analysed or about to be, a document
// nested 10,000 deep. After each, the server must still be running and answer a hover and a diagnostics round
// trip correctly, and no handler may have failed (every failure is logged as an error).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspHarness, label, type Diag } from './harness';

type Published = { uri: string; version?: number; diagnostics: Diag[] };
type Logged = { type: number; message: string };

const CONF = 'spark.executor.memory 4g\nspark.executors.cores 2\n';

async function open(server: LspHarness, uri: string, text: string, languageId: string, version = 1): Promise<Diag[]> {
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return (await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 30_000)).diagnostics;
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A round trip that needs the whole server: open a file, get its diagnostics, hover on a key, close it.
 * With `nudge`, a harmless notification follows every second until the diagnostics come: after a header it cannot
 * read, vscode-jsonrpc stops reading what arrived in the same chunk until more bytes come (the next message).
 */
let roundTrips = 0;
async function stillWorks(server: LspHarness, nudge = false): Promise<void> {
  assert.equal(server.exited, null, 'the server is running');
  const uri = `file:///abuse/check-${++roundTrips}/spark-defaults.conf`;
  const nudges = nudge ? setInterval(() => server.notify('$/nudge', {}), 1000) : undefined;
  const diagnostics = await withTimeout(open(server, uri, CONF, 'spark-properties'), 'diagnostics').finally(() => clearInterval(nudges));
  assert.deepEqual(diagnostics.map(label), ['SPK001 2:1-2:22']);
  const hover = await withTimeout(server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 } }), 'hover');
  assert.match(hover?.contents.value ?? '', /spark\.executor\.memory/);
  server.notify('textDocument/didClose', { textDocument: { uri } });
}

/** Error messages the server logged since the last call. */
function loggedErrors(server: LspHarness): string[] {
  const errors: string[] = [];
  for (let i = server.notifications.length - 1; i >= 0; i--) {
    const n = server.notifications[i];
    if (n.method !== 'window/logMessage') continue;
    server.notifications.splice(i, 1);
    if ((n.params as Logged).type === 1) errors.unshift((n.params as Logged).message);
  }
  return errors;
}

/** A Configurations array of about 12,000 lines, which takes the engine a noticeable time. */
function bigDocument(): string {
  const classifications = [];
  for (let c = 0; c < 40; c++) {
    const properties: Record<string, string> = {};
    for (let p = 0; p < 280; p++) properties[`spark.executorEnv.VAR_${c}_${p}`] = String(p);
    properties['spark.executors.memory'] = '4g';
    classifications.push({ Classification: 'spark-defaults', Properties: properties });
  }
  return JSON.stringify(classifications, null, 2);
}

describe('language server under abuse', () => {
  const server = new LspHarness();
  before(async () => {
    await server.initialize();
    await stillWorks(server);
    loggedErrors(server);
  });
  after(() => server.shutdown());

  test('malformed frames: invalid JSON, a non-numeric or missing Content-Length, bodies that are not requests', async () => {
    // Headers that cannot be read are sent without a body: the reader drops the header and resumes at the next one.
    const frame = (body: string, extraHeader = '') => `${extraHeader}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`;
    const frames = [
      frame('{bad json'),
      frame('\u00ff\u00fe\u0000\u0001x'),
      'Content-Length: abc\r\n\r\n',
      'X-Nothing: 1\r\n\r\n',
      frame('[]'),
      frame('null'),
      frame('{"jsonrpc":"2.0"}'),
      frame('{"jsonrpc":"2.0","id":"x","method":12345}'),
      frame('{"jsonrpc":"2.0","id":{"nested":true},"method":"textDocument/hover","params":null}'),
      frame('{}', 'Content-Type: application/vscode-jsonrpc; charset=latin1\r\n'),
      frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"bad":true}}'),
      frame('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{"textDocument":{},"position":"here"}}'),
    ];
    for (const frame of frames) {
      server.writeRaw(Buffer.from(frame, 'latin1'));
      await stillWorks(server, true);
    }
    // The transport reports what it could not read; no handler of ours failed.
    assert.ok(!loggedErrors(server).some((m) => /failed:/.test(m)));
  });

  test('unknown methods: a request gets "method not found", a notification is ignored', async () => {
    await assert.rejects(server.request('emrSpark/doesNotExist', {}), /Unhandled method/);
    await assert.rejects(server.request('workspace/nothingHere', null), /Unhandled method/);
    server.notify('emrSpark/unknownNotification', { a: 1 });
    server.notify('$/unknownProtocolNotification', {});
    await stillWorks(server);
    assert.deepEqual(loggedErrors(server), []);
  });

  test('requests about documents never opened get empty answers', async () => {
    const textDocument = { uri: 'file:///abuse/never-opened.json' };
    const position = { line: 3, character: 4 };
    const range = { start: position, end: position };
    assert.equal(await server.request('textDocument/hover', { textDocument, position }), null);
    assert.deepEqual(await server.request('textDocument/completion', { textDocument, position }), []);
    assert.deepEqual(await server.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await server.request('textDocument/codeLens', { textDocument }), []);
    assert.deepEqual(await server.request('textDocument/diagnostic', { textDocument }), { kind: 'full', items: [] });
    assert.equal(await server.request('workspace/executeCommand', { command: 'emrSpark.recompute', arguments: [textDocument.uri, 1] }), null);
    // Changes and closes for it are ignored.
    server.notify('textDocument/didChange', { textDocument: { ...textDocument, version: 2 }, contentChanges: [{ text: '[]' }] });
    server.notify('textDocument/didClose', { textDocument });
    await stillWorks(server);
    assert.deepEqual(loggedErrors(server), []);
  });

  test('1,000 changes sent without waiting: one analysis of the last version, the same as the text opened fresh', async () => {
    const uri = 'file:///abuse/typing.json';
    let text = '[\n  {"Classification": "spark-defaults", "Properties": {\n    "spark.app.name": ""\n  }}\n]\n';
    await open(server, uri, text, 'json');
    const line = 2;
    let column = '    "spark.app.name": "'.length;
    for (let version = 2; version <= 1001; version++) {
      // Type "spark.executors.memory x " over and over into the value, one character at a time.
      const ch = 'spark.executors.memory x '[(version - 2) % 25];
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: ch }] });
      const lines = text.split('\n');
      lines[line] = lines[line].slice(0, column) + ch + lines[line].slice(column);
      text = lines.join('\n');
      column++;
    }
    const last = await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1001, 30_000);
    // Debounced: nothing was published for the versions in between.
    assert.ok(!server.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === uri));
    const fresh = await open(server, 'file:///abuse/typing-fresh.json', text, 'json');
    assert.deepEqual(last.diagnostics.map((d) => [label(d), d.message]), fresh.map((d) => [label(d), d.message]));
    const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } });
    assert.match(hover?.contents.value ?? '', /spark\.app\.name/);
    await stillWorks(server);
    assert.deepEqual(loggedErrors(server), []);
  });

  test('a document closed while it is analysed ends with no diagnostics, and nothing is published after', async () => {
    const uri = 'file:///abuse/big.json';
    const text = bigDocument();
    // The hover analyses the document at once, and the didClose waits behind it in the stream.
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const hovered = server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
    server.notify('textDocument/didClose', { textDocument: { uri } });
    assert.match((await hovered)?.contents.value ?? '', /spark\.executorEnv/);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } }), null);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Whether or not the analysis was published before the close, the close's empty list comes last.
    const published = server.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === uri);
    assert.ok(published.length >= 1 && published.length <= 2, `${published.length} publications`);
    assert.deepEqual(published.at(-1)?.params, { uri, diagnostics: [] });
    server.notifications.splice(0, server.notifications.length, ...server.notifications.filter((n) => !published.includes(n)));

    // Closed between a change and its (debounced) analysis: the pending analysis is dropped.
    const small = 'file:///abuse/closed-early.json';
    await open(server, small, '[{"Classification": "spark-defaults", "Properties": {"spark.executors.memory": "4g"}}]', 'json');
    server.notify('textDocument/didChange', { textDocument: { uri: small, version: 2 }, contentChanges: [{ text: '[{"Classification": "spark-defaultz"}]' }] });
    server.notify('textDocument/didClose', { textDocument: { uri: small } });
    assert.deepEqual((await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === small, 10_000)).diagnostics, []);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(!server.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === small), 'nothing published after the close');

    // Reopened, it is analysed afresh.
    const reopened = await open(server, uri, text, 'json', 3);
    assert.deepEqual(new Set(reopened.map((d) => d.code)), new Set(['EMR009', 'SPK001']));
    server.notify('textDocument/didClose', { textDocument: { uri } });
    await stillWorks(server);
    assert.deepEqual(loggedErrors(server), []);
  });

  test('a document nested 10,000 deep gets one syntax error, and completion and hover on it answer', async () => {
    const uri = 'file:///abuse/deep.json';
    const text = '[' + '{"Classification":"spark-env","Configurations":['.repeat(5000) + ']}'.repeat(5000) + ']';
    const diagnostics = await open(server, uri, text, 'json');
    assert.deepEqual(diagnostics.map((d) => d.code), ['EMR001']);
    // At the start, deep inside (where locating the cursor used to run out of stack) and at the end.
    for (const character of [10, 2000, 250_000, text.length]) {
      const position = { line: 0, character };
      assert.deepEqual(await server.request('textDocument/completion', { textDocument: { uri }, position }), []);
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position }), null);
    }
    assert.deepEqual(await server.request('textDocument/codeLens', { textDocument: { uri } }), []);
    server.notify('textDocument/didClose', { textDocument: { uri } });
    await stillWorks(server);
    // A handler that failed would have been caught and logged (the server stays up either way): none did.
    assert.deepEqual(loggedErrors(server), []);
  });
});
