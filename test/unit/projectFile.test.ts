// Hostile project files (.emrsparkrc.json comes with the repository and is read in untrusted workspaces): globs that
// backtracked for seconds per keystroke, a link to /dev/zero, a named pipe, a 40 MB file, a link out of the
// workspace, a project file in a shared parent folder; each is answered at once with one clear problem, or ignored.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { ClusterGlobs, FileGlob, GLOB_LIMITS } from '../../server/src/config/globs';
import { findProjectFile, loadProjectFile, MAX_PROJECT_FILE_BYTES, searchBoundary } from '../../server/src/config/loadProjectFile';
import { ConfigError, optionsForFile, readProjectConfig } from '../../server/src/config/projectConfig';

/** CPU time of this process spent in `work`, in ms: other processes on the machine do not count. */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function run(args: string[], cwd?: string) {
  let out = '';
  let err = '';
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = main(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

const workspace = () => mkdtempSync(path.join(tmpdir(), 'emr-spark-project-'));

describe('project file globs', () => {
  const matches = (glob: string, file: string) => new FileGlob(glob).matches(file);

  test('*, **, ? and [...] as before: * stays within a name, ** spans folders, dot files count', () => {
    const cases: [string, string, boolean][] = [
      ['jobs/**/*.conf', 'jobs/a.conf', true],
      ['jobs/**/*.conf', 'jobs/x/y/a.conf', true],
      ['jobs/**/*.conf', 'other/a.conf', false],
      ['jobs/*.conf', 'jobs/x/a.conf', false],
      ['**/*.json', '.github/c.json', true],
      ['**', 'a/b/c', true],
      ['jobs/**', 'jobs/a/b.conf', true],
      ['job?.conf', 'job1.conf', true],
      ['job?.conf', 'job12.conf', false],
      ['job[12].conf', 'job2.conf', true],
      ['*-small-*.conf', 'nightly-small-eu.conf', true],
      ['./jobs/*.conf', 'jobs/a.conf', true],
      ['{a,b}.conf', '{a,b}.conf', true],
      ['**/*.conf', '../outside.conf', false],
      ['**/**/**/x.json', 'x.json', true],
    ];
    for (const [glob, file, expected] of cases) assert.equal(matches(glob, file), expected, `${glob} on ${file}`);
  });

  test('*a*a*a*a*b on a 200-character name: refused as a glob with too many *; three runs match at once', () => {
    assert.throws(() => readProjectConfig({ clusters: [{ files: '*a*a*a*a*b', instanceType: 'm5.xlarge' }] }), (e: Error) => e instanceof ConfigError && /clusters\[0\]\.files: "\*a\*a\*a\*a\*b" has more than 3 \* in one name/.test(e.message));
    const name = 'a'.repeat(200);
    const glob = new FileGlob('*a*a*b');
    let result = true;
    const ms = cpuMs(() => (result = glob.matches(name)));
    assert.equal(result, false);
    assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
  });

  test('100 globs like **/**/**/**/xN.json on a path 60 folders deep, and the worst globs allowed on a deep path', () => {
    const deep = `${Array(60).fill('d').join('/')}/y.json`;
    const project = readProjectConfig({ clusters: Array.from({ length: 100 }, (_, i) => ({ files: `**/**/**/**/x${i}.json`, instanceType: 'm5.xlarge' })) });
    let options;
    const ms = cpuMs(() => (options = optionsForFile(deep, {}, project)));
    assert.equal(options!.cluster, undefined);
    // A ** between every name, 500 names deep, names of 255 characters, 3 runs of * per name.
    // Three project files, each matched once (answers are cached per path): the least CPU time of the three, as a
    // shared machine's other work only ever adds to one (a single run measured 570-1,030 ms on a 2-core machine).
    const worst = [0, 1, 2].map(() =>
      readProjectConfig({
        clusters: Array.from({ length: 100 }, (_, i) => ({ files: `**/*a*a*b/**/*a*a*b/**/*a*a*b/**/*a*a*b/**/x${i}`, instanceType: 'm5.xlarge' })),
      }),
    );
    const path500 = Array(GLOB_LIMITS.pathNames - 1).fill('a'.repeat(40)).concat('a'.repeat(255)).join('/');
    const worstMs = Math.min(...worst.map((project) => cpuMs(() => optionsForFile(path500, {}, project))));
    assert.ok(ms + worstMs < 1000, `${ms.toFixed(0)} ms and ${worstMs.toFixed(0)} ms`);
  });

  test('more than 100 globs, or one of more than 256 characters, is one clear problem', () => {
    assert.throws(() => readProjectConfig({ clusters: Array.from({ length: 1000 }, () => ({ files: '*.conf' })) }), /clusters has at most 100 entries; this one has 1,000/);
    assert.throws(() => readProjectConfig({ clusters: [{ files: 'a'.repeat(300) }] }), /clusters\[0\]\.files: a glob has at most 256 characters; this one has 300/);
  });

  test('instanceCount 1e308 is refused', () => {
    assert.throws(() => readProjectConfig({ cluster: { instanceType: 'm5.xlarge', instanceCount: 1e308 } }), /cluster\.instanceCount must be a whole number from 1 to 10,000/);
    assert.throws(() => readProjectConfig({ clusters: [{ files: '*', instanceCount: 10_001 }] }), /clusters\[0\]\.instanceCount must be a whole number from 1 to 10,000/);
  });

  test('globs are compiled once per project file, and the answer per path is remembered', () => {
    const project = readProjectConfig({ clusters: [{ files: 'jobs/*.conf', instanceType: 'c5.4xlarge', instanceCount: 2 }] });
    assert.equal(optionsForFile('jobs/a.conf', {}, project).cluster?.instanceType, 'c5.4xlarge');
    assert.equal(optionsForFile('jobs\\a.conf', {}, project).cluster?.instanceType, 'c5.4xlarge');
    assert.equal(optionsForFile('a.conf', {}, project).cluster, undefined);
    assert.ok(project.clusterGlobs instanceof ClusterGlobs);
  });
});

describe('reading a project file', () => {
  test('a link to /dev/zero, a named pipe, a 40 MB file, a directory: one clear problem each, at once', () => {
    const root = workspace();
    const problems: string[] = [];
    const cases: [string, (file: string) => void, RegExp][] = [
      ['link to /dev/zero', (file) => symlinkSync('/dev/zero', file), /leads outside .* \(to \/dev\/zero\); a project file there is not read/],
      ['named pipe', (file) => execFileSync('mkfifo', [file]), /is a named pipe, not a regular file/],
      ['40 MB file', (file) => writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 32)), /is 41,943,040 bytes; a project file may have at most 64 KiB/],
      ['directory', (file) => mkdirSync(file), /is a directory, not a regular file/],
      ['link to a file outside', (file) => symlinkSync(path.join(workspace(), 'elsewhere.json'), file), /cannot be read \(ENOENT\)|leads outside/],
      ['deep nesting', (file) => writeFileSync(file, '['.repeat(MAX_PROJECT_FILE_BYTES)), /is not valid JSON \(nested too deep\)/],
    ];
    for (const [name, make, expected] of cases) {
      const dir = path.join(root, name.replace(/\W+/g, '-'));
      mkdirSync(dir);
      const file = path.join(dir, '.emrsparkrc.json');
      make(file);
      const ms = cpuMs(() => {
        try {
          loadProjectFile(file, dir);
          problems.push(`${name}: read`);
        } catch (error) {
          assert.ok(error instanceof ConfigError, `${name}: ${String(error)}`);
          assert.match(error.message, expected, name);
          assert.ok(error.message.startsWith(file), name);
        }
      });
      assert.ok(ms < 1000, `${name}: ${ms.toFixed(0)} ms`);
    }
    assert.deepEqual(problems, []);
  });

  test('a link inside the workspace is followed', () => {
    const root = workspace();
    writeFileSync(path.join(root, 'shared.json'), '{"rules": {"SPK001": "off"}}');
    symlinkSync(path.join(root, 'shared.json'), path.join(root, '.emrsparkrc.json'));
    assert.deepEqual(loadProjectFile(path.join(root, '.emrsparkrc.json'), root).rules, { SPK001: 'off' });
  });

  test('the CLI exits 2 with one line for a project file that is a link to /dev/zero or a named pipe', () => {
    for (const make of [(file: string) => symlinkSync('/dev/zero', file), (file: string) => execFileSync('mkfifo', [file])]) {
      const root = workspace();
      mkdirSync(path.join(root, '.git'));
      make(path.join(root, '.emrsparkrc.json'));
      writeFileSync(path.join(root, 'spark-defaults.conf'), 'spark.executor.memory 4g\n');
      const { code, out, err } = run(['check', path.join(root, 'spark-defaults.conf')]);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.equal(err.split('\n').length, 2, err);
      assert.match(err, /^emr-spark-lint: .*\.emrsparkrc\.json: (leads outside|is a named pipe)/);
    }
  });
});

describe('where the CLI looks for a project file', () => {
  test('up to the nearest folder holding .git, not above it', () => {
    const shared = workspace();
    // A project file in a shared parent that turns the secret rules off.
    writeFileSync(path.join(shared, '.emrsparkrc.json'), '{"rules": {"SEC001": "off", "SEC002": "off"}}');
    const repo = path.join(shared, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'jobs'));
    const conf = path.join(repo, 'jobs', 'spark-defaults.conf');
    writeFileSync(conf, 'spark.ssl.keyPassword hunter2hunter2\n');
    assert.equal(searchBoundary(path.dirname(conf)), repo);
    assert.equal(findProjectFile(path.dirname(conf)), undefined);
    const { out } = run(['check', conf], shared);
    assert.match(out, /warning {2}SEC001/);
    assert.doesNotMatch(out, /settings from/);
  });

  test('without .git: up to the current folder when the file is below it, else only the file\'s folder', () => {
    const top = workspace();
    writeFileSync(path.join(top, '.emrsparkrc.json'), '{"rules": {"SPK001": "off"}}');
    mkdirSync(path.join(top, 'a', 'b'), { recursive: true });
    const conf = path.join(top, 'a', 'b', 'spark-defaults.conf');
    writeFileSync(conf, 'spark.executors.memory 4g\n');
    assert.equal(findProjectFile(path.dirname(conf), searchBoundary(path.dirname(conf), top)), path.join(top, '.emrsparkrc.json'));
    assert.equal(findProjectFile(path.dirname(conf), searchBoundary(path.dirname(conf), workspace())), undefined);
  });

  test('--format text says which project file applied', () => {
    const repo = workspace();
    mkdirSync(path.join(repo, '.git'));
    writeFileSync(path.join(repo, '.emrsparkrc.json'), '{"rules": {"SPK001": "off"}}');
    writeFileSync(path.join(repo, 'spark-defaults.conf'), 'spark.executors.memory 4g\n');
    const { code, out } = run(['check', 'spark-defaults.conf'], repo);
    assert.equal(code, 0);
    assert.equal(out, 'settings from .emrsparkrc.json applied to this file\n1 file checked, no problems found\n');
    const json = JSON.parse(run(['check', '--format', 'json', 'spark-defaults.conf'], repo).out);
    assert.equal(json.files[0].projectFile, '.emrsparkrc.json');
  });
});
