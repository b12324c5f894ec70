// `emr-spark-lint mcp` driven by the official SDK's own client over stdio, as an agent would run it: the shipped
// bundle (dist/npm), under Node's permission model with read access to nothing but the bundle's own folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { RULES } from '../../server/src/rules';
import { repoRoot } from '../helpers';

const bundleDir = path.join(repoRoot, 'dist', 'npm');
const client = new Client({ name: 'emr-spark-lint-test', version: '1.0.0' });
let serverStderr = '';

type ToolResult = { content: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };
const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

/** The repository's CLI, run from the repository root so that report paths match. */
function cli(args: string[]): string {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return result.stdout;
}

before(async () => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--experimental-permission', `--allow-fs-read=${bundleDir}${path.sep}`, path.join(bundleDir, 'emr-spark-lint.mjs'), 'mcp'],
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (serverStderr += chunk.toString()));
  await client.connect(transport);
});

after(async () => {
  await client.close();
});

test('the server names itself and lists check, size and explain with their input schemas', async () => {
  assert.deepEqual(client.getServerVersion(), { name: 'emr-spark-lint', version: '0.1.0' });
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name), ['check', 'size', 'explain']);
  const check = tools[0];
  assert.deepEqual(check.inputSchema.required, ['text']);
  assert.deepEqual(Object.keys(check.inputSchema.properties ?? {}), ['text', 'fileName', 'release', 'instanceType', 'instanceCount', 'taskInstanceType', 'taskInstanceCount', 'rules']);
  assert.ok(tools.every((t) => t.annotations?.readOnlyHint === true && t.annotations?.openWorldHint === false));
});

test('check gives exactly the JSON of `check --format json` for each example', async () => {
  for (const name of ['configurations.json', 'cluster-r5.12xlarge.json', 'spark-defaults.conf']) {
    const fileName = `examples/${name}`;
    const text = readFileSync(path.join(repoRoot, fileName), 'utf8');
    const result = await call('check', { text, fileName });
    assert.equal(result.isError, undefined, fileName);
    assert.equal(result.content[0].text, cli(['check', '--format', 'json', fileName]), fileName);
    assert.deepEqual(result.structuredContent, JSON.parse(result.content[0].text));
  }
});

test('check takes the release and the cluster like the CLI options, and rule severities like the project file', async () => {
  const text = readFileSync(path.join(repoRoot, 'examples', 'spark-defaults.conf'), 'utf8');
  const sized = await call('check', { text, fileName: 'examples/spark-defaults.conf', release: 'emr-6.15.0', instanceType: 'm5.xlarge', instanceCount: 3 });
  assert.equal(
    sized.content[0].text,
    cli(['check', '--format', 'json', '--release', 'emr-6.15.0', '--instance-type', 'm5.xlarge', '--instance-count', '3', 'examples/spark-defaults.conf']),
  );
  const report = JSON.parse(sized.content[0].text);
  assert.ok(report.files[0].findings.some((f: { ruleId: string }) => f.ruleId === 'SZ004'));
  const quiet = JSON.parse((await call('check', { text, fileName: 'examples/spark-defaults.conf', rules: { SZ004: 'off', 'fractional-value': 'info' } })).content[0].text);
  assert.ok(!quiet.files[0].findings.some((f: { ruleId: string }) => f.ruleId === 'SZ004'));
  assert.deepEqual(
    quiet.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'SPK004').map((f: { severity: string }) => f.severity),
    ['info'],
  );
});

test('check without a file name reads JSON by its content and calls the file "input"; other formats need a name', async () => {
  const json = JSON.parse((await call('check', { text: '[{"Classification": "spark-defaults", "Properties": {"spark.executors.memory": "4g"}}]' })).content[0].text);
  assert.deepEqual([json.files[0].path, json.files[0].format, json.files[0].findings[0].ruleId], ['input', 'json', 'SPK001']);
  // Properties and YAML are not guessed from content: without a name they are not read.
  const conf = JSON.parse((await call('check', { text: 'spark.executor.memory 1.5g\n' })).content[0].text);
  assert.deepEqual([conf.files[0].recognized, conf.files[0].findings], [false, []]);
  const named = JSON.parse((await call('check', { text: 'spark.executor.memory 1.5g\n', fileName: 'spark-defaults.conf' })).content[0].text);
  assert.deepEqual(named.files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['SPK004']);
  const other = JSON.parse((await call('check', { text: '{"name": "not-emr", "version": "1.0.0"}', fileName: 'package.json' })).content[0].text);
  assert.deepEqual([other.files[0].recognized, other.files[0].findings], [false, []]);
});

test('check reads no project file: the server sees only the text it is given', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'emr-spark-mcp-'));
  writeFileSync(path.join(dir, '.emrsparkrc.json'), '{"rules": {"SPK001": "off"}}');
  const fileName = path.join(dir, 'spark-defaults.conf');
  writeFileSync(fileName, 'spark.executors.memory 4g\n');
  const result = await call('check', { text: 'spark.executors.memory 4g\n', fileName });
  assert.deepEqual(JSON.parse(result.content[0].text).files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['SPK001']);
  // The CLI, given the same file, does read the project file beside it.
  assert.doesNotMatch(cli(['check', fileName]), /SPK001/);
  rmSync(dir, { recursive: true, force: true });
});

test('size gives exactly the JSON of `size --format json`', async () => {
  const result = await call('size', { instanceType: 'r5.12xlarge', instanceCount: 19, method: 'guide' });
  assert.equal(result.content[0].text, cli(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '19', '--method', 'guide', '--format', 'json']));
  const plan = result.structuredContent as { executorsPerNodeThatFit: number; containersThatFit: number };
  assert.deepEqual([plan.executorsPerNodeThatFit, plan.containersThatFit], [8, 152]);
  const mixed = await call('size', {
    instanceType: 'r5.12xlarge',
    instanceCount: 4,
    taskInstanceType: 'm5.4xlarge',
    taskInstanceCount: 6,
    deployMode: 'client',
    release: 'emr-7.13.0',
    yarnMemoryMb: 300000,
    maxAllocationMb: 30000,
  });
  assert.equal(
    mixed.content[0].text,
    cli(['size', '--instance-type', 'r5.12xlarge', '--instance-count', '4', '--task-instance-type', 'm5.4xlarge', '--task-instance-count', '6', '--deploy-mode', 'client', '--release', 'emr-7.13.0', '--yarn-memory-mb', '300000', '--max-allocation-mb', '30000', '--format', 'json']),
  );
});

test('explain returns each rule\'s page exactly as docs/rules has it, by ID in any case or by name', async () => {
  for (const rule of RULES) {
    const page = readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    const result = await call('explain', { rule: rule.id });
    assert.equal(result.content[0].text, page, rule.id);
    assert.deepEqual(result.structuredContent, { id: rule.id, name: rule.name, severity: rule.severity, url: `https://github.com/emr-spark-config/emr-spark-config/blob/main/docs/rules/${rule.id}.md` });
  }
  assert.equal((await call('explain', { rule: 'executors-do-not-fit-node' })).content[0].text, readFileSync(path.join(repoRoot, 'docs', 'rules', 'SZ002.md'), 'utf8'));
  assert.match((await call('explain', { rule: 'sz002' })).content[0].text, /^# SZ002 executors-do-not-fit-node\n/);
});

test('bad arguments are tool errors in one line, and the server stays up', async () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['check', { text: 'spark.executor.memory 4g', release: 'emr-6.15.9' }, 'release "emr-6.15.9" is not a known EMR release (did you mean emr-6.15.0?)'],
    ['check', { text: 'spark.executor.memory 4g', instanceType: 'r5.12xlage' }, 'instanceType "r5.12xlage" is not a known instance type (did you mean r5.12xlarge?)'],
    ['check', { text: 'x', rules: { SPK999: 'off' } }, 'rules: "SPK999" is not a rule ID or name'],
    ['check', { text: 'x', rules: { SPK001: 'loud' } }, 'invalid arguments for check: /rules/SPK001 must be equal to one of the allowed values'],
    ['check', { fileName: 'a.json' }, "invalid arguments for check: arguments must have required property 'text'"],
    ['check', { text: 'x', path: '/etc/passwd' }, 'invalid arguments for check: unknown argument "path"'],
    ['check', { text: ' '.repeat(4 * 1024 * 1024 + 1) }, 'the text is over 4 MiB; larger configurations are not checked'],
    ['size', { instanceType: 'r5.12xlarge', instanceCount: 0 }, 'invalid arguments for size: /instanceCount must be >= 1'],
    ['size', { instanceType: 'r5.12xlarge', method: 'magic' }, 'invalid arguments for size: /method must be equal to one of the allowed values'],
    ['explain', { rule: 'SZ02' }, '"SZ02" is not a rule ID or name (did you mean SZ002?)'],
    ['lint', {}, 'unknown tool "lint"; the tools are check, size, explain'],
  ];
  for (const [name, args, message] of cases) {
    const result = (await client.callTool({ name, arguments: args }).catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] }))) as ToolResult;
    assert.equal(result.isError, true, `${name} ${JSON.stringify(args).slice(0, 80)}`);
    assert.equal(result.content[0].text, message);
  }
  assert.equal((await call('explain', { rule: 'SEC001' })).isError, undefined);
  assert.doesNotMatch(serverStderr, /ERR_ACCESS_DENIED|Error:/);
});

test('the code `emr-spark-lint mcp` runs imports no network, child-process or worker module', () => {
  const metafile = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'npm-metafile.json'), 'utf8')) as {
    outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  };
  const reached = new Set<string>();
  const builtins = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const i of metafile.outputs[file].imports) {
      if (i.external) builtins.add(i.path.replace(/^node:/, ''));
      else visit(i.path);
    }
  };
  visit('dist/npm/emr-spark-lint.mjs');
  const forbidden = ['net', 'http', 'https', 'http2', 'dns', 'tls', 'dgram', 'child_process', 'worker_threads', 'cluster', 'inspector'];
  assert.deepEqual([...builtins].filter((b) => forbidden.includes(b)), [], [...builtins].join(', '));
  assert.ok(builtins.has('fs') && builtins.has('process'), 'the walk reached the CLI and the MCP chunk');
});

test('mcp takes no files or options (exit 2, one line); lines that are not JSON-RPC are dropped and the session goes on', () => {
  const lint = path.join(bundleDir, 'emr-spark-lint.mjs');
  const misuse = spawnSync(process.execPath, [lint, 'mcp', 'cluster.json'], { encoding: 'utf8' });
  assert.deepEqual([misuse.status, misuse.stdout, misuse.stderr], [2, '', 'emr-spark-lint: mcp takes no files or options: the agent passes them to the tools (see --help)\n']);
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
  const input = ['not json', JSON.stringify(initialize), '\u0000\u00ff{', JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }), ''].join('\n');
  const session = spawnSync(process.execPath, [lint, 'mcp'], { input, encoding: 'utf8', timeout: 20_000 });
  assert.equal(session.status, 0, session.stderr);
  const answers = session.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: Record<string, unknown> });
  assert.deepEqual(answers.map((a) => a.id), [1, 2]);
  assert.equal((answers[1].result.tools as unknown[]).length, 3);
});
