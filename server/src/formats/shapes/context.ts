import type { TreeNode } from '../tree';

/** What shape readers need from the syntax they read: the text, and how its string scalars decode. */
export interface ShapeContext {
  text: string;
  /** The decoded text of a string scalar's raw text, with the document offset of each character (plus the end). */
  decode(raw: string, start: number): { text: string; offsets: number[] } | undefined;
  /** The root of the tree and its plain value, when the parser built that value on the way (JSON does). */
  root?: TreeNode;
  rootValue?: unknown;
}
