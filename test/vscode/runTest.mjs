#!/usr/bin/env node
// Runs test/vscode/suite in a desktop VS Code downloaded by @vscode/test-electron, with this
// folder as the extension under development (dist/ must be built: `npm run test:vscode`
// builds first). For machines that can download VS Code; on Linux without a display, run it
// under xvfb-run. The suite that must pass on the project's own machines is test/e2e
// (code-server, no download).
//
// Environment: VSCODE_TEST_VERSION (default "stable"; e.g. "1.100.3", the oldest the
// manifest's engines.vscode accepts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emr-spark-vscode-test-'));
const workspace = path.join(tmp, 'workspace');
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.copyFileSync(path.join(root, 'examples', 'spark-defaults.conf'), path.join(workspace, 'spark-defaults.conf'));
fs.copyFileSync(path.join(root, 'examples', 'cluster-r5.12xlarge.json'), path.join(workspace, 'cluster-r5.12xlarge.json'));
// The .conf file does not describe its cluster; size it against three m5.xlarge nodes.
fs.writeFileSync(
  path.join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({ 'emrSpark.cluster.instanceType': 'm5.xlarge', 'emrSpark.cluster.instanceCount': 3 }, null, 2),
);

let status = 0;
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'vscode', 'suite', 'index.js'),
    extensionTestsEnv: { EMR_SPARK_TEST_WORKSPACE: workspace },
    launchArgs: [
      workspace,
      '--disable-extensions', // every other extension; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
      '--user-data-dir',
      path.join(tmp, 'user-data'),
    ],
  });
} catch (error) {
  console.error(`VS Code extension tests failed: ${error instanceof Error ? error.message : error}`);
  status = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
