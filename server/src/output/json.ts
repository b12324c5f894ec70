import type { CheckedFile } from './checkResult';
import { oneBasedEdit, oneBasedRange } from './positions';
import { sizingJson } from './sizing';

export function jsonReport(files: CheckedFile[]) {
  return {
    version: 2,
    files: files.map((file) => ({
      path: file.path,
      format: file.analysis.model.format,
      shape: file.analysis.model.recognized ? file.analysis.model.shape.id : undefined,
      recognized: file.analysis.model.recognized,
      unrecognized: file.analysis.model.unrecognized,
      findings: file.analysis.findings.map((f) => ({
        ruleId: f.ruleId,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: oneBasedRange(file.lines, f.span),
        path: f.path,
        fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => oneBasedEdit(file.lines, e)) })),
        related: f.related.map((r) => ({ message: r.message, range: oneBasedRange(file.lines, r.span) })),
      })),
      sizing: file.analysis.model.recognized ? sizingJson(file.analysis.sizing) : undefined,
    })),
  };
}

export function formatJson(files: CheckedFile[]): string {
  return JSON.stringify(jsonReport(files), null, 2) + '\n';
}
