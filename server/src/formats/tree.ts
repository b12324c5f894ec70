import { span, type Span } from '../engine/text';

export type TreeNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

/**
 * A node of the syntax tree every structured format is read into, with offsets into the original text. JSON is
 * read into it as jsonc-parser builds its own nodes (the same fields), YAML is converted to it, so the EMR shapes
 * (shapes/) are read from one kind of tree whatever the syntax.
 */
export interface TreeNode {
  readonly type: TreeNodeType;
  /** Scalars: the value as the syntax reads it (a string, number, boolean or null). Properties: unused. */
  readonly value?: unknown;
  readonly offset: number;
  readonly length: number;
  /** Properties: where the separator between key and value is. */
  readonly colonOffset?: number;
  readonly parent?: TreeNode;
  /** Objects: their properties; properties: key then value; arrays: their items. */
  readonly children?: TreeNode[];
  /**
   * Set when the node is not literal data but is resolved later by someone else: a CloudFormation intrinsic
   * function (`!Ref Name`, `{"Fn::Sub": ...}`) or a Step Functions path (`"Name.$": "$.name"`). Names what it is.
   */
  readonly opaque?: string;
  /** YAML: a collection written in flow style (`{...}`, `[...]`); JSON collections are always flow. */
  readonly flow?: boolean;
}

export function nodeSpan(node: TreeNode): Span {
  return span(node.offset, node.offset + node.length);
}

/** The value of the last member named `key` (the one readers keep), when `object` is an object. */
export function member(object: TreeNode | undefined, key: string): TreeNode | undefined {
  return memberProperty(object, key)?.children?.[1];
}

/** The key node of the last member named `key`. */
export function memberKey(object: TreeNode | undefined, key: string): TreeNode | undefined {
  return memberProperty(object, key)?.children?.[0];
}

/** The last property node (key and value) named `key`. */
function memberProperty(object: TreeNode | undefined, key: string): TreeNode | undefined {
  if (!object || object.type !== 'object' || !object.children) return undefined;
  let found: TreeNode | undefined;
  for (const property of object.children) if (property.children?.[0]?.value === key) found = property;
  return found;
}

/** The first of the names that the object has as a member, with its value. */
export function firstMember(object: TreeNode | undefined, names: readonly string[]): { name: string; node: TreeNode } | undefined {
  for (const name of names) {
    const node = member(object, name);
    if (node) return { name, node };
  }
  return undefined;
}

export function stringOf(node: TreeNode | undefined): string | undefined {
  return node && node.type === 'string' && !node.opaque ? (node.value as string) : undefined;
}

/** A whole or decimal number written as a number or as a string of digits. */
export function numberOf(node: TreeNode | undefined): number | undefined {
  if (!node || node.opaque) return undefined;
  if (node.type === 'number') return node.value as number;
  if (node.type === 'string' && /^\s*\d{1,15}(\.\d{1,15})?\s*$/.test(node.value as string)) return Number(node.value);
  return undefined;
}

/** The items of an array node (none for anything else). */
export function itemsOf(node: TreeNode | undefined): readonly TreeNode[] {
  return node && node.type === 'array' && !node.opaque ? (node.children ?? []) : [];
}

/** The property nodes of an object node (none for anything else). */
export function propertiesOf(node: TreeNode | undefined): readonly TreeNode[] {
  return node && node.type === 'object' && !node.opaque ? (node.children ?? []) : [];
}
