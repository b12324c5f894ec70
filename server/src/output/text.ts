import type { Severity } from '../engine/findings';
import type { CheckedFile } from './checkResult';
import { oneBasedRange } from './positions';
import { sizingText } from './sizing';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

export function formatText(files: CheckedFile[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    if (!file.analysis.model.recognized) {
      lines.push(`${file.path}: skipped, not an EMR configuration: ${file.analysis.model.unrecognized ?? 'its shape is not one EMR takes'}`);
      continue;
    }
    for (const finding of file.analysis.findings) {
      const { start } = oneBasedRange(file.lines, finding.span);
      counts[finding.severity]++;
      lines.push(`${file.path}:${start.line}:${start.column}  ${LABEL[finding.severity]}  ${finding.ruleId}  ${finding.message}`);
    }
    const sizing = sizingText(file.analysis.sizing);
    if (sizing.length > 0) lines.push(`${file.path}:`, ...sizing);
    // A document that describes its cluster but could not be sized says why.
    else if (file.analysis.model.cluster.groups.length > 0 && file.analysis.sizing.unavailable) lines.push(`${file.path}:`, `  not sized: ${file.analysis.sizing.unavailable}`);
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = files.filter((f) => f.analysis.model.recognized).length;
  const skipped = files.length - checked;
  const counted = `${plural(checked, 'file')} checked${skipped > 0 ? ` (${skipped} skipped)` : ''}`;
  lines.push(total === 0 ? `${counted}, no problems found` : `${counted}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info`);
  return lines.join('\n') + '\n';
}
