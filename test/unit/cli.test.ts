import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import AjvDraft04 from 'ajv-draft-04';
import { main } from '../../server/src/cli';
import { repoRoot } from '../helpers';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const example = (name: string) => path.join(repoRoot, 'examples', name);
const scratch = mkdtempSync(path.join(tmpdir(), 'emr-spark-lint-'));

function scratchFile(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

test('text output: file:line:col  severity  ID  message, exit 1 when an error is found', () => {
  const file = scratchFile('a.json', '[\n  {"Classification": "spark-defaults", "Properties": {"spark.executor.cores": 4}}\n]\n');
  const { code, out } = run(['check', file]);
  assert.equal(code, 1);
  assert.equal(
    out.split('\n')[0],
    `${file}:2:79  error  EMR005  The value of "spark.executor.cores" is a number; EMR only accepts strings in Properties and rejects the request. Write "4".`,
  );
  assert.match(out, /1 file checked: 1 error, 0 warnings, 0 info\n$/);
});

test('exit 0 when findings are warnings at most; "check" is the default command', () => {
  const file = scratchFile('spark-defaults.conf', 'spark.executors.memory 4g\n');
  const { code, out } = run([file]);
  assert.equal(code, 0);
  assert.match(out, /spark-defaults\.conf:1:1  warning  SPK001  Unknown Spark property "spark\.executors\.memory"/);
});

test('JSON output has version 2, format and shape, 1-based ranges, model paths and fixes with edits', () => {
  const file = scratchFile('b.json', '[{"Classification": "spark-defaults", "Properties": {"spark.executors.memory": "4g"}}]');
  const { code, out } = run(['check', '--format', 'json', file]);
  assert.equal(code, 0);
  const report = JSON.parse(out);
  assert.deepEqual(report, {
    version: 2,
    files: [
      {
        path: file,
        format: 'json',
        shape: 'configurations',
        recognized: true,
        findings: [
          {
            ruleId: 'SPK001',
            rule: 'unknown-spark-key',
            severity: 'warning',
            message: 'Unknown Spark property "spark.executors.memory": Spark 3.5.6 on emr-7.13.0 (assumed: the file names no release) ignores it. Did you mean "spark.executor.memory"?',
            range: { start: { line: 1, column: 54 }, end: { line: 1, column: 78 } },
            path: [0, 'Properties', 'spark.executors.memory'],
            fixes: [
              {
                title: 'Rename to "spark.executor.memory"',
                edits: [{ range: { start: { line: 1, column: 54 }, end: { line: 1, column: 78 } }, newText: '"spark.executor.memory"' }],
              },
            ],
            related: [],
          },
        ],
        sizing: { unavailable: 'no core or task nodes are described; give an instance type and count to size against' },
      },
    ],
  });
});

test('SARIF output validates against the SARIF 2.1.0 schema and carries rule metadata and help URIs', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const { code, out } = run(['check', '--format', 'sarif', example('configurations.json'), example('spark-defaults.conf'), example('cluster-r5.12xlarge.json')]);
  assert.equal(code, 1);
  const log = JSON.parse(out);
  const ajv = new AjvDraft04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
  const rules = log.runs[0].tool.driver.rules;
  assert.ok(rules.every((r: { helpUri: string; id: string }) => r.helpUri.endsWith(`/docs/rules/${r.id}.md`)));
  assert.ok(log.runs[0].results.length > 5);
  const first = log.runs[0].results[0];
  assert.equal(typeof first.locations[0].physicalLocation.region.startLine, 'number');
});

test('bad input: one clear line on stderr and exit 2, never a stack trace', () => {
  const dir = path.join(scratch, 'folder');
  mkdirSync(dir, { recursive: true });
  const binary = scratchFile('data.json', Buffer.from([0x5b, 0x00, 0x01, 0x02]));
  const huge = scratchFile('huge.json', Buffer.alloc(4 * 1024 * 1024 + 1, 0x20));
  const latin1 = scratchFile('latin.conf', Buffer.from([0x73, 0x3d, 0xe9, 0x0a]));
  const cases: [string[], string][] = [
    [['check', path.join(scratch, 'missing.json')], `emr-spark-lint: ${path.join(scratch, 'missing.json')}: no such file\n`],
    [['check', dir], `emr-spark-lint: ${dir}: is a directory; name the configuration files to check\n`],
    [['check', binary], `emr-spark-lint: ${binary}: looks like a binary file (it contains NUL bytes), not a configuration\n`],
    [['check', huge], `emr-spark-lint: ${huge}: is 4.0 MiB; files over 4.0 MiB are not checked\n`],
    [['check', latin1], `emr-spark-lint: ${latin1}: is not UTF-8 text\n`],
    [['check'], 'emr-spark-lint: no files given (see --help)\n'],
    [['check', '--format', 'xml', binary], 'emr-spark-lint: --format must be one of text, json, sarif, not "xml" (see --help)\n'],
    [['check', '--bogus', binary], 'emr-spark-lint: unknown option --bogus (see --help)\n'],
    [['check', '--release', 'emr-6.15.9', binary], 'emr-spark-lint: --release "emr-6.15.9" is not a known EMR release (did you mean emr-6.15.0?) (see --help)\n'],
    [['check', '--instance-count', '0', binary], 'emr-spark-lint: --instance-count must be a whole number from 1 to 10,000, not "0" (see --help)\n'],
  ];
  for (const [args, message] of cases) {
    const { code, out, err } = run(args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(out, '');
    assert.equal(err, message);
  }
});

test('invalid JSON: syntax errors are findings and the parseable rest is still analysed', () => {
  const file = scratchFile('broken.json', '[{"Classification": "spark-defaults", "Properties": {"spark.executors.memory": "4g",}}');
  const { code, out } = run(['check', file]);
  assert.equal(code, 1);
  assert.match(out, /broken\.json:1:85  error  EMR001/);
  assert.match(out, /broken\.json:1:54  warning  SPK001/);
});

test('a file that is not an EMR configuration is skipped with its reason; nothing checked is exit 2 unless --skip-unrecognized', () => {
  const json = scratchFile('package.json', '{"name": "x"}');
  const yaml = scratchFile('workflow.yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
  const cfn = scratchFile('bucket.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
  const notes = scratchFile('notes.txt', 'spark.executor.memory 4g\n');
  const { code, out, err } = run(['check', json, yaml, cfn, notes]);
  assert.equal(code, 2);
  assert.equal(
    out,
    [
      `${json}: skipped, not an EMR configuration: none of the members EMR configurations have (Configurations, Instances, ReleaseLabel, Classification, Resources, applicationConfiguration, jobDriver)`,
      `${yaml}: skipped, not an EMR configuration: none of the members EMR configurations have (Configurations, Instances, ReleaseLabel, Classification, Resources, applicationConfiguration, jobDriver)`,
      `${cfn}: skipped, not an EMR configuration: a CloudFormation template without AWS::EMR or AWS::EMRServerless::Application resources`,
      `${notes}: skipped, not an EMR configuration: neither its name nor its content says it is JSON, YAML or a spark-defaults file`,
      '0 files checked (4 skipped), no problems found',
      '',
    ].join('\n'),
  );
  assert.equal(err, 'emr-spark-lint: none of the 4 files given is an EMR configuration or a spark-defaults file; nothing was checked\n');
  assert.equal(run(['check', '--skip-unrecognized', json]).code, 0);
  const mixed = run(['check', json, scratchFile('spark-defaults.conf', 'spark.executor.memory 4g\n')]);
  assert.equal(mixed.code, 0);
  assert.match(mixed.out, /1 file checked \(1 skipped\), no problems found/);
});

test('the built CLI bundle runs as a program and exits with the same codes', () => {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const ok = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
  assert.equal(ok.status, 0);
  assert.equal(ok.stdout, '0.1.0\n');
  const missing = spawnSync(process.execPath, [cli, 'nope.json'], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'emr-spark-lint: nope.json: no such file\n');
  const examples = spawnSync(process.execPath, [cli, example('configurations.json')], { encoding: 'utf8' });
  assert.equal(examples.status, 1);
});

test('size --method guide reproduces the guide and reports the 8-per-node reality', () => {
  const { code, out } = run(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '19', '--method', 'guide', '--deploy-mode', 'cluster', '--format', 'json']);
  assert.equal(code, 0);
  const plan = JSON.parse(out);
  assert.deepEqual(
    [plan.method, plan.instanceType, plan.nodes, plan.vcpu, plan.nodeMemoryMiB, plan.yarnMemoryMiB, plan.executorCores, plan.executorsPerNode, plan.executorMemoryMiB, plan.executorMemoryOverheadMiB, plan.containerMiB, plan.executorInstances, plan.driverMemoryMiB, plan.driverCores, plan.defaultParallelism, plan.shufflePartitions, plan.fits],
    ['guide', 'r5.12xlarge', 19, 48, 393216, 385024, 5, 9, 37888, 5120, 43008, 170, 37888, 5, 1700, 1700, false],
  );
  assert.deepEqual([plan.executorsPerNodeThatFit, plan.containersThatFit, plan.executorsThatFitBesideDriver], [8, 152, 151]);
  assert.equal(plan.properties['spark.executor.memory'], '37g');
  assert.equal(plan.properties['spark.executor.memoryOverhead'], '5g');
  assert.equal(typeof plan.yarnMemoryUsedPercent, 'number');
  // In client mode (spark-submit's default) the driver runs on the primary node: all 152 containers run executors.
  const client = JSON.parse(run(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '19', '--method', 'guide', '--format', 'json']).out);
  assert.deepEqual([client.deployMode, client.containersThatFit, client.executorsThatFitBesideDriver], ['client', 152, 152]);
});

test('size text output shows the arithmetic; properties and emr-json print what to paste', () => {
  const text = run(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '19', '--release', 'emr-6.15.0']).out;
  assert.match(text, /^Plan \(fits YARN\) for 19 x r5\.12xlarge \(CORE\), client deploy mode, emr-6\.15\.0\n\nAssumptions:\n  deploy mode: client, spark-submit's default/);
  assert.match(text, /\n  release: emr-6\.15\.0 runs Spark 3\.4\.1; container = heap \+ max\(384 MiB, spark\.executor\.memoryOverheadFactor \(0\.1\) x heap\) \+ off-heap when enabled; a JVM application assumed/);
  assert.match(text, /\n  settings: the plan sets every sizing key itself, so neither EMR's nor Spark's defaults size its containers\n/);
  assert.match(text, /\n  rounding: YARN rounds each request up to yarn\.scheduler\.minimum-allocation-mb: r5\.12xlarge: 1 MiB steps in AWS's current table, 32 MiB in its 2022 table; emr-6\.15\.0 came after the 2022 table/);
  assert.match(text, /container 34,976 MiB = heap 31,744 MiB \(31 GiB\) \+ overhead 3,232 MiB \(at least max\(384 MiB, 10 % of heap\) = 3,174 MiB\)/);
  assert.match(text, /r5\.12xlarge: 11 x 34,976 MiB = 384,736 MiB of 385,024 MiB \(376 GiB\), 288 MiB unallocated per node/);
  assert.match(text, /runner-up: 3 cores x 15 per node/);
  const properties = run(['size', '--instance-type', 'm5.xlarge', '--instance-count', '3', '--format', 'properties']).out;
  assert.equal(
    properties,
    [
      'spark.executor.cores             3',
      'spark.executor.memory            10g',
      'spark.executor.memoryOverhead    1152m',
      'spark.executor.instances         3',
      'spark.driver.memory              10g',
      'spark.driver.cores               3',
      'spark.driver.memoryOverhead      1g',
      'spark.default.parallelism        18',
      'spark.sql.shuffle.partitions     18',
      'spark.dynamicAllocation.enabled  false',
      '',
    ].join('\n'),
  );
  const configurations = JSON.parse(run(['size', '--instance-type', 'c5.4xlarge', '--instance-count', '10', '--format', 'emr-json']).out);
  assert.deepEqual(configurations[0], { Classification: 'spark', Properties: { maximizeResourceAllocation: 'false' } });
  assert.equal(configurations[1].Classification, 'spark-defaults');
  assert.equal(configurations[1].Properties['spark.executor.instances'], '29');
});

test('size: YARN overrides, a task group, client mode; usage errors exit 2', () => {
  const plan = JSON.parse(run(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '2', '--yarn-memory-mb', '300000', '--max-allocation-mb', '30000', '--format', 'json']).out);
  assert.equal(plan.yarnMemoryMiB, 300000);
  assert.ok(plan.containerMiB <= 30000);
  const mixed = JSON.parse(run(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '4', '--task-instance-type', 'm5.4xlarge', '--task-instance-count', '6', '--deploy-mode', 'client', '--format', 'json']).out);
  assert.equal(mixed.executorInstances, 11 * 4 + 3 * 6);
  assert.deepEqual(mixed.groups.map((g: { instanceType: string }) => g.instanceType), ['r5.12xlarge', 'm5.4xlarge']);
  assert.equal(run(['size']).err, 'emr-spark-lint: size needs --instance-type (see --help)\n');
  assert.equal(run(['size', '--instance-type', 'r5.12xlage']).err, 'emr-spark-lint: --instance-type "r5.12xlage" is not a known instance type (did you mean r5.12xlarge?) (see --help)\n');
  assert.equal(run(['size', '--instance-type', 'r5.12xlarge', '--method', 'magic']).code, 2);
});

test('check on a cluster file prints the plan and the evaluation ("sizing" in JSON)', () => {
  const report = JSON.parse(run(['check', '--format', 'json', example('cluster-r5.12xlarge.json')]).out);
  const sizing = report.files[0].sizing;
  assert.equal(sizing.plan.method, 'yarn');
  assert.equal(sizing.guide.executorsPerNodeThatFit, 8);
  assert.equal(sizing.evaluation.capacity, 152);
  assert.equal(sizing.evaluation.requestedInstances, 170);
  assert.deepEqual(sizing.cluster[0], { role: 'CORE', instanceType: 'r5.12xlarge', nodes: 19, vcpu: 48, nodeMemoryMiB: 393216, yarnMemoryMiB: 385024, maxAllocationMiB: 385024, minAllocationMiB: 1, planStepMiB: 32, yarnSource: 'emr-default' });
  assert.equal(sizing.assumptions.length, 5);
  const text = run(['check', example('cluster-r5.12xlarge.json')]).out;
  assert.match(text, /as configured: executor container 43,008 MiB; 8 per r5\.12xlarge \(40 of 48 vCPUs\); room for 152 executors \(170 requested\)/);
  assert.match(text, /\n    assumes deploy mode: client, spark-submit's default, as spark\.submit\.deployMode is not set/);
});

test('sizing fixes applied through the CLI JSON leave valid JSON and the finding gone on a second run', () => {
  const file = scratchFile('guide.json', readFileSync(example('cluster-r5.12xlarge.json'), 'utf8'));
  const first = JSON.parse(run(['check', '--format', 'json', file]).out).files[0];
  const finding = first.findings.find((f: { ruleId: string }) => f.ruleId === 'SZ002');
  assert.equal(finding.fixes[0].title, 'Recompute executors for r5.12xlarge');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const offset = (p: { line: number; column: number }) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  const edits = [...finding.fixes[0].edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let fixed = text;
  for (const e of edits) fixed = fixed.slice(0, offset(e.range.start)) + e.newText + fixed.slice(offset(e.range.end));
  JSON.parse(fixed);
  writeFileSync(file, fixed);
  const second = JSON.parse(run(['check', '--format', 'json', file]).out).files[0];
  assert.deepEqual(second.findings.filter((f: { ruleId: string }) => ['SZ002', 'SZ003'].includes(f.ruleId)), []);
  assert.equal(second.sizing.evaluation.capacity, 208);
});
