import type { Finding } from './findings';
import type { ConfigModel } from './model';

const DIRECTIVE = /^[#!]\s*emr-spark-lint-disable-next-line\s+(.*)$/;

/** Splits "ID, name -- reason" at the first " --". */
function splitReason(body: string): { rules: string; reason?: string } {
  const at = body.search(/\s--(\s|$)/);
  return at < 0 ? { rules: body } : { rules: body.slice(0, at), reason: body.slice(at).replace(/^\s--\s*/, '') };
}

export interface Suppression {
  /** Rule IDs or names the directive names. */
  rules: string[];
  reason?: string;
  /** The entry the directive applies to: the one starting on the next line. */
  start: number;
  end: number;
}

/** `# emr-spark-lint-disable-next-line <ID|name>[, ...] -- reason` comments of a properties file. */
export function suppressionsOf(model: ConfigModel): Suppression[] {
  if (model.format !== 'spark-properties') return [];
  const entries = model.scopes[0]?.classifications[0]?.properties ?? [];
  const out: Suppression[] = [];
  for (const comment of model.comments) {
    const match = DIRECTIVE.exec(comment.text.trim());
    if (!match) continue;
    const afterComment = model.text.slice(comment.span.end).match(/^(\r\n|\r|\n)/);
    if (!afterComment) continue;
    const nextLine = comment.span.end + afterComment[0].length;
    const entry = entries.find((e) => e.entrySpan.start >= nextLine && !/[\r\n]/.test(model.text.slice(nextLine, e.entrySpan.start)));
    if (!entry) continue;
    const { rules, reason } = splitReason(match[1]);
    out.push({ rules: rules.split(/[\s,]+/).filter((r) => r !== ''), reason: reason?.trim() || undefined, start: entry.entrySpan.start, end: entry.entrySpan.end });
  }
  return out;
}

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  return suppressions.some(
    (s) => finding.span.start >= s.start && finding.span.start <= s.end && (s.rules.includes(finding.ruleId) || s.rules.includes(finding.rule)),
  );
}
