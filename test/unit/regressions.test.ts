// Regressions found by the fuzzer (scripts/fuzz.mjs) and the hostile-input tests: each test is one input that
// crashed the engine, made a fix worsen the file, or took seconds, kept so that it cannot come back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/analysis/analyze';
import { readDocument } from '../../server/src/formats';
import { applyEdits, compareFindings, type Finding } from '../../server/src/engine/findings';
import { omittedFindingsMessage } from '../../server/src/engine/limits';
import { MAX_JSON_DEPTH } from '../../server/src/formats/json/reader';
import { parseDouble } from '../../server/src/engine/units';
import { completions } from '../../server/src/services/completion';
import { repoRoot } from '../helpers';

/** Runs `run`; ms is the lesser of wall and CPU time, so that a busy machine does not make fast work look slow. */
function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, ms: Math.min(performance.now() - started, (used.user + used.system) / 1000) };
}

describe('nesting 10,000 deep (was: RangeError, maximum call stack size exceeded, in the JSON parser)', () => {
  const deep = 10_000;
  const shapes: [string, string][] = [
    ['arrays', '['.repeat(deep) + ']'.repeat(deep)],
    ['objects', '{"a":'.repeat(deep) + '1' + '}'.repeat(deep)],
    ['nested classifications', '[' + '{"Classification":"spark-env","Configurations":['.repeat(deep / 2) + ']}'.repeat(deep / 2) + ']'],
    ['unclosed', '[{"Classification":"spark-env","Configurations":'.repeat(deep / 2)],
    ['inside a cluster', '{"ReleaseLabel":"emr-6.15.0","Configurations":[' + '{"Classification":"hadoop-env","Configurations":['.repeat(deep / 2) + ']}'.repeat(deep / 2) + ']}'],
    ['inside a property value', '[{"Classification":"spark-defaults","Properties":{"spark.executor.memory":' + '['.repeat(deep) + ']'.repeat(deep) + '}}]'],
  ];
  for (const [name, text] of shapes) {
    test(name, () => {
      const analysis = analyzeText(text, 'deep.json');
      assert.deepEqual(analysis.ruleFailures, []);
      const recognized = analysis.model.recognized;
      assert.equal(recognized, /"Classification"|"Configurations"/.test(text));
      if (recognized) {
        assert.deepEqual(analysis.findings.map((f) => f.ruleId), ['EMR001']);
        assert.match(analysis.findings[0].message, new RegExp(`nested more than ${MAX_JSON_DEPTH} levels deep`));
        // The finding points at the bracket that goes one level too deep.
        assert.equal(analysis.findings[0].span.end - analysis.findings[0].span.start, 1);
        assert.match(text[analysis.findings[0].span.start], /[[{]/);
      }
    });
  }

  test(`${MAX_JSON_DEPTH} levels are still read, rules and schema included`, () => {
    const levels = MAX_JSON_DEPTH / 2 - 1; // each classification is an object and a Configurations array
    const text = '[' + '{"Classification":"spark-env","Configurations":['.repeat(levels) + ']}'.repeat(levels) + ']';
    const analysis = analyzeText(text, 'deep.json');
    assert.deepEqual(analysis.ruleFailures, []);
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'EMR001'));
    assert.ok(analysis.model.scopes[0].classifications.length === 1);
  });

  test('brackets inside strings and comments do not count', () => {
    const text = `[{"Classification": "spark-defaults", "Properties": {"spark.app.name": "${'['.repeat(deep)}"}}]`;
    const analysis = analyzeText(text, 'strings.json');
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'EMR001'));
    const commented = `/* ${'{'.repeat(deep)} */ [{"Classification": "spark-defaults", "Properties": {}}]`;
    assert.equal(readDocument({ text: commented, languageId: 'json' }, { allowComments: true }).syntaxProblems.length, 0);
  });
});

describe('fixes in JSON that does not parse (was: a fix after a half-typed member added a dozen syntax errors)', () => {
  // test/fixtures/EMR004/fires.json cut after 118 characters: the last member is an unclosed "spa.
  const truncated = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'EMR004', 'fires.json'), 'utf8').slice(0, 118);

  test('every fix offered applies and leaves no more syntax problems than before', () => {
    for (const options of [{}, { release: 'emr-6.1.0' }, { cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } }]) {
      const analysis = analyzeText(truncated, 'fires.json', options);
      const before = analysis.model.syntaxProblems.length;
      assert.ok(before > 0);
      for (const f of analysis.findings) {
        for (const fix of f.fixes) {
          const after = readDocument({ text: applyEdits(truncated, fix.edits), languageId: 'json' }).syntaxProblems.length;
          assert.ok(after <= before, `${f.ruleId} "${fix.title}": ${after} syntax problems after, ${before} before`);
        }
      }
    }
  });

  test('fixes before the first syntax problem are still offered', () => {
    const text = '[\n  {"Classification": "spark-defaults", "Properties": {"spark.executors.memory": "4g"}},\n  {"Classification": "spark",}\n]\n';
    const analysis = analyzeText(text, 'a.json');
    assert.ok(analysis.findings.some((f) => f.ruleId === 'EMR001'));
    const spk001 = analysis.findings.find((f) => f.ruleId === 'SPK001');
    assert.equal(spk001?.fixes[0]?.title, 'Rename to "spark.executor.memory"');
  });
});

/** These count every finding a rule reports: the per-file cap is lifted. */
const UNCAPPED = { maxFindings: Infinity };

describe('quadratic time on long strings (was: seconds to minutes for one value)', () => {
  test('60,000 syntax errors in one document (each new problem was compared with every earlier one: 21 s for 140,000)', () => {
    const text = '{"ReleaseLabel": "emr-7.13.0", "Configurations": [], "Name": "x" ' + '@ '.repeat(60_000) + '}';
    const { result, ms } = timed(() => analyzeText(text, 'broken.json', UNCAPPED));
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    assert.equal(result.model.syntaxProblems.length, 60_000);
    // Past the first JSON syntax problem the parser only guesses: that one is reported (EMR001 cascades).
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'EMR001').map((f) => f.span), [result.model.syntaxProblems[0].span]);
  });

  test('3,000 garbage collector flags in one extraJavaOptions (every flag re-decoded the whole value)', () => {
    const flags = '-XX:+UseG1GC -XX:+UseParallelGC '.repeat(1500);
    const text = JSON.stringify({ ReleaseLabel: 'emr-6.1.0', Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.extraJavaOptions': flags } }] });
    const { result, ms } = timed(() => analyzeText(text, 'gc.json', UNCAPPED));
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    assert.ok(result.findings.filter((f) => f.ruleId === 'JVM004').length >= 3000);
    for (const f of result.findings.filter((x) => x.ruleId === 'JVM004').slice(0, 5)) {
      assert.match(text.slice(f.span.start, f.span.end), /^-XX:\+Use(G1|Parallel)GC$/);
    }
  });

  test('20,000 repeated keys in one Properties object (each removal fix rebuilt the member list: 9 s)', () => {
    const text = `[{"Classification": "spark-defaults", "Properties": {\n${Array(20_000).fill('"spark.executor.cores": "4"').join(',\n')}\n}}]`;
    const { result, ms } = timed(() => analyzeText(text, 'keys.json', UNCAPPED));
    assert.ok(ms < 4000, `${ms.toFixed(0)} ms`);
    assert.equal(result.findings.filter((f) => f.ruleId === 'EMR006').length, 19_999);
  });

  test('20,000 repeated classifications (each looked for its first twin from the top: 12 s)', () => {
    const text = `[${Array(20_000).fill('{"Classification": "spark-defaults", "Properties": {"spark.executor.cores": "4"}}').join(',\n')}]`;
    const { result, ms } = timed(() => analyzeText(text, 'classifications.json', UNCAPPED));
    assert.ok(ms < 4000, `${ms.toFixed(0)} ms`);
    assert.equal(result.findings.filter((f) => f.ruleId === 'EMR009').length, 19_999);
  });

  test('30,000 suppression comments (each finding was checked against every directive: 20 s for 40,000)', () => {
    const text = '# emr-spark-lint-disable-next-line EMR006 -- generated\nspark.executor.cores 4\n'.repeat(30_000);
    const { result, ms } = timed(() => analyzeText(text, 'spark-defaults.conf'));
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    assert.equal(result.model.comments.length, 30_000);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'EMR006'), []);
  });

  test('a 100,000-digit number that is not one (parseDouble backtracked over two digit runs)', () => {
    const { result, ms } = timed(() => parseDouble('9'.repeat(100_000) + 'x'));
    assert.equal(result.ok, false);
    assert.ok(ms < 100, `${ms.toFixed(0)} ms`);
    for (const [raw, ok] of [['1', true], ['1.', true], ['1.5', true], ['.5', true], ['1.5e3', true], ['2d', true], ['-1.5F', true], ['.', false], ['1..5', false], ['e3', false]] as const) {
      assert.equal(parseDouble(raw).ok, ok, raw);
    }
  });

  test('a JAVA_HOME of 100,000 slashes and a letter (trailing-slash trim backtracked)', () => {
    const text = JSON.stringify({
      ReleaseLabel: 'emr-7.0.0',
      Configurations: [
        { Classification: 'spark-env', Configurations: [{ Classification: 'export', Properties: { JAVA_HOME: '/'.repeat(100_000) + 'x' } }] },
        { Classification: 'hadoop-env', Configurations: [{ Classification: 'export', Properties: { JAVA_HOME: '/usr/lib/jvm/jre-17/' } }] },
      ],
    });
    const { ms } = timed(() => analyzeText(text, 'java.json'));
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  test('completion after a key and 100,000 blanks (the separator pattern backtracked)', () => {
    const text = `spark.executor.memory${' \t'.repeat(50_000)}4 g`;
    const model = readDocument({ text, languageId: 'spark-properties' });
    const { result, ms } = timed(() => completions(model, text.length));
    assert.deepEqual(result, []);
    assert.ok(ms < 100, `${ms.toFixed(0)} ms`);
    // The separators it reads are unchanged: blanks, = or :, with blanks around.
    for (const line of ['spark.submit.deployMode clu', 'spark.submit.deployMode=clu', 'spark.submit.deployMode : clu', 'spark.submit.deployMode\t=\tclu']) {
      const m = readDocument({ text: line, languageId: 'spark-properties' });
      const items = completions(m, line.length);
      assert.ok(items.some((i) => i.label === 'cluster'), line);
    }
  });
});

describe('a configuration object with members under other names is not empty', () => {
  test('CloudFormation with the API spelling Properties: one EMR002 with the rename, no EMR010 offering to delete the block', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          Properties:\n            spark.executor.memory: 4g\n';
    const findings = analyzeText(text, 'template.yaml').findings.map((f) => `${f.ruleId} ${f.message} [${f.fixes.map((x) => x.title).join('; ')}]`);
    assert.deepEqual(findings, ['EMR002 Unknown property "Properties" in an entry of Configurations: CloudFormation rejects the template. Did you mean "ConfigurationProperties"? [Rename to "ConfigurationProperties"]']);
  });

  test('a member whose key is a collection counts as a member; past a YAML syntax problem, no fix rewrites lines', () => {
    const text = 'Resources:\n  C:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Configurations:\n        - Classification: spark-defaults\n          {}:\n            spark.executor.cores: 3\n';
    const analysis = analyzeText(text, 'template.yaml');
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'EMR010'), []);
    for (const f of analysis.findings) for (const fix of f.fixes) for (const e of fix.edits) assert.ok(!/[\r\n]/.test(text.slice(e.span.start, e.span.end)), `${f.ruleId}: ${fix.title}`);
  });

  test('a required member present under another spelling is one problem, not two', () => {
    const findings = analyzeText('[{"classification": "spark", "Properties": {"maximizeResourceAllocation": "true"}}]', 'c.json').findings.filter((f) => f.ruleId === 'EMR002');
    assert.deepEqual(findings.map((f) => f.message), ['Unknown property "classification" in an array entry: EMR rejects the request. Did you mean "Classification"?']);
  });
});

test('a password given with --conf in sparkSubmitParameters is reported once, without its value', () => {
  const text = '{"applicationId":"a","jobDriver":{"sparkSubmit":{"entryPoint":"x","sparkSubmitParameters":"--conf spark.hadoop.javax.jdo.option.ConnectionPassword=hunter2secret --conf spark.executor.cores=4"}}}';
  const secrets = analyzeText(text, 'run.json').findings.filter((f) => f.ruleId === 'SEC001');
  assert.equal(secrets.length, 1);
  assert.ok(!secrets[0].message.includes('hunter2secret'));
});

describe('nothing in an analysis depends on the locale (was: localeCompare and toLocaleString, which made the server load ICU data, about 5 MiB resident)', () => {
  const finding = (ruleId: string, message: string): Finding => ({ ruleId, rule: ruleId, severity: 'warning', message, span: { start: 3, end: 9 }, path: [], fixes: [], related: [] });

  test('findings on the same place are ordered by the code units of rule and message', () => {
    const sorted = [finding('SPK001', 'about x'), finding('SPK001', 'Before x'), finding('EMR002', 'zed')].sort(compareFindings);
    assert.deepEqual(sorted.map((f) => `${f.ruleId} ${f.message}`), ['EMR002 zed', 'SPK001 Before x', 'SPK001 about x']);
  });

  test('the count of findings left out is grouped in thousands as before', () => {
    assert.equal(omittedFindingsMessage(12345), '12,345 more findings are not shown: at most 1,000 are reported per file, the most severe first.');
    assert.equal(omittedFindingsMessage(1), '1 more finding is not shown: at most 1,000 are reported per file, the most severe first.');
  });
});
