// Sizing what really runs (issue 11): each point with a small cluster file or spark-defaults.conf, the exact figures
// and the exact messages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emrRelease } from '../../server/src/catalog';
import { analyzeText, type AnalysisOptions } from '../../server/src/analysis/analyze';
import { readDocument } from '../../server/src/formats';
import { applyEdits } from '../../server/src/engine/findings';
import { containerFormula } from '../../server/src/sizing/containerFormula';
import { containerSizes } from '../../server/src/sizing/evaluate';
import { submissionSettings } from '../../server/src/sizing/submission';
import { rangeLabel } from '../helpers';

function analyze(value: unknown, options: AnalysisOptions = {}, fileName = 'cluster.json') {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const analysis = analyzeText(text, fileName, options);
  return { text, analysis, findings: analysis.findings, sizing: analysis.sizing };
}

const messages = (findings: { ruleId: string; message: string }[], prefix = 'SZ') => findings.filter((f) => f.ruleId.startsWith(prefix)).map((f) => `${f.ruleId} ${f.message}`);

const groups = (primary: unknown[], core: unknown[]) => ({
  InstanceGroups: [
    { InstanceRole: 'MASTER', InstanceType: 'r5.4xlarge', InstanceCount: 1, Configurations: primary },
    { InstanceRole: 'CORE', InstanceType: 'r5.12xlarge', InstanceCount: 19, Configurations: core },
  ],
});

describe('1. the spark-defaults that govern: the cluster\'s, the MASTER group\'s on top; a CORE group\'s is read by nothing', () => {
  const cluster = {
    ReleaseLabel: 'emr-6.15.0',
    Instances: groups(
      [{ Classification: 'spark-defaults', Properties: { 'spark.executor.memory': '60g', 'spark.executor.instances': '400' } }],
      [{ Classification: 'spark-defaults', Properties: { 'spark.executor.memory': '4g', 'spark.executor.instances': '10' } }],
    ),
    Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.cores': '5', 'spark.executor.memory': '8g', 'spark.dynamicAllocation.enabled': 'false' } }],
  };
  const { text, findings, sizing } = analyze(cluster);

  test('400 executors of 60g from the MASTER group on 19 x r5.12xlarge (95 places) are reported there', () => {
    assert.equal(sizing.evaluation!.executor.containerMiB, 61440 + 6144);
    assert.equal(sizing.evaluation!.capacity, 95);
    assert.deepEqual(messages(findings), [
      'SZ002 400 executors on 19 nodes need 22 containers per node, but 22 x 67,584 MiB (66 GiB) = 1,486,848 MiB (1452 GiB) is more than the 385,024 MiB (376 GiB) YARN has on r5.12xlarge: only 5 fit per node, so 305 of the executors never start.',
    ]);
    const finding = findings.find((f) => f.ruleId === 'SZ002')!;
    assert.deepEqual(finding.path, ['Instances', 'InstanceGroups', 0, 'Configurations', 0, 'Properties', 'spark.executor.memory']);
    assert.equal(text.slice(finding.span.start, finding.span.end), '"spark.executor.memory"');
    assert.match(sizing.assumptions[2], /^settings: spark-defaults from the cluster's Configurations, then the MASTER group's Configurations on top, as spark-submit on the primary node reads them/);
  });

  test('Recompute changes each key where its winning entry is, adds new keys to the MASTER group, and leaves the CORE group alone', () => {
    const recompute = findings.find((f) => f.ruleId === 'SZ002')!.fixes.find((f) => f.title === 'Recompute executors for r5.12xlarge')!;
    const fixed = JSON.parse(applyEdits(text, recompute.edits));
    assert.deepEqual(fixed.Configurations[0].Properties, { 'spark.executor.cores': '4', 'spark.executor.memory': '8g', 'spark.dynamicAllocation.enabled': 'false' });
    assert.deepEqual(fixed.Instances.InstanceGroups[0].Configurations[0].Properties, {
      'spark.executor.memory': '31g',
      'spark.executor.instances': '208',
      'spark.executor.memoryOverhead': '3232m',
      'spark.driver.memory': '31g',
      'spark.driver.cores': '4',
      'spark.driver.memoryOverhead': '3174m',
      'spark.default.parallelism': '1664',
      'spark.sql.shuffle.partitions': '1664',
    });
    assert.deepEqual(fixed.Instances.InstanceGroups[1].Configurations, cluster.Instances.InstanceGroups[1].Configurations);
  });

  test('the settings carry their origin: the MASTER group, the cluster, EMR\'s default, Spark\'s default', () => {
    const settings = submissionSettings(analyze(cluster).analysis.model, emrRelease('emr-6.15.0'));
    const origin = (key: string) => [settings.get(key).origin, settings.get(key).value, settings.get(key).status];
    assert.deepEqual(origin('spark.executor.memory'), ['primary-group', '60g', undefined]);
    assert.deepEqual(origin('spark.executor.cores'), ['cluster-configurations', '5', undefined]);
    assert.deepEqual(origin('spark.driver.memory'), ['emr-default', '2048M', 'aws-guidance']);
    assert.deepEqual(origin('spark.yarn.am.memory'), ['spark-default', '512m', undefined]);
    // The layer a spark-submit step's arguments would add goes on top.
    const step = submissionSettings(analyze(cluster).analysis.model, emrRelease('emr-6.15.0'), [
      { origin: 'submit-arguments', label: 'the step\'s spark-submit arguments', entries: new Map([['spark.executor.memory', { ...settings.entries.get('spark.executor.memory')!, value: '20g' }]]) },
    ]);
    assert.deepEqual([step.get('spark.executor.memory').origin, step.get('spark.executor.memory').value], ['submit-arguments', '20g']);
  });
});

describe('2. an instance fleet lists alternatives: each type alone, ceil(target / weight) nodes, the worst case named', () => {
  const fleet = (instances: string) => ({
    ReleaseLabel: 'emr-7.5.0',
    Instances: {
      InstanceFleets: [
        { InstanceFleetType: 'MASTER', TargetOnDemandCapacity: 1, InstanceTypeConfigs: [{ InstanceType: 'm5.xlarge' }] },
        {
          InstanceFleetType: 'CORE',
          TargetOnDemandCapacity: 40,
          InstanceTypeConfigs: [
            { InstanceType: 'r5.2xlarge', WeightedCapacity: 8 },
            { InstanceType: 'r5.4xlarge', WeightedCapacity: 16 },
          ],
        },
      ],
    },
    Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.cores': '2', 'spark.executor.memory': '8g', 'spark.executor.instances': instances, 'spark.dynamicAllocation.enabled': 'false' } }],
  });

  test('a 40-unit target is 5 x r5.2xlarge (30 executors) or 3 x r5.4xlarge, overshooting to 48 units (39): the worst case holds 30', () => {
    const { sizing } = analyze(fleet('31'));
    assert.deepEqual(sizing.cluster!.nodes.map((n) => [n.instanceType, n.nodes]), [['r5.2xlarge', 5], ['r5.4xlarge', 3]]);
    assert.deepEqual(sizing.evaluation!.groups.map((g) => g.executorsPerNode * g.nodes), [30, 39]);
    assert.equal(sizing.evaluation!.capacity, 30);
    assert.deepEqual(sizing.evaluation!.fleetChoices, [{ fleet: 'the CORE fleet', instanceType: 'r5.2xlarge', nodes: 5, targetCapacity: 40, weight: 8 }]);
  });

  test('findings name the case they assume', () => {
    assert.deepEqual(messages(analyze(fleet('31')).findings).filter((m) => m.startsWith('SZ003')), [
      'SZ003 31 executors are requested, but the cluster holds 30 beside the application master (6 per r5.2xlarge x 5; if the CORE fleet launches only r5.2xlarge: ceil(40 / 8) = 5 nodes): the other 1 never starts, and stages plan for parallelism that is not there.',
    ]);
    assert.deepEqual(messages(analyze(fleet('40')).findings).filter((m) => m.startsWith('SZ002')), [
      'SZ002 40 executors on 5 nodes (if the CORE fleet launches only r5.2xlarge: ceil(40 / 8) = 5 nodes) need 8 containers per node, but 8 x 9,011 MiB = 72,088 MiB is more than the 57,344 MiB (56 GiB) YARN has on r5.2xlarge: only 6 fit per node, so 10 of the executors never start.',
    ]);
  });

  test('the plan fits every type and counts the worst: 2 executors of 3 cores per r5.2xlarge, 10 in all', () => {
    const plan = analyze(fleet('31')).sizing.plan!;
    assert.deepEqual([plan.executorCores, plan.containerMiB, plan.executorInstances], [3, 24576, 10]);
    assert.deepEqual(plan.groups.map((g) => [g.instanceType, g.executorsPerNode]), [['r5.2xlarge', 2], ['r5.4xlarge', 5]]);
  });
});

describe('3. unset keys on EMR are EMR\'s values, not Spark\'s 1g / 1 core', () => {
  const cluster = (properties: Record<string, string>) => ({
    ReleaseLabel: 'emr-6.15.0',
    Instances: { InstanceGroups: [{ InstanceRole: 'CORE', InstanceType: 'm5.xlarge', InstanceCount: 10 }] },
    Configurations: [{ Classification: 'spark-defaults', Properties: properties }],
  });

  test('without spark.executor.memory no capacity is claimed and no capacity finding fires', () => {
    const { sizing, findings } = analyze(cluster({ 'spark.executor.instances': '79', 'spark.dynamicAllocation.enabled': 'false', 'spark.executor.memoryOverhead': '2g' }));
    assert.equal(sizing.evaluation, undefined);
    assert.equal(
      sizing.withheld,
      'spark.executor.memory is not set: EMR writes its own value for m5.xlarge into spark-defaults, and AWS does not publish it, so no capacity is claimed; set spark.executor.memory and spark.executor.cores to size the executors',
    );
    // No SZ003 "room for 79", no SZ013, no SZ005 against Spark's 1g heap.
    assert.deepEqual(messages(findings), []);
    assert.match(sizing.assumptions[2], /keys left unset take EMR's values \(executor memory and cores from the instance types, not published; dynamic allocation on\), Spark's defaults only where EMR writes nothing$/);
  });

  test('with the memory set but not the cores, memory packing is claimed and nothing that needs the cores is', () => {
    const { sizing, findings } = analyze(cluster({ 'spark.executor.memory': '2g', 'spark.executor.instances': '20', 'spark.dynamicAllocation.enabled': 'false', 'spark.default.parallelism': '10' }));
    const e = sizing.evaluation!;
    assert.deepEqual([e.executor.containerMiB, e.executor.coresKnown, e.capacity], [2432, false, 49]);
    // SZ008 (CPU) and SZ011 (parallelism against cores) stay quiet; SZ013 is about memory.
    assert.deepEqual(messages(findings), [
      "SZ013 These settings use 40.3 % of the cluster's YARN memory; 59.7 % stays idle. A plan for m5.xlarge uses 93.4 %.",
      'SZ012 spark.default.parallelism (10) only applies to RDD operations; DataFrame and SQL shuffles use spark.sql.shuffle.partitions, which stays at 200. Set both.',
    ]);
  });

  test('EMR\'s own executor size, written beside its spark.emr.default.* twin, draws no CPU finding', () => {
    const conf = 'spark.executor.memory 4269M\nspark.emr.default.executor.memory 4269M\nspark.executor.cores 4\nspark.emr.default.executor.cores 4\n';
    const { findings, sizing } = analyze(conf, { release: 'emr-7.1.0', cluster: { instanceType: 'm4.large', instanceCount: 2 } }, 'spark-defaults.conf');
    assert.equal(sizing.evaluation!.executor.writtenByEmr, true);
    assert.deepEqual(messages(findings), []);
  });
});

describe('4. maximizeResourceAllocation as AWS documents it, and its documented pitfalls', () => {
  const cluster = {
    ReleaseLabel: 'emr-6.15.0',
    Applications: [{ Name: 'Spark' }, { Name: 'HBase' }],
    Instances: {
      InstanceGroups: [
        { InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 },
        { InstanceRole: 'CORE', InstanceType: 'r5.4xlarge', InstanceCount: 10 },
        { InstanceRole: 'TASK', InstanceType: 'm5.xlarge', InstanceCount: 4 },
      ],
    },
    Configurations: [{ Classification: 'spark', Properties: { maximizeResourceAllocation: 'true' } }],
  };
  const { sizing, findings } = analyze(cluster);

  test('no "87 per r5.4xlarge": the sizes are EMR\'s, and what AWS documents is shown', () => {
    assert.equal(sizing.evaluation, undefined);
    assert.equal(
      sizing.withheld,
      "maximizeResourceAllocation is on: EMR computes the executor size from the core nodes' r5.4xlarge and publishes no formula (its best-practice guide describes one executor per node using all its cores), so no capacity is claimed",
    );
    assert.ok(
      sizing.assumptions.includes(
        "maximizeResourceAllocation: EMR writes executor memory and cores from r5.4xlarge (no formula published), the driver's memory from the smaller of the primary m5.xlarge and the core r5.4xlarge, spark.default.parallelism = 2 x the YARN vcores of the core nodes (2 x 160 = 320 with the vcores assumed here; EMR does not publish them), and spark.executor.instances unless dynamic allocation is turned on explicitly",
      ),
    );
  });

  test('HBase and a task group of a smaller type are reported', () => {
    assert.deepEqual(messages(findings), [
      "SZ015 maximizeResourceAllocation is true on a cluster with HBase: EMR's YARN settings for HBase (on r5.4xlarge, 30,720 MiB for YARN instead of 122,880 MiB) can conflict with the size it computes, and Spark applications can fail. AWS advises against the setting on clusters that run other distributed applications such as HBase.",
      'SZ015 maximizeResourceAllocation is true, and the task group runs m5.xlarge (6,144 MiB for YARN) beside core nodes of r5.4xlarge (30,720 MiB): EMR computes the executor size from the core group only, so executors sized for r5.4xlarge may not fit on the task nodes at all. Size the executors explicitly for the smaller type.',
    ]);
  });

  test('instance fleets that may launch several types are reported; a fleet of one type is not', () => {
    const fleet = (types: string[]) => ({
      Instances: { InstanceFleets: [{ InstanceFleetType: 'CORE', TargetOnDemandCapacity: 4, InstanceTypeConfigs: types.map((InstanceType) => ({ InstanceType })) }] },
      Configurations: [{ Classification: 'spark', Properties: { maximizeResourceAllocation: 'true' } }],
    });
    assert.deepEqual(messages(analyze(fleet(['r5.2xlarge', 'm5.2xlarge'])).findings), [
      'SZ015 maximizeResourceAllocation is true on a cluster of instance fleets: EMR sizes the executors from one instance type of the core fleet, and the fleets may launch others (here r5.2xlarge, m5.2xlarge), so the computed size may not fit every node. AWS advises configuring the executors explicitly with fleets.',
    ]);
    assert.deepEqual(messages(analyze(fleet(['m5d.xlarge'])).findings), []);
  });
});

describe('5. client deploy mode: the driver on the primary node, an application master on a core node', () => {
  const cluster = (mode?: string) => ({
    ReleaseLabel: 'emr-6.15.0',
    Instances: { InstanceGroups: [{ InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 }, { InstanceRole: 'CORE', InstanceType: 'r5.12xlarge', InstanceCount: 19 }] },
    Configurations: [
      {
        Classification: 'spark-defaults',
        Properties: { ...(mode ? { 'spark.submit.deployMode': mode } : {}), 'spark.driver.memory': '37g', 'spark.executor.memory': '31g', 'spark.executor.cores': '4' },
      },
    ],
  });

  test('a 37g driver on a 16 GiB primary: an error in client mode, a warning when client mode is only assumed, nothing in cluster mode', () => {
    assert.deepEqual(messages(analyze(cluster('client')).findings).filter((m) => m.startsWith('SZ017')), [
      'SZ017 In client deploy mode the driver runs on the primary node: a 37,888 MiB (37 GiB) heap with about 3,788 MiB of native memory is 41,676 MiB, more than the 16,384 MiB (16 GiB) of RAM of the primary m5.xlarge: the driver cannot get that memory, and the kernel ends it (or the node\'s services) once it uses it. Give the driver at most 5g there, or use cluster deploy mode.',
    ]);
    const assumed = analyze(cluster()).findings.filter((f) => f.ruleId === 'SZ017');
    assert.deepEqual(assumed.map((f) => f.severity), ['warning']);
    assert.ok(assumed[0].message.startsWith("spark.submit.deployMode is not set, so spark-submit's default, client mode, runs the driver on the primary node: a 37,888 MiB"));
    assert.ok(assumed[0].message.endsWith('Give the driver at most 5g there, or submit with --deploy-mode cluster so it runs in a YARN container on a core node.'));
    assert.deepEqual(analyze(cluster('cluster')).findings.filter((f) => f.ruleId === 'SZ017'), []);
  });

  test('the assumed deploy mode is said in one line', () => {
    assert.equal(
      analyze(cluster()).sizing.assumptions[0],
      "deploy mode: client, spark-submit's default, as spark.submit.deployMode is not set: the driver runs on the primary node, a small application master on a core or task node",
    );
    assert.equal(analyze(cluster('cluster')).sizing.assumptions[0], "deploy mode: cluster, from spark.submit.deployMode (the cluster's Configurations): the driver runs in a YARN container on a core or task node");
  });

  test('the application master takes an executor\'s place only where a node has less than 896 MiB left', () => {
    // 9 x 42,780 MiB leave 4 MiB on each r5.12xlarge: 171 containers, 170 executors beside the application master.
    const conf = 'spark.executor.cores 5\nspark.executor.memory 37g\nspark.executor.memoryOverhead 4892m\n';
    const tight = analyze(conf, { release: 'emr-6.15.0', cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } }, 'spark-defaults.conf').sizing.evaluation!;
    assert.deepEqual([tight.applicationMasterMiB, tight.capacity], [896, 170]);
    const roomy = analyze('spark.executor.memory 37g\nspark.executor.memoryOverhead 5g\n', { release: 'emr-6.15.0', cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } }, 'spark-defaults.conf').sizing.evaluation!;
    assert.equal(roomy.capacity, 152);
  });
});

describe('6. the container formula per Spark version', () => {
  const conf = 'spark.executor.memory 20g\nspark.memory.offHeap.enabled true\nspark.memory.offHeap.size 4g\nspark.executor.memoryOverheadFactor 0.25\nspark.executor.pyspark.memory 3g\n';
  const container = (release: string, application?: 'python') =>
    analyze(conf, { release, cluster: { instanceType: 'r5.12xlarge', instanceCount: 19, application } }, 'spark-defaults.conf').sizing.evaluation!.executor.containerMiB;

  test('2.4: 10 % fixed, no off-heap (22,528); 3.0-3.2: off-heap added (26,624); 3.3+: the factor key (29,696)', () => {
    assert.deepEqual(['emr-5.36.0', 'emr-6.5.0', 'emr-7.5.0'].map((r) => container(r)), [22528, 26624, 29696]);
  });

  test('PySpark memory counts only for a Python application, and the assumption says which', () => {
    assert.deepEqual(['emr-5.36.0', 'emr-6.5.0', 'emr-7.5.0'].map((r) => container(r, 'python')), [25600, 29696, 32768]);
    const { sizing } = analyze(conf, { release: 'emr-5.36.0', cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } }, 'spark-defaults.conf');
    assert.equal(sizing.assumptions[1], 'release: emr-5.36.0 runs Spark 2.4.8; container = heap + max(384 MiB, 10 % of heap); a JVM application assumed (spark.executor.pyspark.memory would count only for Python)');
  });

  test('4.0+: the 384 MiB floor becomes spark.executor.minMemoryOverhead', () => {
    const model = readDocument({ text: 'spark.executor.memory 2g\nspark.executor.minMemoryOverhead 1g\n', languageId: 'spark-properties' });
    const spark4 = { label: 'emr-x', spark: '4.0.0', defaultJava: 17, otherJava: [] };
    const spark35 = { ...spark4, spark: '3.5.2' };
    assert.equal(containerSizes(submissionSettings(model, spark4), containerFormula(spark4)).executor.containerMiB, 2048 + 1024);
    assert.equal(containerSizes(submissionSettings(model, spark35), containerFormula(spark35)).executor.containerMiB, 2048 + 384);
  });
});

describe('7. YARN rounding per release: never a plan that stops fitting after rounding', () => {
  const conf = 'spark.executor.cores 5\nspark.executor.memory 37g\nspark.executor.memoryOverhead 4892m\nspark.executor.instances 170\nspark.submit.deployMode cluster\nspark.driver.memory 37g\nspark.driver.memoryOverhead 4892m\nspark.dynamicAllocation.enabled false\n';
  const run = (release: string) => analyze(conf, { release, cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } }, 'spark-defaults.conf');

  test('emr-6.5.0 (2022 table, 32 MiB): 42,780 MiB rounds to 42,784 and only 8 fit; emr-6.15.0 (1 MiB): 9 fit', () => {
    assert.deepEqual(messages(run('emr-6.5.0').findings).filter((m) => m.startsWith('SZ002')), [
      'SZ002 170 executors and the driver on 19 nodes need 9 containers per node, but 9 x 42,784 MiB (42,780 MiB rounded up to a multiple of the 32 MiB yarn.scheduler.minimum-allocation-mb of AWS\'s 2022 table for emr-6.5.0) = 385,056 MiB is more than the 385,024 MiB (376 GiB) YARN has on r5.12xlarge: only 8 fit per node, so 19 of the executors never start.',
    ]);
    assert.equal(run('emr-6.15.0').sizing.evaluation!.capacity, 170);
    assert.equal(run('emr-6.5.0').sizing.assumptions[3], "rounding: YARN rounds each request up to yarn.scheduler.minimum-allocation-mb: r5.12xlarge: 32 MiB steps (AWS's 2022 table, which covered emr-6.5.0)");
  });

  test('the plan\'s container is a multiple of 32 MiB on both, so it fits whichever step the release uses', () => {
    for (const release of ['emr-6.5.0', 'emr-6.15.0']) assert.equal(run(release).sizing.plan!.containerMiB, 34976, release);
  });
});

describe('8. when CPU counts: DominantResourceCalculator makes vcores bind, and GPUs', () => {
  const cluster = (type: string, properties: Record<string, string>, extra: unknown[] = []) => ({
    ReleaseLabel: 'emr-6.15.0',
    Instances: { InstanceGroups: [{ InstanceRole: 'CORE', InstanceType: type, InstanceCount: type === 'r5.4xlarge' ? 10 : 2 }] },
    Configurations: [
      { Classification: 'capacity-scheduler', Properties: { 'yarn.scheduler.capacity.resource-calculator': 'org.apache.hadoop.yarn.util.resource.DominantResourceCalculator' } },
      ...extra,
      { Classification: 'spark-defaults', Properties: { ...properties, 'spark.dynamicAllocation.enabled': 'false' } },
    ],
  });

  test('16 vcores hold 4 executors of 4 cores although memory holds 13', () => {
    const { sizing, findings } = analyze(cluster('r5.4xlarge', { 'spark.executor.cores': '4', 'spark.executor.memory': '8g', 'spark.executor.instances': '100' }, [{ Classification: 'yarn-site', Properties: { 'yarn.nodemanager.resource.cpu-vcores': '16' } }]));
    assert.deepEqual(sizing.evaluation!.groups.map((g) => [g.executorsPerNode, g.limitedBy]), [[4, 'vcores']]);
    assert.equal(sizing.evaluation!.capacity, 39);
    assert.deepEqual(messages(findings), [
      'SZ002 100 executors on 10 nodes need 10 containers per node, but YARN counts vcores here (DominantResourceCalculator), and the 16 vcores of r5.4xlarge hold only 4 executors of 4 cores, so 61 of the executors never start.',
    ]);
    assert.equal(sizing.assumptions[4], 'scheduler: DominantResourceCalculator (capacity-scheduler): vcores count as well as memory, and GPUs when requested; vcores per node: r5.4xlarge 16 (yarn-site)');
  });

  test('4 GPUs hold 4 executors of 1 GPU each', () => {
    const { sizing, findings } = analyze(cluster('g4dn.12xlarge', { 'spark.executor.cores': '4', 'spark.executor.memory': '16g', 'spark.executor.resource.gpu.amount': '1', 'spark.executor.instances': '16' }));
    assert.deepEqual(sizing.evaluation!.groups.map((g) => [g.executorsPerNode, g.limitedBy]), [[4, 'gpus']]);
    assert.deepEqual(messages(findings), [
      'SZ002 16 executors on 2 nodes need 8 containers per node, but YARN counts GPUs here (DominantResourceCalculator), and the 4 GPUs of g4dn.12xlarge hold only 4 executors of 1 GPU each, so 8 of the executors never start.',
    ]);
  });

  test('by default memory alone counts, and the assumption says so', () => {
    const { sizing } = analyze('spark.executor.memory 8g\nspark.executor.cores 4\n', { cluster: { instanceType: 'r5.4xlarge', instanceCount: 10 } }, 'spark-defaults.conf');
    assert.deepEqual(sizing.evaluation!.groups.map((g) => [g.executorsPerNode, g.limitedBy]), [[13, 'memory']]);
    assert.equal(sizing.assumptions[4], "scheduler: memory only (Hadoop's DefaultResourceCalculator; capacity-scheduler does not change it): vcores and GPUs do not limit packing");
  });
});

describe('9. which Java runs where: flags checked against the Java of the JVM they go to', () => {
  const cluster = (env: unknown[]) => ({
    ReleaseLabel: 'emr-6.15.0',
    Instances: { InstanceGroups: [{ InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 }, { InstanceRole: 'CORE', InstanceType: 'm5.xlarge', InstanceCount: 2 }] },
    Configurations: [
      ...env,
      { Classification: 'spark-defaults', Properties: { 'spark.driver.extraJavaOptions': '-XX:+PrintGCDateStamps', 'spark.executor.extraJavaOptions': '-XX:+PrintGCDateStamps' } },
    ],
  });
  const javaHome = (classification: string) => ({ Classification: classification, Configurations: [{ Classification: 'export', Properties: { JAVA_HOME: '/usr/lib/jvm/jre-17' } }] });

  test('spark-env alone: the client-mode driver runs Java 17, the executors keep Java 8, and the half switch is reported', () => {
    const { findings } = analyze(cluster([javaHome('spark-env')]));
    assert.deepEqual(messages(findings, 'JVM'), [
      'JVM006 JAVA_HOME in spark-env switches spark-submit and a client-mode driver to Java 17 (/usr/lib/jvm/jre-17), but nothing switches the YARN containers: the executors, the application master and a cluster-mode driver keep Java 8, the default of emr-6.15.0, and classes built for the newer Java fail on them. Set the same JAVA_HOME in the export of hadoop-env, or spark.executorEnv.JAVA_HOME and spark.yarn.appMasterEnv.JAVA_HOME in spark-defaults.',
      'JVM001 Java 17 (JAVA_HOME in spark-env) does not know "-XX:+PrintGCDateStamps" in spark.driver.extraJavaOptions (removed in Java 9). emr-6.15.0 runs Spark 3.4.1, which starts the JVM with -XX:+IgnoreUnrecognizedVMOptions, so the flag is dropped without a word: the setting you expect is not in effect. Remove it; on Java 17 the equivalent is: time decorator: -Xlog:gc*:file=<f>:time,uptime,level,tags.',
    ]);
  });

  test('with hadoop-env too, the executors run Java 17 and their flag is reported against it', () => {
    const { findings } = analyze(cluster([javaHome('spark-env'), javaHome('hadoop-env')]));
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('JVM')).map((f) => /^(JVM\d+) Java 17 \((.*?)\) does not know "(.*?)" in (\S+)/.exec(`${f.ruleId} ${f.message}`)!.slice(1)),
      [
        ['JVM001', 'JAVA_HOME in spark-env', '-XX:+PrintGCDateStamps', 'spark.driver.extraJavaOptions'],
        ['JVM001', 'JAVA_HOME in hadoop-env', '-XX:+PrintGCDateStamps', 'spark.executor.extraJavaOptions'],
      ],
    );
  });
});

describe('10. decommissioning: -1 on EMR means at once; a CORE or TASK group\'s yarn.resourcemanager.* is read by nothing', () => {
  const cluster = (timeout: string) => ({
    ReleaseLabel: 'emr-6.15.0',
    Instances: {
      InstanceGroups: [
        { InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 },
        { InstanceRole: 'CORE', InstanceType: 'm5.xlarge', InstanceCount: 2 },
        { InstanceRole: 'TASK', InstanceType: 'm5.xlarge', InstanceCount: 2, Configurations: [{ Classification: 'yarn-site', Properties: { 'yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs': '10800' } }] },
      ],
    },
    Configurations: [{ Classification: 'yarn-site', Properties: { 'yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs': timeout } }],
  });

  test('-1 is reported, with the fix AWS suggests', () => {
    const { findings, text } = analyze(cluster('-1'));
    const found = findings.filter((f) => f.ruleId === 'ELA001');
    assert.deepEqual(found.map((f) => [rangeLabel(text, f.span), f.message, f.fixes.map((x) => x.title)]), [
      [
        '34:80-34:84',
        'yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs = -1: on EMR this turns the graceful wait off, and nodes are decommissioned at once, their running containers killed; Apache YARN reads -1 the other way, as "wait indefinitely". For a long wait, set a large value such as 86400 (24 hours).',
        ['Set yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs to 86400'],
      ],
    ]);
  });

  test('the TASK group\'s 10,800 s is not compared with the Spark timeout; the ResourceManager\'s 3,600 s is, and matches its default 1h', () => {
    assert.deepEqual(analyze(cluster('3600')).findings.filter((f) => f.ruleId === 'ELA001'), []);
  });
});

describe('11. the plan obeys the project\'s own rules', () => {
  test('the guide cluster\'s Recompute gives 31 GiB heaps, not the 37 GiB SZ010 reports, and no sizing finding is left', () => {
    const cluster = {
      ReleaseLabel: 'emr-6.15.0',
      Instances: groups([], []),
      Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.cores': '5', 'spark.executor.memory': '37g', 'spark.executor.memoryOverhead': '5g', 'spark.executor.instances': '170', 'spark.driver.memory': '37g' } }],
    };
    const { text, findings, sizing } = analyze(cluster);
    assert.deepEqual([sizing.plan!.choice!.chosen.cores, sizing.plan!.choice!.runnerUp!.cores], [4, 3]);
    const recompute = findings.find((f) => f.ruleId === 'SZ002')!.fixes.find((f) => f.title.startsWith('Recompute'))!;
    const after = analyze(applyEdits(text, recompute.edits));
    assert.equal(after.sizing.settings!.get('spark.executor.memory')!.value, '31g');
    assert.deepEqual(messages(after.findings), []);
  });
});

describe('12. one root cause, one finding', () => {
  const conf = (instances: number, overhead: string) =>
    `spark.executor.cores 5\nspark.executor.memory 37g\nspark.executor.memoryOverhead ${overhead}\nspark.executor.instances ${instances}\nspark.submit.deployMode cluster\nspark.driver.memory 37g\nspark.driver.memoryOverhead ${overhead}\nspark.dynamicAllocation.enabled false\n`;
  const ids = (text: string) =>
    analyze(text, { release: 'emr-6.15.0', cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } }, 'spark-defaults.conf').findings.filter((f) => ['SZ002', 'SZ003', 'SZ013'].includes(f.ruleId)).map((f) => f.ruleId);

  test('9 fit per node and 171 are requested for 170 places: the count is the problem, SZ003 alone', () => {
    assert.deepEqual(ids(conf(171, '4892m')), ['SZ003']);
  });

  test('the guide\'s containers pack 8 where the count implies 9: SZ002 alone, not SZ003 and not SZ013', () => {
    assert.deepEqual(ids(conf(170, '5g')), ['SZ002']);
  });
});
