import type { Analysis } from '../analysis/analyze';
import type { Finding, Fix, TextEdit } from '../engine/findings';
import type { Span } from '../engine/text';
import { recomputeFix, sparkDefaultsTarget } from '../sizing/recompute';

/** A quick fix to offer: its edits, and the finding it fixes (none for fix-all and Recompute). */
export interface ActionSpec {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** The finding this action fixes, as the editor names it (rule ID and range). */
  fixes?: Finding;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function overlaps(fixes: Fix[]): boolean {
  const spans = fixes.flatMap((f) => f.edits.map((e) => e.span)).sort((a, b) => a.start - b.start);
  return spans.some((s, i) => i > 0 && s.start < spans[i - 1].end);
}

/**
 * Quick fixes for the findings the editor asks about (by rule ID and span, located in the current analysis); "fix all
 * of this kind" when the file has several independent ones; Recompute when the cursor is on a spark-defaults
 * classification (or anywhere in a properties file).
 */
export function codeActions(analysis: Analysis, asked: readonly { ruleId: string; span: Span }[], cursor: Span): ActionSpec[] {
  const actions: ActionSpec[] = [];
  const seenKinds = new Set<string>();
  for (const question of asked) {
    const finding = analysis.findings.find((f) => f.ruleId === question.ruleId && sameSpan(f.span, question.span));
    if (!finding) continue;
    for (const fix of finding.fixes) actions.push({ title: fix.title, edits: fix.edits, preferred: fix.preferred, fixes: finding });
    if (seenKinds.has(finding.ruleId)) continue;
    seenKinds.add(finding.ruleId);
    const all = analysis.findings.filter((f) => f.ruleId === finding.ruleId && f.fixes.length > 0).map((f) => f.fixes.find((x) => x.preferred) ?? f.fixes[0]);
    if (all.length > 1 && !overlaps(all)) actions.push({ title: `Fix all ${finding.rule} problems in this file (${all.length})`, edits: all.flatMap((f) => f.edits) });
  }
  const target = sparkDefaultsTarget(analysis.model, analysis.sizing);
  const onSparkDefaults = analysis.model.format === 'properties' || (target !== undefined && cursor.start >= target.span.start && cursor.start <= target.span.end);
  const recompute = onSparkDefaults ? recomputeFix(analysis.model, analysis.sizing) : undefined;
  if (recompute && !actions.some((a) => a.title === recompute.title)) actions.push({ title: recompute.title, edits: recompute.edits });
  return actions;
}
