import type { Analysis } from '../analysis/analyze';
import { LineIndex } from '../engine/text';

/** One checked file as the CLI formatters see it. */
export interface CheckedFile {
  path: string;
  analysis: Analysis;
  lines: LineIndex;
}

export function checkedFile(path: string, analysis: Analysis): CheckedFile {
  return { path, analysis, lines: new LineIndex(analysis.model.text) };
}
