#!/usr/bin/env node
// Real-editor test: installs the packaged extension (.vsix) into code-server (VS Code
// served to a browser), drives it with Chromium through playwright-core and checks
// what a user sees: diagnostics in the Problems panel, the hover, the quick fix,
// completion, a snippet, highlighting and the sizing plan view.
// Run by `npm run test:e2e` (scripts/e2e-setup.sh, npm run package, then this file).
// Every wait is on the UI's own signals (an element, a text, the file on disk),
// never a fixed sleep. Exits 1 if a check fails; the last line is "N passed, M failed".
//
// Environment: E2E_VSIX (the .vsix, default <name>-<version>.vsix in the repo root),
// E2E_CHROMIUM (default /usr/bin/chromium), E2E_KEEP=1 (keep the temp folder),
// E2E_ONLY=a,b (run only these checks), E2E_HEADED=1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parseDocument as parseYamlDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E_DIR = path.join(ROOT, '.e2e');
const IMAGES = path.join(ROOT, 'docs', 'images');
const CODE_SERVER = path.join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.resolve(process.env.E2E_VSIX ?? path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const ONLY = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(',')) : undefined;

const CHECK_TIMEOUT = 60_000; // one check, all its waits together
const WAIT = 20_000; // one wait for a UI signal
const RUN_TIMEOUT = 10 * 60_000; // the whole run, a watchdog against hangs

const CHECK_COUNT = 8; // a to h, for the summary line when the editor cannot even start
const CLUSTER = 'cluster-r5.12xlarge.json';
const CONF = 'spark-defaults.conf';
const TEMPLATE = 'cloudformation-cluster.yaml';

const results = []; // { check, error } per check run so far
let codeServer; // the child process we started
let browser;
let tmp;

function log(msg) {
  process.stdout.write(`${msg}\n`);
}

function fail(msg) {
  throw new Error(msg);
}

// ---------------------------------------------------------------- environment

function prepareFolders() {
  if (!fs.existsSync(CODE_SERVER)) fail(`${CODE_SERVER} is missing: run bash scripts/e2e-setup.sh`);
  if (!fs.existsSync(VSIX)) fail(`${VSIX} is missing: run npm run package`);
  if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: run bash scripts/e2e-setup.sh`);
  fs.mkdirSync(E2E_DIR, { recursive: true });
  fs.mkdirSync(IMAGES, { recursive: true });
  for (const name of fs.readdirSync(E2E_DIR)) {
    if (/^failure-.*\.png$/.test(name)) fs.rmSync(path.join(E2E_DIR, name));
  }

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emr-spark-e2e-'));
  const dirs = {
    workspace: path.join(tmp, 'workspace'),
    extensions: path.join(tmp, 'extensions'),
    userData: path.join(tmp, 'user-data'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples', CLUSTER), path.join(dirs.workspace, CLUSTER));
  fs.copyFileSync(path.join(ROOT, 'examples', 'spark-defaults.conf'), path.join(dirs.workspace, CONF));
  fs.copyFileSync(path.join(ROOT, 'examples', TEMPLATE), path.join(dirs.workspace, TEMPLATE));

  const settings = {
    // No walkthrough, welcome page, tips or release notes stealing focus.
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'update.showReleaseNotes': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'chat.disableAIFeatures': true,
    'json.schemaDownload.enable': false,
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    // Every opened file gets its own tab; nothing else moves the layout.
    'workbench.editor.enablePreview': false,
    'editor.minimap.enabled': false,
    'editor.inlineSuggest.enabled': false,
    'editor.suggest.preview': false,
    'editor.acceptSuggestionOnEnter': 'on',
    // Suggestions open only on Ctrl+Space: a list that opens by itself while typing
    // races with the explicit trigger.
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
    // VS Code's JSON support turns quick suggestions on inside strings for JSON files,
    // which would open a list (on older text) while a key is being typed.
    '[json]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
    '[jsonc]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
    // What is typed is what the file gets: no closing quote or bracket added, whose
    // timing depends on the background tokenizer.
    'editor.autoClosingQuotes': 'never',
    'editor.autoClosingBrackets': 'never',
    'editor.snippetSuggestions': 'top',
    'editor.hover.enabled': true,
    'editor.occurrencesHighlight': 'off',
    'editor.selectionHighlight': false,
    'problems.showCurrentInStatus': false,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    // The cluster the .conf file is sized against (the JSON describes its own).
    'emrSpark.cluster.instanceType': 'm5.xlarge',
    'emrSpark.cluster.instanceCount': 3,
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

function installExtension(dirs) {
  const result = spawnSync(
    CODE_SERVER,
    ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', VSIX],
    { encoding: 'utf8', timeout: 120_000, env: codeServerEnv() },
  );
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/was successfully installed/.test(out)) {
    fail(`installing ${path.basename(VSIX)} failed (status ${result.status}):\n${out}`);
  }
  const installed = fs.readdirSync(dirs.extensions).filter((n) => n.startsWith(`${pkg.publisher}.${pkg.name}`));
  if (installed.length === 0) fail(`the extension is not in ${dirs.extensions} after installing:\n${out}`);
  return installed[0];
}

function codeServerEnv() {
  const env = { ...process.env };
  // Keep code-server's own config file out of the user's home.
  env.XDG_CONFIG_HOME = path.join(tmp, 'config');
  env.XDG_DATA_HOME = path.join(tmp, 'data');
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startCodeServer(dirs, port) {
  const logFile = path.join(E2E_DIR, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  codeServer = spawn(
    CODE_SERVER,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--extensions-dir', dirs.extensions,
      '--user-data-dir', dirs.userData,
      '--config', path.join(tmp, 'code-server.yaml'),
      dirs.workspace,
    ],
    // A process group of its own, so that stopping it by its PID reaches the
    // extension host and the language server too.
    { detached: true, stdio: ['ignore', out, out], env: codeServerEnv() },
  );
  fs.closeSync(out);
  let exited = false;
  codeServer.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 60_000;
  // Wait until code-server answers HTTP on its port.
  for (;;) {
    if (exited) fail(`code-server exited early; see ${logFile}`);
    if (Date.now() > deadline) fail(`code-server did not answer on port ${port} within 60 s; see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200)); // poll interval, not a wait for the UI
  }
}

function stopCodeServer() {
  if (!codeServer || codeServer.exitCode !== null || codeServer.signalCode !== null) return;
  try {
    process.kill(-codeServer.pid, 'SIGTERM'); // the group we started, by our child's PID
  } catch {
    try {
      codeServer.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------- UI helpers

/**
 * Clicks the middle of a visible element with the mouse. Playwright's own click now and
 * then hangs in its "scrolling into view" step on this workbench (seen on tabs, Explorer
 * rows and quick-pick rows, about one run in five); the elements clicked here are in view.
 */
async function clickAt(page, locator) {
  await locator.waitFor({ state: 'visible', timeout: WAIT });
  const box = await locator.boundingBox();
  if (!box) fail('the element to click has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function focusEditor(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1'); // workbench.action.focusFirstEditorGroup
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: WAIT });
}

async function openFile(page, name) {
  const tab = page.locator(`.tabs-container .tab[data-resource-name="${name}"]`);
  if ((await tab.count()) > 0) {
    await clickAt(page, tab.first());
  } else {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
    await row.waitFor({ timeout: WAIT });
    await clickAt(page, row);
  }
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ timeout: WAIT });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: WAIT });
  await focusEditor(page);
}

/** Moves the cursor with Go to Line (Ctrl+G "line:column"), and waits for the status bar to show it. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT });
  await page
    .locator('#status\\.editor\\.selection')
    .filter({ hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) })
    .waitFor({ timeout: WAIT });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title });
  await accept(page, page.locator('.quick-input-widget'), row);
}

/**
 * Triggers suggestions with Ctrl+Space where the cursor is, accepts `label` and waits for
 * the edited line to match `line`. When the entry is missing, says what the list offered.
 */
async function complete(page, label, line, where) {
  const widget = page.locator('.suggest-widget');
  const item = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.]/g, '\\.')}$`) }) });
  // No list may be open yet: Ctrl+Space on an open list only toggles its details.
  const listOpen = () => page.evaluate(() => document.querySelector('.suggest-widget.visible') !== null);
  if (await listOpen()) fail(`a suggestion list was already open in ${where}`);
  await page.keyboard.press('Control+Space');
  try {
    await item.first().waitFor({ state: 'visible', timeout: WAIT });
  } catch (e) {
    const shown = await widget.locator('.monaco-list-row .label-name').allInnerTexts().catch(() => []);
    const open = await listOpen();
    fail(`in ${where}, "${label}" is not among the suggestions${open ? '' : ' (the list is closed)'}: ${shown.slice(0, 6).join(', ') || 'none'}${shown.length > 6 ? ', ...' : ''}\n${e.message}`);
  }
  await accept(page, widget, item);
  await page.locator('.editor-group-container.active .view-line').filter({ hasText: line }).first().waitFor({ timeout: WAIT });
}

async function showProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout: WAIT });
  return panel;
}

/**
 * Filters the Problems panel by `filter` (a rule ID) and waits for a row holding every
 * given text; returns the row's text. The panel is a virtual list, so unfiltered rows
 * below its fold would not exist in the page.
 */
async function problemRow(page, filter, ...texts) {
  const panel = await showProblems(page);
  const input = page.locator('.panel .viewpane-filter input, .markers-panel-container .viewpane-filter input').first();
  await input.fill(filter);
  let rows = panel.locator('.monaco-list-row').filter({ hasText: filter });
  for (const text of texts) rows = rows.filter({ hasText: text });
  await rows.first().waitFor({ timeout: WAIT });
  const text = (await rows.first().innerText()).replace(/\s+/g, ' ');
  await input.fill('');
  return text;
}

/** Waits for a list (suggestions, code actions) to show the entry, moves the focus onto it and accepts it with Enter. */
async function accept(page, list, entry) {
  await entry.first().waitFor({ state: 'visible', timeout: WAIT });
  const rows = await list.locator('.monaco-list-row').count();
  for (let i = 0; i <= rows; i++) {
    if ((await entry.first().getAttribute('class'))?.split(/\s+/).includes('focused')) break;
    if (i === rows) fail('could not move the focus onto the entry');
    const before = await list.evaluate((el) => el.querySelector('.monaco-list-row.focused')?.getAttribute('data-index') ?? null);
    await page.keyboard.press('ArrowDown');
    await list.locator(`.monaco-list-row.focused:not([data-index="${before}"])`).waitFor({ timeout: WAIT });
  }
  await page.keyboard.press('Enter');
  await list.waitFor({ state: 'hidden', timeout: WAIT });
}

async function closePanel(page) {
  if (await page.locator('.markers-panel').isVisible()) await page.keyboard.press('Control+J'); // View: Toggle Panel
  await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: WAIT });
}

async function waitForFile(file, predicate, what) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (predicate(text)) return text;
    if (Date.now() > deadline) fail(`${path.basename(file)} on disk never ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval of the file check
  }
}

/** Saves with Ctrl+S and waits for the tab to lose its dirty mark. */
async function save(page, name) {
  await page.keyboard.press('Control+S');
  await page.locator(`.tabs-container .tab[data-resource-name="${name}"]:not(.dirty)`).waitFor({ timeout: WAIT });
}

async function revert(page, name) {
  const dirty = page.locator(`.tabs-container .tab.dirty[data-resource-name="${name}"]`);
  if ((await dirty.count()) === 0) return;
  await openFile(page, name);
  await runCommand(page, 'File: Revert File');
  await page.locator(`.tabs-container .tab[data-resource-name="${name}"]:not(.dirty)`).waitFor({ timeout: WAIT });
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(IMAGES, name) });
}

// ---------------------------------------------------------------- checks

function checks(dirs) {
  const clusterFile = path.join(dirs.workspace, CLUSTER);
  const confFile = path.join(dirs.workspace, CONF);
  const templateFile = path.join(dirs.workspace, TEMPLATE);

  return [
    {
      id: 'a',
      name: 'cluster JSON: SZ002 in the Problems panel at line 35',
      async run(page) {
        await openFile(page, CLUSTER);
        await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ timeout: WAIT });
        const row = await problemRow(page, 'SZ002');
        if (!/\[Ln 35, Col 9\]/.test(row)) fail(`SZ002 is not at line 35, column 9: "${row}"`);
        if (!/only 8 fit per node/.test(row)) fail(`SZ002 does not give the fit: "${row}"`);
        await goTo(page, 35, 9);
        await shot(page, 'e2e-diagnostics.png');
        await closePanel(page);
      },
    },
    {
      id: 'b',
      name: 'hover on spark.executor.memory shows the sizing breakdown',
      async run(page) {
        await openFile(page, CLUSTER);
        await goTo(page, 35, 14);
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I'); // Show or Focus Hover
        const hover = page.locator('.monaco-hover').filter({ hasText: 'executors fit per node' });
        await hover.first().waitFor({ state: 'visible', timeout: WAIT });
        const text = await hover.first().innerText();
        if (!/spark\.executor\.memory/.test(text)) fail(`the hover does not name the key: ${text}`);
        await shot(page, 'e2e-hover.png');
        await page.keyboard.press('Escape');
      },
    },
    {
      id: 'c',
      name: 'quick fix "Recompute executors for r5.12xlarge" writes the plan',
      async run(page) {
        await openFile(page, CLUSTER);
        await goTo(page, 35, 9);
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget');
        const action = menu.locator('.monaco-list-row[aria-label="Recompute executors for r5.12xlarge"]');
        await action.first().waitFor({ state: 'visible', timeout: WAIT });
        await shot(page, 'e2e-quickfix.png');
        await accept(page, menu, action);
        await page.locator(`.tabs-container .tab.dirty[data-resource-name="${CLUSTER}"]`).waitFor({ timeout: WAIT });
        await save(page, CLUSTER);
        const text = await waitForFile(clusterFile, (t) => t.includes('"spark.executor.memoryOverhead": "3232m"'), 'got "spark.executor.memoryOverhead": "3232m"');
        JSON.parse(text);
      },
    },
    {
      id: 'd',
      name: 'completion offers spark.executor.memory in spark-defaults Properties (JSON) and in the .conf file',
      async run(page) {
        await openFile(page, CLUSTER);
        // Line 34 is `"spark.executor.cores": "5",` inside the spark-defaults Properties:
        // open a line above it and type a key prefix in quotes, the cursor before the closing one.
        await goTo(page, 34, 1);
        await page.keyboard.press('Home');
        await page.keyboard.press('Enter');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.type('"spark.executor.mem"');
        await page.keyboard.press('ArrowLeft');
        await page.locator('.editor-group-container.active .view-line').filter({ hasText: /^\s*"spark\.executor\.mem"\s*$/ }).waitFor({ timeout: WAIT });
        // The accepted key replaces what was typed, quotes included.
        await complete(page, 'spark.executor.memory', /^\s*"spark\.executor\.memory"\s*$/, 'the cluster JSON');

        await openFile(page, CONF);
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('spark.executor.mem');
        await complete(page, 'spark.executor.memory', /^spark\.executor\.memory\s*$/, CONF);
      },
      async cleanup(page) {
        await revert(page, CLUSTER);
        await revert(page, CONF);
      },
    },
    {
      id: 'f',
      name: 'spark-defaults.conf: "Spark Properties" mode, highlighting and diagnostics',
      async run(page) {
        await openFile(page, CONF);
        await page.locator('#status\\.editor\\.mode').filter({ hasText: 'Spark Properties' }).waitFor({ timeout: WAIT });
        await page.locator('.editor-group-container.active .squiggly-error, .editor-group-container.active .squiggly-warning').first().waitFor({ timeout: WAIT });
        const row = await problemRow(page, 'SPK007', '[Ln 4,');
        if (!/no unit/.test(row)) fail(`unexpected SPK007 entry: ${row}`);
        await closePanel(page);
        // Highlighting: the comment, keys and values get tokens of distinct colours.
        const colours = await page.locator('.editor-group-container.active .view-lines').evaluate((el) => {
          const seen = new Set();
          for (const span of el.querySelectorAll('.view-line span span')) {
            if (span.textContent.trim()) seen.add(getComputedStyle(span).color);
          }
          return [...seen];
        });
        if (colours.length < 3) fail(`the .conf file shows ${colours.length} token colour(s): ${colours.join(', ')}`);
      },
    },
    {
      id: 'e',
      name: 'snippet gc-g1-java8 inserts the G1GC block',
      async run(page) {
        await openFile(page, CONF);
        const before = fs.readFileSync(confFile, 'utf8');
        const count = (t) => t.split('-XX:+PrintGCDetails').length - 1;
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('gc-g1-java8');
        await complete(page, 'gc-g1-java8', /^spark\.executor\.extraJavaOptions\s+-XX:\+UseG1GC\s.*-XX:\+PrintGCDetails/, CONF);
        await save(page, CONF);
        const after = await waitForFile(confFile, (t) => count(t) > count(before), 'got the snippet');
        const line = after.split('\n').find((l) => l.includes('-XX:+PrintGCDetails'));
        if (!/^spark\.executor\.extraJavaOptions\s+-XX:\+UseG1GC\b/.test(line)) fail(`the snippet wrote: ${line}`);
        if (/gc-g1-java8/.test(after)) fail('the prefix was left in the file');
      },
    },
    {
      id: 'g',
      name: 'command "EMR Spark: Show sizing plan" opens the plan view',
      async run(page) {
        // Put back the guide's settings (check c saved the plan over them), so the view
        // shows the containers that do not fit.
        fs.copyFileSync(path.join(ROOT, 'examples', CLUSTER), clusterFile);
        await openFile(page, CLUSTER);
        await runCommand(page, 'File: Revert File'); // reload from disk now, whatever the file watcher does
        await goTo(page, 36, 1);
        await page
          .locator('.editor-group-container.active .view-line')
          .filter({ hasText: /"spark\.executor\.memoryOverhead":\s*"5g"/ })
          .waitFor({ timeout: WAIT });
        await runCommand(page, 'EMR Spark: Show sizing plan');
        await page.locator('.tabs-container .tab.active').filter({ hasText: 'Sizing plan' }).waitFor({ timeout: WAIT });
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await frame.locator('body').filter({ hasText: 'r5.12xlarge' }).waitFor({ timeout: WAIT });
        // The picture for the docs: the plan alone, across the window.
        await runCommand(page, 'View: Toggle Maximize Editor Group');
        await page.locator(`.tabs-container .tab[data-resource-name="${CLUSTER}"]`).waitFor({ state: 'hidden', timeout: WAIT });
        await page.waitForFunction(() => {
          const frame = document.querySelector('iframe.webview.ready');
          return frame && frame.getBoundingClientRect().width > window.innerWidth * 0.6;
        }, undefined, { timeout: WAIT });
        await frame.locator('body').filter({ hasText: 'r5.12xlarge' }).waitFor({ timeout: WAIT });
        await shot(page, 'e2e-plan.png');
      },
    },
    {
      id: 'h',
      name: 'CloudFormation YAML: SPK001 in Problems on a spark-submit --conf, quick fix applied, the template still valid YAML',
      async run(page) {
        // One editor group, whatever the checks before left open (the plan view opens beside the file).
        await runCommand(page, 'View: Close All Editor Groups');
        await openFile(page, TEMPLATE);
        await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ timeout: WAIT });
        const row = await problemRow(page, 'SPK001');
        if (!/\[Ln 53, Col 17\]/.test(row)) fail(`SPK001 is not at line 53, column 17: "${row}"`);
        if (!/spark\.executors\.cores/.test(row)) fail(`SPK001 does not name the key: "${row}"`);
        await closePanel(page);
        await goTo(page, 53, 17);
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget');
        const action = menu.locator('.monaco-list-row[aria-label=\'Rename to "spark.executor.cores"\']');
        await action.first().waitFor({ state: 'visible', timeout: WAIT });
        await accept(page, menu, action);
        await page.locator(`.tabs-container .tab.dirty[data-resource-name="${TEMPLATE}"]`).waitFor({ timeout: WAIT });
        await save(page, TEMPLATE);
        const text = await waitForFile(templateFile, (t) => t.includes('- spark.executor.cores=4'), 'got "- spark.executor.cores=4"');
        const document = parseYamlDocument(text, { uniqueKeys: false });
        if (document.errors.length > 0) fail(`the template is no longer valid YAML: ${document.errors[0].message}`);
      },
      async cleanup() {
        fs.copyFileSync(path.join(ROOT, 'examples', TEMPLATE), templateFile);
      },
    },
  ];
}

// ---------------------------------------------------------------- main

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const started = Date.now();
  const watchdog = setTimeout(() => {
    log(`FAIL  the run exceeded ${RUN_TIMEOUT / 60_000} minutes`);
    stopCodeServer();
    const passed = results.filter((r) => !r.error).length;
    log(`${passed} passed, ${(ONLY?.size ?? CHECK_COUNT) - passed} failed`);
    process.exit(1);
  }, RUN_TIMEOUT);
  watchdog.unref();

  const dirs = prepareFolders();
  const ext = installExtension(dirs);
  log(`installed ${ext} into ${dirs.extensions}`);
  const port = await freePort();
  await startCodeServer(dirs, port);
  log(`code-server (pid ${codeServer.pid}) on 127.0.0.1:${port}, ${Date.now() - started} ms after start`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADED,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  log(`workbench loaded, ${Date.now() - started} ms after start`);

  for (const check of checks(dirs)) {
    if (ONLY && !ONLY.has(check.id)) continue;
    const t0 = Date.now();
    let error;
    try {
      await withTimeout(check.run(page), CHECK_TIMEOUT);
    } catch (e) {
      error = e;
    }
    const ms = Date.now() - t0;
    if (error) {
      const file = path.join(E2E_DIR, `failure-${check.id}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      log(`FAIL  ${check.id}. ${check.name} (${ms} ms)\n      ${String(error.message ?? error).replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 8).join('\n      ')}\n      screenshot: ${path.relative(ROOT, file)}`);
    } else {
      log(`PASS  ${check.id}. ${check.name} (${ms} ms)`);
    }
    // Leave no menu, widget or unsaved edit behind for the next check.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => {});
    if (check.cleanup) {
      await withTimeout(check.cleanup(page), CHECK_TIMEOUT).catch((e) => log(`      (cleanup after ${check.id} failed: ${String(e.message ?? e).split('\n')[0]})`));
    }
    results.push({ check, error });
  }

  await browser.close();
  browser = undefined;
  const passed = results.filter((r) => !r.error).length;
  const failed = results.length - passed;
  log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (e) {
  log(`FAIL  ${e.stack ?? e}`);
  const passed = results.filter((r) => !r.error).length;
  log(`${passed} passed, ${(ONLY?.size ?? CHECK_COUNT) - passed} failed`);
} finally {
  await browser?.close().catch(() => {});
  stopCodeServer();
  if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
