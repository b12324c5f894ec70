import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Requests, type InstanceTypeView, type PlanEditsParams, type SizingResult, type TemplateParams, type TextEditView } from '../../server/src/protocol';
import { SERVER_NODE_OPTIONS } from '../../server/src/serverProcess';
import { planHtml } from './planView';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
let planPanel: vscode.WebviewPanel | undefined;

const LANGUAGES = ['json', 'jsonc', 'yaml', 'spark-properties'];
const SELECTOR = LANGUAGES.map((language) => ({ language }));

function isCandidate(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && LANGUAGES.includes(document.languageId);
}

function gib(mib: number | undefined): string {
  return mib === undefined ? '?' : `${Math.round((mib / 1024) * 10) / 10} GiB`;
}

async function sizingOf(document: vscode.TextDocument): Promise<SizingResult | undefined> {
  if (!client) return undefined;
  return client.sendRequest<SizingResult>(Requests.sizing, { uri: document.uri.toString() });
}

async function refreshStatus(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!statusItem) return;
  if (!isCandidate(document)) {
    statusItem.hide();
    return;
  }
  try {
    const sizing = await sizingOf(document);
    if (!sizing?.summary || !sizing.cluster || !sizing.evaluation) {
      statusItem.hide();
      return;
    }
    const first = sizing.cluster[0];
    const running = Math.min(sizing.evaluation.capacity, sizing.evaluation.requestedInstances ?? sizing.evaluation.capacity);
    statusItem.text = `$(server-process) ${first.instanceType} x${first.nodes} · ${running} executors · ${Math.round(sizing.evaluation.yarnMemoryUsedPercent)} % YARN`;
    statusItem.tooltip = `${sizing.summary}\nClick to show the sizing plan.`;
    statusItem.show();
  } catch {
    statusItem.hide();
  }
}

async function applyServerEdits(document: vscode.TextDocument, edits: TextEditView[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

async function pickCluster(): Promise<{ instanceType: string; instanceCount: number } | undefined> {
  const types = await client!.sendRequest<InstanceTypeView[]>(Requests.instanceTypes);
  const picked = await vscode.window.showQuickPick(
    types.map((t) => ({ label: t.name, description: `${t.vcpu} vCPU · ${gib(t.memoryMiB)} · YARN ${gib(t.yarnMemoryMiB)}` })),
    { title: 'Instance type of the core nodes', placeHolder: 'r5.12xlarge', matchOnDescription: true },
  );
  if (!picked) return undefined;
  const count = await vscode.window.showInputBox({
    title: `Number of ${picked.label} core nodes`,
    value: '2',
    validateInput: (v) => (/^[1-9][0-9]{0,3}$/.test(v.trim()) ? undefined : 'A whole number from 1 to 9999'),
  });
  if (!count) return undefined;
  return { instanceType: picked.label, instanceCount: Number(count.trim()) };
}

async function recomputeForInstanceType(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!client || !isCandidate(document)) {
    void vscode.window.showWarningMessage('Open an EMR configuration or a spark-defaults.conf first.');
    return;
  }
  const cluster = await pickCluster();
  if (!cluster) return;
  const method = await vscode.window.showQuickPick(
    [
      { label: 'yarn', description: 'the largest executors that fit the YARN memory of each node (recommended)' },
      { label: 'guide', description: 'the published method, from the node RAM (may not fit on EMR)' },
    ],
    { title: 'Sizing method' },
  );
  if (!method) return;
  try {
    const params: PlanEditsParams = { uri: document.uri.toString(), ...cluster, method: method.label as 'yarn' | 'guide' };
    await applyServerEdits(document, await client.sendRequest<TextEditView[]>(Requests.planEdits, params));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write the plan: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function showSizingPlan(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors.find((e) => isCandidate(e.document))?.document;
  if (!client || !isCandidate(document)) {
    void vscode.window.showWarningMessage('Open an EMR configuration or a spark-defaults.conf first.');
    return;
  }
  const sizing = await sizingOf(document);
  if (!planPanel) {
    planPanel = vscode.window.createWebviewPanel('emrSpark.sizingPlan', 'Sizing plan', vscode.ViewColumn.Beside, { enableScripts: false, localResourceRoots: [] });
    planPanel.onDidDispose(() => (planPanel = undefined));
  }
  planPanel.title = 'Sizing plan';
  planPanel.webview.html = planHtml(sizing ?? { unavailable: 'the language server did not answer' }, randomBytes(16).toString('base64'), path.basename(document.uri.fsPath));
  planPanel.reveal(vscode.ViewColumn.Beside, true);
}

async function insertTemplate(): Promise<void> {
  if (!client) return;
  const shape = await vscode.window.showQuickPick(
    [
      { label: 'Cluster request', description: 'run-job-flow JSON with instance groups and Configurations', shape: 'cluster' as const },
      { label: 'Configurations array', description: 'for create-cluster --configurations', shape: 'configurations' as const },
    ],
    { title: 'Insert EMR configuration template' },
  );
  if (!shape) return;
  const cluster = await pickCluster();
  if (!cluster) return;
  const params: TemplateParams = { shape: shape.shape, ...cluster };
  const text = await client.sendRequest<string>(Requests.template, params);
  const editor = vscode.window.activeTextEditor;
  if (editor && (editor.document.languageId === 'json' || editor.document.languageId === 'jsonc')) {
    await editor.edit((b) => b.insert(editor.selection.active, text));
  } else {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: text }));
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6010'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('EMR Spark Config', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel,
    synchronize: { configurationSection: 'emrSpark' },
  };
  client = new LanguageClient('emrSpark', 'EMR Spark Config', serverOptions, clientOptions);

  statusItem = vscode.window.createStatusBarItem('emrSpark.sizing', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'EMR Spark sizing';
  statusItem.command = 'emrSpark.showSizingPlan';

  context.subscriptions.push(
    outputChannel,
    statusItem,
    vscode.commands.registerCommand('emrSpark.recomputeForInstanceType', recomputeForInstanceType),
    vscode.commands.registerCommand('emrSpark.showSizingPlan', showSizingPlan),
    vscode.commands.registerCommand('emrSpark.insertTemplate', insertTemplate),
    vscode.commands.registerCommand('emrSpark.restartServer', async () => {
      await client?.restart();
      void refreshStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.languages.onDidChangeDiagnostics(() => void refreshStatus()),
  );
  await client.start();
  void refreshStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
