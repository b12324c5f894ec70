import type { TreeNode } from '../tree';

/**
 * Stands for a value that is not literal data (an intrinsic function, a Step Functions path) in what schema
 * validation sees; problems reported at it are dropped, since the real value is only known later.
 */
export const OPAQUE_VALUE: unique symbol = Symbol('opaque');

/**
 * The plain value of a subtree (objects, arrays, scalars), as a JSON parser would give it, with opaque nodes
 * replaced by OPAQUE_VALUE; with `stepFunctionsPaths`, a `Name.$` member is read as `Name` (its value is a path).
 */
export function plainValue(root: TreeNode, options: { stepFunctionsPaths?: boolean } = {}): unknown {
  // Built without recursion: documents can nest deeper than the call stack allows.
  const results = new Map<TreeNode, unknown>();
  const stack: { node: TreeNode; visited: boolean }[] = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const { node } = frame;
    if (node.opaque) {
      results.set(node, OPAQUE_VALUE);
      stack.pop();
      continue;
    }
    if (node.type !== 'object' && node.type !== 'array') {
      results.set(node, node.value);
      stack.pop();
      continue;
    }
    const children = (node.children ?? []).map((child) => (node.type === 'object' ? child.children?.[1] : child));
    if (!frame.visited) {
      frame.visited = true;
      for (const child of children) if (child) stack.push({ node: child, visited: false });
      continue;
    }
    stack.pop();
    if (node.type === 'array') {
      results.set(node, children.map((child) => (child ? results.get(child) : undefined)));
      continue;
    }
    const object: Record<string, unknown> = Object.create(null);
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value;
      const value = property.children?.[1];
      if (typeof key !== 'string') continue;
      if (options.stepFunctionsPaths && key.endsWith('.$')) object[key.slice(0, -2)] = OPAQUE_VALUE;
      else object[key] = value ? results.get(value) : undefined;
    }
    results.set(node, object);
  }
  return results.get(root);
}
