// The judged verdicts of the shared corpus (../shared/corpus/*/JUDGED.tsv) on the sizing and JVM rules: findings judged
// false or noise stay gone, true ones stay. The files are read where they are, never copied; without them (a clone
// outside the team's workspace) the test is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type AnalysisOptions } from '../../server/src/analysis/analyze';
import { repoRoot } from '../helpers';

const corpus = [path.join(repoRoot, '..', 'shared', 'corpus'), path.join(repoRoot, '..', '..', 'shared', 'corpus')].find((dir) => existsSync(dir));
const skip = corpus ? false : 'the shared corpus is not next to this checkout';
const MINE = /^(SZ|YRN|ELA001|JVM)/;

function ruleIds(file: string, options: AnalysisOptions = {}): string[] {
  const full = path.join(corpus!, file);
  return analyzeText(readFileSync(full, 'utf8'), full, options).findings.filter((f) => MINE.test(f.ruleId)).map((f) => `${f.ruleId}:${f.message.slice(0, 40)}`);
}

test("EMR 7's own spark-defaults.conf draws none of these findings, with or without a release and a cluster", { skip }, () => {
  const file = 'spark-conf/emr7-java17-blogdump-id14020451126.spark.conf';
  assert.deepEqual(ruleIds(file), []);
  assert.deepEqual(ruleIds(file, { release: 'emr-7.1.0' }), []);
  assert.deepEqual(ruleIds(file, { release: 'emr-7.1.0', cluster: { instanceType: 'm4.large', instanceCount: 2 } }), []);
  assert.deepEqual(ruleIds(file, { cluster: { instanceType: 'm5.xlarge', instanceCount: 3 } }), []);
});

test('a cluster request with maximizeResourceAllocation: SZ015 and the fixed-count SZ014 stay; JVM005 and the unbounded SZ014 are gone', { skip }, () => {
  const ids = ruleIds('emr-json/r01-car-rental-request.json').map((id) => id.split(':')[0]);
  assert.deepEqual(ids, ['SZ015', 'SZ014']);
});

test('18 executors of 16,000 MiB on 4 x m4.4xlarge: SZ002 and SZ008 stay, SZ003 (same root cause) and SZ013 are gone', { skip }, () => {
  const ids = ruleIds('emr-json/x05-data-pipeline-emr527-cli-extract.json', { cluster: { instanceType: 'm4.4xlarge', instanceCount: 2, taskInstanceType: 'm4.4xlarge', taskInstanceCount: 2 } });
  assert.deepEqual(ids.map((id) => id.split(':')[0]), ['SZ002', 'SZ008', 'SZ009', 'SZ012']);
});
