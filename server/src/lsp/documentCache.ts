import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyzeModel, MAX_DOCUMENT_BYTES, type Analysis, type AnalysisOptions } from '../analysis/analyze';
import { EntryMemo } from '../analysis/entryChecks';
import { LineIndex } from '../engine/text';
import { readDocument, readDocumentAfterEdit, readsAgainAfterEdit } from '../formats';
import { EditLog } from './editLog';

export interface CachedDocument {
  uri: string;
  version: number;
  analysis?: Analysis;
  lines: LineIndex;
  /** What parsing and analysing this version took (ms). */
  costMs: number;
  /** Set when the document is not analysed, and why. */
  skipped?: 'too-large' | 'not-emr';
}

/** The path of a document's URI, for its file name (a malformed escape in the URI does not stop the analysis). */
function pathOf(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

/**
 * Whether a text is over the size limit in UTF-8 bytes, as on disk. A string's length counts UTF-16 units, which
 * undercount: one unit is up to 3 bytes, so only texts over a third of the limit need counting.
 */
export function isTooLarge(text: string): boolean {
  if (text.length > MAX_DOCUMENT_BYTES) return true;
  return text.length * 3 > MAX_DOCUMENT_BYTES && Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES;
}

/**
 * Analyses kept at most: the most recently used documents. An analysis holds the syntax tree and the model
 * (about 1 MiB per 1,000 lines), so keeping one for every open document made the server grow without bound;
 * a document whose analysis was dropped is analysed again when a handler asks for it (milliseconds).
 */
export const MAX_CACHED_ANALYSES = 16;

/**
 * One parse and one analysis per document version (and configuration), shared by every handler. The next version
 * of a document is read from what reading the last one kept, where the format can (formats/readDocumentAfterEdit):
 * the changes in between are logged as they are applied.
 */
export class DocumentCache {
  // In order of use, least recent first.
  private readonly entries = new Map<string, CachedDocument>();
  private readonly edits = new EditLog();
  // For the documents being edited: made at a document's second analysis (opening a file needs none) and dropped
  // with its analysis, so that a workspace of open files holds the kept reports of the few being typed in.
  private readonly entryMemos = new Map<string, EntryMemo>();

  constructor(private readonly optionsFor: (uri: string) => AnalysisOptions) {}

  /** To be called for each change, before it is applied to the document. */
  recordChange(document: TextDocument, change: TextDocumentContentChangeEvent): void {
    this.edits.record(document, change);
  }

  get(document: TextDocument): CachedDocument {
    const cached = this.entries.get(document.uri);
    this.entries.delete(document.uri);
    if (cached && cached.version === document.version) {
      this.entries.set(document.uri, cached);
      return cached;
    }
    // The last version's model is handed on to be read again, and is not kept.
    const entry = this.analyse(document, cached);
    this.edits.reset(document.uri, document.version);
    this.entries.set(document.uri, entry);
    if (this.entries.size > MAX_CACHED_ANALYSES) {
      const leastRecent = this.entries.keys().next().value!;
      this.entries.delete(leastRecent);
      this.entryMemos.delete(leastRecent);
    }
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.edits.forget(uri);
    this.entryMemos.delete(uri);
  }

  /** Forget every analysis, as after a configuration change. */
  clear(): void {
    this.entries.clear();
    this.entryMemos.clear();
  }

  private entryMemoOf(uri: string): EntryMemo {
    let memo = this.entryMemos.get(uri);
    if (!memo) this.entryMemos.set(uri, (memo = new EntryMemo()));
    return memo;
  }

  private analyse(document: TextDocument, previous: CachedDocument | undefined): CachedDocument {
    const start = performance.now();
    const entry = this.analyseUntimed(document, previous);
    entry.costMs = performance.now() - start;
    return entry;
  }

  private analyseUntimed(document: TextDocument, previous: CachedDocument | undefined): CachedDocument {
    const text = document.getText();
    const lines = new LineIndex(text);
    const base = { uri: document.uri, version: document.version, lines, costMs: 0 };
    if (isTooLarge(text)) return { ...base, skipped: 'too-large' };
    const query = { text, fileName: pathOf(document.uri), languageId: document.languageId };
    const edit = previous?.analysis ? this.edits.since(document.uri, previous.version) : undefined;
    const model = edit ? readDocumentAfterEdit(previous!.analysis!.model, edit, query) : readDocument(query);
    if (!model.recognized) return { ...base, skipped: 'not-emr' };
    // Kept reports are found by syntax node: only formats that keep nodes across edits can reuse them.
    const entryMemo = previous && readsAgainAfterEdit(model) ? this.entryMemoOf(document.uri) : undefined;
    return { ...base, analysis: analyzeModel(model, { ...this.optionsFor(document.uri), entryMemo }) };
  }
}
