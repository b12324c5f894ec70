// Applying every offered fix to a file, one after another, across all rules: the file stays valid JSON, YAML (or
// properties) and each fix removes the finding it targeted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type AnalysisOptions } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/engine/findings';
import { fixturePath, repoRoot } from '../helpers';

function files(): { file: string; fileName: string; options: AnalysisOptions }[] {
  const out: { file: string; fileName: string; options: AnalysisOptions }[] = [];
  for (const name of readdirSync(path.join(repoRoot, 'examples'))) {
    out.push({ file: path.join(repoRoot, 'examples', name), fileName: name, options: { cluster: { instanceType: 'm5.xlarge', instanceCount: 3 } } });
  }
  for (const id of readdirSync(fixturePath())) {
    const dir = fixturePath(id);
    const optionsFile = path.join(dir, 'options.json');
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as AnalysisOptions) : {};
    for (const name of readdirSync(dir).filter((f) => /^(fires|passes)(\.[a-z]+)?\.(json|conf|yaml)$/.test(f))) {
      out.push({ file: path.join(dir, name), fileName: name.endsWith('.conf') ? 'spark-defaults.conf' : name, options });
    }
  }
  return out;
}

for (const { file, fileName, options } of files()) {
  test(`every fix in ${path.relative(repoRoot, file)}`, () => {
    let text = readFileSync(file, 'utf8');
    const before = analyzeText(text, fileName, options);
    const syntaxBefore = before.model.syntaxProblems.length;
    const applied = new Set<string>();
    // A few rounds per finding (a rename can be followed by a removal of the duplicate it makes), with room to spare.
    const rounds = 80 + 3 * before.findings.filter((f) => f.fixes.length > 0).length;
    for (let round = 0; round < rounds; round++) {
      const analysis = analyzeText(text, fileName, options);
      // One application per finding identity, so fixes that trade places (a 31g heap against a recomputed plan) end.
      const next = analysis.findings.find((f) => f.fixes.length > 0 && !applied.has(`${f.ruleId}|${f.path.join('/')}`));
      if (!next) return;
      const identity = `${next.ruleId}|${next.path.join('/')}`;
      applied.add(identity);
      const fix = next.fixes.find((x) => x.preferred) ?? next.fixes[0];
      text = applyEdits(text, fix.edits);
      const after = analyzeText(text, fileName, options);
      assert.ok(after.model.syntaxProblems.length <= syntaxBefore, `${fix.title} (${next.ruleId}) keeps the file readable`);
      if (fileName.endsWith('.json')) JSON.parse(text);
      assert.ok(
        !after.findings.some((f) => f.ruleId === next.ruleId && f.path.join('/') === next.path.join('/') && f.message === next.message),
        `${fix.title} removes the ${next.ruleId} finding it targeted`,
      );
    }
    assert.fail(`fixes did not settle within ${rounds} rounds`);
  });
}
