// Fix edits written in each syntax: the exact text after the edit, and the edited document still reads cleanly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addChildClassification, addClassification, clearProperties, removeArgument, removeClassification, removeEntry, renameKey, setProperties, setValue } from '../../server/src/engine/edits';
import { applyEdits, type TextEdit } from '../../server/src/engine/findings';
import { allClassifications, siblingsOf, type ConfigModel } from '../../server/src/engine/model';
import { readDocument } from '../../server/src/formats';
import { replaceInValue, spanInValue } from '../../server/src/engine/javaOptions';
import { slice } from '../helpers';

const read = (text: string, fileName: string): ConfigModel => readDocument({ text, fileName });

/** Applies the edits and checks that the result still reads without a syntax problem. */
function after(model: ConfigModel, edits: TextEdit | TextEdit[] | undefined, fileName: string): string {
  assert.ok(edits, 'an edit is offered');
  const text = applyEdits(model.text, Array.isArray(edits) ? edits : [edits]);
  assert.deepEqual(read(text, fileName).syntaxProblems, [], `still valid:\n${text}`);
  return text;
}

const entry = (model: ConfigModel, key: string) => {
  for (const c of allClassifications(model)) for (const e of c.properties) if (e.key === key) return { c, e };
  throw new Error(`no ${key}`);
};

const cfn = (body: string) => `Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n${body}`;

describe('YAML writer', () => {
  const base = cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.memory: 36g\n            spark.executor.cores: "5"   # five\n            spark.sql.adaptive.enabled: true\n');

  test('values keep their quoting; a value YAML would read as another type is quoted', () => {
    const model = read(base, 't.yaml');
    assert.equal(after(model, setValue(model, entry(model, 'spark.executor.memory').e, '31g'), 't.yaml'), base.replace('36g', '31g'));
    assert.equal(after(model, setValue(model, entry(model, 'spark.executor.cores').e, '4'), 't.yaml'), base.replace('"5"', '"4"'));
    assert.equal(after(model, setValue(model, entry(model, 'spark.executor.memory').e, 'true'), 't.yaml'), base.replace('36g', '"true"'));
    assert.equal(after(model, setValue(model, entry(model, 'spark.executor.memory').e, 'a: b, c'), 't.yaml'), base.replace('36g', '"a: b, c"'));
    assert.equal(after(model, renameKey(model, entry(model, 'spark.executor.cores').e, 'spark.driver.cores'), 't.yaml'), base.replace('spark.executor.cores', 'spark.driver.cores'));
  });

  test('removing a property takes its line; the last one leaves `key: {}`; in a flow mapping, the comma', () => {
    const model = read(base, 't.yaml');
    const { c, e } = entry(model, 'spark.executor.cores');
    assert.equal(after(model, removeEntry(model, c, e), 't.yaml'), base.replace('            spark.executor.cores: "5"   # five\n', ''));
    const one = read(cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.memory: 36g\n'), 't.yaml');
    const only = entry(one, 'spark.executor.memory');
    assert.equal(after(one, removeEntry(one, only.c, only.e), 't.yaml'), cfn('        - Classification: spark-defaults\n          ConfigurationProperties: {}\n'));
    // A comment after the key stays where it is; the mapping itself becomes {}.
    const commented = read(cfn('        - Classification: spark-defaults\n          ConfigurationProperties:  # sizing\n            spark.executor.memory: 36g\n'), 't.yaml');
    const alone = entry(commented, 'spark.executor.memory');
    assert.equal(after(commented, removeEntry(commented, alone.c, alone.e), 't.yaml'), cfn('        - Classification: spark-defaults\n          ConfigurationProperties:  # sizing\n            {}\n'));
    const flow = read(cfn('        - {Classification: spark-defaults, ConfigurationProperties: {a.b: "1", spark.x: y}}\n'), 't.yaml');
    const first = entry(flow, 'a.b');
    assert.equal(after(flow, removeEntry(flow, first.c, first.e), 't.yaml'), cfn('        - {Classification: spark-defaults, ConfigurationProperties: {spark.x: y}}\n'));
  });

  test('adding properties: after the last one in its column, in a flow mapping, or a new properties member', () => {
    const model = read(base, 't.yaml');
    const { c } = entry(model, 'spark.executor.memory');
    assert.equal(
      after(model, setProperties(model, c, { 'spark.executor.memory': '31g', 'spark.default.parallelism': '400', 'spark.x': 'on' }), 't.yaml'),
      base.replace('36g', '31g').replace('enabled: true\n', 'enabled: true\n            spark.default.parallelism: "400"\n            spark.x: "on"\n'),
    );
    const flow = read(cfn('        - {Classification: spark-defaults, ConfigurationProperties: {spark.x: y}}\n'), 't.yaml');
    assert.equal(after(flow, setProperties(flow, allClassifications(flow)[0], { 'spark.y': '2g' }), 't.yaml'), cfn('        - {Classification: spark-defaults, ConfigurationProperties: {spark.x: y, spark.y: 2g}}\n'));
    const bare = read(cfn('        - Classification: spark-defaults\n        - Classification: yarn-site\n'), 't.yaml');
    assert.equal(
      after(bare, setProperties(bare, allClassifications(bare)[0], { 'spark.y': '2g' }), 't.yaml'),
      cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.y: 2g\n        - Classification: yarn-site\n'),
    );
    const empty = read(cfn('        - Classification: spark-defaults\n          ConfigurationProperties: {}\n'), 't.yaml');
    assert.equal(after(empty, setProperties(empty, allClassifications(empty)[0], { 'spark.y': '2g' }), 't.yaml'), cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.y: 2g\n'));
  });

  test('classifications: added to a block list, into a new Configurations member, removed with their lines', () => {
    const model = read(base, 't.yaml');
    const scope = model.scopes[0];
    assert.equal(
      after(model, addClassification(model, scope, { name: 'yarn-site', properties: { 'yarn.nodemanager.vmem-check-enabled': 'false' } }), 't.yaml'),
      `${base}        - Classification: yarn-site\n          ConfigurationProperties:\n            yarn.nodemanager.vmem-check-enabled: "false"\n`,
    );
    const env = read(cfn('        - Classification: spark-env\n          ConfigurationProperties:\n            JAVA_HOME: /usr/lib/jvm/jre-17\n'), 't.yaml');
    assert.equal(
      after(env, addChildClassification(env, allClassifications(env)[0], { name: 'export', properties: { JAVA_HOME: '/usr/lib/jvm/jre-17' } }), 't.yaml'),
      cfn('        - Classification: spark-env\n          ConfigurationProperties:\n            JAVA_HOME: /usr/lib/jvm/jre-17\n          Configurations:\n            - Classification: export\n              ConfigurationProperties:\n                JAVA_HOME: /usr/lib/jvm/jre-17\n'),
    );
    const two = read(cfn('        - Classification: yarn-site\n          ConfigurationProperties: {a: b}\n        - Classification: spark\n          ConfigurationProperties: {maximizeResourceAllocation: "true"}\n'), 't.yaml');
    const [first] = two.scopes[0].classifications;
    const { siblings, array } = siblingsOf(first);
    assert.equal(after(two, removeClassification(two, siblings, first, array!), 't.yaml'), cfn('        - Classification: spark\n          ConfigurationProperties: {maximizeResourceAllocation: "true"}\n'));
  });

  test('emptying: properties become `key: {}` in block style and {} in flow style; a list emptied of all its items, `key: []`', () => {
    const block = read(cfn('        - Classification: spark-env\n          ConfigurationProperties:\n            PYSPARK_PYTHON: /usr/bin/python3\n            SPARK_DAEMON_MEMORY: 2g\n        - Classification: yarn-site\n'), 't.yaml');
    assert.equal(
      after(block, clearProperties(block, allClassifications(block)[0]), 't.yaml'),
      cfn('        - Classification: spark-env\n          ConfigurationProperties: {}\n        - Classification: yarn-site\n'),
    );
    const flow = read(cfn('        - {Classification: yarn-env, ConfigurationProperties: {YARN_RESOURCEMANAGER_HEAPSIZE: "2000"}}\n'), 't.yaml');
    assert.equal(after(flow, clearProperties(flow, allClassifications(flow)[0]), 't.yaml'), cfn('        - {Classification: yarn-env, ConfigurationProperties: {}}\n'));
    const json = read('[{"Classification": "spark-env", "Properties": {"A": "b"}}]', 'c.json');
    assert.equal(after(json, clearProperties(json, allClassifications(json)[0]), 'c.json'), '[{"Classification": "spark-env", "Properties": {}}]');
    const nested = read(cfn('        - Classification: spark-env\n          Configurations:\n            - Classification: export\n              ConfigurationProperties: {}\n'), 't.yaml');
    const [env] = nested.scopes[0].classifications;
    const [exported] = env.children;
    const { siblings, array } = siblingsOf(exported);
    assert.equal(after(nested, removeClassification(nested, siblings, exported, array!), 't.yaml'), cfn('        - Classification: spark-env\n          Configurations: []\n'));
  });

  test('past a syntax problem: a removed item takes the lines indented under it; a classification added to a list of half-typed items goes after them', () => {
    // `{}:` breaks the mapping, so the parser ends the first item with its Classification line.
    const broken = cfn('        - Classification: spark-defaults\n          {}:\n            spark.executor.cores: "4"\n        - Classification: yarn-site\n          ConfigurationProperties: {}\n');
    const model = read(broken, 't.yaml');
    assert.ok(model.syntaxProblems.length > 0);
    const [first] = model.scopes[0].classifications;
    const { siblings, array } = siblingsOf(first);
    const removed = applyEdits(broken, [removeClassification(model, siblings, first, array!)]);
    assert.equal(removed, cfn('        - Classification: yarn-site\n          ConfigurationProperties: {}\n'));
    const halfTyped = read(cfn('        - Classification: hadoop-env\n          ConfigurationProperties: {A: b}\n          Configurations:\n            - Classi\n'), 't.yaml');
    assert.equal(
      after(halfTyped, addChildClassification(halfTyped, allClassifications(halfTyped)[0], { name: 'export', properties: { A: 'b' } }), 't.yaml'),
      cfn('        - Classification: hadoop-env\n          ConfigurationProperties: {A: b}\n          Configurations:\n            - Classi\n            - Classification: export\n              ConfigurationProperties:\n                A: b\n'),
    );
  });

  test('a value written as a block scalar is replaced whole, and the line after it stays on its own line', () => {
    const text = cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.extraJavaOptions: >-\n              -XX:+UseG1GC\n              -verbose:gc\n            spark.executor.cores: "4"\n');
    const model = read(text, 't.yaml');
    assert.equal(
      after(model, setValue(model, entry(model, 'spark.executor.extraJavaOptions').e, '-verbose:gc'), 't.yaml'),
      cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.extraJavaOptions: -verbose:gc\n            spark.executor.cores: "4"\n'),
    );
  });

  test('inside a folded or literal block scalar, positions map line by line: a flag is located and removed where it is written', () => {
    const text = cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.extraJavaOptions: >-\n              -XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=35\n              -XX:OnOutOfMemoryError=\'kill -9 %p\'\n            spark.driver.extraJavaOptions: |\n              -verbose:gc\n              -XX:+UseG1GC\n');
    const model = read(text, 't.yaml');
    const executor = entry(model, 'spark.executor.extraJavaOptions').e;
    assert.equal(executor.value, "-XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=35 -XX:OnOutOfMemoryError='kill -9 %p'");
    const at = executor.value.indexOf('-XX:OnOutOfMemoryError');
    assert.equal(slice(text, spanInValue(model, executor, at, at + '-XX:OnOutOfMemoryError'.length)), '-XX:OnOutOfMemoryError');
    // The flag at the end of the first line goes with the folded line break after it: the next line moves up.
    const ihop = executor.value.indexOf('-XX:Initiating');
    const end = executor.value.indexOf(' -XX:OnOut') + 1;
    assert.equal(
      after(model, replaceInValue(model, executor, ihop, end, ''), 't.yaml'),
      text.replace("-XX:InitiatingHeapOccupancyPercent=35\n              -XX:OnOut", '-XX:OnOut'),
    );
    const driver = entry(model, 'spark.driver.extraJavaOptions').e;
    assert.equal(driver.value, '-verbose:gc\n-XX:+UseG1GC\n');
    const g1 = driver.value.indexOf('-XX:+UseG1GC');
    assert.equal(slice(text, spanInValue(model, driver, g1, g1 + '-XX:+UseG1GC'.length)), '-XX:+UseG1GC');
  });

  test('spark-submit arguments in a block sequence: a value edited in place, an option removed with its value', () => {
    const text = cfn('        - Classification: spark\n          ConfigurationProperties: {maximizeResourceAllocation: "false"}\n      Steps:\n        - Name: Load\n          HadoopJarStep:\n            Jar: command-runner.jar\n            Args:\n              - spark-submit\n              - --executor-memory\n              - 48g\n              - --conf\n              - spark.sql.shuffle.partitions=64\n              - s3://b/app.py\n');
    const model = read(text, 't.yaml');
    const memory = entry(model, 'spark.executor.memory');
    assert.equal(after(model, setValue(model, memory.e, '31g'), 't.yaml'), text.replace('- 48g', '- 31g'));
    const partitions = entry(model, 'spark.sql.shuffle.partitions');
    assert.equal(after(model, setValue(model, partitions.e, '400'), 't.yaml'), text.replace('partitions=64', 'partitions=400'));
    assert.equal(after(model, removeEntry(model, partitions.c, partitions.e), 't.yaml'), text.replace('              - --conf\n              - spark.sql.shuffle.partitions=64\n', ''));
  });

  test('found by fuzzing: a block mapping whose first key is a flow collection, and an empty Configurations member', () => {
    const odd = read(cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            {}: 3\n            spark.executor.memory: 12g\n'), 't.yaml');
    const c = allClassifications(odd)[0];
    assert.equal(
      applyEdits(odd.text, setProperties(odd, c, { 'spark.executor.memoryOverhead': '2g' })),
      cfn('        - Classification: spark-defaults\n          ConfigurationProperties:\n            {}: 3\n            spark.executor.memory: 12g\n            spark.executor.memoryOverhead: 2g\n'),
    );
    const empty = read(cfn('        - Classification: hadoop-env\n          ConfigurationProperties: {}\n          Configurations:\n  '), 't.yaml');
    assert.equal(
      after(empty, addChildClassification(empty, allClassifications(empty)[0], { name: 'export', properties: { HADOOP_HEAPSIZE: '2048' } }), 't.yaml'),
      cfn('        - Classification: hadoop-env\n          ConfigurationProperties: {}\n          Configurations:\n            - Classification: export\n              ConfigurationProperties:\n                HADOOP_HEAPSIZE: "2048"\n  '),
    );
  });
});

describe('spark-submit arguments in JSON', () => {
  test('in an Args list: the value inside its string, the option and its value removed with their commas', () => {
    const text = '{"Steps": [{"Name": "s", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "--conf", "spark.executor.memory=4g", "--num-executors", "3", "app.jar"]}}]}';
    const model = read(text, 'c.json');
    const memory = entry(model, 'spark.executor.memory');
    assert.equal(after(model, setValue(model, memory.e, '8g'), 'c.json'), text.replace('memory=4g', 'memory=8g'));
    assert.equal(after(model, renameKey(model, memory.e, 'spark.driver.memory'), 'c.json'), text.replace('spark.executor.memory=', 'spark.driver.memory='));
    assert.equal(after(model, removeEntry(model, memory.c, memory.e), 'c.json'), text.replace(', "--conf", "spark.executor.memory=4g"', ''));
    const instances = entry(model, 'spark.executor.instances');
    assert.equal(after(model, removeArgument(model, instances.e.argument!), 'c.json'), text.replace(', "--num-executors", "3"', ''));
  });

  test('in sparkSubmitParameters: edits inside the string keep its escapes; removal takes the blank after the tokens', () => {
    const text = '{"jobDriver": {"sparkSubmit": {"entryPoint": "x", "sparkSubmitParameters": "--conf spark.executor.memory=4g --conf spark.app.name=a\\u0041b"}}}';
    const model = read(text, 'run.json');
    const memory = entry(model, 'spark.executor.memory');
    assert.equal(after(model, setValue(model, memory.e, 'x"y'), 'run.json'), text.replace('memory=4g', 'memory=x\\"y'));
    assert.equal(after(model, removeEntry(model, memory.c, memory.e), 'run.json'), text.replace('--conf spark.executor.memory=4g ', ''));
    const name = entry(model, 'spark.app.name');
    assert.equal(after(model, removeEntry(model, name.c, name.e), 'run.json'), text.replace(' --conf spark.app.name=a\\u0041b', ''));
  });
});
