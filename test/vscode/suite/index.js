// The extension tests run inside VS Code's extension host by test/vscode/runTest.mjs.
// No test framework: each check is an async function, run in turn, and run() rejects when
// one fails. The workspace holds copies of examples/spark-defaults.conf and
// examples/cluster-r5.12xlarge.json, the .conf sized against 3 x m5.xlarge in its settings.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'emr-spark-config.emr-spark-config';
const TIMEOUT = 30_000;

function workspaceFile(name) {
  const folder = process.env.EMR_SPARK_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.file(path.join(folder, name));
}

function codeOf(diagnostic) {
  return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Resolves with the document's diagnostics once `predicate` holds for them, waiting on VS Code's change event. */
function diagnosticsWhere(uri, predicate, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
      reject(new Error(`${what} within ${TIMEOUT / 1000} s; diagnostics: ${got.join(', ') || 'none'}`));
    }, TIMEOUT);
    check();
  });
}

async function open(name) {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

const checks = [
  [
    'spark-defaults.conf is a Spark Properties file and activates the extension',
    async () => {
      const document = await open('spark-defaults.conf');
      assert.equal(document.languageId, 'spark-properties');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed`);
      // Activation is on the language (onLanguage:spark-properties); the diagnostics of the
      // next check prove the language server runs, here only the activation itself.
      await diagnosticsWhere(document.uri, (d) => d.length > 0, 'no diagnostics arrived');
      assert.equal(extension.isActive, true, 'the extension did not activate on spark-defaults.conf');
    },
  ],
  [
    'spark-defaults.conf gets diagnostics with rule IDs at the right lines',
    async () => {
      const document = await open('spark-defaults.conf');
      const diagnostics = await diagnosticsWhere(
        document.uri,
        (ds) => ds.some((d) => codeOf(d) === 'SPK007') && ds.some((d) => codeOf(d) === 'SPK004'),
        'SPK007 and SPK004 did not appear',
      );
      const spk007 = diagnostics.find((d) => codeOf(d) === 'SPK007');
      assert.equal(spk007.range.start.line, 3, 'SPK007 (spark.executor.memory 21000) is on line 4');
      assert.equal(spk007.severity, vscode.DiagnosticSeverity.Warning);
      const spk004 = diagnostics.find((d) => codeOf(d) === 'SPK004');
      assert.equal(spk004.range.start.line, 15, 'SPK004 (1.5g) is on line 16');
      assert.equal(spk004.severity, vscode.DiagnosticSeverity.Error);
    },
  ],
  [
    'the cluster JSON gets SZ002 on spark.executor.memory (line 35)',
    async () => {
      const document = await open('cluster-r5.12xlarge.json');
      const diagnostics = await diagnosticsWhere(document.uri, (ds) => ds.some((d) => codeOf(d) === 'SZ002'), 'SZ002 did not appear');
      const sz002 = diagnostics.find((d) => codeOf(d) === 'SZ002');
      assert.equal(sz002.range.start.line, 34);
      assert.match(sz002.message, /only 8 fit per node/);
    },
  ],
  [
    'hover, completion and the Recompute quick fix on the cluster JSON',
    async () => {
      const document = await open('cluster-r5.12xlarge.json');
      const key = new vscode.Position(34, 14); // inside "spark.executor.memory"
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, key);
      const hoverText = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      assert.match(hoverText, /executors fit per node/);

      // Completion at the start of the key's text offers the key itself.
      const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(34, 9));
      const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('spark.executor.memory'), 'completion does not offer spark.executor.memory');

      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(34, 8, 34, 8),
        vscode.CodeActionKind.QuickFix.value,
      );
      const recompute = actions.find((a) => a.title === 'Recompute executors for r5.12xlarge');
      assert.ok(recompute, `no "Recompute executors for r5.12xlarge" among: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(recompute.edit, 'the quick fix carries no edit');
      assert.equal(await vscode.workspace.applyEdit(recompute.edit), true);
      assert.match(document.getText(), /"spark\.executor\.memoryOverhead": "3232m"/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
];

async function run() {
  const failures = [];
  for (const [name, check] of checks) {
    const started = Date.now();
    try {
      await check();
      console.log(`PASS  ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures.push(name);
      console.log(`FAIL  ${name} (${Date.now() - started} ms)\n      ${error instanceof Error ? error.message : error}`);
    }
  }
  console.log(`${checks.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} of ${checks.length} checks failed: ${failures.join('; ')}`);
}

module.exports = { run };
