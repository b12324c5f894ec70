import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze';
import type { Finding, Fix } from '../engine/findings';
import type { LineIndex } from '../engine/text';
import { recomputeFix, sparkDefaultsTarget } from '../sizing/recompute';
import { SOURCE, toRange } from './diagnostics';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function lspEdits(fix: Fix, lines: LineIndex): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText }));
}

function overlaps(fixes: Fix[]): boolean {
  const spans = fixes.flatMap((f) => f.edits.map((e) => e.span)).sort((a, b) => a.start - b.start);
  return spans.some((s, i) => i > 0 && s.start < spans[i - 1].end);
}

/**
 * Quick fixes for the diagnostics in the request, chosen by their code and located in the current analysis;
 * "fix all of this kind" when the file has several independent ones; Recompute on a spark-defaults classification.
 */
export function codeActions(uri: string, analysis: Analysis, lines: LineIndex, diagnostics: Diagnostic[], cursor: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  const seenKinds = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const finding = analysis.findings.find((f) => f.ruleId === diagnostic.code && sameRange(toRange(lines, f.span), diagnostic.range));
    if (!finding) continue;
    for (const fix of finding.fixes) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [uri]: lspEdits(fix, lines) } } });
    }
    if (seenKinds.has(finding.ruleId)) continue;
    seenKinds.add(finding.ruleId);
    const all = analysis.findings.filter((f: Finding) => f.ruleId === finding.ruleId && f.fixes.length > 0).map((f) => f.fixes.find((x) => x.preferred) ?? f.fixes[0]);
    if (all.length > 1 && !overlaps(all)) {
      actions.push({
        title: `Fix all ${finding.rule} problems in this file (${all.length})`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [uri]: all.flatMap((f) => lspEdits(f, lines)) } },
      });
    }
  }
  const target = sparkDefaultsTarget(analysis.model, analysis.sizing);
  const start = lines.offsetAt(cursor.start);
  const onSparkDefaults = analysis.model.format === 'spark-properties' || (target !== undefined && start >= target.span.start && start <= target.span.end);
  const recompute = onSparkDefaults ? recomputeFix(analysis.model, analysis.sizing) : undefined;
  if (recompute && !actions.some((a) => a.title === recompute.title)) {
    actions.push({ title: recompute.title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: lspEdits(recompute, lines) } } });
  }
  return actions;
}
