// Neovim's own LSP client against the language server, configured with the README's Neovim snippet word for word:
// headless Neovim opens a spark-defaults.conf, an EMR Configurations file and a CloudFormation template and reports the
// diagnostics it holds.
// Debian's neovim (0.7) lacks vim.lsp.start, which the snippet uses (0.8 and newer); the test gives it a stand-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/analysis/analyze';
import { LineIndex } from '../../server/src/engine/text';
import { repoRoot } from '../helpers';

const nvimFound = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !nvimFound && process.env.CI !== 'true' ? 'nvim is not installed (apt-get install neovim; .ci/run installs it)' : false;

/** The README's Neovim configuration: the first lua block under "### Neovim". */
function readmeSnippet(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim'));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'README has a lua block under ### Neovim');
  return block[1];
}

const STAND_IN_FOR_NVIM_0_7 = `
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
    return id
  end
end
`;

function driver(files: string[], resultFile: string): string {
  return `
local results = {}
for _, name in ipairs(vim.fn.json_decode(${JSON.stringify(JSON.stringify(files))})) do
  vim.cmd('edit ' .. vim.fn.fnameescape(name))
  local arrived = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = d.code, severity = d.severity, source = d.source, message = d.message })
  end
  table.insert(results, { name = name, filetype = vim.bo.filetype, arrived = arrived, clients = #vim.tbl_keys(vim.lsp.buf_get_clients(0)), diagnostics = diagnostics })
end
vim.fn.writefile({ vim.fn.json_encode(results) }, ${JSON.stringify(resultFile)})
vim.cmd('qa!')
`;
}

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code: string;
  severity: number;
  source: string;
  message: string;
}

/** What the engine finds, in Neovim's terms (0-based lines, byte columns: the test files are ASCII). */
function expected(text: string, fileName: string): NvimDiagnostic[] {
  const lines = new LineIndex(text);
  const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return analyzeText(text, fileName).findings.map((f) => {
    const start = lines.positionAt(f.span.start);
    const end = lines.positionAt(f.span.end);
    return { lnum: start.line, col: start.character, end_lnum: end.line, end_col: end.character, code: f.ruleId, severity: severity[f.severity], source: 'emr-spark', message: f.message };
  });
}

test('Neovim with the README configuration shows the server\'s diagnostics, with rule codes, in spark-defaults.conf, EMR JSON and CloudFormation YAML', { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'emr-spark-nvim-'));
  try {
    // The command the README configures, as `npm install -g` of the package provides it.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const command = path.join(bin, 'emr-spark-language-server');
    writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'dist', 'npm', 'emr-spark-language-server.mjs')}" "$@"\n`);
    chmodSync(command, 0o755);

    const project = path.join(dir, 'project');
    mkdirSync(project);
    const files: Record<string, string> = {
      'spark-defaults.conf': 'spark.executors.memory 4g\nspark.kryoserializer.buffer.max 1.5g\n',
      'cluster.json': readFileSync(path.join(repoRoot, 'examples', 'configurations.json'), 'utf8'),
      'template.yaml': [
        'Resources:',
        '  Cluster:',
        '    Type: AWS::EMR::Cluster',
        '    Properties:',
        '      ReleaseLabel: emr-7.1.0',
        '      Configurations:',
        '        - Classification: spark-defaults',
        '          ConfigurationProperties:',
        '            spark.executors.memory: 4g',
        '            spark.kryoserializer.buffer.max: 1.5g',
        '',
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(project, name), text);

    const init = path.join(dir, 'init.lua');
    const resultFile = path.join(dir, 'result.json');
    writeFileSync(init, STAND_IN_FOR_NVIM_0_7 + readmeSnippet() + driver(Object.keys(files), resultFile));
    const nvim = spawnSync(
      'nvim',
      // 0.7 reads vim.filetype.add only with do_filetype_lua set before startup; later versions ignore it.
      ['--headless', '--clean', '--cmd', 'lua vim.g.do_filetype_lua = 1', '-c', `luafile ${init}`],
      { cwd: project, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir } },
    );
    assert.equal(nvim.status, 0, `${nvim.stdout}\n${nvim.stderr}`);
    const results = JSON.parse(readFileSync(resultFile, 'utf8')) as { name: string; filetype: string; arrived: boolean; clients: number; diagnostics: NvimDiagnostic[] }[];

    assert.deepEqual(results.map((r) => [r.name, r.filetype, r.arrived, r.clients]), [
      ['spark-defaults.conf', 'sparkconf', true, 1],
      ['cluster.json', 'json', true, 1],
      ['template.yaml', 'yaml', true, 1],
    ]);
    for (const result of results) {
      const byPosition = (a: NvimDiagnostic, b: NvimDiagnostic) => a.lnum - b.lnum || a.col - b.col || a.code.localeCompare(b.code);
      assert.deepEqual([...result.diagnostics].sort(byPosition), expected(files[result.name], result.name).sort(byPosition), result.name);
    }
    assert.deepEqual(results[0].diagnostics.map((d) => d.code).sort(), ['SPK001', 'SPK004']);
    assert.deepEqual(results[2].diagnostics.map((d) => d.code).sort(), ['SPK001', 'SPK004']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
