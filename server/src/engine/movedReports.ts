import type { Fix, RelatedLocation } from './findings';
import type { ModelPath } from './model';
import type { Span } from './text';

/** A report with its fixes written out, as kept across edits. */
export interface MovableReport {
  span: Span;
  path: ModelPath;
  message: string;
  fixes: Fix[];
  related: RelatedLocation[];
}

/** The span `by` characters further on. */
export const movedSpan = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/**
 * A copy of the reports moved by `by` characters (copies: the analysis rewrites messages that show a secret). `own`
 * copies the texts too, for keeping: a message or value built from a slice of the document would keep the whole text
 * of its version.
 */
export function movedReports<R extends MovableReport>(reports: readonly R[], by: number, own: (text: string) => string = (text) => text): R[] {
  return reports.map((r) => ({
    ...r,
    span: movedSpan(r.span, by),
    path: r.path.map((step) => (typeof step === 'string' ? own(step) : step)),
    message: own(r.message),
    fixes: r.fixes.map((fix) => ({ ...fix, title: own(fix.title), edits: fix.edits.map((e) => ({ span: movedSpan(e.span, by), newText: own(e.newText) })) })),
    related: r.related.map((related) => ({ span: movedSpan(related.span, by), message: own(related.message) })),
  }));
}

function within(span: Span, extent: Span): boolean {
  return span.start >= extent.start && span.end <= extent.end;
}

/** Every place the reports name (their spans, fix edits and related locations) lies inside `extent`: they can move with it. */
export function reportsWithin(reports: readonly MovableReport[], extent: Span): boolean {
  return reports.every((r) => within(r.span, extent) && r.fixes.every((f) => f.edits.every((e) => within(e.span, extent))) && r.related.every((l) => within(l.span, extent)));
}
