import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { instanceTypeNames, instanceType } from '../../server/src/catalog';
import { readDocument } from '../../server/src/formats';
import { readJson as parseEmrJson } from '../../server/src/formats/json/reader';
import { resolveCluster, type ClusterOverride } from '../../server/src/sizing/cluster';
import { computeSizing } from '../../server/src/sizing/compute';
import { guidePlan, overheadFloor, yarnPlan } from '../../server/src/sizing/plan';

function shapeFor(override: ClusterOverride) {
  const { shape } = resolveCluster(readDocument({ text: '', languageId: 'spark-properties' }), undefined, override);
  assert.ok(shape);
  return shape;
}

describe('the published guide, reproduced to the unit', () => {
  const plan = guidePlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }));

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

  test('and says that on EMR only 8 of the 9 containers fit in 385,024 MiB: 152 containers, 151 executors', () => {
    assert.equal(plan.containerMiB, 43008);
    assert.equal(plan.fits, false);
    assert.deepEqual(plan.reality, { executorsPerNodeThatFit: 8, containers: 152, executorsBesideDriver: 151 });
    assert.match(plan.steps.join('\n'), /YARN gives r5\.12xlarge 385,024 MiB \(376 GiB\), so 8 of 9 fit per node -> 152 containers, 151 executors beside the driver/);
  });
});

describe('the YARN-fitting plan', () => {
  test('19 x r5.12xlarge: 9 executors of 42,780 MiB = 37 GiB heap + 4,892 MiB overhead, 4 MiB idle per node', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 19 }));
    assert.equal(plan.executorCores, 5);
    assert.equal(plan.executorsPerNode, 9);
    assert.equal(plan.containerMiB, 42780);
    assert.equal(plan.executorMemoryMiB, 37 * 1024);
    assert.equal(plan.executorMemoryOverheadMiB, 4892);
    assert.equal(plan.groups[0].wastePerNodeMiB, 4);
    assert.equal(plan.executorInstances, 170);
    assert.equal(plan.fits, true);
    assert.equal(plan.properties['spark.executor.memoryOverhead'], '4892m');
  });

  test('m5.xlarge x 3: 4 vCPU means one executor of 3 cores per node', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'm5.xlarge', instanceCount: 3 }));
    assert.deepEqual(
      [plan.executorCores, plan.executorsPerNode, plan.containerMiB, plan.executorMemoryMiB, plan.executorMemoryOverheadMiB, plan.executorInstances, plan.defaultParallelism],
      [3, 1, 12288, 10 * 1024, 2048, 2, 12],
    );
  });

  test('c5.4xlarge x 10: 3 executors of 5 cores in 24,576 MiB', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'c5.4xlarge', instanceCount: 10 }));
    assert.deepEqual(
      [plan.executorCores, plan.executorsPerNode, plan.containerMiB, plan.executorMemoryMiB, plan.executorMemoryOverheadMiB, plan.executorInstances],
      [5, 3, 8192, 7 * 1024, 1024, 29],
    );
  });

  test('client deploy mode keeps every slot for executors', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'c5.4xlarge', instanceCount: 10, deployMode: 'client' }));
    assert.equal(plan.executorInstances, 30);
  });

  test('a yarn-site override of the node budget and the maximum allocation is respected', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 2, yarnMemoryMiB: 300000, maxAllocationMiB: 30000 }));
    assert.ok(plan.containerMiB <= 30000);
    assert.ok(plan.executorsPerNode * plan.containerMiB <= 300000);
    assert.equal(plan.fits, true);
  });

  test('mixed cluster: one executor size that fits both groups, and the waste of each', () => {
    const plan = yarnPlan(shapeFor({ instanceType: 'r5.12xlarge', instanceCount: 4, taskInstanceType: 'm5.4xlarge', taskInstanceCount: 6 }));
    // m5.4xlarge: 16 vCPU -> 3 executors; YARN 57,344 MiB / 3 = 19,114 MiB is the smaller container.
    assert.equal(plan.containerMiB, 19114);
    assert.deepEqual(plan.groups.map((g) => [g.instanceType, g.executorsPerNode, g.wastePerNodeMiB]), [
      ['r5.12xlarge', 9, 385024 - 9 * 19114],
      ['m5.4xlarge', 3, 57344 - 3 * 19114],
    ]);
    assert.equal(plan.executorInstances, 9 * 4 + 3 * 6 - 1);
  });
});

describe('property: every catalog instance type x 1..50 nodes', () => {
  test('the plan fits, respects the maximum allocation and the overhead floor, wastes under a GiB per executor', () => {
    let checked = 0;
    for (const name of instanceTypeNames()) {
      const type = instanceType(name)!;
      if (!type.yarn || type.yarn.nodemanagerMemoryMiB < 1024) continue;
      for (let nodes = 1; nodes <= 50; nodes++) {
        const shape = shapeFor({ instanceType: name, instanceCount: nodes });
        const plan = yarnPlan(shape);
        const node = shape.nodes[0];
        const where = `${name} x ${nodes}`;
        assert.equal(plan.fits, true, where);
        assert.ok(plan.containerMiB <= node.maxAllocationMiB, where);
        assert.ok(plan.executorsPerNode * plan.containerMiB <= node.yarnMemoryMiB, where);
        assert.ok(plan.executorMemoryOverheadMiB >= overheadFloor(plan.executorMemoryMiB), where);
        assert.equal(plan.executorMemoryMiB + plan.executorMemoryOverheadMiB, plan.containerMiB, where);
        assert.ok(plan.executorsPerNode >= 1 && plan.executorCores >= 1, where);
        assert.ok(plan.executorsPerNode * plan.executorCores <= Math.max(1, node.vcpu - 1), where);
        const cpuBound = plan.executorsPerNode * plan.executorCores === Math.max(1, node.vcpu - 1) || plan.executorsPerNode === Math.max(1, node.vcpu - 1);
        if (!cpuBound || node.maxAllocationMiB >= node.yarnMemoryMiB) assert.ok(plan.groups[0].wastePerNodeMiB < 1024 * plan.executorsPerNode, `${where} wastes ${plan.groups[0].wastePerNodeMiB}`);
        assert.equal(plan.executorInstances, plan.executorsPerNode * nodes - 1, where);
        assert.equal(plan.defaultParallelism, 2 * plan.executorInstances * plan.executorCores, where);
        checked++;
      }
    }
    assert.ok(checked > 30000, `checked ${checked} cases`);
  });
});

describe('evaluation of a configuration on its cluster', () => {
  const guideCluster = JSON.stringify({
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
        },
      },
    ],
  });

  test('the guide settings on 19 x r5.12xlarge: 8 per node, 151 beside the driver, the heap split', () => {
    const report = computeSizing(parseEmrJson(guideCluster), {});
    const e = report.evaluation!;
    assert.equal(e.executor.containerMiB, 43008);
    assert.equal(e.executor.overheadSource, 'explicit');
    assert.equal(e.driver.containerMiB, 37 * 1024 + 3788);
    assert.equal(e.driver.overheadSource, 'factor');
    assert.deepEqual(e.groups.map((g) => [g.executorsPerNode, g.coresPerNode, g.vcpu]), [[8, 40, 48]]);
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

  test('default overhead is max(384 MiB, 10 %), off-heap and PySpark memory count, YARN rounds up', () => {
    const text = 'spark.executor.memory 2g\nspark.memory.offHeap.enabled true\nspark.memory.offHeap.size 1g\nspark.executor.pyspark.memory 512m\n';
    const report = computeSizing(readDocument({ text: text, languageId: 'spark-properties' }), { cluster: { instanceType: 'm5.xlarge', instanceCount: 2, minAllocationMiB: 1024 } });
    const x = report.evaluation!.executor;
    assert.deepEqual([x.memoryMiB, x.overheadMiB, x.overheadSource, x.offHeapMiB, x.pysparkMiB, x.requestMiB, x.containerMiB], [2048, 384, 'minimum', 1024, 512, 3968, 4096]);
  });

  test('without a cluster the report says why', () => {
    const report = computeSizing(readDocument({ text: 'spark.executor.memory 2g', languageId: 'spark-properties' }), {});
    assert.equal(report.unavailable, 'no core or task nodes are described; give an instance type and count to size against');
  });
});
