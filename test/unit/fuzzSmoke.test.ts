// A 2,000-input smoke run of the fuzzer (scripts/fuzz.mjs, whose full run is `npm run fuzz`), engine only, from a
// fixed seed: mutated fixtures and examples in both formats must not make the engine or a rule throw, every finding
// and fix must stay inside the document, every fix must apply without adding syntax problems, and each analysis
// must stay under the fuzzer's time bound, and no secret may appear in a message or fix title; then the hostile kinds of
// project file and 50 random ones through the loader and the glob matcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers';

interface FuzzSummary {
  count: number;
  perSecond: number;
  slowest: { ms: number; source: string; mutators: string[] };
  failures: { input: { id: number; source: string; mutators: string[]; fileName: string }; problems: string[] }[];
}

test('fuzz smoke: 2,000 inputs from seed 20240601 through the engine, and 56 project files', async () => {
  const specifier = pathToFileURL(path.join(repoRoot, 'scripts', 'fuzz.mjs')).href;
  const fuzz = (await import(specifier)) as { runFuzz(options: { seed: number; count: number; projects: number }): Promise<FuzzSummary> };
  const summary = await fuzz.runFuzz({ seed: 20240601, count: 2000, projects: 50 });
  assert.equal(summary.count, 2000);
  const failures = summary.failures.map((f) => `#${f.input.id} ${f.input.source} [${f.input.mutators.join(' + ')}] as ${f.input.fileName}: ${f.problems.join('; ')}`);
  assert.deepEqual(failures, []);
});
