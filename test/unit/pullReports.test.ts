import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { PullReports, sameDiagnostics } from '../../server/src/lsp/pullReports';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const diagnostic = (overrides: Partial<Diagnostic> = {}): Diagnostic => ({
  range: range(3, 8, 20),
  severity: 2,
  code: 'SPK001',
  codeDescription: { href: 'https://example.test/SPK001.md' },
  source: 'emr-spark',
  message: '"spark.executors.cores" is not a Spark property.',
  ...overrides,
});

describe('pulled diagnostics with result ids', () => {
  test('every field the client shows counts as a change', () => {
    const base = [diagnostic(), diagnostic({ code: 'SZ002', range: range(5, 1, 2) })];
    assert.ok(sameDiagnostics(base, [diagnostic(), diagnostic({ code: 'SZ002', range: range(5, 1, 2) })]));
    const variants: Partial<Diagnostic>[] = [
      { message: 'another message' },
      { code: 'SPK002' },
      { severity: 1 },
      { source: 'other' },
      { codeDescription: { href: 'https://example.test/other.md' } },
      { range: range(3, 8, 21) },
      { range: range(4, 8, 20) },
      { relatedInformation: [{ location: { uri: 'file:///a.json', range: range(1, 1, 2) }, message: 'here' }] },
      { data: { fix: 1 } },
      { tags: [1] },
    ];
    for (const variant of variants) assert.equal(sameDiagnostics(base, [diagnostic(variant), base[1]]), false, JSON.stringify(variant));
    assert.equal(sameDiagnostics(base, base.slice(0, 1)), false, 'one fewer');
    const related = (message: string, line = 1) => diagnostic({ relatedInformation: [{ location: { uri: 'file:///a.json', range: range(line, 1, 2) }, message }] });
    assert.ok(sameDiagnostics([related('first')], [related('first')]));
    assert.equal(sameDiagnostics([related('first')], [related('second')]), false);
    assert.equal(sameDiagnostics([related('first')], [related('first', 2)]), false);
  });

  test('unchanged only for the id sent last for that document', () => {
    const reports = new PullReports();
    const a = reports.report('file:///a.json', undefined, [diagnostic()]);
    assert.equal(a.kind, 'full');
    assert.deepEqual(reports.report('file:///a.json', a.resultId, [diagnostic()]), { kind: 'unchanged', resultId: a.resultId });
    const b = reports.report('file:///b.json', a.resultId, [diagnostic()]);
    assert.equal(b.kind, 'full', "another document's id");
    const changed = reports.report('file:///a.json', a.resultId, [diagnostic({ message: 'new' })]);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, a.resultId);
    assert.equal(reports.report('file:///a.json', a.resultId, [diagnostic({ message: 'new' })]).kind, 'full', 'the older id');
    reports.forget('file:///a.json');
    assert.equal(reports.report('file:///a.json', changed.resultId, [diagnostic({ message: 'new' })]).kind, 'full', 'forgotten on close');
  });
});
