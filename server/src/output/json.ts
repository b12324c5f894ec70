import { omittedFindingsMessage } from '../engine/limits';
import type { CheckedFile } from './checkResult';
import { oneBasedEdit, oneBasedRange } from './positions';
import { sizingJson } from './sizing';

export const EDITS_OMITTED = 'the edits would write a secret value of the file; apply this fix in the editor';

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
        // Edits that would write a secret of the file are left out, and the fix says so.
        fixes: f.fixes.map((fix) =>
          fix.carriesSecret ? { title: fix.title, edits: [], editsOmitted: EDITS_OMITTED } : { title: fix.title, edits: fix.edits.map((e) => oneBasedEdit(file.lines, e)) },
        ),
        related: f.related.map((r) => ({ message: r.message, range: oneBasedRange(file.lines, r.span) })),
      })),
      ...(file.analysis.omittedFindings ? { omittedFindings: file.analysis.omittedFindings, omittedFindingsMessage: omittedFindingsMessage(file.analysis.omittedFindings) } : {}),
      ...(file.projectFile !== undefined ? { projectFile: file.projectFile } : {}),
      sizing: file.analysis.model.recognized ? sizingJson(file.analysis.sizing) : undefined,
      submissions: file.analysis.submissionSizing.length > 0 ? file.analysis.submissionSizing.map((s) => ({ label: s.label, sizing: sizingJson(s.sizing) })) : undefined,
    })),
  };
}

export function formatJson(files: CheckedFile[]): string {
  return JSON.stringify(jsonReport(files), null, 2) + '\n';
}
