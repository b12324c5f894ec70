// Hostile inputs: documents built around 100,000-character adversarial strings, in the keys and values every rule
// reads (sizes, durations, numbers, Java options, JAVA_HOME, secrets, classification names, release labels,
// instance types, comments and suppression directives). Each analysis must finish well within a generous bound,
// without a rule failing, with every finding inside the document. A regular expression that backtracks
// quadratically on such a string (three did: a number reader, a path trim and completion's separator) takes
// seconds here instead of milliseconds. The values that start with a number found a fourth (`1.5`, 100,000 blanks
// and `!` took 5 s in the fractional-size fix).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, type AnalysisOptions } from '../../server/src/analysis/analyze';
import { RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';

const N = 100_000;
const BOUND_MS = 2000;

/**
 * The time a piece of work took: the lesser of wall time and this process's CPU time, so that other processes
 * competing for the CPU (wall time grows) or garbage-collector threads working in parallel (CPU time grows) do not
 * make a fast analysis look slow; a quadratic one is slow either way.
 */
function elapsed(startedAt: number, cpuAtStart: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(cpuAtStart);
  return Math.min(performance.now() - startedAt, (cpu.user + cpu.system) / 1000);
}

function base64Like(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let seed = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += alphabet[seed % 64];
  }
  return out;
}

const fill = (unit: string, length = N) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The adversarial strings, each 100,000 characters (give or take a unit). */
const STRINGS: [string, string][] = [
  ["'a' x 100,000", fill('a')],
  ["'-XX:' x 25,000", fill('-XX:')],
  ["'${' x 50,000", fill('${')],
  ['base64-like', base64Like(N)],
  ['digits then a letter', fill('9', N - 1) + 'x'],
  ["'1.' x 50,000", fill('1.')],
  ['slashes then a letter', fill('/', N - 1) + 'x'],
  ['blanks then a letter', fill(' \t', N - 1) + 'x'],
  ['GC flags', fill('-XX:+UseG1GC -XX:+UseParallelGC ')],
  ['-Xmx and digits', '-Xmx' + fill('9', N - 4)],
  ["'AKIA' x 25,000", fill('AKIA')],
  ["'java-1.' x 14,000", fill('java-1.')],
  ['placeholders', fill('-Xloggc:<file> ')],
  ['backslashes (even)', fill('\\', N)],
  ['backslashes (odd)', fill('\\', N - 1)],
  ["'\\u' x 50,000", fill('\\u')],
  ['dots', fill('.')],
  ["'=:' x 50,000", fill('=:')],
  ['quotes', fill(`"'`)],
  ['emoji', fill('😀')],
  // Values that start like a number, so that the size, duration and number readers go past their first step.
  ['a fraction, blanks, a stray character', '1.5' + fill(' ', N - 4) + '!'],
  ['a negative fraction, tabs, a letter', '-1.5' + fill('\t', N - 5) + 'x'],
  ['a number, blanks, a unit, a stray character', '4' + fill(' ', N - 3) + 'g!'],
  ['a fraction, a long unit, blanks, a stray character', '1.5' + fill('g', N / 2) + fill(' ', N / 2) + '!'],
  ['a number then digits and dots', '1' + fill('.5')],
  ['a fraction then no-break spaces', '2.5' + fill('\u00a0', N - 4) + '#'],
];

/**
 * Keys given the hostile string as their value, one of each kind the rules read: a size, a count, a duration,
 * a fraction, a boolean, a class, an enum, Java options, JAVA_HOME, a secret, a renamed key, an EMR switch.
 */
const SPARK_KEYS = [
  'spark.executor.memory',
  'spark.executor.cores',
  'spark.network.timeout',
  'spark.memory.fraction',
  'spark.dynamicAllocation.enabled',
  'spark.serializer',
  'spark.submit.deployMode',
  'spark.executor.extraJavaOptions',
  'spark.executorEnv.JAVA_HOME',
  'spark.authenticate.secret',
  'spark.blacklist.decommissioning.timeout',
  'maximizeResourceAllocation',
];
const YARN_KEYS = ['yarn.nodemanager.resource.memory-mb', 'yarn.nodemanager.vmem-check-enabled', 'spark.executor.memory'];

const props = (keys: string[], value: string) => Object.fromEntries(keys.map((k) => [k, value]));

/** A cluster on EMR 6.1 (Java 8: every JVM rule applies) with the string in the values the rules read. */
function clusterWithValues(s: string): string {
  return JSON.stringify(
    {
      Name: 'hostile',
      ReleaseLabel: 'emr-6.1.0',
      Instances: {
        InstanceGroups: [
          { Name: 'Primary', InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 },
          { Name: 'Core', InstanceRole: 'CORE', InstanceType: 'r5.2xlarge', InstanceCount: 3 },
        ],
      },
      Configurations: [
        { Classification: 'spark-defaults', Properties: props(SPARK_KEYS, s) },
        { Classification: 'yarn-site', Properties: props(YARN_KEYS, s) },
        { Classification: 'core-site', Properties: { 'fs.s3a.secret.key': s } },
        { Classification: 'spark-env', Configurations: [{ Classification: 'export', Properties: { JAVA_HOME: s } }] },
      ],
    },
    null,
    2,
  );
}

/** The string as keys, classification names, release label, instance types and names. */
function clusterWithNames(s: string): string {
  return JSON.stringify(
    {
      ReleaseLabel: s,
      Instances: {
        InstanceGroups: [{ Name: s, InstanceRole: 'CORE', InstanceType: s, InstanceCount: 2 }],
        InstanceFleets: [{ InstanceFleetType: 'TASK', TargetSpotCapacity: 2, InstanceTypeConfigs: [{ InstanceType: s }] }],
      },
      Configurations: [
        { Classification: s, Properties: { a: 'b' } },
        { Classification: 'spark-defaults', Properties: { [s]: '1', [`spark.${s}`]: '1' } },
        { Classification: 'yarn-site', Properties: { [`spark.${s}`]: '1' } },
        { Classification: 'spark-env', Properties: { [s]: 'x' } },
      ],
    },
    null,
    2,
  );
}

/** spark-submit arguments made of the string: as an option, a value, a --conf key and value, and in a parameters string. */
function submissions(s: string): string {
  return JSON.stringify({
    ReleaseLabel: 'emr-7.5.0',
    Steps: [
      { Name: s, HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', `--${s}`, s, '--conf', `${s}=${s}`, '--conf', `spark.executor.memory=${s}`, '--executor-memory', s, '--properties-file', s, s] } },
    ],
  });
}

/** An EMR Serverless job run with the string in its overrides and its parameters. */
function serverlessJobRun(s: string): string {
  return JSON.stringify({
    applicationId: 'a',
    jobDriver: { sparkSubmit: { entryPoint: s, sparkSubmitParameters: `--conf spark.executor.cores=${s} --${s} ${s} --driver-cores` } },
    configurationOverrides: { applicationConfiguration: [{ classification: 'spark-defaults', properties: { [s]: s, 'spark.executor.memory': s } }] },
  });
}

/** The string inside a CloudFormation YAML template: as a value, a key, a tag and a comment. */
function cloudFormation(s: string): string {
  const value = JSON.stringify(s);
  return [
    'Resources:',
    '  C:',
    '    Type: AWS::EMR::Cluster',
    '    Properties:',
    `      ReleaseLabel: ${value}`,
    '      Configurations:',
    '        - Classification: spark-defaults',
    '          ConfigurationProperties:',
    `            spark.executor.memory: ${value}`,
    `            ${value}: ${value}`,
    `            spark.driver.memory: !Sub ${value}`,
    `      # ${s.replace(/[\r\n]/g, ' ')}`,
    '',
  ].join('\n');
}

/** A spark-defaults.conf with the string as values, as a key, in a comment and in a suppression directive. */
function propertiesFile(s: string): string {
  const lines = SPARK_KEYS.slice(0, 9).map((k) => `${k} ${s}`);
  lines.push(`${s} 1`, `# emr-spark-lint-disable-next-line ${s} -- ${s}`, 'spark.executor.cores=4');
  return lines.join('\n') + '\n';
}

const DOCUMENTS: { name: string; fileName: string; make: (s: string) => string; options: AnalysisOptions }[] = [
  { name: 'cluster, hostile values', fileName: 'cluster.json', make: clusterWithValues, options: {} },
  { name: 'cluster, hostile names', fileName: 'cluster.json', make: clusterWithNames, options: {} },
  // JVM005 is opt-in advice: a severity turns it on.
  { name: 'spark-defaults.conf', fileName: 'spark-defaults.conf', make: propertiesFile, options: { release: 'emr-6.1.0', cluster: { instanceType: 'r5.2xlarge', instanceCount: 3 }, severities: { JVM005: 'info' } } },
  { name: 'spark-submit steps', fileName: 'cluster.json', make: submissions, options: {} },
  { name: 'EMR Serverless job run', fileName: 'run.json', make: serverlessJobRun, options: {} },
  { name: 'CloudFormation YAML', fileName: 'template.yaml', make: cloudFormation, options: {} },
];

describe('hostile strings of 100,000 characters in keys and values', () => {
  // Every rule runs on these documents (counted through wrappers), and each analysis stays fast.
  const runs = new Map<string, number>();
  const ran = (rule: Rule) => runs.set(rule.id, (runs.get(rule.id) ?? 0) + 1);
  const rules = RULES.map((rule): Rule => ({
    ...rule,
    check: (context) => {
      ran(rule);
      rule.check(context);
    },
    ...(rule.checkEntry
      ? {
          checkEntry: (entry, place, context) => {
            ran(rule);
            rule.checkEntry!(entry, place, context);
          },
        }
      : {}),
  }));
  for (const [label, s] of STRINGS) {
    test(label, () => {
      for (const doc of DOCUMENTS) {
        const text = doc.make(s);
        const started = performance.now();
        const cpu = process.cpuUsage();
        const analysis = analyzeText(text, doc.fileName, { ...doc.options, rules });
        const ms = elapsed(started, cpu);
        assert.ok(ms < BOUND_MS, `${doc.name}: ${ms.toFixed(0)} ms`);
        assert.deepEqual(analysis.ruleFailures, [], doc.name);
        for (const f of analysis.findings) {
          assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${doc.name}: ${f.ruleId} span inside the document`);
        }
      }
    });
  }
  test('every rule ran on them', () => {
    assert.deepEqual(RULES.map((r) => r.id).filter((id) => !runs.get(id)), []);
  });
});
