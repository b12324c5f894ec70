// Editor features as pure services on the model, tested in-process: a document with a cursor marker (|) in,
// the offered items and the text after accepting one out.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/engine/findings';
import { readDocument } from '../../server/src/formats';
import { codeActions } from '../../server/src/services/codeActions';
import { completions, type CompletionEntry } from '../../server/src/services/completion';
import { hoverMarkdown } from '../../server/src/services/hover';

/** The document without its marker, and the marker's offset. */
function marked(withCursor: string): { text: string; offset: number } {
  const offset = withCursor.indexOf('|');
  assert.ok(offset >= 0, 'the document has a cursor marker');
  return { text: withCursor.slice(0, offset) + withCursor.slice(offset + 1), offset };
}

function complete(withCursor: string, fileName: string): { text: string; items: CompletionEntry[] } {
  const { text, offset } = marked(withCursor);
  return { text, items: completions(readDocument({ text, fileName }), offset) };
}

function accept(text: string, items: CompletionEntry[], label: string): string {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `${label} is offered`);
  return applyEdits(text, [{ span: item.edit.span, newText: item.edit.newText }]);
}

describe('completion', () => {
  test('JSON: a Spark key being typed inside Properties is replaced whole, quotes included', () => {
    const { text, items } = complete('[{"Classification": "spark-defaults", "Properties": {"spark.exec|": "4g"}}]', 'c.json');
    assert.equal(accept(text, items, 'spark.executor.memory'), '[{"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "4g"}}]');
    assert.ok(items.every((i) => i.kind === 'property'));
  });

  test('JSON with lowercase names (EMR on EKS): values of a boolean key', () => {
    const { text, items } = complete('{"applicationConfiguration": [{"classification": "spark-defaults", "properties": {"spark.sql.adaptive.enabled": "|"}}]}', 'run.json');
    assert.deepEqual(items.map((i) => i.label), ['true', 'false']);
    assert.equal(accept(text, items, 'false'), '{"applicationConfiguration": [{"classification": "spark-defaults", "properties": {"spark.sql.adaptive.enabled": "false"}}]}');
  });

  test('YAML: a key half-typed under ConfigurationProperties, and a key on a new blank line', () => {
    const head = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n';
    const typed = complete(`${head}            spark.executor.cores: 4\n            spark.exec|\n`, 't.yaml');
    assert.equal(accept(typed.text, typed.items, 'spark.executor.memory'), `${head}            spark.executor.cores: 4\n            spark.executor.memory\n`);
    const first = complete(`${head}            spark.dri|\n`, 't.yaml');
    assert.equal(accept(first.text, first.items, 'spark.driver.memory'), `${head}            spark.driver.memory\n`);
    const blank = complete(`${head}            spark.executor.cores: 4\n            |\n`, 't.yaml');
    assert.ok(blank.items.some((i) => i.label === 'spark.executor.memory' && i.kind === 'property'));
  });

  test('YAML: values are written as YAML scalars; classification names and the release label', () => {
    const head = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n';
    const value = complete(`${head}      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.sql.adaptive.enabled: |\n`, 't.yaml');
    assert.equal(accept(value.text, value.items, 'true'), `${head}      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.sql.adaptive.enabled: "true"\n`);
    const name = complete(`${head}      Configurations:\n        - Classification: yarn-s|\n`, 't.yaml');
    assert.equal(accept(name.text, name.items, 'yarn-site'), `${head}      Configurations:\n        - Classification: yarn-site\n`);
    const release = complete(`${head}      ReleaseLabel: emr-7|\n      Configurations: []\n`, 't.yaml');
    assert.equal(release.items[0].kind, 'release');
  });

  test('YAML: a new member of a configuration object offers whole classifications in CloudFormation spelling', () => {
    const head = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark\n          ConfigurationProperties: {maximizeResourceAllocation: "false"}\n';
    const { items } = complete(`${head}        - Classification: yarn-site\n          |\n`, 't.yaml');
    const skeleton = items.find((i) => i.label === 'spark-defaults');
    assert.equal(skeleton?.kind, 'skeleton');
    assert.equal(skeleton?.edit.newText, 'Classification: spark-defaults\nConfigurationProperties:\n\t$0');
  });

  test('properties file: keys at the start of a line, values after the separator', () => {
    const key = complete('spark.executor.memory 4g\nspark.dyn|', 'spark-defaults.conf');
    assert.equal(accept(key.text, key.items, 'spark.dynamicAllocation.enabled'), 'spark.executor.memory 4g\nspark.dynamicAllocation.enabled');
    const value = complete('spark.shuffle.service.enabled |', 'spark-defaults.conf');
    assert.deepEqual(value.items.map((i) => i.label), ['true', 'false']);
  });
});

test('a suppression comment in YAML exempts the findings of the next line, and only them', () => {
  const head = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n';
  const text = `${head}            # emr-spark-lint-disable-next-line SPK001 -- a typo kept on purpose\n            spark.driver.memroy: 2g\n            spark.executors.memory: 8g\n`;
  const unknown = analyzeText(text, 't.yaml').findings.filter((f) => f.ruleId === 'SPK001').map((f) => text.slice(f.span.start, f.span.end));
  assert.deepEqual(unknown, ['spark.executors.memory']);
});

describe('hover and code actions', () => {
  test('hover on a Spark key in a CloudFormation template and in spark-submit arguments', () => {
    const { text, offset } = marked('Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executor.mem|ory: 8g\n');
    assert.match(hoverMarkdown(analyzeText(text, 't.yaml'), offset) ?? '', /spark\.executor\.memory/);
    const step = marked('{"Steps": [{"Name": "s", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "--conf", "spark.sql.shuffle.parti|tions=64", "a.jar"]}}]}');
    assert.match(hoverMarkdown(analyzeText(step.text, 'c.json'), step.offset) ?? '', /spark\.sql\.shuffle\.partitions/);
  });

  test('hover says which source an application gets a setting from: spark-submit arguments over spark-defaults', () => {
    const withCursor = (at: string) =>
      JSON.stringify({
        Configurations: [{ Classification: 'spark-defaults', Properties: { [at === 'defaults' ? 'spark.executor.mem|ory' : 'spark.executor.memory']: '36g' } }],
        Steps: [{ Name: 'Load', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', at === 'step' ? '--executor-mem|ory' : '--executor-memory', '48g', 'app.py'] } }],
      }, null, 2);
    const defaults = marked(withCursor('defaults'));
    assert.match(hoverMarkdown(analyzeText(defaults.text, 'c.json'), defaults.offset) ?? '', /Overridden by the spark-submit arguments of step "Load" \(`--executor-memory`, line 17\) for the applications they start\./);
    const step = marked(withCursor('step'));
    assert.match(hoverMarkdown(analyzeText(step.text, 'c.json'), step.offset) ?? '', /Given by `--executor-memory` on the spark-submit command line of step "Load", which takes precedence over spark-defaults for that application\. It overrides the spark-defaults setting on line 6\./);
  });

  test('the quick fix of a finding, asked by rule ID and span, edits the YAML in place', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          ConfigurationProperties:\n            spark.executors.memory: 8g\n';
    const analysis = analyzeText(text, 't.yaml');
    const finding = analysis.findings.find((f) => f.ruleId === 'SPK001');
    assert.ok(finding);
    const [action] = codeActions(analysis, [{ ruleId: 'SPK001', span: finding.span }], finding.span);
    assert.equal(applyEdits(text, action.edits), text.replace('spark.executors.memory', 'spark.executor.memory'));
  });
});
