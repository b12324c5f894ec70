// spark-submit arguments override spark-defaults for the application they start: sizing is done again with them on
// top, and what that finds inside the arguments is reported there, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/analyze';
import { sizingText } from '../../server/src/output/sizing';
import { slice } from '../helpers';

const cluster = (args: string[]) =>
  JSON.stringify(
    {
      ReleaseLabel: 'emr-6.15.0',
      Instances: { InstanceGroups: [{ InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 }, { InstanceRole: 'CORE', InstanceType: 'r5.4xlarge', InstanceCount: 4 }] },
      Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.memory': '18g', 'spark.executor.cores': '4', 'spark.dynamicAllocation.enabled': 'false' } }],
      Steps: [{ Name: 'Big', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', ...args, 's3://b/app.py'] } }],
    },
    null,
    2,
  );

test('an executor the arguments make too large is reported on the argument, with the arithmetic', () => {
  const text = cluster(['--deploy-mode', 'cluster', '--executor-memory', '200g']);
  const analysis = analyzeText(text, 'cluster.json');
  const sz001 = analysis.findings.filter((f) => f.ruleId === 'SZ001');
  assert.deepEqual(
    sz001.map((f) => [slice(text, f.span), f.message]),
    [['--executor-memory', 'The executor container is 225,280 MiB (heap 204,800 MiB + overhead 20,480 MiB), above yarn.scheduler.maximum-allocation-mb = 122,880 MiB (120 GiB) on r5.4xlarge: Spark refuses to submit the application. Keep the executor\'s memory and overhead within 122,880 MiB (120 GiB).']],
  );
  assert.deepEqual(analysis.submissionSizing.map((s) => s.label), ['step "Big"']);
  assert.match(sizingText(analysis.sizing, analysis.submissionSizing).join('\n'), /as step "Big" submits it \(cluster mode\): executor container 225,280 MiB; 0 per r5\.4xlarge/);
});

test('arguments that change nothing about sizing add no finding, and spark-defaults findings are not repeated', () => {
  const plain = analyzeText(cluster([]), 'cluster.json');
  const withConf = analyzeText(cluster(['--conf', 'spark.sql.shuffle.partitions=64']), 'cluster.json');
  const ids = (a: typeof plain) => a.findings.map((f) => `${f.ruleId} ${f.span.start}`);
  const shift = cluster(['--conf', 'spark.sql.shuffle.partitions=64']).indexOf('"Steps"') - cluster([]).indexOf('"Steps"');
  assert.equal(shift, 0, 'the step comes after the Configurations, so the spans before it are the same');
  assert.deepEqual(ids(withConf), ids(plain));
});
