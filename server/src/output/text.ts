import type { Severity } from '../engine/findings';
import { omittedFindingsMessage } from '../engine/limits';
import type { CheckedFile } from './checkResult';
import { oneBasedRange } from './positions';
import { sizingText } from './sizing';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** A file name or a message on one line: control characters (a newline in a name or key) written as \uXXXX escapes. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line per project file that applied, naming the files it applied to (or all). */
function projectFileLines(files: CheckedFile[]): string[] {
  const byProjectFile = new Map<string, string[]>();
  for (const file of files) {
    if (file.projectFile === undefined) continue;
    const paths = byProjectFile.get(file.projectFile);
    if (paths) paths.push(file.path);
    else byProjectFile.set(file.projectFile, [file.path]);
  }
  return [...byProjectFile].map(([projectFile, paths]) => {
    const which = paths.length === files.length ? (files.length === 1 ? 'this file' : `all ${files.length} files`) : paths.map(oneLine).join(', ');
    return `settings from ${oneLine(projectFile)} applied to ${which}`;
  });
}

export function formatText(files: CheckedFile[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    if (!file.analysis.model.recognized) {
      lines.push(`${oneLine(file.path)}: skipped, not an EMR configuration: ${file.analysis.model.unrecognized ?? 'its shape is not one EMR takes'}`);
      continue;
    }
    for (const finding of file.analysis.findings) {
      const { start } = oneBasedRange(file.lines, finding.span);
      counts[finding.severity]++;
      lines.push(`${oneLine(file.path)}:${start.line}:${start.column}  ${LABEL[finding.severity]}  ${finding.ruleId}  ${oneLine(finding.message)}`);
    }
    if (file.analysis.omittedFindings) lines.push(`${oneLine(file.path)}: ${omittedFindingsMessage(file.analysis.omittedFindings)}`);
    const sizing = sizingText(file.analysis.sizing, file.analysis.submissionSizing);
    if (sizing.length > 0) lines.push(`${oneLine(file.path)}:`, ...sizing);
    // A document that describes its cluster but could not be sized says why.
    else if (file.analysis.model.cluster.groups.length > 0 && file.analysis.sizing.unavailable) lines.push(`${oneLine(file.path)}:`, `  not sized: ${file.analysis.sizing.unavailable}`);
  }
  lines.push(...projectFileLines(files));
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = files.filter((f) => f.analysis.model.recognized).length;
  const skipped = files.length - checked;
  const counted = `${plural(checked, 'file')} checked${skipped > 0 ? ` (${skipped} skipped)` : ''}`;
  lines.push(total === 0 ? `${counted}, no problems found` : `${counted}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info`);
  return lines.join('\n') + '\n';
}
