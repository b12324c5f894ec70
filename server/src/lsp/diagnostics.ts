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

/** Quick fixes are not carried on the diagnostic: code actions find them in the analysis of the current version. */
export function toDiagnostic(finding: Finding, lines: LineIndex, uri: string): Diagnostic {
  const rule = ruleByIdOrName(finding.ruleId);
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
  };
}
