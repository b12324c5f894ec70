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

test('JSON output has version 1, 1-based ranges, model paths and fixes with edits', () => {
  const file = scratchFile('b.json', '[{"Classification": "spark-defaults", "Properties": {"spark.executors.memory": "4g"}}]');
  const { code, out } = run(['check', '--format', 'json', file]);
  assert.equal(code, 0);
  const report = JSON.parse(out);
  assert.deepEqual(report, {
    version: 1,
    files: [
      {
        path: file,
        format: 'emr-json',
        recognized: true,
        findings: [
          {
            ruleId: 'SPK001',
            rule: 'unknown-spark-key',
            severity: 'warning',
            message: 'Unknown Spark property "spark.executors.memory": Spark ignores it. Did you mean "spark.executor.memory"?',
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
    [['check', '--instance-count', '0', binary], 'emr-spark-lint: --instance-count must be a whole number of at least 1, not "0" (see --help)\n'],
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

test('JSON that is not an EMR configuration is skipped with a note and exit 0', () => {
  const file = scratchFile('package.json', '{"name": "x"}');
  const { code, out } = run(['check', file]);
  assert.equal(code, 0);
  assert.match(out, /package\.json: not an EMR configuration/);
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
