import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

test('the .vsix holds only the bundles, schemas, snippets, grammar, manifest, docs and icon', () => {
  // vsce runs in a staging folder (see the script): the npm package's "files" list and .vscodeignore cannot meet in one.
  const listed = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package-vsix.mjs'), 'ls'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(listed.stdout.trim().split('\n').sort(), [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/client.js',
    'dist/server.js',
    'images/icon.png',
    'language-configuration.json',
    'package.json',
    'schemas/emr-cluster.schema.json',
    'schemas/emr-configurations.schema.json',
    'snippets/json.json',
    'snippets/spark-properties.json',
    'syntaxes/spark-properties.tmLanguage.json',
  ]);
});

test('the manifest: engines include VS Code 1.100, categories, keywords, untrusted workspaces, commands in the EMR Spark category', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'emr-spark-config');
  assert.equal(manifest.displayName, 'EMR Spark Config');
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  assert.ok(manifest.categories.includes('Linters') && manifest.keywords.includes('emr'));
  assert.deepEqual(
    manifest.contributes.commands.map((c: { command: string; category: string }) => `${c.category}: ${c.command}`),
    ['EMR Spark: emrSpark.recomputeForInstanceType', 'EMR Spark: emrSpark.showSizingPlan', 'EMR Spark: emrSpark.insertTemplate', 'EMR Spark: emrSpark.restartServer'],
  );
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.deepEqual(settings, ['emrSpark.cluster.instanceType', 'emrSpark.cluster.instanceCount', 'emrSpark.cluster.release', 'emrSpark.rules', 'emrSpark.trace.server']);
});
