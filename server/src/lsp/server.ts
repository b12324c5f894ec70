import { existsSync } from 'node:fs';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROJECT_FILE_NAME } from '../config/projectConfig';
import { codeActions } from '../services/codeActions';
import { RECOMPUTE_COMMAND, sizingLenses } from '../services/codeLens';
import { completions } from '../services/completion';
import { hoverMarkdown } from '../services/hover';
import { toCompletionItem } from './completion';
import { SOURCE, toDiagnostic, toRange } from './diagnostics';
import { AnalysisScheduler } from './analysisScheduler';
import { DocumentCache, type CachedDocument } from './documentCache';
import { guarded, isValidPosition, isValidRange } from './guard';
import { PullReports } from './pullReports';
import { IdleCollector } from './idleCollector';
import { Configuration, type EditorSettings } from './settings';
import { recomputeFix } from '../sizing/recompute';
import { omittedFindingsMessage } from '../engine/limits';
import { Requests, type PlanEditsParams, type SizingParams, type SizingResult, type TemplateParams } from '../protocol';
import { instanceTypeViews, planEdits, releaseLabelsNewestFirst, sizingResult, templateText } from './customRequests';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Wires the handlers onto a connection; the transport is the caller's business. */
export function startServer(connection: Connection): void {
  const configuration = new Configuration();
  const cache = new DocumentCache((uri) => configuration.optionsFor(uri));
  // Each change is applied as TextDocument.update does, one at a time, and logged for the cache on the way.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      if (changes.length === 0) return TextDocument.update(document, changes, version);
      for (const change of changes) {
        cache.recordChange(document, change);
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  });
  let pullDiagnostics = false;
  let canReadSettings = false;
  // Until the settings have arrived, opened documents wait: analysing them without would publish findings twice.
  let ready = false;
  let shownProblem: string | undefined;

  // The diagnostics of each analysed version, made once however often they are asked for.
  const converted = new WeakMap<CachedDocument, Diagnostic[]>();
  const pullReports = new PullReports();
  const idle = new IdleCollector();

  function diagnosticsFor(entry: CachedDocument, uri: string): Diagnostic[] {
    let diagnostics = converted.get(entry);
    if (!diagnostics) {
      converted.set(entry, (diagnostics = convert(entry, uri)));
      idle.touch();
    }
    return diagnostics;
  }

  function convert(entry: CachedDocument, uri: string): Diagnostic[] {
    if (entry.skipped === 'too-large') {
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, source: SOURCE, message: 'This file is larger than 4 MiB (in UTF-8), so EMR Spark Config does not check it.' }];
    }
    if (!entry.analysis) return [];
    for (const failure of entry.analysis.ruleFailures) connection.console.error(`rule ${failure.ruleId} failed on ${uri}: ${failure.error}`);
    const diagnostics = entry.analysis.findings.map((f) => toDiagnostic(f, entry.lines, uri));
    const omitted = entry.analysis.omittedFindings;
    if (omitted) diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: SOURCE, message: omittedFindingsMessage(omitted) });
    return diagnostics;
  }

  /** Analyses the document (unless cached) and pushes its diagnostics; answers what the analysis cost. */
  function publish(document: TextDocument): number | undefined {
    if (pullDiagnostics || !ready) return undefined;
    try {
      const entry = cache.get(document);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnosticsFor(entry, document.uri) });
      return entry.costMs;
    } catch (error) {
      connection.console.error(`analysis of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  const scheduler = new AnalysisScheduler((uri) => {
    const document = documents.get(uri);
    return document ? publish(document) : undefined;
  });

  function refreshAll(): void {
    cache.clear();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) publish(document);
    void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  async function loadSettings(): Promise<void> {
    if (canReadSettings) {
      const settings = (await connection.workspace.getConfiguration('emrSpark').catch(() => undefined)) as EditorSettings | undefined;
      configuration.setEditorSettings(settings);
    }
    configuration.reloadProjectFile(existsSync);
    if (configuration.problem) {
      connection.console.warn(configuration.problem);
      // Shown once per problem: a project file that cannot be used changes every file's findings.
      if (configuration.problem !== shownProblem) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `EMR Spark Config: ${configuration.problem}` });
    }
    shownProblem = configuration.problem;
  }

  const analysed = (uri: string) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const entry = cache.get(document);
    return entry.analysis ? { document, entry, analysis: entry.analysis } : undefined;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    canReadSettings = params.capabilities.workspace?.configuration === true;
    configuration.setRoot(params.workspaceFolders?.[0]?.uri ?? params.rootUri);
    configuration.reloadProjectFile(existsSync);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: ['"', '.', ' ', '='] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [RECOMPUTE_COMMAND] },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'emr-spark-config', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canReadSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'emrSpark' }).catch(() => undefined);
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_FILE_NAME}` }] }).catch(() => undefined);
    await loadSettings();
    ready = true;
    refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!canReadSettings) configuration.setEditorSettings((change.settings as { emrSpark?: EditorSettings } | undefined)?.emrSpark);
    await loadSettings();
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(async () => {
    await loadSettings();
    refreshAll();
  });

  // Opening a document fires this too. A client that pulls diagnostics asks when it wants them: nothing to schedule.
  documents.onDidChangeContent(({ document }) => {
    if (!pullDiagnostics) scheduler.schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    scheduler.forget(document.uri);
    cache.delete(document.uri);
    pullReports.forget(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guarded(connection, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (params): DocumentDiagnosticReport => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return pullReports.report(document.uri, params.previousResultId, diagnosticsFor(cache.get(document), document.uri));
    }),
  );

  connection.onCodeAction(
    guarded(connection, 'code actions', [], (params) => {
      const uri = params.textDocument.uri;
      const found = analysed(uri);
      if (!found || !isValidRange(params.range)) return [];
      const lines = found.entry.lines;
      const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string' && isValidRange(d.range));
      const asked = ours.map((d) => ({ ruleId: d.code as string, span: { start: lines.offsetAt(d.range.start), end: lines.offsetAt(d.range.end) } }));
      const cursor = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
      return codeActions(found.analysis, asked, cursor).map((action): CodeAction => ({
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: action.fixes ? ours.filter((d) => d.code === action.fixes!.ruleId && sameRange(d.range, toRange(lines, action.fixes!.span))) : undefined,
        isPreferred: action.preferred,
        edit: { changes: { [uri]: action.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText })) } },
      }));
    }),
  );

  connection.onCompletion(
    guarded(connection, 'completion', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isValidPosition(params.position)) return [];
      const entry = cache.get(document);
      if (entry.skipped === 'too-large') return [];
      const offset = entry.lines.offsetAt(params.position);
      const model = entry.analysis?.model;
      // A JSON file that is not (yet) an EMR configuration gets nothing; a new properties file gets keys.
      if (!model) return [];
      return completions(model, offset).map((item) => toCompletionItem(item, entry.lines));
    }),
  );

  connection.onHover(
    guarded(connection, 'hover', null, (params) => {
      const found = isValidPosition(params.position) ? analysed(params.textDocument.uri) : undefined;
      if (!found) return null;
      const markdown = hoverMarkdown(found.analysis, found.entry.lines.offsetAt(params.position));
      return markdown ? { contents: { kind: 'markdown', value: markdown } } : null;
    }),
  );

  connection.onCodeLens(
    guarded(connection, 'code lens', [], (params) => {
      const found = analysed(params.textDocument.uri);
      if (!found) return [];
      return sizingLenses(found.analysis).map((lens) => ({
        range: toRange(found.entry.lines, lens.span),
        command: lens.recompute
          ? { title: lens.title, command: RECOMPUTE_COMMAND, arguments: [params.textDocument.uri, found.document.version] }
          : { title: lens.title, command: '' },
      }));
    }),
  );

  connection.onExecuteCommand(
    guarded(connection, 'execute command', null, (params) => {
      if (params.command !== RECOMPUTE_COMMAND) return null;
      const [uri] = (params.arguments ?? []) as [string, number];
      const found = analysed(uri);
      const fix = found ? recomputeFix(found.analysis.model, found.analysis.sizing) : undefined;
      if (!found || !fix) return null;
      void connection.workspace.applyEdit({ label: fix.title, edit: { changes: { [uri]: fix.edits.map((e) => ({ range: toRange(found.entry.lines, e.span), newText: e.newText })) } } });
      return null;
    }),
  );

  connection.onRequest(
    Requests.sizing,
    guarded(connection, 'sizing', { unavailable: 'the document is not open' } as SizingResult, (params: SizingParams) => {
      const found = analysed(params.uri);
      return found ? sizingResult(found.analysis.sizing) : { unavailable: 'not an EMR configuration or spark-defaults file' };
    }),
  );
  connection.onRequest(Requests.instanceTypes, guarded(connection, 'instance types', [], () => instanceTypeViews()));
  connection.onRequest(Requests.releaseLabels, guarded(connection, 'release labels', [], () => releaseLabelsNewestFirst()));
  // These two report a problem to the client as an error response, so the user sees why nothing was written.
  connection.onRequest(Requests.planEdits, (params: PlanEditsParams) => {
    const found = analysed(params.uri);
    if (!found) throw new Error('the document is not an EMR configuration or spark-defaults file');
    return planEdits(found.analysis, found.entry.lines, params);
  });
  connection.onRequest(Requests.template, (params: TemplateParams) => templateText(params));

  documents.listen(connection);
  connection.listen();
}
