import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../engine/analyze';
import { DocumentCache } from './documentCache';
import { SOURCE, toDiagnostic, type DiagnosticData } from './diagnostics';

const DEBOUNCE_MS = 150;

/** Wires the handlers onto a connection; transport is the caller's business. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const options: AnalysisOptions = {};
  const cache = new DocumentCache(() => options);
  const pending = new Map<string, NodeJS.Timeout>();

  function diagnosticsFor(document: TextDocument): Diagnostic[] {
    const entry = cache.get(document);
    if (entry.skipped === 'too-large') {
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 2,
          source: SOURCE,
          message: 'This file is larger than 4 MiB, so EMR Spark Config does not check it.',
        },
      ];
    }
    if (!entry.analysis) return [];
    return entry.analysis.findings.map((f) => toDiagnostic(f, entry.lines, document.uri));
  }

  function publish(document: TextDocument): void {
    try {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnosticsFor(document) });
    } catch (error) {
      connection.console.error(`analysis of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  function schedule(document: TextDocument): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) publish(current);
      }, DEBOUNCE_MS),
    );
  }

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'emr-spark-config', version: '0.1.0' },
    }),
  );

  documents.onDidOpen(({ document }) => publish(document));
  documents.onDidChangeContent(({ document }) => schedule(document));
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    cache.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    try {
      const actions: CodeAction[] = [];
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const data = diagnostic.data as DiagnosticData | undefined;
        for (const fix of data?.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: { changes: { [params.textDocument.uri]: fix.edits } },
          });
        }
      }
      return actions;
    } catch (error) {
      connection.console.error(`code actions failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  });

  documents.listen(connection);
  connection.listen();
}
