import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/findings';
import type { LineIndex, Span } from '../engine/text';
import { ruleByIdOrName, ruleDocUrl } from '../rules';

export const SOURCE = 'emr-spark';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, span: Span) {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** What a quick fix needs, carried on the diagnostic so code actions never re-run the rules. */
export interface DiagnosticData {
  fixes: { title: string; preferred?: boolean; edits: { range: ReturnType<typeof toRange>; newText: string }[] }[];
}

export function toDiagnostic(finding: Finding, lines: LineIndex, uri: string): Diagnostic {
  const rule = ruleByIdOrName(finding.ruleId);
  const data: DiagnosticData = {
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred,
      edits: fix.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText })),
    })),
  };
  return {
    range: toRange(lines, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: rule ? { href: ruleDocUrl(rule) } : undefined,
    source: SOURCE,
    message: finding.message,
    relatedInformation: finding.related.length
      ? finding.related.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message }))
      : undefined,
    data,
  };
}
