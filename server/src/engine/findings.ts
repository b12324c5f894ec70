import type { ModelPath } from './model';
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** A replacement of the text in `span` (offsets into the document as analysed). */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor may apply without asking (one per finding at most). */
  preferred?: boolean;
  /** The edits write a secret value of the document: machine output (JSON, SARIF) leaves them out. */
  carriesSecret?: boolean;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  path: ModelPath;
  fixes: Fix[];
  related: RelatedLocation[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || compareCodeUnits(a.ruleId, b.ruleId) || compareCodeUnits(a.message, b.message);
}

/**
 * Plain code-unit order: the same on every machine and locale, and it does not load ICU's collation data, which a
 * language server would otherwise keep resident for a tie-break (several MiB).
 */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies non-overlapping edits to a text (edits are sorted here; overlapping ones are an error). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return out + text.slice(cursor);
}
