import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson as parseEmrJson } from '../../server/src/formats/json/reader';
import { allClassifications } from '../../server/src/engine/model';
import { slice } from '../helpers';

test('bare Configurations array: every classification, key and value with its exact span', () => {
  const text = '[\n  {"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "4g", "spark.executor.cores": "2"}}\n]';
  const model = parseEmrJson(text);
  assert.equal(model.recognized, true);
  assert.equal(model.scopes.length, 1);
  assert.equal(model.scopes[0].kind, 'bare');
  const [c] = model.scopes[0].classifications;
  assert.equal(c.name, 'spark-defaults');
  assert.deepEqual([c.nameSpan!.start, c.nameSpan!.end], [23, 39]);
  assert.equal(slice(text, c.nameSpan), '"spark-defaults"');
  const spans = c.properties.map((e) => [e.key, e.keySpan.start, e.keySpan.end, e.valueSpan!.start, e.valueSpan!.end, e.value]);
  assert.deepEqual(spans, [
    ['spark.executor.memory', 56, 79, 81, 85, '4g'],
    ['spark.executor.cores', 87, 109, 111, 114, '2'],
  ]);
  assert.deepEqual(c.properties[0].path, [0, 'Properties', 'spark.executor.memory']);
});

test('cluster request: ReleaseLabel, applications, instance groups under Instances with their own Configurations', () => {
  const text = JSON.stringify(
    {
      ReleaseLabel: 'emr-6.15.0',
      Applications: [{ Name: 'Spark' }, { Name: 'HBase' }],
      Configurations: [{ Classification: 'yarn-site', Properties: { 'yarn.nodemanager.resource.memory-mb': '100000' } }],
      Instances: {
        InstanceGroups: [
          { InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 },
          { InstanceRole: 'CORE', InstanceType: 'r5.12xlarge', InstanceCount: 19, Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.cores': '5' } }] },
        ],
      },
    },
    null,
    2,
  );
  const model = parseEmrJson(text);
  assert.equal(model.cluster.releaseLabel?.value, 'emr-6.15.0');
  assert.equal(slice(text, model.cluster.releaseLabel?.span), '"emr-6.15.0"');
  assert.deepEqual(model.cluster.applications, ['Spark', 'HBase']);
  assert.deepEqual(
    model.cluster.groups.map((g) => [g.kind, g.role, g.types.map((t) => t.instanceType).join(), g.count]),
    [
      ['group', 'MASTER', 'm5.xlarge', 1],
      ['group', 'CORE', 'r5.12xlarge', 19],
    ],
  );
  assert.equal(slice(text, model.cluster.groups[1].types[0].span), '"r5.12xlarge"');
  assert.deepEqual(model.scopes.map((s) => [s.kind, s.path.join('/')]), [
    ['cluster', 'Configurations'],
    ['instance-group', 'Instances/InstanceGroups/1/Configurations'],
  ]);
  const groupEntry = model.scopes[1].classifications[0].properties[0];
  assert.deepEqual(groupEntry.path, ['Instances', 'InstanceGroups', 1, 'Configurations', 0, 'Properties', 'spark.executor.cores']);
  assert.equal(slice(text, groupEntry.valueSpan), '"5"');
  assert.equal(model.scopes[1].group, model.cluster.groups[1]);
});

test('instance groups at top level (create-cluster --instance-groups style) with InstanceGroupType', () => {
  const text = '{"InstanceGroups": [{"InstanceGroupType": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 3}]}';
  const model = parseEmrJson(text);
  assert.equal(model.recognized, true);
  assert.deepEqual(model.cluster.groups.map((g) => [g.role, g.count]), [['CORE', 3]]);
});

test('instance fleets: types with weighted capacity, per-type Configurations', () => {
  const text = JSON.stringify({
    Instances: {
      InstanceFleets: [
        {
          InstanceFleetType: 'CORE',
          TargetOnDemandCapacity: 8,
          TargetSpotCapacity: 4,
          InstanceTypeConfigs: [
            { InstanceType: 'r5.4xlarge', WeightedCapacity: 2 },
            { InstanceType: 'r5.8xlarge', WeightedCapacity: 4, Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.cores': '4' } }] },
          ],
        },
      ],
    },
  });
  const model = parseEmrJson(text);
  const [fleet] = model.cluster.groups;
  assert.equal(fleet.kind, 'fleet');
  assert.equal(fleet.targetCapacity, 12);
  assert.deepEqual(fleet.types.map((t) => [t.instanceType, t.weightedCapacity]), [['r5.4xlarge', 2], ['r5.8xlarge', 4]]);
  assert.deepEqual(model.scopes.map((s) => [s.kind, s.instanceType, s.path.join('/')]), [
    ['instance-fleet-type', 'r5.8xlarge', 'Instances/InstanceFleets/0/InstanceTypeConfigs/1/Configurations'],
  ]);
});

test('nested Configurations to any depth keep their ancestors (hue-ini tree, export child)', () => {
  const text = JSON.stringify([
    {
      Classification: 'hue-ini',
      Configurations: [{ Classification: 'desktop', Configurations: [{ Classification: 'ldap', Configurations: [{ Classification: 'ldap_servers', Configurations: [{ Classification: 'corp', Properties: { base_dn: 'dc=corp' } }] }] }] }],
    },
    { Classification: 'spark-env', Configurations: [{ Classification: 'export', Properties: { JAVA_HOME: '/usr/lib/jvm/jre-17' } }] },
  ]);
  const all = allClassifications(parseEmrJson(text));
  assert.deepEqual(all.map((c) => `${[...c.ancestors, c.name].join('>')}`), [
    'hue-ini',
    'hue-ini>desktop',
    'hue-ini>desktop>ldap',
    'hue-ini>desktop>ldap>ldap_servers',
    'hue-ini>desktop>ldap>ldap_servers>corp',
    'spark-env',
    'spark-env>export',
  ]);
  const corp = all[4];
  assert.deepEqual(corp.properties[0].path, [0, 'Configurations', 0, 'Configurations', 0, 'Configurations', 0, 'Configurations', 0, 'Properties', 'base_dn']);
});

test('half-typed document: what parses is still modelled, and the syntax problems are located', () => {
  const text = '[{"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "4g", "spark.exec';
  const model = parseEmrJson(text);
  assert.equal(model.recognized, true);
  const [c] = model.scopes[0].classifications;
  assert.equal(c.properties[0].key, 'spark.executor.memory');
  assert.ok(model.syntaxProblems.length >= 1);
  for (const p of model.syntaxProblems) assert.ok(p.span.start >= 0 && p.span.end <= text.length);
});

test('non-string values keep their kind and raw text; a missing value is "missing"', () => {
  const text = '[{"Classification": "spark-defaults", "Properties": {"a": 4, "b": true, "c": null, "d": }}]';
  const props = parseEmrJson(text).scopes[0].classifications[0].properties;
  assert.deepEqual(props.map((p) => [p.key, p.valueKind, p.rawValue]), [
    ['a', 'number', '4'],
    ['b', 'boolean', 'true'],
    ['c', 'null', 'null'],
    ['d', 'missing', ''],
  ]);
});

test('JSON that is not an EMR configuration is not recognised', () => {
  for (const text of ['{"name": "x", "version": "1.0.0"}', '[1, 2, 3]', '"text"', '', '[]']) {
    assert.equal(parseEmrJson(text).recognized, false, text);
  }
});

test('comments are reported (EMR rejects them) unless allowed', () => {
  const text = '[\n// note\n{"Classification": "spark-defaults"}]';
  assert.equal(parseEmrJson(text).syntaxProblems[0]?.message, 'Comments are not allowed: EMR rejects configuration JSON that contains them.');
  assert.equal(parseEmrJson(text, { allowComments: true }).syntaxProblems.length, 0);
});

test('uniform instances (MasterInstanceType / SlaveInstanceType / InstanceCount)', () => {
  const model = parseEmrJson('{"ReleaseLabel": "emr-7.13.0", "Instances": {"MasterInstanceType": "m5.xlarge", "SlaveInstanceType": "c5.4xlarge", "InstanceCount": 11}}');
  assert.deepEqual(model.cluster.groups.map((g) => [g.role, g.types[0].instanceType, g.count]), [['MASTER', 'm5.xlarge', 1], ['CORE', 'c5.4xlarge', 10]]);
});
