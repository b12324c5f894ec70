import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  allJvmFlags,
  allSparkOptions,
  classificationInfo,
  classificationNames,
  emrRelease,
  hadoopOption,
  instanceType,
  sparkCatalog,
  sparkNamespace,
  sparkOption,
} from '../../server/src/catalog';
import { repoRoot } from '../helpers';

test('instance types carry vCPU, memory and EMR YARN defaults (r5.12xlarge spot check)', () => {
  const t = instanceType('r5.12xlarge')!;
  assert.deepEqual([t.vcpu, t.memoryMiB, t.yarn?.nodemanagerMemoryMiB, t.yarn?.maximumAllocationMiB, t.yarn?.minimumAllocationMiB], [48, 393216, 385024, 385024, 1]);
  assert.equal(t.yarnWithHBase?.nodemanagerMemoryMiB, 32100);
});

test('releases carry Spark, Hadoop and Java versions and their classifications', () => {
  const r = emrRelease('emr-6.15.0')!;
  assert.deepEqual([r.spark, r.hadoop, r.defaultJava, r.otherJava], ['3.4.1', '3.3.6', 8, [11, 17]]);
  assert.equal(r.classifications?.has('spark-defaults'), true);
  assert.equal(emrRelease('emr-7.13.0')!.defaultJava, 17);
});

test('Spark options: type, default, unit, since, deprecation and replacement, and open namespaces', () => {
  const memory = sparkOption('spark.executor.memory')!;
  assert.deepEqual([memory.type, memory.default, memory.unit, memory.since], ['bytes', '1g', 'MiB', '0.7.0']);
  const old = sparkCatalog().deprecation('spark.yarn.executor.memoryOverhead')!;
  assert.deepEqual([old.read, old.target, old.since], ['forwarded', 'spark.executor.memoryOverhead', '2.3']);
  assert.equal(sparkOption('spark.yarn.executor.memoryOverhead'), undefined);
  assert.deepEqual(sparkNamespace('spark.executorEnv.JAVA_HOME'), sparkNamespace('spark.executorEnv.PATH'));
  assert.equal(sparkNamespace('spark.executorEnv.JAVA_HOME')?.kind, 'open');
  assert.equal(hadoopOption('yarn.nodemanager.vmem-check-enabled')?.type, 'boolean');
});

test('every classification has a description of our own', () => {
  const missing = classificationNames().filter((n) => !classificationInfo(n)?.description);
  assert.deepEqual(missing, []);
});

test('at least 150 Spark keys, every JVM flag, and every Spark key a rule mentions have descriptions', () => {
  const described = allSparkOptions().filter((o) => o.description);
  assert.ok(described.length >= 150, `${described.length} described`);
  assert.deepEqual(allJvmFlags().filter((f) => !f.description).map((f) => f.flag), []);
  const rulesDir = path.join(repoRoot, 'server', 'src', 'rules');
  const mentioned = new Set<string>();
  for (const file of readdirSync(rulesDir)) {
    const source = readFileSync(path.join(rulesDir, file), 'utf8');
    // Rules name keys of both roles through a template: spark.${role}.memory.
    const expanded = ['executor', 'driver'].map((role) => source.replace(/\$\{role\}/g, role)).join('\n');
    for (const match of expanded.matchAll(/spark\.[A-Za-z0-9.]+[A-Za-z0-9]/g)) {
      if (sparkOption(match[0])?.name === match[0]) mentioned.add(match[0]);
    }
  }
  assert.ok(mentioned.size >= 18, `${mentioned.size} keys found in the rules`);
  assert.deepEqual([...mentioned].filter((k) => !sparkOption(k)!.description), []);
  assert.ok(sparkOption('maximizeResourceAllocation')?.description);
});
