// Runs every rule against its fixtures: `fires.*` must produce exactly the findings in `fires.*.expected.json`
// (ranges, severities, messages, fix titles) and applying the fixes one after another must give `fires.*.fixed`;
// `passes.*` must produce none of the rule's findings. UPDATE_FIXTURES=1 rewrites the expectations (review the diff).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type AnalysisOptions } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/engine/findings';
import { RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import { fixturePath, rangeLabel } from '../helpers';

const update = process.env.UPDATE_FIXTURES === '1';

function optionsFor(dir: string): AnalysisOptions {
  const file = path.join(dir, 'options.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AnalysisOptions) : {};
}

function findingsOf(rule: Rule, text: string, fileName: string, options: AnalysisOptions) {
  return analyzeText(text, fileName, options).findings.filter((f) => f.ruleId === rule.id);
}

/** Applies the first fix of the first fixable finding, re-analyses, and repeats: what a user clicking through gets. */
function applyAllFixes(rule: Rule, text: string, fileName: string, options: AnalysisOptions): string {
  for (let round = 0; round < 50; round++) {
    const next = findingsOf(rule, text, fileName, options).find((f) => f.fixes.length > 0);
    if (!next) return text;
    text = applyEdits(text, next.fixes[0].edits);
  }
  throw new Error('fixes did not converge');
}

for (const rule of RULES) {
  describe(`${rule.id} ${rule.name}`, () => {
    const dir = fixturePath(rule.id);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const options = optionsFor(dir);
    for (const name of files.filter((f) => /^fires(\.[a-z]+)?\.(json|jsonc|conf|yaml)$/.test(f))) {
      test(`${name} produces the expected findings and fixes`, () => {
        const text = readFileSync(path.join(dir, name), 'utf8');
        const fileName = name.endsWith('.conf') ? 'spark-defaults.conf' : name;
        const findings = findingsOf(rule, text, fileName, options).map((f) => ({
          range: rangeLabel(text, f.span),
          severity: f.severity,
          message: f.message,
          fixes: f.fixes.map((x) => x.title),
        }));
        const expectedFile = path.join(dir, `${name}.expected.json`);
        const fixedFile = path.join(dir, `${name}.fixed`);
        const fixed = applyAllFixes(rule, text, fileName, options);
        if (update) {
          writeFileSync(expectedFile, JSON.stringify(findings, null, 2) + '\n');
          if (fixed !== text) writeFileSync(fixedFile, fixed);
        }
        assert.ok(findings.length > 0, 'a fires fixture must fire');
        assert.deepEqual(findings, JSON.parse(readFileSync(expectedFile, 'utf8')));
        if (fixed !== text || existsSync(fixedFile)) {
          assert.equal(fixed, readFileSync(fixedFile, 'utf8'));
          const after = analyzeText(fixed, fileName, options);
          assert.equal(after.model.syntaxProblems.length, rule.id === 'EMR001' ? after.model.syntaxProblems.length : 0, 'the fixed file still parses');
          assert.equal(after.findings.filter((f) => f.ruleId === rule.id && f.fixes.length > 0).length, 0, 'every fixable finding is gone');
        }
      });
    }
    for (const name of files.filter((f) => /^passes(\.[a-z]+)?\.(json|jsonc|conf|yaml)$/.test(f))) {
      test(`${name} produces none of its findings`, () => {
        const text = readFileSync(path.join(dir, name), 'utf8');
        const fileName = name.endsWith('.conf') ? 'spark-defaults.conf' : name;
        assert.deepEqual(findingsOf(rule, text, fileName, options).map((f) => f.message), []);
      });
    }
  });
}
