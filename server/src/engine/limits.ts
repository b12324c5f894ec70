import { compareFindings, SEVERITY_ORDER, type Finding } from './findings';
import { groupDigits } from './units';

/**
 * Findings reported per file at most. A 4 MiB file of repeated mistakes gave 160,000 findings, which took the
 * editor 20 s to receive and made 125 MB of SARIF; nobody reads past the first thousand.
 */
export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * The findings to report when there are too many: the most severe first, in document order among equals, then
 * put back in document order; and how many were left out.
 */
export function capFindings(findings: Finding[], max: number = MAX_FINDINGS_PER_FILE): { kept: Finding[]; omitted: number } {
  if (findings.length <= max) return { kept: findings, omitted: 0 };
  const kept = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareFindings(a, b)).slice(0, max);
  kept.sort(compareFindings);
  return { kept, omitted: findings.length - max };
}

/** The sentence that stands for the findings left out. */
export function omittedFindingsMessage(omitted: number, max = MAX_FINDINGS_PER_FILE): string {
  return `${groupDigits(omitted)} more finding${omitted === 1 ? ' is' : 's are'} not shown: at most ${groupDigits(max)} are reported per file, the most severe first.`;
}
