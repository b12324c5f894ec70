// Every rule fixture, opened in the real server: the diagnostics of that rule carry exactly the ranges,
// severities and messages the engine expectations list, and each one's first quick fix is offered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixturePath } from '../helpers';
import { LspHarness, type Diag } from './harness';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

const server = new LspHarness();
before(() => server.initialize());
after(() => server.shutdown());

for (const id of readdirSync(fixturePath()).sort()) {
  const dir = fixturePath(id);
  if (existsSync(path.join(dir, 'options.json'))) continue; // those need a cluster or release from settings
  for (const name of readdirSync(dir).filter((f) => /^fires(\.[a-z]+)?\.(json|conf|yaml)$/.test(f))) {
    test(`${id} ${name} over LSP`, async () => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const conf = name.endsWith('.conf');
      const uri = `file:///fixtures/${id}/${conf ? 'spark-defaults.conf' : name}`;
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: conf ? 'spark-properties' : name.endsWith('.yaml') ? 'yaml' : 'json', version: 1, text } });
      const published = await server.waitFor<{ uri: string; diagnostics: Diag[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
      const mine = published.diagnostics.filter((d) => d.code === id);
      const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as { range: string; severity: string; message: string; fixes: string[] }[];
      const label = (d: Diag) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
      assert.deepEqual(
        mine.map((d) => [label(d), d.severity, d.message]),
        expected.map((e) => [e.range, SEVERITY[e.severity], e.message]),
      );
      for (const [i, d] of mine.entries()) {
        if (expected[i].fixes.length === 0) continue;
        const actions = await server.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        assert.ok(actions.some((a) => a.title === expected[i].fixes[0]), `${expected[i].fixes[0]} is offered`);
      }
      server.notify('textDocument/didClose', { textDocument: { uri } });
    });
  }
}
