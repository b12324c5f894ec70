// Fixes written only when first read (engine/lazyFixes.ts): readers see arrays, the rewriting the analysis does
// (secrets hidden, fixes past a syntax problem dropped) applies to them all the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/analyze';
import type { Finding, Fix } from '../../server/src/engine/findings';
import { setFixes, transformFixes } from '../../server/src/engine/lazyFixes';
import { HIDDEN } from '../../server/src/engine/secrets';
import type { Rule } from '../../server/src/rules/types';

const base = (): Omit<Finding, 'fixes'> => ({ ruleId: 'TST001', rule: 'test', severity: 'info', message: 'm', span: { start: 0, end: 1 }, path: [], related: [] });
const fix = (title: string): Fix => ({ title, edits: [{ span: { start: 0, end: 1 }, newText: title }] });

describe('fixes written when first read', () => {
  test('are computed once, on the first read, and read as an array by anyone', () => {
    let computed = 0;
    const finding = setFixes(base(), () => {
      computed++;
      return [fix('a')];
    });
    assert.equal(computed, 0);
    transformFixes(finding, (fixes) => fixes.map((f) => ({ ...f, title: f.title.toUpperCase() })));
    assert.equal(computed, 0, 'a rewrite waits for the fixes too');
    assert.equal(JSON.parse(JSON.stringify(finding)).fixes[0].title, 'A');
    assert.deepEqual({ ...finding }.fixes.map((f) => f.title), ['A']);
    assert.equal(computed, 1);
    finding.fixes = [];
    assert.deepEqual(finding.fixes, []);
  });

  test('written-out fixes are rewritten at once', () => {
    const finding = setFixes(base(), [fix('a')]);
    transformFixes(finding, () => []);
    assert.deepEqual(Object.getOwnPropertyDescriptor(finding, 'fixes')?.value, []);
  });

  test('a fix written late that shows a secret of the document has it hidden, and is marked as carrying it', () => {
    const secret = 'hunter2-very-secret';
    const rule: Rule = {
      id: 'TST001',
      name: 'late-fix',
      severity: 'info',
      summary: 'Offers a fix that repeats a value.',
      reads: ['properties'],
      check({ model, report }) {
        const entry = model.scopes[0].classifications[0].properties[0];
        report({ span: entry.keySpan, path: entry.path, message: 'Look.', fixes: () => [{ title: `Write ${entry.value}`, edits: [{ span: entry.valueSpan!, newText: `"${entry.value}"` }] }] });
      },
    };
    const text = `[{"Classification": "spark-defaults", "Properties": {"spark.ssl.keyPassword": "${secret}"}}]`;
    const [finding] = analyzeText(text, 'configurations.json', { rules: [rule] }).findings;
    assert.equal(finding.fixes[0].title, `Write ${HIDDEN}`);
    assert.equal(finding.fixes[0].carriesSecret, true);
  });
});
