#!/usr/bin/env node
// Lints the real files of ../shared/corpus as their judged runs did and compares with the verdicts: precision,
// judged FP still reported, judged TP lost, and the new findings for a person to judge.
// Usage: node scripts/corpus-check.mjs [--strict] [corpus folder]   (after `tsc -p tsconfig.test.json`, which npm test runs)
// The assertions live in test/unit/corpus.test.ts; with --strict this script also exits 1 on any judged FP still
// reported or TP lost, whichever rule it is.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const compiled = join(here, '..', 'out', 'test', 'corpus', 'corpus.js');
if (!existsSync(compiled)) {
  console.error('corpus-check: build the tests first (npx tsc -p tsconfig.test.json)');
  process.exit(2);
}
const { checkCorpus, corpusFolder, formatReport } = createRequire(import.meta.url)(compiled);
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const corpus = args.find((a) => !a.startsWith('--')) ?? corpusFolder(join(here, '..'));
if (!corpus || !existsSync(join(corpus, 'spark-conf', 'JUDGED.tsv'))) {
  console.error(`corpus-check: no corpus at ${corpus ?? '../shared/corpus'}`);
  process.exit(2);
}
const report = checkCorpus(corpus);
process.stdout.write(formatReport(report));
const bad = report.outcomes.filter((o) => (o.judged.verdict === 'FP' && o.reported) || (o.judged.verdict === 'TP' && !o.reported));
process.exit(strict && bad.length > 0 ? 1 : 0);
