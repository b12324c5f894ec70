// What the Spark-knowledge rules say on real cases the tables decide: values as Spark parses them, renames only
// when safe, deprecations in Spark's words, EMR's own keys, templates, one finding per root cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/analyze';
import type { Finding } from '../../server/src/engine/findings';
import { rangeLabel } from '../helpers';

function lint(text: string, release?: string, fileName = 'spark-defaults.conf'): Finding[] {
  return analyzeText(text, fileName, { release }).findings;
}

const of = (findings: Finding[], ...ids: string[]) => findings.filter((f) => ids.includes(f.ruleId));
const brief = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`);

test('values as Spark parses them: signed sizes, folded codec and rebase names, longs, allowed sets on ints', () => {
  const ok = [
    'spark.sql.autoBroadcastJoinThreshold -1',
    'spark.io.compression.codec ZSTD',
    'spark.io.compression.codec org.example.MyCodec',
    'spark.sql.parquet.compression.codec ZSTD',
    'spark.sql.files.maxRecordsPerFile 5000000000',
    'spark.io.encryption.keySizeBits 256',
    'spark.sql.parquet.datetimeRebaseModeInRead corrected',
    'spark.sql.legacy.parquet.int96RebaseModeInWrite legacy',
    'spark.sql.adaptive.logLevel Debug',
    'spark.network.timeout -1',
  ].join('\n');
  assert.deepEqual(brief(of(lint(ok, 'emr-6.10.0'), 'SPK003', 'SPK004')), []);
  const bad = lint('spark.io.encryption.keySizeBits 100\nspark.sql.files.maxRecordsPerFile 9223372036854775808\nspark.io.compression.codec zstdd\n', 'emr-6.10.0');
  assert.deepEqual(brief(of(bad, 'SPK003')), [
    'SPK003 error The value "100" of "spark.io.encryption.keySizeBits" is not one of 128, 192, 256; Spark 3.3.1 on emr-6.10.0 rejects it.',
    'SPK003 error The value "9223372036854775808" of "spark.sql.files.maxRecordsPerFile" is larger than a Java long can hold; Spark 3.3.1 on emr-6.10.0 rejects it.',
    'SPK003 error The value "zstdd" of "spark.io.compression.codec" is not one of lz4, lzf, snappy, zstd (in any case) or a fully qualified class name; Spark 3.3.1 on emr-6.10.0 rejects it.',
  ]);
});

test('a type is the version\'s: spark.sql.autoBroadcastJoinThreshold is a long in Spark 2.4 and a size from Spark 3.0', () => {
  assert.deepEqual(brief(of(lint('spark.sql.autoBroadcastJoinThreshold 10m\n', 'emr-6.10.0'), 'SPK003')), []);
  assert.deepEqual(brief(of(lint('spark.sql.autoBroadcastJoinThreshold 10m\n', 'emr-5.27.0'), 'SPK003')), [
    'SPK003 error The value "10m" of "spark.sql.autoBroadcastJoinThreshold" is not a whole number; Spark 2.4.4 on emr-5.27.0 rejects it.',
  ]);
  // Spark 3.0.1 lies between the 2.4.4 and 3.3.1 tables: a value either accepts is accepted.
  assert.deepEqual(brief(of(lint('spark.sql.autoBroadcastJoinThreshold 10m\n', 'emr-6.2.0'), 'SPK003')), []);
});

test('renames are offered only to a key of the release that takes the value, and never for a real key', () => {
  const findings = of(lint('spark.ui.memoryFraction 0.1\nspark.master.port 7077\nspark.executor.uri s3://b/spark.tgz\nspark.connect.grpc.binding.host 0.0.0.0\nspark.executor.memroy 4g\n'), 'SPK001');
  assert.deepEqual(
    findings.map((f) => [/"(spark[^"]+)"/.exec(f.message)![1], f.severity, f.fixes.map((x) => `${x.title}${x.preferred ? ' (preferred)' : ''}`)]),
    [
      ['spark.ui.memoryFraction', 'info', []],
      ['spark.master.port', 'info', []],
      ['spark.connect.grpc.binding.host', 'info', []],
      ['spark.executor.memroy', 'warning', ['Rename to "spark.executor.memory" (preferred)']],
    ],
  );
  // A rename whose target would not take the value is not offered: a port is a number.
  assert.deepEqual(of(lint('spark.driver.prot 0.0.0.0\n'), 'SPK001').map((f) => f.fixes.length), [0]);
});

test('deprecations in Spark\'s words: forwarded, still defined, both set, warning only, removed SQL settings', () => {
  const findings = of(
    lint(
      [
        'spark.yarn.user.classpath.first true',
        'spark.yarn.executor.memoryOverhead 1g',
        'spark.executor.memoryOverhead 2g',
        'spark.sql.hive.verifyPartitionPath true',
        'spark.files.ignoreMissingFiles true',
        'spark.shuffle.spill false',
        'spark.sql.ansi.strictIndexOperator true',
        'spark.sql.parquet.int64AsTimestampMillis true',
      ].join('\n'),
      'emr-7.0.0',
    ),
    'SPK002',
  );
  assert.deepEqual(brief(findings), [
    'SPK002 info "spark.yarn.user.classpath.first" is deprecated since Spark 1.3, but Spark 3.5.0 on emr-7.0.0 still reads it. Spark points to "spark.{driver,executor}.userClassPathFirst" instead, which is a setting of its own.',
    'SPK002 warning "spark.yarn.executor.memoryOverhead" is an old name of "spark.executor.memoryOverhead" (deprecated since Spark 2.3), and "spark.executor.memoryOverhead" is set as well: Spark 3.5.0 on emr-7.0.0 uses "spark.executor.memoryOverhead" and ignores this one. Remove it.',
    'SPK002 info "spark.sql.hive.verifyPartitionPath" is deprecated since Spark 3.0, but Spark 3.5.0 on emr-7.0.0 still reads it. Spark points to "spark.files.ignoreMissingFiles" instead, which is a setting of its own.',
    'SPK002 warning "spark.shuffle.spill" has no effect: it was deprecated in Spark 1.6, and Spark 3.5.0 on emr-7.0.0 only logs a warning about it. Remove it.',
    'SPK002 info "spark.sql.ansi.strictIndexOperator" was removed in Spark 3.4.0; Spark 3.5.0 on emr-7.0.0 accepts it only because it is set to its old default ("true"), and it does nothing. Remove it.',
    'SPK002 error "spark.sql.parquet.int64AsTimestampMillis" was removed in Spark 3.0.0, and Spark 3.5.0 on emr-7.0.0 refuses any value but its old default "false": the SQL session fails to start with "true". Remove it.',
  ]);
});

test('keys EMR\'s build reads are known on EMR releases, and EMR Runtime for Spark keys from the release that has them', () => {
  const emrDefaults = 'spark.sql.emr.internal.extensions com.amazonaws.emr.spark.EmrSparkSessionExtensions\nspark.sql.parquet.fs.optimized.committer.optimization-enabled true\nspark.emr.default.executor.memory 4269M\nspark.executorEnv.JAVA_HOME /usr/lib/jvm/jre-17\nspark.yarn.appMasterEnv.JAVA_HOME /usr/lib/jvm/jre-17\n';
  for (const release of [undefined, 'emr-5.36.0', 'emr-6.15.0', 'emr-7.13.0']) assert.deepEqual(brief(of(lint(emrDefaults, release), 'SPK001', 'SPK006')), [], release);
  assert.deepEqual(brief(of(lint('spark.sql.adaptive.coalescePartitions.enabled true\n', 'emr-5.30.0'), 'SPK001')), []);
  assert.deepEqual(brief(of(lint('spark.sql.adaptive.coalescePartitions.enabled true\n', 'emr-5.29.0'), 'SPK001')), [
    'SPK001 warning "spark.sql.adaptive.coalescePartitions.enabled" is not a property of Spark 2.4.4 on emr-5.29.0: Spark 3.0.0 added it, so this Spark ignores it.',
  ]);
});

test('a namespace Spark does not own is at most info and never "Spark ignores it"; vendor namespaces stay quiet', () => {
  const findings = lint('spark.otel.service.name svc\nspark.rapids.sql.enabled true\nspark.databricks.delta.retentionDurationCheck.enabled false\nspark.sql.catalog.lake.warehouse s3://b/w\n');
  assert.deepEqual(brief(of(findings, 'SPK001')), [
    'SPK001 info "spark.otel.service.name" is not a Spark property, and neither Spark 3.5.6 on emr-7.13.0 (assumed: the file names no release) nor any other Spark from 2.4.4 on has a setting under "spark.otel.": it does something only if a plugin or your own code reads it.',
  ]);
});

test('template lines and placeholders are left alone by key and value checks', () => {
  const jinja = '{#\n Licensed to you\n under a license\n#}\n{% if gpu %}\nspark.master k8s://{{ api_server }}\nspark.executor.memory {{ executor_memory }}\nspark.executor.cores @CORES@\n{% endif %}\n';
  assert.deepEqual(brief(lint(jinja)), []);
  const json = JSON.stringify([{ Classification: 'spark-defaults', Properties: { 'spark.executor.memory': '{{ mem }}', 'spark.driver.cores': '${DRIVER_CORES}' } }]);
  assert.deepEqual(brief(of(lint(json, undefined, 'c.json'), 'SPK003', 'SPK004', 'SPK001')), []);
});

test('one root cause, one finding: a stray quote, and a misspelled key set twice', () => {
  const stray = '[\n  {\n    "Classification": "spark-defaults",\n    "Properties": {\n      "spark.executor.memory": "4g"",\n      "spark.driver.memory": 2g",\n      "spark.executor.cores": "4"\n    }\n  }\n]\n';
  assert.deepEqual(lint(stray, undefined, 'c.json').map((f) => `${f.ruleId} ${rangeLabel(stray, f.span)} ${f.message}`), ['EMR001 5:36-5:38 This string is not closed.']);
  const twice = lint('spark.executor.memroy 4g\nspark.executor.memroy 8g\n');
  assert.deepEqual(twice.map((f) => `${f.ruleId} line ${f.span.start === 0 ? 1 : 2}`), ['EMR006 line 1', 'SPK001 line 2']);
});

test('EMR004 holds spark-log4j to emr-6.7.x and spark-log4j2 to emr-6.8.0 on', () => {
  const file = (release: string, name: string) => JSON.stringify({ ReleaseLabel: release, Configurations: [{ Classification: name, Properties: { 'rootLogger.level': 'warn' } }] });
  const emr004 = (release: string, name: string) => brief(of(lint(file(release, name), undefined, 'c.json'), 'EMR004'));
  assert.deepEqual(emr004('emr-6.7.0', 'spark-log4j'), []);
  assert.deepEqual(emr004('emr-6.8.0', 'spark-log4j2'), []);
  assert.deepEqual(emr004('emr-6.8.0', 'spark-log4j'), [
    'EMR004 warning Classification "spark-log4j" is not offered by emr-6.8.0 (Spark does not ship it there); EMR rejects the request. EMR\'s release pages list it up to emr-6.7.0. emr-6.8.0 configures this through "spark-log4j2" instead, which takes the newer logging library\'s own syntax.',
  ]);
  assert.deepEqual(emr004('emr-6.7.0', 'spark-log4j2'), [
    'EMR004 warning Classification "spark-log4j2" is not offered by emr-6.7.0 (Spark does not ship it there); EMR rejects the request. EMR\'s release pages list it from emr-6.8.0.',
  ]);
});
