// The corpus check (test/corpus/corpus.ts) over ../shared/corpus, when that folder exists: real files, the verdicts
// given on an earlier build's findings. Run `node scripts/corpus-check.mjs` for the full report.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkCorpus, corpusFiles, corpusFolder, flagsForRun, formatReport, lintFile, precision, readAs, readJudged, readSources, tally, type CorpusReport } from '../corpus/corpus';
import { repoRoot } from '../helpers';

const corpus = corpusFolder(repoRoot);

/** Rules another open issue is changing: a verdict on them that still fails is that issue's to-do, not a failure here. */
const OWNED_ELSEWHERE: { issue: number; rule: RegExp }[] = [
  { issue: 11, rule: /^(SZ\d+|YRN\d+|JVM\d+|ELA001)$/ },
  { issue: 13, rule: /^SEC\d+$/ },
];

const ownerOf = (ruleId: string) => OWNED_ELSEWHERE.find((o) => o.rule.test(ruleId))?.issue;

/** The rules this project's Spark, Hadoop and EMR knowledge drives: none may fire on EMR's own default file. */
const KNOWLEDGE_RULES = /^(SPK\d+|EMR00[1-9]|EMR011|ELA002|HDP\d+)$/;

describe('corpus check (../shared/corpus)', { skip: corpus ? false : 'no ../shared/corpus here' }, () => {
  let report: CorpusReport;
  const run = () => (report ??= checkCorpus(corpus!));

  test('every judged run resolves to the flags it was run with', () => {
    const judged = readJudged(corpus!);
    const sources = readSources(corpus!);
    assert.ok(judged.length > 50, `${judged.length} verdicts`);
    for (const j of judged) assert.doesNotThrow(() => flagsForRun(j.run, j, sources, judged), `${j.file} ${j.run}`);
  });

  test('no finding judged FP is still reported', (t) => {
    const still = run().outcomes.filter((o) => o.judged.verdict === 'FP' && o.reported);
    for (const o of still.filter((x) => ownerOf(x.judged.ruleId))) {
      t.todo(`${o.judged.file}:${o.judged.line} ${o.judged.ruleId} is issue ${ownerOf(o.judged.ruleId)}'s to fix`);
    }
    const mine = still.filter((o) => !ownerOf(o.judged.ruleId)).map((o) => `${o.judged.file}:${o.judged.line} ${o.judged.ruleId} (${o.judged.reason})`);
    assert.deepEqual(mine, []);
  });

  test('no finding judged TP is lost', () => {
    const lost = run().outcomes.filter((o) => o.judged.verdict === 'TP' && !o.reported).map((o) => `${o.judged.file}:${o.judged.line} ${o.judged.ruleId}`);
    assert.deepEqual(lost, []);
  });

  test('precision and the new findings, for a person to judge', (t) => {
    for (const folder of ['spark-conf', 'emr-json'] as const) {
      const { judged, now } = tally(run().outcomes, folder);
      t.diagnostic(`${folder}: precision ${precision(judged)} as judged, ${precision(now)} now (${now.tp} TP, ${now.fp} FP, ${now.debatable} debatable)`);
    }
    t.diagnostic(formatReport(run()));
    const judged = tally(run().outcomes);
    assert.ok(judged.now.tp === judged.judged.tp);
  });

  test('every file of emr-json is read as an EMR configuration, whatever its shape', (t) => {
    const files = corpusFiles(corpus!, 'emr-json');
    assert.ok(files.length >= 20, `${files.length} files`);
    const read = files.map((file) => ({ file, ...readAs(path.join(corpus!, 'emr-json', file)) }));
    for (const r of read) t.diagnostic(`${r.file}: ${r.recognized ? r.shape : `not read (${r.unrecognized})`}`);
    assert.deepEqual(read.filter((r) => !r.recognized).map((r) => `${r.file}: ${r.unrecognized}`), []);
  });

  test("EMR 7's own spark-defaults.conf draws no finding from the knowledge rules, with or without --release", () => {
    const file = path.join(corpus!, 'spark-conf', 'emr7-java17-blogdump-id14020451126.spark.conf');
    for (const flags of [[], ['--release', 'emr-7.1.0'], ['--release', 'emr-7.13.0']]) {
      const findings = lintFile(file, flags).filter((f) => KNOWLEDGE_RULES.test(f.ruleId));
      assert.deepEqual(findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`), [], flags.join(' '));
    }
  });
});
