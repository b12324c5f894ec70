import { editStampOf } from '../formats/editStamps';
import type { Span } from './text';

/**
 * The node to keep a result by: only in a document read again after an edit. A file read once (by the CLI, or when
 * it is opened) keeps nothing.
 */
export function nodeToKeep(model: { readonly readAfterEdit?: boolean }, node: object | undefined): object | undefined {
  return model.readAfterEdit ? node : undefined;
}

interface Kept<T> {
  stamp: number | undefined;
  key: string;
  start: number;
  length: number;
  value: T;
}

/**
 * What a computation found in the text of one subtree (a classification, an item of a Configurations array), kept
 * per syntax node: asked again about the same node, not edited inside since (formats/editStamps.ts), with the same
 * key, it answers what it kept, moved to where the subtree now is. Nodes are kept across the versions of one
 * document only (formats/json/incremental.ts), so one memo serves every document; what it keeps goes with the nodes.
 */
export class SubtreeMemo<T> {
  private readonly kept = new WeakMap<object, Kept<T>>();

  /**
   * `move` gives a copy of a value with every offset moved by `by`; `keepable` tells whether a value can be moved
   * with its subtree (every offset it holds inside the subtree's span).
   */
  constructor(
    private readonly move: (value: T, by: number) => T,
    private readonly keepable: (value: T, span: Span) => boolean = () => true,
  ) {}

  /**
   * The value for the subtree read from `node` in `model`: kept or computed, and kept only in a document being edited
   * (nodeToKeep). `keyOf` names everything `compute` reads besides the subtree's text (its place, the document's kind),
   * asked for only when something may be kept; `stillValid`, when given, checks a kept value against what is too
   * costly to put in the key for every subtree.
   */
  get(model: { readonly readAfterEdit?: boolean }, node: object | undefined, span: Span, keyOf: () => string, compute: () => T, stillValid?: (value: T) => boolean): T {
    const keptBy = nodeToKeep(model, node);
    if (!keptBy) return compute();
    const key = keyOf();
    const { start, end } = span;
    const stamp = editStampOf(keptBy);
    const kept = this.kept.get(keptBy);
    if (kept && kept.stamp === stamp && kept.key === key && kept.length === end - start) {
      const value = this.move(kept.value, start - kept.start);
      if (!stillValid || stillValid(value)) return value;
    }
    const value = compute();
    if (this.keepable(value, span)) this.kept.set(keptBy, { stamp, key, start, length: end - start, value: this.move(value, 0) });
    else this.kept.delete(keptBy);
    return value;
  }
}
