import type { TextEdit } from '../engine/findings';
import { span, type Span } from '../engine/text';

// Layout facts about a text that writers share: line breaks, indentation, comma-separated lists.

export function replace(target: Span, newText: string): TextEdit {
  return { span: target, newText };
}

export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset just past the line break at `offset`, or `offset` when none is there. */
export function lineEndAfter(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

/** The white space that starts the line `offset` is on, when only white space precedes `offset` there. */
export function indentationAt(text: string, offset: number): string | undefined {
  const start = lineStartBefore(text, offset);
  const prefix = text.slice(start, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/** One indentation step as the file uses it (two spaces when it cannot tell). */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1].length >= 4 && match[1].length % 4 === 0 ? '    ' : '  ';
}

/**
 * Deletes items `from` through `to` of a comma-separated list (JSON members and elements, YAML flow collections) with
 * the commas that separate them: from the end of the previous item, or up to the next one when they are first.
 * Removing every item empties the container, which `emptied` replaces.
 */
export function removeSeparatedItems(items: readonly Span[], from: number, to: number, container: Span, emptied: string): TextEdit {
  if (from === 0 && to === items.length - 1) return replace(container, emptied);
  if (from > 0) return replace(span(items[from - 1].end, items[to].end), '');
  return replace(span(items[from].start, items[to + 1].start), '');
}

// A model's lists do not change once read: their spans and each item's position are worked out once per list.
// (Per removal, they made 20,000 repeated keys or classifications take seconds: every finding offers a removal.)
const listSpans = new WeakMap<readonly object[], Span[]>();
const listPositions = new WeakMap<readonly object[], Map<object, number>>();

export function spansOf<T extends object>(list: readonly T[], spanOf: (item: T) => Span): Span[] {
  let spans = listSpans.get(list);
  if (!spans) listSpans.set(list, (spans = list.map(spanOf)));
  return spans;
}

/** The index of the first occurrence of `item` in `list`, as indexOf gives it. */
export function positionIn<T extends object>(list: readonly T[], item: T): number {
  // A list of a few hundred is searched faster than a table of it is built (a removal is offered per finding).
  if (list.length <= 256) return list.indexOf(item);
  let positions = listPositions.get(list);
  if (!positions) {
    positions = new Map();
    for (let i = list.length - 1; i >= 0; i--) positions.set(list[i], i);
    listPositions.set(list, positions);
  }
  return positions.get(item) ?? -1;
}
