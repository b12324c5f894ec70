/**
 * Marks on the syntax nodes that a reader keeps across an edit (formats/json/incremental.ts) but whose text the edit
 * changed: the node read again and every node holding it. A kept node whose mark is the same as when it was last
 * seen has the same text as then, moved at most; a node never marked was never edited inside.
 */
const stamps = new WeakMap<object, number>();
let lastStamp = 0;

/** Marks the node and the nodes holding it (through `parent`) as changed by one new edit. */
export function markEdited(node: { readonly parent?: object }): void {
  const stamp = ++lastStamp;
  for (let n: { readonly parent?: object } | undefined = node; n; n = n.parent as { readonly parent?: object } | undefined) stamps.set(n, stamp);
}

/** The node's mark: undefined when no edit changed its text since it was read. */
export function editStampOf(node: object): number | undefined {
  return stamps.get(node);
}
