import type { Classification, ConfigurationNames, ConfigurationScope, JsonValueKind, ModelPath, PropertyEntry, ScopeKind } from '../../engine/model';
import { API_NAMES } from '../../engine/model';
import { memberKey, member, nodeSpan, stringOf, type TreeNode } from '../tree';
import type { InstanceGroup } from '../../engine/model';

/** How a configuration object names its members, as each API and CloudFormation spells them. */
export const NAMES = {
  api: API_NAMES,
  /** The console's software settings, and the EMR on EKS and EMR Serverless APIs. */
  lowercase: { classification: 'classification', properties: 'properties', configurations: 'configurations' },
  /** AWS::EMR::Cluster and AWS::EMR::InstanceGroupConfig. */
  cloudFormation: { classification: 'Classification', properties: 'ConfigurationProperties', configurations: 'Configurations' },
} as const satisfies Record<string, ConfigurationNames>;

/** 'either': each object is read with the names it uses (the console takes both spellings; a CloudFormation fragment keeps its own). */
export type NameStyle = ConfigurationNames | 'either';

function namesOf(item: TreeNode, style: NameStyle): ConfigurationNames {
  if (style !== 'either') return style;
  // A fragment cut out of a CloudFormation template keeps its spelling.
  if (memberKey(item, NAMES.cloudFormation.properties)) return NAMES.cloudFormation;
  const lower = memberKey(item, 'classification') || memberKey(item, 'properties') || memberKey(item, 'configurations');
  const upper = memberKey(item, 'Classification') || memberKey(item, 'Properties') || memberKey(item, 'Configurations');
  return lower && !upper ? NAMES.lowercase : API_NAMES;
}

function kindOf(node: TreeNode | undefined): JsonValueKind {
  if (!node) return 'missing';
  return node.opaque ? 'opaque' : (node.type as JsonValueKind);
}

function readProperties(propertiesNode: TreeNode, path: ModelPath, text: string): PropertyEntry[] {
  const entries: PropertyEntry[] = [];
  if (propertiesNode.opaque) return entries;
  for (const property of propertiesNode.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode || keyNode.type !== 'string') continue;
    const valueNode = property.children?.[1];
    const key = keyNode.value as string;
    const valueKind = kindOf(valueNode);
    const rawValue = valueNode ? text.slice(valueNode.offset, valueNode.offset + valueNode.length) : '';
    entries.push({
      key,
      value: valueKind === 'string' ? (valueNode!.value as string) : rawValue,
      valueKind,
      keySpan: nodeSpan(keyNode),
      valueSpan: valueNode ? nodeSpan(valueNode) : undefined,
      entrySpan: nodeSpan(property),
      path: [...path, key],
      rawKey: text.slice(keyNode.offset, keyNode.offset + keyNode.length),
      rawValue,
    });
  }
  return entries;
}

function readItem(item: TreeNode, itemPath: ModelPath, scope: ConfigurationScope, ancestors: string[], text: string, style: NameStyle): Classification {
  const names = namesOf(item, style);
  const nameNode = member(item, names.classification);
  const nameKey = memberKey(item, names.classification);
  const name = stringOf(nameNode);
  const propertiesNode = member(item, names.properties);
  const propertiesKey = memberKey(item, names.properties);
  const childrenNode = member(item, names.configurations);
  const classification: Classification = {
    name,
    nameSpan: nameNode ? nodeSpan(nameNode) : undefined,
    nameKeySpan: nameKey ? nodeSpan(nameKey) : undefined,
    span: nodeSpan(item),
    path: itemPath,
    properties: propertiesNode?.type === 'object' ? readProperties(propertiesNode, [...itemPath, names.properties], text) : [],
    propertiesSpan: propertiesNode ? nodeSpan(propertiesNode) : undefined,
    propertiesKeySpan: propertiesKey ? nodeSpan(propertiesKey) : undefined,
    children: [],
    childrenSpan: childrenNode ? nodeSpan(childrenNode) : undefined,
    ancestors,
    scope,
    names,
  };
  if (childrenNode?.type === 'array') {
    const childAncestors = name === undefined ? ancestors : [...ancestors, name];
    classification.children = readList(childrenNode, [...itemPath, names.configurations], scope, childAncestors, text, names);
    for (const child of classification.children) child.parent = classification;
  }
  return classification;
}

function readList(list: TreeNode, path: ModelPath, scope: ConfigurationScope, ancestors: string[], text: string, style: NameStyle): Classification[] {
  const out: Classification[] = [];
  if (list.opaque) return out;
  (list.children ?? []).forEach((item, index) => {
    if (item.type === 'object' && !item.opaque) out.push(readItem(item, [...path, index], scope, ancestors, text, style));
  });
  return out;
}

export interface ScopeRequest {
  kind: ScopeKind;
  /** The configurations array (or, for a single configuration object, that object). */
  node: TreeNode;
  path: ModelPath;
  style: NameStyle;
  group?: InstanceGroup;
  instanceType?: string;
}

/** A scope read from a configurations array; a lone configuration object is read as a list of one. */
export function readScope(request: ScopeRequest, text: string): ConfigurationScope {
  const { kind, node, path, style, group, instanceType } = request;
  const single = node.type === 'object';
  const firstItem = single ? node : (node.children ?? []).find((item) => item.type === 'object');
  const names = firstItem ? namesOf(firstItem, style) : style === 'either' ? API_NAMES : style;
  const scope: ConfigurationScope = { kind, path, span: nodeSpan(node), classifications: [], group, instanceType, names };
  if (single) {
    // One configuration object, not in a list: nothing can be added beside it.
    scope.classifications = node.opaque ? [] : [readItem(node, path, scope, [], text, style)];
    scope.span = undefined;
  } else {
    scope.classifications = readList(node, path, scope, [], text, style);
  }
  return scope;
}

/** Whether an object looks like one configuration (it names a classification, in any spelling). */
export function isConfigurationObject(node: TreeNode | undefined): boolean {
  return !!node && node.type === 'object' && (memberKey(node, 'Classification') !== undefined || memberKey(node, 'classification') !== undefined);
}
