// The format registry and the EMR shapes: which format reads a document, what each shape's path map finds, with
// exact spans, whatever the syntax.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allClassifications, type ConfigModel } from '../../server/src/engine/model';
import { analyzeText } from '../../server/src/analysis/analyze';
import { formatOf, readDocument } from '../../server/src/formats';
import { slice } from '../helpers';

const read = (text: string, fileName: string): ConfigModel => readDocument({ text, fileName });

function properties(model: ConfigModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of allClassifications(model)) for (const e of c.properties) out[`${c.name}/${e.key}`] = e.value;
  return out;
}

describe('the registry chooses a format by language id, then file name, then content', () => {
  test('language ids and names', () => {
    const id = (query: Parameters<typeof formatOf>[0]) => formatOf(query)?.id;
    assert.equal(id({ text: '', languageId: 'yaml' }), 'yaml');
    assert.equal(id({ text: '', languageId: 'jsonc' }), 'json');
    assert.equal(id({ text: '', languageId: 'spark-properties' }), 'properties');
    assert.equal(id({ text: '', fileName: '/x/cluster.yml' }), 'yaml');
    assert.equal(id({ text: '', fileName: '/x/configurations.yaml.tpl' }), 'yaml');
    assert.equal(id({ text: '', fileName: 'C:\\x\\spark-defaults.conf' }), 'properties');
    assert.equal(id({ text: '', fileName: 'job.JSON' }), 'json');
    assert.equal(id({ text: '  [{"Classification": "x"}]', fileName: 'configurations' }), 'json');
    assert.equal(id({ text: 'Resources: {}', fileName: 'template' }), undefined);
    assert.equal(id({ text: 'spark.executor.memory 4g', fileName: 'notes.txt' }), undefined);
  });

  test('a .conf file without any spark.* key is not a spark-defaults file; spark-defaults.conf always is', () => {
    assert.equal(read('worker_processes 4;\nevents {}\n', 'nginx.conf').recognized, false);
    assert.equal(read('spark.executor.memory 4g\n', 'app.conf').recognized, true);
    assert.equal(read('foo bar\n', 'spark-defaults.conf').recognized, true);
  });
});

describe('EMR shapes, one path map each', () => {
  test('a console-style array with lowercase member names', () => {
    const text = '[{"classification": "spark-defaults", "properties": {"spark.executor.memory": "4g"}, "configurations": []}]';
    const model = read(text, 'c.json');
    assert.equal(model.shape.id, 'configurations');
    const [c] = model.scopes[0].classifications;
    assert.deepEqual(c.names, { classification: 'classification', properties: 'properties', configurations: 'configurations' });
    assert.equal(slice(text, c.properties[0].valueSpan), '"4g"');
    assert.deepEqual(c.properties[0].path, [0, 'properties', 'spark.executor.memory']);
    assert.deepEqual(model.schemaTargets.map((t) => t.schema), ['configurations-lowercase']);
  });

  test('a single configuration object', () => {
    const text = '{"Classification": "spark", "Properties": {"maximizeResourceAllocation": "true"}}';
    const model = read(text, 'c.json');
    assert.equal(model.shape.id, 'configuration');
    assert.deepEqual(properties(model), { 'spark/maximizeResourceAllocation': 'true' });
    assert.deepEqual(model.scopes[0].classifications[0].properties[0].path, ['Properties', 'maximizeResourceAllocation']);
    assert.equal(model.scopes[0].span, undefined, 'nothing can be added beside a lone object');
  });

  test('a CloudFormation fragment cut out of a template keeps ConfigurationProperties and is not held to string values', () => {
    const text = '[{"Classification": "spark-defaults", "ConfigurationProperties": {"spark.executor.cores": 4}}]';
    const model = read(text, 'c.json');
    assert.deepEqual(properties(model), { 'spark-defaults/spark.executor.cores': '4' });
    assert.equal(model.parts.has('string-values'), false);
    assert.deepEqual(model.schemaTargets.map((t) => t.schema), ['configurations-cloudformation']);
  });

  test('a RunJobFlow request with a spark-submit step: options, settings and the application, with spans', () => {
    const text = JSON.stringify({
      ReleaseLabel: 'emr-7.5.0',
      Instances: { InstanceGroups: [{ InstanceRole: 'CORE', InstanceType: 'r5.4xlarge', InstanceCount: 4 }] },
      Steps: [{ Name: 'Load', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', '--executor-memory', '8g', '--conf', 'spark.executor.cores=4', '--conf=spark.sql.shuffle.partitions=64', 's3://b/app.py', '--executor-memory', 'not-an-option'] } }],
    });
    const model = read(text, 'cluster.json');
    assert.equal(model.shape.id, 'cluster-request');
    assert.ok(model.parts.has('submit-arguments'));
    const [submission] = model.submissions;
    assert.equal(submission.label, 'step "Load"');
    assert.deepEqual(submission.options.map((o) => [o.name, o.value]), [
      ['--executor-memory', '8g'],
      ['--conf', 'spark.executor.cores=4'],
      ['--conf', 'spark.sql.shuffle.partitions=64'],
    ]);
    assert.equal(submission.primaryResource?.value, 's3://b/app.py');
    const entries = submission.scope.classifications[0].properties;
    assert.deepEqual(entries.map((e) => [e.key, e.value, slice(text, e.keySpan), slice(text, e.valueSpan)]), [
      ['spark.executor.memory', '8g', '--executor-memory', '8g'],
      ['spark.executor.cores', '4', 'spark.executor.cores', '4'],
      ['spark.sql.shuffle.partitions', '64', 'spark.sql.shuffle.partitions', '64'],
    ]);
    assert.ok(model.scopes.includes(submission.scope), 'submitted settings are a scope every key rule reads');
  });

  test('sparkSubmitParameters: one string split as Spark splits it, spans through JSON escapes', () => {
    const text = '{"applicationId": "a", "jobDriver": {"sparkSubmit": {"entryPoint": "s3://b/x.py", "sparkSubmitParameters": "--conf spark.executor.memory=4g\\t--conf \\"spark.app.name=a b\\""}}}';
    const model = read(text, 'run.json');
    assert.equal(model.shape.id, 'serverless-job-run');
    const entries = model.submissions[0].scope.classifications[0].properties;
    assert.deepEqual(entries.map((e) => [e.key, e.value]), [
      ['spark.executor.memory', '4g'],
      ['spark.app.name', 'a b'],
    ]);
    assert.equal(slice(text, entries[0].valueSpan), '4g');
    assert.equal(slice(text, entries[1].keySpan), '\\"spark.app.name=a b\\"', 'a quoted token maps to its whole token');
  });

  test('EMR on EKS: applicationConfiguration, a dated release label, the driver parameters', () => {
    const text = JSON.stringify({
      virtualClusterId: 'v',
      releaseLabel: 'emr-6.10.0-20230905',
      jobDriver: { sparkSubmitJobDriver: { entryPoint: 'x', sparkSubmitParameters: '--conf spark.executor.instances=2' } },
      configurationOverrides: { applicationConfiguration: [{ classification: 'spark-defaults', properties: { 'spark.driver.memory': '2G' } }] },
    });
    const model = read(text, 'eks.json');
    assert.equal(model.shape.id, 'eks-job-run');
    assert.equal(model.cluster.releaseLabel?.value, 'emr-6.10.0-20230905');
    assert.deepEqual(properties(model), { 'spark-defaults/spark.driver.memory': '2G', 'spark-defaults/spark.executor.instances': '2' });
    assert.deepEqual(model.scopes.map((s) => s.kind), ['job-run', 'submit']);
  });

  test('an EMR Serverless application: runtimeConfiguration', () => {
    const model = read(JSON.stringify({ name: 'a', releaseLabel: 'emr-7.5.0', type: 'Spark', runtimeConfiguration: [{ classification: 'spark-defaults', properties: { 'spark.executor.cores': '4' } }] }), 'app.json');
    assert.equal(model.shape.id, 'serverless-application');
    assert.deepEqual(model.scopes.map((s) => s.kind), ['application']);
    assert.ok(model.parts.has('job-run-limits'));
  });

  test('Step Functions: createCluster parameters are a cluster request; `.$` paths are opaque, never findings', () => {
    const text = JSON.stringify({
      StartAt: 'Create',
      States: {
        Create: {
          Type: 'Task',
          Resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync',
          Parameters: { 'Name.$': '$.name', ReleaseLabel: 'emr-6.8.0', Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.memory.$': '$.memory', 'spark.executor.cores': '4' } }] },
        },
        Step: { Type: 'Task', Resource: 'arn:aws:states:::elasticmapreduce:addStep.sync', Parameters: { 'ClusterId.$': '$.id', Step: { Name: 's', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', '--num-executors', '3', 'app.jar'] } } } },
      },
    });
    const model = read(text, 'machine.json');
    assert.equal(model.shape.id, 'step-functions');
    assert.equal(model.cluster.releaseLabel?.value, 'emr-6.8.0');
    assert.equal(model.submissions[0].options[0].value, '3');
    const entries = allClassifications(model).flatMap((c) => c.properties);
    assert.deepEqual(entries.map((e) => [e.key, e.valueKind]), [
      ['spark.executor.memory.$', 'opaque'],
      ['spark.executor.cores', 'string'],
      ['spark.executor.instances', 'string'],
    ]);
  });

  test('CloudFormation YAML: cluster, groups with roles from their place, steps, intrinsic functions opaque', () => {
    const text = [
      'Parameters:',
      '  CoreCount: {Type: Number}',
      'Resources:',
      '  Cluster:',
      '    Type: AWS::EMR::Cluster',
      '    Properties:',
      '      ReleaseLabel: emr-7.5.0',
      '      Instances:',
      '        MasterInstanceGroup: {InstanceType: m5.xlarge, InstanceCount: 1}',
      '        CoreInstanceGroup:',
      '          InstanceType: r5.4xlarge',
      '          InstanceCount: !Ref CoreCount',
      '          Configurations:',
      '            - Classification: spark-defaults',
      '              ConfigurationProperties: {spark.executor.cores: 5}',
      '      Configurations:',
      '        - Classification: spark-defaults',
      '          ConfigurationProperties:',
      '            spark.executor.memory: 36g',
      '            spark.driver.memory: !Sub "${Memory}g"',
      '  Extra:',
      '    Type: AWS::EMR::InstanceGroupConfig',
      '    Properties: {InstanceRole: TASK, InstanceType: c5.4xlarge, InstanceCount: 2, JobFlowId: !Ref Cluster}',
      '',
    ].join('\n');
    const model = read(text, 'template.yaml');
    assert.equal(model.format, 'yaml');
    assert.equal(model.shape.id, 'cloudformation');
    assert.deepEqual(model.cluster.groups.map((g) => [g.role, g.types[0]?.instanceType, g.count]), [
      ['MASTER', 'm5.xlarge', 1],
      ['CORE', 'r5.4xlarge', undefined],
      ['TASK', 'c5.4xlarge', 2],
    ]);
    assert.deepEqual(model.cluster.notLiteral.map((n) => [n.what, slice(text, n.span)]), [['the InstanceCount of the CORE group', '!Ref CoreCount']]);
    const entries = allClassifications(model).flatMap((c) => c.properties.map((e) => [c.scope.kind, e.key, e.valueKind, slice(text, e.valueSpan)]));
    assert.deepEqual(entries, [
      ['cluster', 'spark.executor.memory', 'string', '36g'],
      ['cluster', 'spark.driver.memory', 'opaque', '!Sub "${Memory}g"'],
      ['instance-group', 'spark.executor.cores', 'string', '5'],
    ]);
    assert.deepEqual(model.schemaTargets.map((t) => [t.schema, t.path.join('/')]), [
      ['configurations-cloudformation', 'Resources/Cluster/Properties/Configurations'],
      ['configurations-cloudformation', 'Resources/Cluster/Properties/Instances/CoreInstanceGroup/Configurations'],
    ]);
    assert.equal(model.parts.has('string-values'), false, 'CloudFormation turns scalars into strings');
  });

  test('sizing says which number it needs is not a literal, instead of guessing', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Instances:\n        CoreInstanceGroup: {InstanceType: r5.4xlarge, InstanceCount: !Ref CoreCount}\n      Configurations: []\n';
    assert.equal(
      analyzeText(text, 'template.yaml').sizing.unavailable,
      'the InstanceCount of the CORE group is not written as a literal (!Ref CoreCount), so the cluster is not sized; give the core nodes with --instance-type and --instance-count, or in .emrsparkrc.json',
    );
    assert.ok(analyzeText(text, 'template.yaml', { cluster: { instanceType: 'r5.4xlarge', instanceCount: 4 } }).sizing.plan, 'the caller can give the cluster');
  });

  test('CloudFormation passes numbers, booleans and YAML 1.1 booleans on as the strings EMR receives', () => {
    const text = [
      'Resources:',
      '  C:',
      '    Type: AWS::EMR::Cluster',
      '    Properties:',
      '      Configurations:',
      '        - Classification: spark-defaults',
      '          ConfigurationProperties:',
      '            spark.executor.cores: 5',
      '            spark.memory.fraction: 0.60',
      '            spark.dynamicAllocation.enabled: false',
      '            spark.shuffle.compress: yes',
      '            spark.sql.adaptive.enabled: On',
      '            spark.eventLog.enabled: "yes"',
      '            spark.app.name: !Ref Name',
      '            spark.jars:',
      '      Steps:',
      '        - Name: Load',
      '          HadoopJarStep:',
      '            Jar: command-runner.jar',
      '            Args: [spark-submit, --executor-cores, 4, --conf, spark.ui.enabled=false, app.py]',
      '',
    ].join('\n');
    const model = read(text, 'template.yaml');
    const entries = allClassifications(model).flatMap((c) => c.properties.map((e) => [e.key, e.valueKind, e.value]));
    assert.deepEqual(entries, [
      ['spark.executor.cores', 'string', '5'],
      ['spark.memory.fraction', 'string', '0.60'],
      ['spark.dynamicAllocation.enabled', 'string', 'false'],
      ['spark.shuffle.compress', 'string', 'true'],
      ['spark.sql.adaptive.enabled', 'string', 'true'],
      ['spark.eventLog.enabled', 'string', 'yes'],
      ['spark.app.name', 'opaque', '!Ref Name'],
      ['spark.jars', 'null', ''],
      ['spark.executor.cores', 'string', '4'],
      ['spark.ui.enabled', 'string', 'false'],
    ]);
    assert.deepEqual(model.submissions.map((s) => s.primaryResource?.value), ['app.py'], 'a number among the step arguments does not hide the step');
    // Outside CloudFormation a number stays a number: the EMR API refuses it (EMR005).
    const api = read('[{"Classification": "spark-defaults", "Properties": {"spark.executor.cores": 5}}]', 'configurations.json');
    assert.deepEqual(allClassifications(api)[0].properties.map((e) => [e.valueKind, e.value]), [['number', '5']]);
  });

  test('a step argument written with an intrinsic function ends what is known of the command line, not the whole step', () => {
    const text = [
      'Resources:',
      '  Load:',
      '    Type: AWS::EMR::Step',
      '    Properties:',
      '      Name: Load',
      '      JobFlowId: !Ref Cluster',
      '      HadoopJarStep:',
      '        Jar: command-runner.jar',
      '        Args: [spark-submit, --conf, spark.executors.cores=4, --executor-memory, !Ref ExecutorMemory, !Sub "s3://${Bucket}/load.py"]',
      '',
    ].join('\n');
    const model = read(text, 'template.yaml');
    const [submission] = model.submissions;
    assert.deepEqual(submission.options.map((o) => [o.name, o.value]), [['--conf', 'spark.executors.cores=4']], 'the option whose value is !Ref is left out, not read as missing its value');
    assert.equal(submission.primaryResource, undefined);
    assert.deepEqual(allClassifications(model).flatMap((c) => c.properties.map((e) => [c.scope.kind, e.key, slice(text, e.keySpan)])), [['submit', 'spark.executors.cores', 'spark.executors.cores']]);
    const findings = analyzeText(text, 'template.yaml').findings.map((f) => [f.ruleId, slice(text, f.span)]);
    assert.deepEqual(findings, [['SPK001', 'spark.executors.cores']]);
  });

  test('CloudFormation JSON: Fn:: objects and Ref are opaque', () => {
    const text = JSON.stringify({ Resources: { C: { Type: 'AWS::EMR::Cluster', Properties: { ReleaseLabel: { Ref: 'Release' }, Configurations: [{ Classification: 'spark-defaults', ConfigurationProperties: { 'spark.executor.memory': { 'Fn::Sub': '${M}g' } } }] } } } });
    const model = read(text, 'template.json');
    assert.equal(model.cluster.releaseLabel, undefined);
    assert.deepEqual(allClassifications(model)[0].properties.map((e) => e.valueKind), ['opaque']);
  });

  test('what is not an EMR shape says why', () => {
    assert.equal(read('{"name": "x", "version": "1.0.0"}', 'package.json').unrecognized, 'none of the members EMR configurations have (Configurations, Instances, ReleaseLabel, Classification, Resources, applicationConfiguration, jobDriver)');
    assert.equal(read('[1, 2]', 'a.json').unrecognized, 'a list whose items are not configurations (objects with a Classification)');
    assert.equal(read('"x"', 'a.json').unrecognized, 'the document is a single value, not an object or a list');
    assert.equal(read('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 't.yaml').unrecognized, 'a CloudFormation template without AWS::EMR or AWS::EMRServerless::Application resources');
  });
});

describe('YAML syntax', () => {
  test('problems are located, comments are found with their spans, a half-typed key is still a key', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster  # the cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.cores: 4\n            spark.exe\n';
    const model = read(text, 't.yaml');
    assert.deepEqual(model.comments.map((c) => slice(text, c.span)), ['# the cluster']);
    assert.equal(model.syntaxProblems.length, 1);
    assert.equal(slice(text, model.syntaxProblems[0].span), 'spark.exe');
    assert.deepEqual(allClassifications(model)[0].properties.map((e) => [e.key, e.valueKind]), [
      ['spark.executor.cores', 'string'],
      ['spark.exe', 'missing'],
    ]);
  });

  test('an unclosed quote is shown where it opens, a bad indentation over the indentation', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.cores: "5"\n           spark.executor.memory: 8g\n        - Classification: "yarn-site\n          ConfigurationProperties: {}\n';
    const problems = read(text, 't.yaml').syntaxProblems;
    assert.deepEqual(
      problems.map((p) => [p.message, p.span.start, slice(text, p.span)]),
      [
        ['This line is not indented as YAML expects here.', text.indexOf('           spark.executor.memory'), '           '],
        ['This quoted value is never closed: its closing quote is missing.', text.indexOf('"yarn-site'), '"'],
      ],
    );
  });

  test('a mapping ends with its last value, however deep: a configuration ends at its last property, not at the next line', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Instances:\n        CoreInstanceGroup:\n          Configurations:\n            - Classification: yarn-site\n              ConfigurationProperties:\n                yarn.nodemanager.vmem-check-enabled: "false"\n      Configurations: []\n';
    const [group] = read(text, 't.yaml').scopes.filter((s) => s.kind === 'instance-group');
    assert.equal(slice(text, group.classifications[0].span), 'Classification: yarn-site\n              ConfigurationProperties:\n                yarn.nodemanager.vmem-check-enabled: "false"');
    assert.equal(slice(text, group.span), '- Classification: yarn-site\n              ConfigurationProperties:\n                yarn.nodemanager.vmem-check-enabled: "false"');
  });

  test('a block scalar ends with its last line, not with the line break after it', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.extraJavaOptions: >-\n              -XX:+UseG1GC\n              -verbose:gc\n\n            spark.executor.cores: "4"\n';
    const [options] = allClassifications(read(text, 't.yaml'))[0].properties;
    assert.equal(options.value, '-XX:+UseG1GC -verbose:gc');
    assert.equal(slice(text, options.valueSpan), '>-\n              -XX:+UseG1GC\n              -verbose:gc');
  });

  test('a document nested beyond the call stack is refused with one problem, not a crash', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const model = read(deep, 'deep.yaml');
    assert.equal(model.recognized, false);
    assert.ok(model.syntaxProblems.length >= 1);
  });
});
