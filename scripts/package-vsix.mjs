#!/usr/bin/env node
// Packages the VS Code extension with its own allow-list, .vscodeignore.
// vsce refuses a project that has both a .vscodeignore and a package.json "files" list (the npm package's allow-list),
// so vsce runs in a staging folder: the manifest without "files", .vscodeignore, and the top-level entries
// .vscodeignore lets in; vsce applies .vscodeignore there exactly as it would here.
// Usage: node scripts/package-vsix.mjs package OUT.vsix | ls
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

/** The top-level files and folders the allow-list names ("!dist/client.js" -> "dist"). */
function allowedTopLevel() {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
  const names = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1).split('/')[0]);
  return [...new Set(names)].filter((name) => existsSync(join(root, name)));
}

function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'emr-spark-vsix-'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  cpSync(join(root, '.vscodeignore'), join(dir, '.vscodeignore'));
  for (const name of allowedTopLevel()) if (name !== 'package.json') cpSync(join(root, name), join(dir, name), { recursive: true });
  return dir;
}

export function runVsce(args) {
  const dir = stage();
  try {
    return spawnSync(process.execPath, [vsce, ...args, '--no-dependencies'], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, out] = process.argv.slice(2);
  if (command !== 'ls' && !(command === 'package' && out)) {
    console.error('usage: node scripts/package-vsix.mjs package OUT.vsix | ls');
    process.exit(2);
  }
  const result = runVsce(command === 'ls' ? ['ls'] : ['package', '-o', resolve(out)]);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}
