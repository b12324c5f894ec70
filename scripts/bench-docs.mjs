#!/usr/bin/env node
// Generates the benchmark documents into bench/docs/, deterministically (seeded), from the catalog's own key tables:
//   guide-cluster.json        examples/cluster-r5.12xlarge.json as is (~70 lines)
//   configurations-2k.json    a bare Configurations array of ~2,000 lines
//   cluster-20k.json          a cluster request of ~20,000 lines: many instance groups, each with Configurations
//   spark-defaults-500.conf   a spark-defaults.conf with 500 keys
//   cloudformation-2k.yaml    a CloudFormation template in YAML of ~2,000 lines: a cluster, an instance group config
//                             and a step, with intrinsic functions
// Every generated document has realistic keys and values and a few percent of mistakes (typos, numbers where
// strings go, fractional sizes, deprecated keys, unknown classifications, duplicates, secrets).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { prng } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'docs');
const catalog = (name) => JSON.parse(readFileSync(join(root, 'server', 'src', 'catalog', 'generated', name), 'utf8'));


const random = prng(0x5eed);
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

// ---- values by type -------------------------------------------------------------------------------------------

const concrete = (value) => typeof value === 'string' && value !== '' && !/^\(|^computed|\s|^<|"/.test(value);

function valueFor(option) {
  if (option.type === 'enum' && option.allowedValues?.length) return pick(option.allowedValues);
  if (concrete(option.default) && chance(0.6)) return option.default;
  switch (option.type) {
    case 'bytes':
      return `${pick([64, 128, 256, 512, 1024, 2048, 4096])}${pick(['m', 'k', 'm', 'g'])}`;
    case 'duration':
      return `${pick([5, 10, 30, 60, 120, 300, 600])}${pick(['s', 'ms', 'min', 's'])}`;
    case 'int':
    case 'long':
      return String(pick([1, 2, 4, 8, 16, 32, 64, 100, 200, 1000]));
    case 'double':
      return String(pick([0.5, 1.5, 2.0, 3.0]));
    case 'fraction':
      return String(pick([0.1, 0.2, 0.3, 0.5, 0.6, 0.75, 0.9]));
    case 'boolean':
      return pick(['true', 'false']);
    case 'class':
      return pick(['org.apache.spark.serializer.KryoSerializer', 'com.example.etl.CustomListener', 'org.apache.spark.sql.execution.ui.SQLListener']);
    case 'list':
      return pick(['a,b,c', 'hadoop,spark', '/usr/lib/spark/jars/*,/usr/share/aws/emr/emrfs/lib/*']);
    case 'javaOptions':
      return pick(['-XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=35', '-XX:+UseG1GC -XX:MaxGCPauseMillis=200 -Dlog4j.configuration=file:/etc/spark/conf/log4j.properties', '-verbose:gc -XX:+PrintGCDetails']);
    default:
      return pick(['s3://example-bucket/warehouse/', 'yarn', 'nightly-etl', '/mnt/tmp', 'INFO']);
  }
}

/** A plausible typo: two neighbouring characters swapped, one doubled or one dropped. */
function typo(key) {
  const i = int(7, Math.max(7, key.length - 2));
  const kind = int(0, 2);
  if (kind === 0) return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
  if (kind === 1) return key.slice(0, i) + key[i] + key.slice(i);
  return key.slice(0, i) + key.slice(i + 1);
}

// ---- key pools from the catalog ---------------------------------------------------------------------------------

// Spark's keys as the newest Spark table defines them (the compiled catalog: npm run bench compiles it first), and
// the old names Spark lists.
const require = createRequire(import.meta.url);
const compiledSpark = join(root, 'out', 'server', 'src', 'catalog', 'spark.js');
if (!existsSync(compiledSpark)) {
  console.error('out/ is empty: run tsc -p tsconfig.test.json first (npm run bench does)');
  process.exit(2);
}
const { newestSparkView } = require(compiledSpark);
const spark = newestSparkView()
  .allOptions()
  .filter((o) => o.name.startsWith('spark.') && o.origin === 'spark' && !o.internal);
const deprecatedSpark = Object.keys(catalog('spark-keys.json').deprecations).filter((name) => name.startsWith('spark.'));
const hadoop = {};
for (const [name, o] of Object.entries(catalog('yarn.json'))) if (!o.deprecated) (hadoop[o.file] ??= []).push({ name, ...o });
const types = ['m5.xlarge', 'm5.2xlarge', 'm5.4xlarge', 'r5.2xlarge', 'r5.4xlarge', 'r5.12xlarge', 'c5.4xlarge', 'm6g.2xlarge', 'r6g.4xlarge', 'c5.9xlarge'];

// ---- a JSON writer that allows duplicate keys ------------------------------------------------------------------

class Obj {
  constructor(entries) {
    this.entries = entries;
  }
}
const obj = (entries) => new Obj(entries);

function write(value, indent = '') {
  const inner = indent + '  ';
  if (value instanceof Obj) {
    if (value.entries.length === 0) return '{}';
    return `{\n${value.entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  return JSON.stringify(value);
}
const lines = (text) => text.split('\n').length;

// ---- classifications ---------------------------------------------------------------------------------------------

/** Properties drawn from a pool, with mistakes at rate `errors`. */
function properties(pool, count, errors) {
  const entries = [];
  const used = new Set();
  // A pool smaller than the count asked for would never fill it.
  count = Math.min(count, pool.length);
  while (entries.length < count) {
    const option = pick(pool);
    if (used.has(option.name)) continue;
    used.add(option.name);
    let key = option.name;
    let value = valueFor(option);
    if (chance(errors)) {
      const mistake = int(0, 5);
      if (mistake === 0) key = typo(key);
      else if (mistake === 1 && /^[0-9.]+$/.test(value)) value = Number(value);
      else if (mistake === 2) value = option.type === 'boolean' ? 'ture' : option.type === 'bytes' ? '1.5g' : option.type === 'int' ? '2.5' : value;
      else if (mistake === 3 && entries.length > 0) entries.push([entries[0][0], entries[0][1]]);
      else if (mistake === 4 && pool === spark) key = pick(deprecatedSpark);
      else if (mistake === 5 && option.type === 'boolean') value = option.default === 'true' ? 'false' : 'true';
    }
    entries.push([key, value]);
  }
  return obj(entries);
}

function sizingProperties(type) {
  return [
    ['spark.executor.memory', pick(['4g', '8g', '18g', '37g', '5000m', '12g'])],
    ['spark.executor.cores', pick(['2', '4', '5', '8'])],
    ['spark.executor.memoryOverhead', pick(['1g', '2g', '512m', '5g'])],
    ['spark.executor.instances', String(pick([10, 40, 170, 300]))],
    ['spark.driver.memory', pick(['4g', '8g', '16g'])],
    ['spark.default.parallelism', String(pick([200, 800, 1700]))],
    ['spark.dynamicAllocation.enabled', pick(['true', 'false'])],
    ['spark.executor.extraJavaOptions', type.startsWith('r') ? '-XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=35 -XX:OnOutOfMemoryError=\'kill -9 %p\'' : '-XX:+UseParallelGC -XX:+UseG1GC'],
  ];
}

function configurations({ sparkKeys, hadoopKeys, errors, type }) {
  const list = [];
  const sparkDefaults = properties(spark, sparkKeys, errors);
  sparkDefaults.entries.unshift(...sizingProperties(type ?? pick(types)));
  list.push(obj([['Classification', 'spark-defaults'], ['Properties', sparkDefaults]]));
  list.push(obj([['Classification', 'spark'], ['Properties', obj([['maximizeResourceAllocation', pick(['false', 'true'])]])]]));
  for (const file of ['yarn-site', 'core-site', 'hdfs-site', 'mapred-site']) {
    const name = chance(errors) ? pick([`${file}s`, `${file} `, file.toUpperCase()]) : file;
    const props = properties(hadoop[file], hadoopKeys, errors);
    if (file === 'yarn-site') props.entries.push(['yarn.nodemanager.vmem-check-enabled', pick(['false', 'true'])]);
    if (file === 'core-site' && chance(0.3)) props.entries.push(['fs.s3a.secret.key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
    list.push(obj([['Classification', name], ['Properties', props]]));
  }
  list.push(
    obj([
      ['Classification', 'spark-env'],
      ['Properties', obj(chance(0.3) ? [['PYSPARK_PYTHON', '/usr/bin/python3']] : [])],
      ['Configurations', [obj([['Classification', 'export'], ['Properties', obj([['JAVA_HOME', '/usr/lib/jvm/java-17-amazon-corretto.x86_64'], ['PYSPARK_PYTHON', '/usr/bin/python3']])]])]],
    ]),
  );
  list.push(
    obj([
      ['Classification', 'hive-site'],
      ['Properties', obj([['hive.metastore.client.factory.class', 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory'], ['hive.exec.dynamic.partition.mode', 'nonstrict']])],
    ]),
  );
  if (chance(0.5)) list.push(obj([['Classification', 'capacity-scheduler'], ['Properties', obj([])]]));
  return list;
}

// ---- documents ---------------------------------------------------------------------------------------------------

function configurationsDocument() {
  // ~2,000 lines: two blocks of classifications.
  const list = [...configurations({ sparkKeys: 180, hadoopKeys: 190, errors: 0.04, type: 'r5.4xlarge' }), ...configurations({ sparkKeys: 160, hadoopKeys: 190, errors: 0.04, type: 'm5.2xlarge' })];
  return write(list) + '\n';
}

function clusterDocument() {
  const groups = [
    obj([['Name', 'Primary'], ['InstanceRole', 'MASTER'], ['InstanceType', 'r5.4xlarge'], ['InstanceCount', 1]]),
    obj([['Name', 'Core'], ['InstanceRole', 'CORE'], ['InstanceType', 'r5.12xlarge'], ['InstanceCount', 19], ['Configurations', configurations({ sparkKeys: 125, hadoopKeys: 70, errors: 0.03, type: 'r5.12xlarge' })]]),
  ];
  for (let i = 0; i < 40; i++) {
    const type = chance(0.03) ? 'r5.13xlarge' : pick(types);
    groups.push(
      obj([
        ['Name', `Task-${i + 1}`],
        ['InstanceRole', 'TASK'],
        ['InstanceType', type],
        ['InstanceCount', int(1, 20)],
        ['Market', pick(['ON_DEMAND', 'SPOT'])],
        ['Configurations', configurations({ sparkKeys: 125, hadoopKeys: 70, errors: 0.03, type })],
      ]),
    );
  }
  const cluster = obj([
    ['Name', 'benchmark-cluster'],
    ['ReleaseLabel', 'emr-6.15.0'],
    ['LogUri', 's3://example-bucket/emr-logs/'],
    ['Applications', ['Hadoop', 'Spark', 'Hive', 'Livy'].map((Name) => obj([['Name', Name]]))],
    ['Instances', obj([['InstanceGroups', groups], ['KeepJobFlowAliveWhenNoSteps', false], ['TerminationProtected', false]])],
    ['Configurations', configurations({ sparkKeys: 200, hadoopKeys: 160, errors: 0.03, type: 'r5.12xlarge' })],
    ['ServiceRole', 'EMR_DefaultRole'],
    ['JobFlowRole', 'EMR_EC2_DefaultRole'],
    ['VisibleToAllUsers', true],
  ]);
  return write(cluster) + '\n';
}

function confDocument() {
  const out = ['# spark-defaults.conf generated for the benchmark: 500 keys, a few of them wrong', ''];
  const used = new Set();
  let keys = 0;
  const line = (key, value) => {
    const sep = pick([' '.repeat(Math.max(1, 48 - key.length)), '=', ' = ', ':', '\t']);
    out.push(`${key}${sep}${value}`);
    keys++;
  };
  for (const [key, value] of sizingProperties('r5.12xlarge')) {
    used.add(key);
    line(key, value);
  }
  while (keys < 500) {
    if (chance(0.05)) out.push(`# ${pick(['shuffle', 'memory', 'SQL', 'history server', 'dynamic allocation'])} settings`);
    if (chance(0.01)) out.push('# emr-spark-lint-disable-next-line SPK001 -- read by our own listener');
    const option = pick(spark);
    if (used.has(option.name)) continue;
    used.add(option.name);
    let key = option.name;
    let value = valueFor(option);
    if (chance(0.04)) {
      const mistake = int(0, 4);
      if (mistake === 0) key = typo(key);
      else if (mistake === 1) key = pick(deprecatedSpark);
      else if (mistake === 2) value = option.type === 'bytes' ? '1.5g' : option.type === 'boolean' ? 'yes' : value;
      else if (mistake === 3) key = pick(['yarn.nodemanager.resource.memory-mb', 'hive.exec.parallel', 'executor.memory']);
      else value = value + ' \\\n    ' + value;
    }
    if (option.type === 'javaOptions') value = `${value} \\\n    -XX:+PrintGCDetails`;
    line(key, value);
  }
  // A repeated key: only the last one counts.
  line('spark.executor.cores', '4');
  return out.join('\n') + '\n';
}

/** The generated value as plain data, with CloudFormation's member names in configuration objects. */
function plain(value) {
  if (value instanceof Obj) {
    const isConfiguration = value.entries.some(([k]) => k === 'Classification');
    return Object.fromEntries(value.entries.map(([k, v]) => [isConfiguration && k === 'Properties' ? 'ConfigurationProperties' : k, plain(v)]));
  }
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function cloudFormationDocument() {
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Benchmark template: a Spark cluster, a task group and a step',
    Parameters: { SubnetId: { Type: 'AWS::EC2::Subnet::Id' }, TaskCount: { Type: 'Number', Default: 4 } },
    Resources: {
      Cluster: {
        Type: 'AWS::EMR::Cluster',
        Properties: {
          Name: 'CFN_SUB_NAME',
          ReleaseLabel: 'emr-7.5.0',
          Applications: [{ Name: 'Hadoop' }, { Name: 'Spark' }, { Name: 'Hive' }],
          Instances: {
            Ec2SubnetId: 'CFN_REF_SUBNET',
            MasterInstanceGroup: { InstanceType: 'r5.4xlarge', InstanceCount: 1 },
            CoreInstanceGroup: { InstanceType: 'r5.12xlarge', InstanceCount: 19, Configurations: plain(configurations({ sparkKeys: 120, hadoopKeys: 120, errors: 0.03, type: 'r5.12xlarge' })) },
          },
          Configurations: plain(configurations({ sparkKeys: 500, hadoopKeys: 185, errors: 0.03, type: 'r5.12xlarge' })),
          Steps: [{ Name: 'Load', ActionOnFailure: 'CONTINUE', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', '--deploy-mode', 'cluster', '--executor-memory', '37g', '--conf', 'spark.sql.shuffle.partitions=1700', 's3://example-bucket/jobs/load.py'] } }],
          JobFlowRole: 'EMR_EC2_DefaultRole',
          ServiceRole: 'EMR_DefaultRole',
        },
      },
      TaskGroup: {
        Type: 'AWS::EMR::InstanceGroupConfig',
        Properties: { InstanceRole: 'TASK', InstanceType: 'm5.4xlarge', InstanceCount: 'CFN_REF_TASKS', JobFlowId: 'CFN_REF_CLUSTER' },
      },
    },
  };
  return stringify(template, { lineWidth: 0 })
    .replace("'CFN_SUB_NAME'", '!Sub "${AWS::StackName}-bench"')
    .replace('CFN_SUB_NAME', '!Sub "${AWS::StackName}-bench"')
    .replace('CFN_REF_SUBNET', '!Ref SubnetId')
    .replace('CFN_REF_TASKS', '!Ref TaskCount')
    .replace('CFN_REF_CLUSTER', '!Ref Cluster');
}

mkdirSync(outDir, { recursive: true });
copyFileSync(join(root, 'examples', 'cluster-r5.12xlarge.json'), join(outDir, 'guide-cluster.json'));
const docs = {
  'configurations-2k.json': configurationsDocument(),
  'cluster-20k.json': clusterDocument(),
  'spark-defaults-500.conf': confDocument(),
  'cloudformation-2k.yaml': cloudFormationDocument(),
};
for (const [name, text] of Object.entries(docs)) {
  JSON.parse(name.endsWith('.json') ? text : '{}'); // the JSON documents are valid JSON (mistakes are semantic)
  writeFileSync(join(outDir, name), text);
}
const summary = ['guide-cluster.json', ...Object.keys(docs)].map((name) => {
  const text = readFileSync(join(outDir, name), 'utf8');
  return `${name} ${lines(text)} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
});
console.log(`bench/docs: ${summary.join('; ')}`);
