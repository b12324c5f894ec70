// The npm package as users get it: packed from a fresh clone, installed offline into an empty folder, then run as
// `npx emr-spark-lint`, as the pre-commit hook (.pre-commit-hooks.yaml) and as the GitHub Action (action.yml).
// One pack and one install serve all three.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../helpers';

const work = mkdtempSync(path.join(tmpdir(), 'emr-spark-package-'));
const consumer = path.join(work, 'consumer');
const installedBin = path.join(consumer, 'node_modules', '.bin');
const MB = 1_000_000;

/** The environment of a shell outside this npm run (npm passes npm_* variables to the scripts it starts). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv(), ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}
let packed: Packed;

before(() => {
  // A fresh clone: the files git checks out (and new ones not ignored yet), beside this checkout's node_modules.
  const clone = path.join(work, 'clone');
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot });
  assert.equal(listed.status, 0, listed.stderr);
  for (const file of listed.stdout.split('\0').filter((f) => f && existsSync(path.join(repoRoot, f)))) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    copyFileSync(path.join(repoRoot, file), path.join(clone, file));
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  assert.equal(existsSync(path.join(clone, 'dist')), false, 'a fresh clone has no build');

  // As pre-commit runs it: it takes stdout for the tarball's name (the prepack build must not print there).
  const pack = run('npm', ['pack', '--pack-destination', work], { cwd: clone });
  assert.equal(pack.status, 0, pack.stderr);
  assert.equal(pack.stdout, 'emr-spark-config-0.1.0.tgz\n');
  const tarball = path.join(work, 'emr-spark-config-0.1.0.tgz');
  const unpacked = path.join(work, 'unpacked');
  mkdirSync(unpacked);
  assert.equal(run('tar', ['-xzf', tarball, '-C', unpacked]).status, 0);
  const files = readdirSync(unpacked, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath ?? entry.path, entry.name);
      return { path: path.relative(path.join(unpacked, 'package'), full).split(path.sep).join('/'), size: statSync(full).size };
    });
  packed = { filename: path.basename(tarball), size: statSync(tarball).size, unpackedSize: files.reduce((sum, f) => sum + f.size, 0), files };

  // An empty folder, no network: the package must bring all it needs.
  mkdirSync(consumer);
  const install = run('npm', ['install', '--offline', path.join(work, packed.filename)], { cwd: consumer });
  assert.equal(install.status, 0, install.stderr);
});

after(() => rmSync(work, { recursive: true, force: true }));

describe('npm package', () => {
  test('holds only the two commands, their shared chunks, the schemas, README, LICENSE and the manifest, under 2 MB', () => {
    const paths = packed.files.map((f) => f.path).sort();
    const chunks = paths.filter((p) => p.startsWith('dist/npm/chunks/'));
    assert.deepEqual(
      paths.filter((p) => !chunks.includes(p)),
      ['LICENSE', 'README.md', 'dist/npm/emr-spark-language-server.mjs', 'dist/npm/emr-spark-lint.mjs', 'package.json', 'schemas/emr-cluster.schema.json', 'schemas/emr-configurations.schema.json'],
    );
    assert.ok(chunks.length >= 2 && chunks.every((p) => /^dist\/npm\/chunks\/[\w-]+\.mjs$/.test(p)), chunks.join(', '));
    assert.ok(packed.size < 2 * MB, `tarball ${packed.size} bytes`);
    assert.ok(packed.unpackedSize < 2 * MB, `unpacked ${packed.unpackedSize} bytes`);
  });

  test('has no runtime dependency: the install is this one package, offline', () => {
    const manifest = JSON.parse(readFileSync(path.join(consumer, 'node_modules', 'emr-spark-config', 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) assert.equal(manifest[field], undefined, field);
    assert.deepEqual(readdirSync(path.join(consumer, 'node_modules')).filter((name) => !name.startsWith('.')), ['emr-spark-config']);
    assert.deepEqual(readdirSync(installedBin).sort(), ['emr-spark-language-server', 'emr-spark-lint']);
  });

  test('npx emr-spark-lint check on the examples gives what the repository build gives, byte for byte', () => {
    const examples = ['cluster-r5.12xlarge.json', 'configurations.json', 'spark-defaults.conf'].map((name) => path.join(repoRoot, 'examples', name));
    for (const format of ['text', 'json', 'sarif']) {
      const args = ['check', '--format', format, '--instance-type', 'm5.xlarge', '--instance-count', '3', ...examples];
      const installed = run('npx', ['--no', '--', 'emr-spark-lint', ...args], { cwd: consumer, env: cleanEnv({ npm_config_offline: 'true' }) });
      const repository = run(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: consumer });
      assert.equal(installed.stderr, '', format);
      assert.deepEqual([installed.status, installed.stdout], [repository.status, repository.stdout], format);
      assert.equal(installed.status, 1);
    }
    assert.equal(run('npx', ['--no', '--', 'emr-spark-lint', '--version'], { cwd: consumer }).stdout, '0.1.0\n');
  });

  test('emr-spark-language-server --stdio answers initialize with its capabilities', async () => {
    const server = spawn(path.join(installedBin, 'emr-spark-language-server'), ['--stdio'], { stdio: 'pipe' });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let received = '';
    const answer = await new Promise<{ result: { capabilities: Record<string, unknown> } }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer: ${received}`)), 10_000);
      server.stdout.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        const start = received.indexOf('\r\n\r\n');
        const length = Number(/Content-Length: (\d+)/.exec(received)?.[1]);
        if (start >= 0 && Buffer.byteLength(received.slice(start + 4)) >= length) {
          clearTimeout(timer);
          resolve(JSON.parse(received.slice(start + 4)));
        }
      });
    });
    server.kill();
    assert.ok(answer.result.capabilities.codeActionProvider);
    assert.ok(answer.result.capabilities.completionProvider);
  });
});

/** A git repository with configurations among other files, as a user's project. */
function makeProject(name: string): string {
  const dir = path.join(work, name);
  const files: Record<string, string> = {
    'emr/cluster.json': readFileSync(path.join(repoRoot, 'examples', 'cluster-r5.12xlarge.json'), 'utf8'),
    'conf/spark-defaults.conf': 'spark.executor.memory 4g\nspark.kryoserializer.buffer.max 1.5g\n',
    'conf/log4j.properties': 'log4j.rootLogger=INFO, console\n',
    'package.json': '{ "name": "etl", "version": "1.0.0" }\n',
    '.github/workflows/ci.yml': 'name: ci\non: push\njobs: {}\n',
    'nginx.conf': 'worker_processes 1;\n',
    'README.md': '# etl\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  for (const args of [['init', '-q'], ['add', '-A']]) assert.equal(run('git', args, { cwd: dir }).status, 0);
  return dir;
}

describe('pre-commit hook', () => {
  interface Hook {
    id: string;
    entry: string;
    language: string;
    files: string;
    exclude?: string;
    types?: string[];
    args?: string[];
  }
  const hooks = parseYaml(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'emr-spark-lint')!;

  /** What pre-commit does: the staged files that match `files` and not `exclude`, after the entry and its args. */
  function runHook(project: string) {
    const staged = run('git', ['diff', '--staged', '--name-only', '--no-ext-diff', '-z', '--diff-filter=ACMRTUXB'], { cwd: project });
    const files = staged.stdout
      .split('\0')
      .filter((f) => f && new RegExp(hook.files).test(f) && !(hook.exclude && new RegExp(hook.exclude).test(f)));
    const [command, ...entryArgs] = hook.entry.split(' ');
    const result = run(command, [...entryArgs, ...(hook.args ?? []), ...files], { cwd: project, env: cleanEnv({ PATH: `${installedBin}${path.delimiter}${process.env.PATH}` }) });
    return { ...result, files };
  }

  test('the hook is a node hook whose entry is the installed command, with patterns for every format', () => {
    assert.deepEqual([hook.language, hook.entry, hook.types], ['node', 'emr-spark-lint check --skip-unrecognized', ['file']]);
    assert.doesNotMatch(hook.entry, /["'\\]/, 'the entry is split on spaces here; pre-commit uses shlex');
    for (const name of ['a.json', 'b.jsonc', 'c.yaml', 'd.yml', 'spark-defaults.conf', 'e.spark.conf', 'f.properties']) assert.match(name, new RegExp(hook.files), name);
    for (const name of ['README.md', 'main.py', 'conf.d/x.txt']) assert.doesNotMatch(name, new RegExp(hook.files), name);
  });

  test('a staged error blocks the commit (exit 1); files that are not configurations are skipped without findings', () => {
    const project = makeProject('hook-project');
    const result = runHook(project);
    assert.deepEqual(result.files.sort(), ['.github/workflows/ci.yml', 'conf/log4j.properties', 'conf/spark-defaults.conf', 'emr/cluster.json', 'nginx.conf', 'package.json']);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^conf\/spark-defaults\.conf:2:33  error  SPK004 /m);
    assert.match(result.stdout, /^emr\/cluster\.json:\d+:\d+  warning  SZ002 /m);
    for (const skipped of ['.github/workflows/ci.yml', 'conf/log4j.properties', 'nginx.conf', 'package.json']) {
      assert.match(result.stdout, new RegExp(`^${skipped.replace(/\./g, '\\.')}: skipped, not an EMR configuration`, 'm'));
      assert.doesNotMatch(result.stdout, new RegExp(`^${skipped.replace(/\./g, '\\.')}:\\d`, 'm'));
    }

    // Fixed and staged again: warnings only, so the commit goes on (exit 0).
    writeFileSync(path.join(project, 'conf', 'spark-defaults.conf'), 'spark.executor.memory 4g\nspark.kryoserializer.buffer.max 1536m\n');
    assert.equal(run('git', ['add', 'conf/spark-defaults.conf'], { cwd: project }).status, 0);
    const fixed = runHook(project);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.doesNotMatch(fixed.stdout, /  error  /);
  });

  test('a commit of files that are none of them configurations goes on (exit 0)', () => {
    const project = makeProject('hook-no-configuration');
    assert.equal(run('git', ['rm', '-q', '--cached', 'emr/cluster.json', 'conf/spark-defaults.conf'], { cwd: project }).status, 0);
    const result = runHook(project);
    assert.deepEqual(result.files.sort(), ['.github/workflows/ci.yml', 'conf/log4j.properties', 'nginx.conf', 'package.json']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^0 files checked \(4 skipped\)/m);
  });

  test('a staged file the CLI cannot read stops the commit with exit 2 and one line', () => {
    const project = makeProject('hook-binary');
    writeFileSync(path.join(project, 'emr', 'dump.json'), Buffer.from([0x7b, 0x00, 0x01]));
    assert.equal(run('git', ['add', 'emr/dump.json'], { cwd: project }).status, 0);
    const result = runHook(project);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'emr-spark-lint: emr/dump.json: looks like a binary file (it contains NUL bytes), not a configuration\n');
  });
});

describe('GitHub Action', () => {
  interface Step {
    name: string;
    id?: string;
    shell: string;
    env?: Record<string, string>;
    run: string;
  }
  interface Action {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
  }
  const action = parseYaml(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;

  /** The one kind of expression action.yml may use, `${{ inputs.NAME }}` / `${{ steps.ID.outputs.NAME }}`. */
  function evaluate(text: string, context: { inputs: Record<string, string>; steps: Record<string, Record<string, string>> }): string {
    return text.replace(/\$\{\{(.*?)\}\}/g, (_all, expression: string) => {
      const reference = expression.trim().split('.');
      if (reference[0] === 'inputs' && reference.length === 2) return context.inputs[reference[1]] ?? '';
      if (reference[0] === 'steps' && reference[2] === 'outputs' && reference.length === 4) return context.steps[reference[1]]?.[reference[3]] ?? '';
      throw new Error(`action.yml uses an expression this runner stand-in does not know: ${expression}`);
    });
  }

  /** Runs the composite action's steps as the runner does: each `run` in `bash --noprofile --norc -eo pipefail`. */
  function runAction(workspace: string, given: Record<string, string>) {
    const runnerTemp = mkdtempSync(path.join(work, 'runner-temp-'));
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
    const steps: Record<string, Record<string, string>> = {};
    const pathAdditions: string[] = [];
    let log = '';
    let status: number | null = 0;
    for (const step of action.runs.steps) {
      assert.equal(step.shell, 'bash');
      const outputFile = path.join(runnerTemp, `output-${step.id ?? steps.length}`);
      const pathFile = path.join(runnerTemp, 'path');
      writeFileSync(outputFile, '');
      writeFileSync(pathFile, '');
      const script = path.join(runnerTemp, 'step.sh');
      writeFileSync(script, step.run);
      const env = cleanEnv({
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value, { inputs, steps })])),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: repoRoot,
        GITHUB_OUTPUT: outputFile,
        GITHUB_PATH: pathFile,
        RUNNER_TEMP: runnerTemp,
        npm_config_offline: 'true',
        PATH: [...pathAdditions, process.env.PATH].join(path.delimiter),
      });
      const result = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env });
      log += result.stdout + result.stderr;
      status = result.status;
      pathAdditions.unshift(...readFileSync(pathFile, 'utf8').split('\n').filter(Boolean));
      if (step.id) steps[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
      if (status !== 0) break;
    }
    const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, evaluate(output.value, { inputs, steps })]));
    return { status, log, outputs };
  }

  const sarifSchema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validateSarif = new AjvDraft04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

  test('a composite action of two bash steps that reads its inputs from the environment only', () => {
    assert.equal(action.runs.using, 'composite');
    for (const step of action.runs.steps) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: inputs reach scripts through env, never pasted into them`);
  });

  test('defaults: every configuration in the workspace, SARIF written with paths relative to it, exit 1 on an error', () => {
    const workspace = makeProject('action-defaults');
    const { status, log, outputs } = runAction(workspace, { package: path.join(work, packed.filename), 'instance-type': 'm5.xlarge', 'instance-count': '3', release: 'emr-6.15.0' });
    assert.equal(status, 1, log);
    assert.deepEqual(outputs, { 'sarif-file': 'emr-spark-lint.sarif', 'exit-code': '1' });
    assert.match(log, /^0\.1\.0$/m);
    assert.match(log, /^conf\/spark-defaults\.conf:2:33  error  SPK004 /m);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'emr-spark-lint.sarif'), 'utf8'));
    assert.equal(validateSarif(sarif), true, JSON.stringify(validateSarif.errors?.slice(0, 3)));
    const uris = new Set(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['conf/spark-defaults.conf', 'emr/cluster.json']);
    // The release and the cluster reached the CLI.
    assert.match(log, /^conf\/spark-defaults\.conf:\n  sizing on 3 x m5\.xlarge, client mode:$/m);
    assert.match(log, /^    assumes release: emr-6\.15\.0 runs Spark 3\.4\.1;/m);
  });

  test('files, format and sarif-file inputs; no configuration or no match is exit 0; a bad release is exit 2 without SARIF', () => {
    const workspace = makeProject('action-inputs');
    const chosen = runAction(workspace, { package: path.join(work, packed.filename), files: 'emr/*.json\npackage.json', format: 'json', 'sarif-file': 'reports/lint.sarif' });
    assert.equal(chosen.status, 0, chosen.log);
    assert.deepEqual(chosen.outputs, { 'sarif-file': 'reports/lint.sarif', 'exit-code': '0' });
    assert.match(chosen.log, /"path": "emr\/cluster\.json"/);
    assert.doesNotMatch(chosen.log, /conf\/spark-defaults\.conf/);
    assert.deepEqual(JSON.parse(readFileSync(path.join(workspace, 'reports', 'lint.sarif'), 'utf8')).runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['emr/cluster.json', 'package.json']);

    const others = runAction(workspace, { package: path.join(work, packed.filename), files: 'package.json .github/workflows/ci.yml' });
    assert.equal(others.status, 0, others.log);
    assert.deepEqual(others.outputs, { 'sarif-file': 'emr-spark-lint.sarif', 'exit-code': '0' });
    assert.match(others.log, /^0 files checked \(2 skipped\)/m);

    const none = runAction(workspace, { package: path.join(work, packed.filename), files: 'missing/*.json' });
    assert.equal(none.status, 0, none.log);
    assert.deepEqual(none.outputs, { 'sarif-file': '', 'exit-code': '0' });
    assert.match(none.log, /^::warning::emr-spark-lint: no file matches missing\/\*\.json$/m);

    rmSync(path.join(workspace, 'emr-spark-lint.sarif'), { force: true });
    const bad = runAction(workspace, { package: path.join(work, packed.filename), release: 'emr-6.15.9' });
    assert.equal(bad.status, 2, bad.log);
    assert.deepEqual(bad.outputs, { 'sarif-file': '', 'exit-code': '2' });
    assert.match(bad.log, /^emr-spark-lint: --release "emr-6\.15\.9" is not a known EMR release \(did you mean emr-6\.15\.0\?\) \(see --help\)$/m);
    assert.equal(existsSync(path.join(workspace, 'emr-spark-lint.sarif')), false);
  });
});
