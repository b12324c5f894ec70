import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emrRelease, instanceTypeNames, instanceType } from '../../server/src/catalog';
import { analyzeText } from '../../server/src/analysis/analyze';
import { readDocument } from '../../server/src/formats';
import { readJson as parseEmrJson } from '../../server/src/formats/json/reader';
import { resolveCluster, type ClusterOverride } from '../../server/src/sizing/cluster';
import { computeSizing } from '../../server/src/sizing/compute';
import { guidePlan, inCompressedOopsGap, MINIMUM_HEAP_MIB, overheadFloor, yarnPlan } from '../../server/src/sizing/plan';

const parseDocument = (text: string, languageId: 'spark-properties') => readDocument({ text, languageId });

function shapeFor(override: ClusterOverride, release?: string) {
  const { shape } = resolveCluster(parseDocument('', 'spark-properties'), release ? emrRelease(release) : undefined, override);
  assert.ok(shape);
  return shape;
}

describe('the published guide, reproduced to the unit', () => {
  const plan = guidePlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19, deployMode: 'cluster' }));

  test('19 x r5.12xlarge: 5 cores, 9 per node, 37g + 5g, 170 instances, parallelism 1,700, driver 37g / 5 cores', () => {
    assert.equal(plan.executorCores, 5);
    assert.equal(plan.executorsPerNode, 9);
    assert.equal(plan.executorMemoryMiB, 37 * 1024);
    assert.equal(plan.executorMemoryOverheadMiB, 5 * 1024);
    assert.equal(plan.executorInstances, 170);
    assert.equal(plan.defaultParallelism, 1700);
    assert.equal(plan.shufflePartitions, 1700);
    assert.equal(plan.driverMemoryMiB, 37 * 1024);
    assert.equal(plan.driverCores, 5);
    assert.deepEqual(plan.properties, {
      'spark.executor.cores': '5',
      'spark.executor.memory': '37g',
      'spark.executor.memoryOverhead': '5g',
      'spark.executor.instances': '170',
      'spark.driver.memory': '37g',
      'spark.driver.cores': '5',
      'spark.driver.memoryOverhead': '5g',
      'spark.default.parallelism': '1700',
      'spark.sql.shuffle.partitions': '1700',
      'spark.dynamicAllocation.enabled': 'false',
    });
    assert.deepEqual(plan.sparkClassification, { maximizeResourceAllocation: 'false' });
  });

  test('and says that on EMR only 8 of the 9 containers fit in 385,024 MiB: 152 containers, 151 executors beside a cluster-mode driver', () => {
    assert.equal(plan.containerMiB, 43008);
    assert.equal(plan.fits, false);
    assert.deepEqual(plan.reality, { executorsPerNodeThatFit: 8, containers: 152, executorsBesideDriver: 151 });
    assert.match(plan.steps.join('\n'), /YARN gives r5\.12xlarge 385,024 MiB \(376 GiB\), so 8 of 9 fit per node -> 152 containers, 151 executors beside the driver/);
  });

  test('in client mode the driver is on the primary node and the small application master fits in the 40,960 MiB a node leaves: 152 executors', () => {
    const client = guidePlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }));
    assert.deepEqual(client.reality, { executorsPerNodeThatFit: 8, containers: 152, executorsBesideDriver: 152 });
    assert.deepEqual(client.placement, [
      'client deploy mode: the driver runs on the primary node (its instance type is not given, so its room is not checked)',
      'the application master (spark.yarn.am.memory 512m + 384 MiB = 896 MiB) fits in the 40,960 MiB (40 GiB) each r5.12xlarge leaves unallocated, beside the executors',
    ]);
  });
});

describe('the YARN-fitting plan chooses among executor shapes', () => {
  test('19 x r5.12xlarge: 11 executors of 4 cores, 34,976 MiB = 31 GiB heap + 3,232 MiB, not the 37 GiB heap SZ010 reports', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }, 'emr-6.15.0'));
    assert.deepEqual(
      [plan.executorCores, plan.executorsPerNode, plan.containerMiB, plan.executorMemoryMiB, plan.executorMemoryOverheadMiB, plan.groups[0].wastePerNodeMiB, plan.fits],
      [4, 11, 34976, 31 * 1024, 3232, 288, true],
    );
    // 288 MiB left per node cannot take the 896 MiB application master: it takes one executor's place.
    assert.equal(plan.executorInstances, 11 * 19 - 1);
    assert.equal(plan.defaultParallelism, 2 * 208 * 4);
    assert.equal(plan.choice?.runnerUp?.cores, 3);
    assert.equal(plan.choice?.runnerUpLost, 'it leaves 13,277 MiB per node outside the heaps and the overhead they need, against 2,717 MiB');
    const steps = plan.steps.join('\n');
    assert.match(steps, /shape: 4 cores x 11 per node: 34,976 MiB containers, heap 31,744 MiB \(31 GiB\), 2,717 MiB unused per node \(containers in 32 MiB steps, so YARN's rounding never grows them\)/);
    // The runner-up's containers leave each node room for the application master: that wastes less than losing an executor.
    assert.match(steps, /runner-up: 3 cores x 15 per node: 25,600 MiB \(25 GiB\) containers, heap 22,528 MiB \(22 GiB\), 13,277 MiB unused per node; lost because it leaves 13,277 MiB per node/);
    assert.match(steps, /also weighed: 5 cores x 9 per node: 39,680 MiB containers, heap 31,744 MiB \(31 GiB\), 70,715 MiB unused per node/);
    assert.match(steps, /a 39,680 MiB container of 5 cores could take a 35,840 MiB \(35 GiB\) heap, inside the 32-48 GiB gap where the JVM loses compressed object pointers \(SZ010\); its heap stays at 31,744 MiB \(31 GiB\)/);
    assert.ok(plan.placement.includes("the application master (spark.yarn.am.memory 512m + 384 MiB = 896 MiB) takes one executor's place: no node has that much left over"));
  });

  test('containers are multiples of 32 MiB where the release may round to 32 MiB (emr-5.36.0 and emr-6.15.0 came after the 2022 table)', () => {
    for (const release of ['emr-5.36.0', 'emr-6.5.0', 'emr-6.15.0', 'emr-7.5.0']) {
      const shape = shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }, release);
      assert.equal(shape.nodes[0].planStepMiB, 32, release);
      assert.equal(yarnPlan(shape).containerMiB % 32, 0, release);
    }
    assert.equal(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }, 'emr-6.5.0').nodes[0].minAllocationMiB, 32);
    assert.equal(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }, 'emr-6.15.0').nodes[0].minAllocationMiB, 1);
  });

  test('m5.xlarge x 3, client mode: containers leave each node the 896 MiB of the application master rather than lose an executor to it', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'm5.xlarge', instanceCount: 3 }));
    assert.deepEqual(
      [plan.executorCores, plan.executorsPerNode, plan.containerMiB, plan.executorMemoryMiB, plan.executorMemoryOverheadMiB, plan.executorInstances, plan.defaultParallelism],
      [3, 1, 11392, 10 * 1024, 1152, 3, 18],
    );
    assert.equal(plan.choice?.chosen.roomForApplicationMaster, true);
  });

  test('c5.4xlarge x 10: 3 executors of 5 cores in 8,192 MiB; the runner-up of 4 cores runs fewer cores', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'c5.4xlarge', instanceCount: 10 }));
    assert.deepEqual(
      [plan.executorCores, plan.executorsPerNode, plan.containerMiB, plan.executorMemoryMiB, plan.executorMemoryOverheadMiB, plan.executorInstances],
      [5, 3, 8192, 7 * 1024, 1024, 29],
    );
    assert.equal(plan.choice?.runnerUpLost, 'it runs 12 cores per node, against 15');
  });

  test('cluster deploy mode gives the driver an executor-sized container in place of one executor', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'c5.4xlarge', instanceCount: 10, deployMode: 'cluster' }));
    assert.equal(plan.executorInstances, 29);
    assert.equal(plan.driverMemoryMiB, plan.executorMemoryMiB);
    assert.equal(plan.driverMemoryOverheadMiB, plan.executorMemoryOverheadMiB);
  });

  test('a client-mode driver on a known primary node gets at most half of what EMR leaves for applications on that type', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19, primaryInstanceType: 'm5.xlarge' }));
    // m5.xlarge: EMR gives YARN 12,288 MiB; half is 6,144 MiB, which holds a 5 GiB heap and its 512 MiB overhead.
    assert.equal(plan.properties['spark.driver.memory'], '5g');
    assert.match(plan.placement[0], /the driver runs on the primary node, m5\.xlarge \(16,384 MiB \(16 GiB\) RAM\): heap 5,120 MiB \(5 GiB\), at most half of the 12,288 MiB \(12 GiB\) EMR leaves for applications on that type/);
  });

  test('a yarn-site override of the node budget and the maximum allocation is respected', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 2, yarnMemoryMiB: 300000, maxAllocationMiB: 30000 }));
    assert.ok(plan.containerMiB <= 30000);
    assert.ok(plan.executorsPerNode * plan.containerMiB <= 300000);
    assert.equal(plan.fits, true);
  });

  test('mixed cluster: one executor size that fits both groups, and the waste of each', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 4, taskInstanceType: 'm5.4xlarge', taskInstanceCount: 6 }));
    // m5.4xlarge: 16 vCPU -> 3 executors of 4 cores; YARN 57,344 MiB / 3 = 19,114 MiB, rounded down to 32 MiB steps.
    assert.equal(plan.containerMiB, 19104);
    assert.deepEqual(plan.groups.map((g) => [g.instanceType, g.executorsPerNode, g.wastePerNodeMiB]), [
      ['r5.12xlarge', 11, 385024 - 11 * 19104],
      ['m5.4xlarge', 3, 57344 - 3 * 19104],
    ]);
    assert.equal(plan.executorInstances, 11 * 4 + 3 * 6);
  });
});

describe('property: every catalog instance type x 1..50 nodes', () => {
  test('the plan fits after rounding, respects the maximum allocation, keeps its heap out of the compressed-oops gap and its overhead between the floor and a quarter of the heap', () => {
    let checked = 0;
    for (const name of instanceTypeNames()) {
      const type = instanceType(name)!;
      if (!type.yarn || type.yarn.nodemanagerMemoryMiB < 1024) continue;
      for (let nodes = 1; nodes <= 50; nodes += 7) {
        for (const deployMode of ['client', 'cluster'] as const) {
          const shape = shapeFor({ instanceType: name, instanceCount: nodes, deployMode }, 'emr-6.15.0');
          const plan = yarnPlan(shape);
          const node = shape.nodes[0];
          const where = `${name} x ${nodes} ${deployMode}`;
          if (!plan.fits) {
            // Only where no container can hold Spark's 450 MiB minimum heap and its overhead.
            assert.ok(node.maxAllocationMiB < MINIMUM_HEAP_MIB + 384 || plan.executorMemoryMiB < MINIMUM_HEAP_MIB, where);
            continue;
          }
          assert.equal(plan.containerMiB % node.planStepMiB, 0, where);
          assert.ok(plan.containerMiB <= node.maxAllocationMiB, where);
          assert.ok(plan.executorsPerNode * plan.containerMiB <= node.yarnMemoryMiB, where);
          assert.ok(!inCompressedOopsGap(plan.executorMemoryMiB), where);
          assert.ok(plan.executorMemoryOverheadMiB >= overheadFloor(plan.executorMemoryMiB), where);
          assert.ok(plan.executorMemoryOverheadMiB * 2 < plan.executorMemoryMiB || plan.executorMemoryOverheadMiB <= 1024, where);
          assert.equal(plan.executorMemoryMiB + plan.executorMemoryOverheadMiB, plan.containerMiB, where);
          assert.ok(plan.executorsPerNode >= 1 && plan.executorCores >= 1, where);
          assert.ok(plan.executorsPerNode * plan.executorCores <= Math.max(1, node.vcpu - 1), where);
          const containers = plan.executorsPerNode * nodes;
          assert.ok(plan.executorInstances === containers || plan.executorInstances === containers - 1, where);
          assert.equal(plan.defaultParallelism, 2 * plan.executorInstances * plan.executorCores, where);
          checked++;
        }
      }
    }
    assert.ok(checked > 8000, `checked ${checked} cases`);
  });

  test('a plan written into spark-defaults draws no finding of the sizing rules on its own cluster (both deploy modes, two releases)', () => {
    let checked = 0;
    for (const name of instanceTypeNames()) {
      const type = instanceType(name)!;
      if (!type.yarn || type.yarn.nodemanagerMemoryMiB < 1024) continue;
      for (const nodes of [1, 19]) {
        for (const deployMode of ['client', 'cluster'] as const) {
          for (const release of ['emr-6.5.0', 'emr-7.5.0']) {
            const plan = yarnPlan(shapeFor({ instanceType: name, instanceCount: nodes, deployMode }, release));
            if (!plan.fits) continue;
            const conf = Object.entries({ ...plan.properties, 'spark.submit.deployMode': deployMode }).map(([k, v]) => `${k} ${v}`).join('\n') + '\n';
            const findings = analyzeText(conf, 'spark-defaults.conf', { release, cluster: { instanceType: name, instanceCount: nodes } }).findings.filter((f) => f.ruleId.startsWith('SZ'));
            assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.message}`), [], `${name} x ${nodes} ${deployMode} ${release}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 2000, `checked ${checked} cases`);
  });
});

describe('evaluation of a configuration on its cluster', () => {
  const guideCluster = (deployMode?: string) =>
    JSON.stringify({
      ReleaseLabel: 'emr-6.15.0',
      Instances: { InstanceGroups: [{ InstanceRole: 'CORE', InstanceType: 'r5.12xlarge', InstanceCount: 19 }] },
      Configurations: [
        {
          Classification: 'spark-defaults',
          Properties: {
            'spark.executor.cores': '5',
            'spark.executor.memory': '37g',
            'spark.executor.memoryOverhead': '5g',
            'spark.executor.instances': '170',
            'spark.driver.memory': '37g',
            'spark.driver.cores': '5',
            ...(deployMode ? { 'spark.submit.deployMode': deployMode } : {}),
          },
        },
      ],
    });

  test('the guide settings on 19 x r5.12xlarge in cluster mode: 8 per node, 151 beside the driver, the heap split', () => {
    const report = computeSizing(parseEmrJson(guideCluster('cluster')), { release: emrRelease('emr-6.15.0') });
    const e = report.evaluation!;
    assert.equal(e.executor.containerMiB, 43008);
    assert.equal(e.executor.overheadSource, 'explicit');
    assert.equal(e.driver.containerMiB, 37 * 1024 + 3788);
    assert.equal(e.driver.overheadSource, 'factor');
    assert.deepEqual(e.groups.map((g) => [g.executorsPerNode, g.coresPerNode, g.vcpu, g.limitedBy]), [[8, 40, 48, 'memory']]);
    assert.equal(e.capacity, 151);
    assert.equal(e.requestedInstances, 170);
    assert.deepEqual(e.heap, {
      heapMiB: 37888,
      reservedMiB: 300,
      usableMiB: 37588,
      sparkMemoryMiB: 22552,
      storageMiB: 11276,
      executionMiB: 11276,
      userMiB: 15036,
      executionPerCoreMiB: 2255,
    });
  });

  test('without spark.submit.deployMode the deploy mode is client, spark-submit\'s default, and the driver leaves all 152 executor places', () => {
    const report = computeSizing(parseEmrJson(guideCluster()), { release: emrRelease('emr-6.15.0') });
    assert.equal(report.cluster!.deployMode, 'client');
    assert.equal(report.cluster!.deployModeSource, 'assumed');
    assert.equal(report.evaluation!.capacity, 152);
    assert.equal(report.evaluation!.applicationMasterMiB, 896);
    assert.equal(report.assumptions[0], "deploy mode: client, spark-submit's default, as spark.submit.deployMode is not set: the driver runs on the primary node, a small application master on a core or task node");
  });

  test('the plans and assumptions are worked out once, when first read, and a copy or JSON of the report holds them', () => {
    const report = computeSizing(parseEmrJson(guideCluster()), { release: emrRelease('emr-6.15.0') });
    assert.equal(report.plan, report.plan, 'one plan per report: the Recompute fix is kept per report');
    assert.equal(report.guide, report.guide);
    assert.equal(report.assumptions, report.assumptions);
    assert.equal(report.guide!.executorInstances, 170);
    assert.equal({ ...report }.plan, report.plan);
    const json = JSON.parse(JSON.stringify(report));
    assert.equal(json.guide.executorInstances, 170);
    assert.equal(json.assumptions[0], report.assumptions[0]);
  });

  test('default overhead is max(384 MiB, 10 %), off-heap counts from Spark 3.0, PySpark memory only for a Python application, YARN rounds up', () => {
    const text = 'spark.executor.memory 2g\nspark.memory.offHeap.enabled true\nspark.memory.offHeap.size 1g\nspark.executor.pyspark.memory 512m\n';
    const jvm = computeSizing(parseDocument(text, 'spark-properties'), { cluster: { instanceType: 'm5.xlarge', instanceCount: 2, minAllocationMiB: 1024 } }).evaluation!.executor;
    assert.deepEqual([jvm.memoryMiB, jvm.overheadMiB, jvm.overheadSource, jvm.offHeapMiB, jvm.pysparkMiB, jvm.pysparkIgnoredMiB, jvm.requestMiB, jvm.containerMiB], [2048, 384, 'minimum', 1024, 0, 512, 3456, 4096]);
    const python = computeSizing(parseDocument(text, 'spark-properties'), { cluster: { instanceType: 'm5.xlarge', instanceCount: 2, minAllocationMiB: 1024, application: 'python' } }).evaluation!.executor;
    assert.deepEqual([python.pysparkMiB, python.requestMiB, python.containerMiB], [512, 3968, 4096]);
  });

  test('without a cluster the report says why', () => {
    const report = computeSizing(readDocument({ text: 'spark.executor.memory 2g', languageId: 'spark-properties' }), {});
    assert.equal(report.unavailable, 'no core or task nodes are described; give an instance type and count to size against');
  });
});
