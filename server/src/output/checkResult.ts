import type { Analysis } from '../analysis/analyze';
import { LineIndex } from '../engine/text';

/** One checked file as the CLI formatters see it. */
export interface CheckedFile {
  path: string;
  analysis: Analysis;
  lines: LineIndex;
  /** The project file whose settings applied, if one did. */
  projectFile?: string;
}

export function checkedFile(path: string, analysis: Analysis, projectFile?: string): CheckedFile {
  return { path, analysis, lines: new LineIndex(analysis.model.text), projectFile };
}
