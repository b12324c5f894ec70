import type { TextEdit } from '../engine/findings';
import { LineIndex, type Span } from '../engine/text';

export interface OneBasedPosition {
  line: number;
  column: number;
}

export interface OneBasedRange {
  start: OneBasedPosition;
  end: OneBasedPosition;
}

export function oneBasedRange(lines: LineIndex, span: Span): OneBasedRange {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return {
    start: { line: start.line + 1, column: start.character + 1 },
    end: { line: end.line + 1, column: end.character + 1 },
  };
}

export function oneBasedEdit(lines: LineIndex, edit: TextEdit): { range: OneBasedRange; newText: string } {
  return { range: oneBasedRange(lines, edit.span), newText: edit.newText };
}
