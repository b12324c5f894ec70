import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';

/**
 * Pulled diagnostics with result ids: a document whose diagnostics are what the client was last sent is answered
 * "unchanged" (LSP 3.17), so a keystroke that moves no squiggle costs no serialisation, transport or client-side
 * parsing of the whole list. Ids are per document and never reused while the server runs.
 */
export class PullReports {
  private readonly last = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private counter = 0;

  report(uri: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && previousResultId === last.resultId && sameDiagnostics(last.items, items)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

/** Field by field, as the client would see them (the diagnostics are plain data: no functions, no cycles). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.message !== y.message ||
      x.code !== y.code ||
      x.severity !== y.severity ||
      x.source !== y.source ||
      x.codeDescription?.href !== y.codeDescription?.href ||
      !sameRange(x.range, y.range) ||
      x.data !== undefined ||
      y.data !== undefined ||
      x.tags !== undefined ||
      y.tags !== undefined
    ) {
      return false;
    }
    const rx = x.relatedInformation ?? [];
    const ry = y.relatedInformation ?? [];
    if (rx.length !== ry.length) return false;
    for (let j = 0; j < rx.length; j++) {
      if (rx[j].message !== ry[j].message || rx[j].location.uri !== ry[j].location.uri || !sameRange(rx[j].location.range, ry[j].location.range)) return false;
    }
  }
  return true;
}
