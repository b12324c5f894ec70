// Files a pre-commit hook or a CI step hands the CLI by extension, but that are not Spark or EMR configurations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/analyze';

test('.conf and .properties files without a spark.* key, YAML that holds no EMR shape and nameless text that is not JSON are skipped', () => {
  const skipped: [string, string][] = [
    ['log4j.properties', 'log4j.rootLogger=INFO, console\nlog4j.appender.console=org.apache.log4j.ConsoleAppender\n'],
    ['nginx.conf', 'worker_processes 1;\nevents { worker_connections 1024; }\n'],
    ['ci.yml', 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n'],
    ['job.yml', 'properties:\n  spark.executor.memory: "4g"\n'],
    ['', 'hello world\n'],
  ];
  for (const [name, text] of skipped) {
    const analysis = analyzeText(text, name);
    assert.deepEqual([analysis.model.recognized, analysis.findings], [false, []], name);
  }
});

test('a Spark name or a spark.* key is enough; an empty spark-defaults.conf is still a Spark file', () => {
  assert.deepEqual(analyzeText('spark.executor.memory 1.5g\n', 'job.properties').findings.map((f) => f.ruleId), ['SPK004']);
  assert.deepEqual(analyzeText('spark.executor.memory 1.5g\n', 'conf/app.conf').findings.map((f) => f.ruleId), ['SPK004']);
  assert.equal(analyzeText('', 'spark-defaults.conf').model.recognized, true);
  assert.deepEqual(analyzeText('executor.memory 4g\n', 'etl.spark.conf').findings.map((f) => f.ruleId), ['SPK006']);
});
