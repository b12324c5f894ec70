// The language server against hostile workspaces and documents: a project file that is a link to /dev/zero or a
// named pipe (the server never answered initialize), a URI with a malformed % escape, positions that are not two
// non-negative integers, a document over 4 MiB in UTF-8 but not in UTF-16 units, and planted secrets that must not
// come back in diagnostics, code actions, hovers, code lenses or the log.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspHarness, type Diag } from './harness';

type Published = { uri: string; version?: number; diagnostics: Diag[] };

async function open(server: LspHarness, uri: string, text: string, languageId: string): Promise<Diag[]> {
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return (await server.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri, 30_000)).diagnostics;
}

function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

describe('hostile project files in the workspace', () => {
  for (const [kind, make] of [
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file)],
    ['a named pipe', (file: string) => execFileSync('mkfifo', [file])],
  ] as const) {
    test(`${kind}: initialize answers, one clear warning, documents are analysed`, async (t) => {
      const root = mkdtempSync(path.join(tmpdir(), 'emr-spark-ws-hostile-'));
      make(path.join(root, '.emrsparkrc.json'));
      const server = new LspHarness({ rootUri: pathToFileURL(root).href });
      t.after(() => server.shutdown());
      await within(server.initialize(), 'initialize');
      const diagnostics = await within(open(server, pathToFileURL(path.join(root, 'spark-defaults.conf')).href, 'spark.executors.cores 2\n', 'spark-properties'), 'diagnostics');
      assert.deepEqual(diagnostics.map((d) => d.code), ['SPK001']);
      const shown = await server.waitFor<{ type: number; message: string }>('window/showMessage', () => true, 10_000);
      assert.equal(shown.type, 2);
      assert.match(shown.message, /^EMR Spark Config: .*\.emrsparkrc\.json: (leads outside|is a named pipe)/);
      assert.equal(server.notifications.filter((n) => n.method === 'window/showMessage').length, 0, 'shown once');
    });
  }
});

describe('hostile documents and requests', () => {
  test('a malformed % escape in a URI, positions that are not integers, 4 MiB counted in UTF-8', async (t) => {
    const server = new LspHarness();
    t.after(() => server.shutdown());
    await server.initialize();
    // An unknown language id: the format comes from the name, which has a % escape that does not decode.
    const odd = 'file:///work/%E0%A4%A/bad%zz/spark-defaults.conf';
    assert.deepEqual((await open(server, odd, 'spark.executors.cores 2\n', 'plaintext')).map((d) => d.code), ['SPK001']);

    const uri = 'file:///work/positions/spark-defaults.conf';
    await open(server, uri, 'spark.executor.memory 4g\nspark.exec', 'spark-properties');
    for (const position of [{ line: 1, character: 5.5 }, { line: 0.5, character: 1 }, { line: 1 }, null, { line: -1, character: 0 }, { line: '1', character: '2' }]) {
      assert.deepEqual(await server.request('textDocument/completion', { textDocument: { uri }, position }), [], JSON.stringify(position));
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position }), null, JSON.stringify(position));
    }
    const range = { start: { line: 0, character: 0.5 }, end: { line: 0, character: 3 } };
    assert.deepEqual(await server.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    // Still answers a real position, with integer ranges.
    const items = await server.request<{ textEdit: { range: { start: { character: unknown } } } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 10 } });
    assert.ok(items.length > 0 && items.every((i) => Number.isInteger(i.textEdit.range.start.character)));

    // 1.5 million characters of 3 bytes each: 4.5 MB on disk.
    const big = await open(server, 'file:///work/euro/spark-defaults.conf', `spark.app.name ${'€'.repeat(1_500_000)}\n`, 'spark-properties');
    assert.deepEqual(big.map((d) => d.message), ['This file is larger than 4 MiB (in UTF-8), so EMR Spark Config does not check it.']);
    assert.equal(server.exited, null);
  });
});

describe('bounds', () => {
  test('a 3.9 MiB file with 400,000 findings publishes 1,000 of them and one note; absurd instance counts are refused', async (t) => {
    const server = new LspHarness();
    t.after(() => server.shutdown());
    await server.initialize();
    const text = 'spark.executors.x 1\n'.repeat(200_000);
    assert.ok(text.length > 3.8 * 1024 * 1024 && text.length < 4 * 1024 * 1024);
    const diagnostics = await within(open(server, 'file:///work/many/spark-defaults.conf', text, 'spark-properties'), 'diagnostics', 60_000);
    assert.equal(diagnostics.length, 1001);
    // Every line but the last repeats the key (EMR006); the unknown key (SPK001) is reported once, where it counts.
    assert.equal(diagnostics.at(-1)!.message, '199,000 more findings are not shown: at most 1,000 are reported per file, the most severe first.');
    for (const instanceCount of [1e21, 0, 2.5, 10_001]) {
      await assert.rejects(server.request('emrSpark/template', { instanceType: 'm5.xlarge', instanceCount, shape: 'configurations' }), /instance count must be a whole number from 1 to 10,000/);
    }
    assert.match(await server.request<string>('emrSpark/template', { instanceType: 'm5.xlarge', instanceCount: 3, shape: 'configurations' }), /spark\.executor\.instances/);
  });
});

describe('planted secrets never come back from the server', () => {
  test('diagnostics, code actions, hovers, code lenses and the log', async (t) => {
    const secrets = ['Planted-Kdc-S3cret', 'Planted-Jdbc-S3cret', '918273645501', 'Planted-Move-S3cret', 'Planted-Ldap-S3cret', 'Planted-Opt-S3cret'];
    const text = JSON.stringify(
      {
        Name: 'planted',
        ReleaseLabel: 'emr-7.13.0',
        KerberosAttributes: { Realm: 'EC2.INTERNAL', KdcAdminPassword: secrets[0] },
        Instances: { InstanceGroups: [{ InstanceRole: 'CORE', InstanceType: 'r5.2xlarge', InstanceCount: 3 }] },
        Configurations: [
          {
            Classification: 'hive-site',
            Properties: { 'javax.jdo.option.ConnectionURL': `jdbc:mysql://db/hive?user=hive&password=${secrets[1]}`, 'javax.jdo.option.ConnectionPassword': 'NUMBER' },
          },
          { Classification: 'core-site', Properties: { 'spark.authenticate.secret': secrets[3], 'hadoop.security.group.mapping.ldap.url': `ldap://admin:${secrets[4]}@ldap:389` } },
          { Classification: 'spark-defaults', Properties: { 'spark.executor.memory': '4g', 'spark.executor.extraJavaOptions': `-Djavax.net.ssl.keyStorePassword=${secrets[5]}` } },
        ],
      },
      null,
      2,
    ).replace('"NUMBER"', secrets[2]);
    const server = new LspHarness({ settings: { trace: { server: 'verbose' } } });
    t.after(() => server.shutdown());
    await server.initialize();
    const uri = 'file:///work/planted/cluster.json';
    const diagnostics = await open(server, uri, text, 'json');
    const seen: string[] = [JSON.stringify(diagnostics)];
    assert.ok(diagnostics.filter((d) => d.code === 'SEC001').length >= 5, JSON.stringify(diagnostics.map((d) => d.code)));
    const lines = text.split('\n');
    for (const d of diagnostics) {
      const actions = await server.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      seen.push(...actions.map((a) => a.title));
    }
    for (let line = 0; line < lines.length; line++) {
      for (const character of [4, 8, 12, 20, 40, 60]) {
        if (character > lines[line].length) continue;
        const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        if (hover) seen.push(hover.contents.value);
      }
    }
    const lenses = await server.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.length > 0);
    seen.push(...lenses.map((l) => l.command.title));
    seen.push(...server.notifications.map((n) => JSON.stringify(n.params)), server.stderr);
    const everything = seen.join('\n');
    for (const secret of secrets) assert.ok(!everything.includes(secret), secret);
  });
});
