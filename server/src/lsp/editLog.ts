import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditedRange } from '../formats';

/**
 * What changed in each document since the version analysed last, as one edited range of that version's text (the
 * changes in between merged), so the next analysis can read again only what the edit touched. A change that replaces
 * the whole text, or one whose range is not known, makes it unknown until the next analysis.
 */
export class EditLog {
  private readonly logs = new Map<string, { base: number; range: EditedRange | undefined; known: boolean }>();

  /** Called before `change` is applied to `document` (its offsets are those of the document as it is). */
  record(document: TextDocument, change: TextDocumentContentChangeEvent): void {
    let log = this.logs.get(document.uri);
    if (!log) this.logs.set(document.uri, (log = { base: document.version, range: undefined, known: true }));
    if (!log.known) return;
    if (!('range' in change) || !change.range) {
      log.known = false;
      return;
    }
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    log.range = merge(log.range, start, end, change.text.length);
  }

  /** The one range that changed from `version` (the version analysed last) to the document's current text. */
  since(uri: string, version: number): EditedRange | undefined {
    const log = this.logs.get(uri);
    return log && log.known && log.base === version ? log.range : undefined;
  }

  /** The document was analysed at `version`: changes count from there. */
  reset(uri: string, version: number): void {
    this.logs.set(uri, { base: version, range: undefined, known: true });
  }

  forget(uri: string): void {
    this.logs.delete(uri);
  }
}

/**
 * The range changed so far (`range`: base-version offsets, and its end in the current text) and one more change of
 * the current text ([start, end) replaced by `inserted` characters), as one range of the base version.
 */
export function merge(range: EditedRange | undefined, start: number, end: number, inserted: number): EditedRange {
  if (!range) return { start, oldEnd: end, newEnd: start + inserted };
  const from = Math.min(range.start, start);
  // In the current text: past range.newEnd, the base text follows, moved by what the earlier changes added.
  const to = Math.max(range.newEnd, end);
  return { start: from, oldEnd: to - (range.newEnd - range.oldEnd), newEnd: to + inserted - (end - start) };
}
