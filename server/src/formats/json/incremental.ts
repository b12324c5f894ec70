import { createScanner, ScanError, SyntaxKind, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import type { EditedRange } from '../types';
import { detached } from '../../engine/text';
import { markEdited } from '../editStamps';
import { parseJsonTree, type JsonTree } from './syntaxTree';

/** A node while it is being moved: jsonc-parser's Node without the readonly modifiers. */
interface MutableNode {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: MutableNode;
  children?: MutableNode[];
}

/** Moves a node and everything under it by `delta` characters, without recursion. */
function shiftSubtree(node: MutableNode, delta: number): void {
  const stack: MutableNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    n.offset += delta;
    if (n.colonOffset !== undefined) n.colonOffset += delta;
    const children = n.children;
    if (children) for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
}

/** The child of a container whose text holds the range (children are in document order and do not overlap). */
function childHolding(container: MutableNode, start: number, end: number): MutableNode | undefined {
  const children = container.children ?? [];
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const child = children[mid];
    if (child.offset + child.length < start) low = mid + 1;
    else if (child.offset > end) high = mid - 1;
    else return child;
  }
  return undefined;
}

/** The deepest array or object whose brackets hold the edited range strictly inside (not the brackets themselves). */
function innermostContainer(root: MutableNode, start: number, end: number): MutableNode | undefined {
  const inside = (n: MutableNode) => (n.type === 'object' || n.type === 'array') && n.offset < start && end < n.offset + n.length;
  if (!inside(root)) return undefined;
  let container = root;
  for (;;) {
    const holder = childHolding(container, start, end);
    if (!holder) return container;
    const candidate = holder.type === 'property' ? holder.children?.[1] : holder;
    if (!candidate || !inside(candidate)) return container;
    container = candidate;
  }
}

/**
 * The string value (a member's value or an array item, not a member's name) of the container whose quotes hold the
 * edited range strictly inside: where most typing happens.
 */
function stringValueHolding(container: MutableNode, start: number, end: number): MutableNode | undefined {
  const holder = childHolding(container, start, end);
  const value = holder?.type === 'property' ? holder.children?.[1] : holder;
  if (!value || value.type !== 'string' || !(value.offset < start && end <= value.offset + value.length - 1)) return undefined;
  return value;
}

/**
 * The string's new value when its new text (`raw`, quotes included) is one string token exactly as a full parse
 * reads it, else undefined (the edit added a quote, a line break, a bad escape: the container is parsed again).
 */
function stringToken(raw: string): string | undefined {
  const scanner = createScanner(raw, false);
  if (scanner.scan() !== SyntaxKind.StringLiteral || scanner.getTokenError() !== ScanError.None || scanner.getTokenOffset() !== 0 || scanner.getTokenLength() !== raw.length) return undefined;
  const value = scanner.getTokenValue();
  return scanner.scan() === SyntaxKind.EOF ? value : undefined;
}

/** The node changed length by `delta` at its end: the nodes holding it grow and are marked edited, every node after it moves. */
function grow(node: MutableNode, delta: number): void {
  markEdited(node);
  let child = node;
  for (let holder = node.parent; holder; child = holder, holder = holder.parent) {
    holder.length += delta;
    const children = holder.children!;
    for (let i = children.indexOf(child) + 1; i < children.length; i++) shiftSubtree(children[i], delta);
  }
}

/** How many arrays and objects hold the node, itself included. */
function depthOf(node: MutableNode): number {
  let depth = 0;
  for (let n: MutableNode | undefined = node; n; n = n.parent) if (n.type === 'object' || n.type === 'array') depth++;
  return depth;
}

/** Whether any container of the subtree lies deeper than `limit` (the subtree's root at depth `rootDepth`). */
function deeperThan(root: MutableNode, rootDepth: number, limit: number): boolean {
  const nodes: MutableNode[] = [root];
  const depths: number[] = [rootDepth];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const child of node.children ?? []) {
      const value = child.type === 'property' ? child.children?.[1] : child;
      if (value && (value.type === 'object' || value.type === 'array')) {
        nodes.push(value);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * The plain value's container that holds the node's plain value, with the key or index it has there; undefined when
 * the node's value is not part of the plain value (it sits under a member that a later member of the same name
 * overrides, as getNodeValue keeps the last).
 */
function plainSlot(rootValue: unknown, node: MutableNode): { holder: Record<string | number, unknown>; key: string | number } | undefined {
  const steps: { holder: MutableNode; key: string | number; member?: MutableNode }[] = [];
  for (let n = node; n.parent; ) {
    const parent = n.parent;
    if (parent.type === 'property') {
      const object = parent.parent!;
      steps.push({ holder: object, key: parent.children![0].value as string, member: parent });
      n = object;
    } else {
      steps.push({ holder: parent, key: parent.children!.indexOf(n) });
      n = parent;
    }
  }
  let value = rootValue as Record<string | number, unknown>;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step.member) {
      const members = step.holder.children!;
      for (let j = members.length - 1; j >= 0; j--) {
        if (members[j].children?.[0]?.value === step.key) {
          if (members[j] !== step.member) return undefined;
          break;
        }
      }
    }
    if (i === 0) return { holder: value, key: step.key };
    value = value[step.key] as Record<string | number, unknown>;
  }
  return undefined;
}

/**
 * The tree and plain value of `text` after one edit, made from the tree and value of the text before it (which are
 * changed in place and must not be used again): only the string value or, else, the innermost array or object around
 * the edit is read again, the nodes after it move by the length difference. Answers undefined, leaving the old tree as it was, when that
 * cannot be done exactly as a full parse would: the old text did not parse cleanly (the caller's business), the edit
 * touches no container's inside, or the new inside does not parse cleanly as one value of the same kind. The
 * differential test (test/unit/incrementalAnalysis.test.ts) compares the results with full parses.
 */
export function reparseAfterEdit(previous: JsonTree, text: string, edit: EditedRange, options: ParseOptions, maxDepth: number): JsonTree | undefined {
  const root = previous.root as MutableNode | undefined;
  if (!root) return undefined;
  const container = innermostContainer(root, edit.start, edit.oldEnd);
  if (!container) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  // Typing inside a string value: the string alone is read again, its siblings stay as they are.
  const string = stringValueHolding(container, edit.start, edit.oldEnd);
  const value = string && stringToken(text.slice(string.offset, string.offset + string.length + delta));
  if (string && value !== undefined) {
    const slot = plainSlot(previous.value, string);
    string.value = detached(value);
    string.length += delta;
    if (slot) slot.holder[slot.key] = string.value;
    grow(string, delta);
    return { root: root as Node, value: previous.value };
  }
  // The whole document: a full parse is the same work.
  if (container === root) return undefined;
  const from = container.offset;
  const to = container.offset + container.length + delta;
  if (to > text.length || text.charCodeAt(from) !== text.charCodeAt(to - 1) - 2) return undefined; // { } and [ ] are two apart
  const errors: ParseError[] = [];
  const sub = parseJsonTree(detached(text.slice(from, to)), errors, options);
  const fresh = sub.root as MutableNode | undefined;
  if (errors.length > 0 || !fresh || fresh.type !== container.type || fresh.offset !== 0 || fresh.length !== to - from) return undefined;
  if (deeperThan(fresh, depthOf(container), maxDepth)) return undefined;

  const slot = plainSlot(previous.value, container);
  shiftSubtree(fresh, from);
  const parent = container.parent!;
  fresh.parent = parent;
  const siblings = parent.children!;
  siblings[siblings.indexOf(container)] = fresh;
  if (slot) slot.holder[slot.key] = sub.value;
  grow(fresh, delta);
  return { root: root as Node, value: previous.value };
}
