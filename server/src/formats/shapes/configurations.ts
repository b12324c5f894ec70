import type { Classification, ConfigurationNames, ConfigurationScope, JsonValueKind, ModelPath, PropertyEntry, ScopeKind } from '../../engine/model';
import { API_NAMES, samePath } from '../../engine/model';
import { memberKey, member, nodeSpan, stringOf, type TreeNode } from '../tree';
import type { InstanceGroup } from '../../engine/model';
import { detached } from '../../engine/text';
import { editStampOf } from '../editStamps';
import { movedSpan } from '../../engine/movedReports';

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

/** Plain YAML scalars that YAML 1.1, which CloudFormation reads templates with, takes for booleans (beyond true and false). */
const YAML_1_1_BOOLEAN = /^(?:yes|Yes|YES|on|On|ON|no|No|NO|off|Off|OFF)$/;

/**
 * The string CloudFormation passes on for a scalar where the resource wants a string (ConfigurationProperties,
 * step arguments): numbers as written, booleans as true or false, and the plain YAML words YAML 1.1 takes for
 * booleans (`yes`, `on`, `no`, `off`) as true or false too. Undefined for anything that is not a literal scalar.
 */
export function cloudFormationString(node: TreeNode | undefined, text: string): string | undefined {
  if (!node || node.opaque) return undefined;
  const raw = text.slice(node.offset, node.offset + node.length);
  if (node.type === 'number') return raw;
  if (node.type === 'boolean') return String(node.value);
  if (node.type !== 'string') return undefined;
  const value = node.value as string;
  if (raw === value && YAML_1_1_BOOLEAN.test(value)) return /^(?:yes|on)$/i.test(value) ? 'true' : 'false';
  return value;
}

/** How values are read: as written, or as CloudFormation turns them into strings. */
interface ValueReading {
  text: string;
  cloudFormation: boolean;
}

/** The entries read from a Properties object, with what they were read at. */
interface EntriesRead {
  stamp: number | undefined;
  offset: number;
  path: ModelPath;
  cloudFormation: boolean;
  entries: PropertyEntry[];
  /** Whether their texts are copies yet (see readProperties). */
  detached: boolean;
}

const entriesRead = new WeakMap<TreeNode, EntriesRead>();

/**
 * The entries of a Properties object. Reading the next version of a JSON document after an edit keeps the syntax
 * nodes the edit did not touch (json/incremental.ts): a Properties node with the same edit mark (its text is the
 * same), under the same path and read the same way has the same entries. At the same offset (so are all its spans)
 * it gets the very objects read last time; moved, copies of them with their spans moved, which share their texts and
 * paths. A keystroke in a 2,000-line file left half its entries to be made again (a third of what it allocated). Kept
 * entries' texts are made copies when first reused: a slice of a version's text would keep that whole version alive.
 */
function readProperties(propertiesNode: TreeNode, path: ModelPath, reading: ValueReading): PropertyEntry[] {
  const kept = entriesRead.get(propertiesNode);
  if (kept !== undefined && kept.stamp === editStampOf(propertiesNode) && kept.cloudFormation === reading.cloudFormation && samePath(kept.path, path)) {
    if (!kept.detached) {
      for (const entry of kept.entries) detachTexts(entry);
      kept.detached = true;
    }
    const by = propertiesNode.offset - kept.offset;
    if (by !== 0) {
      kept.entries = kept.entries.map((entry) => movedEntry(entry, by));
      kept.offset = propertiesNode.offset;
    }
    return kept.entries;
  }
  const entries = readPropertiesAgain(propertiesNode, path, reading);
  entriesRead.set(propertiesNode, { stamp: editStampOf(propertiesNode), offset: propertiesNode.offset, path, cloudFormation: reading.cloudFormation, entries, detached: false });
  return entries;
}

/** A kept entry where its Properties object has moved to: a new object (the last version's model keeps the old one). */
function movedEntry(entry: PropertyEntry, by: number): PropertyEntry {
  // The members in the order readPropertiesAgain writes them, so that both make objects of one shape for the rules.
  return {
    key: entry.key,
    value: entry.value,
    valueKind: entry.valueKind,
    keySpan: movedSpan(entry.keySpan, by),
    valueSpan: entry.valueSpan ? movedSpan(entry.valueSpan, by) : undefined,
    entrySpan: movedSpan(entry.entrySpan, by),
    path: entry.path,
    rawKey: entry.rawKey,
    rawValue: entry.rawValue,
    source: entry.source,
  };
}

function detachTexts(entry: PropertyEntry): void {
  const valueIsRaw = entry.value === entry.rawValue;
  entry.rawKey = detached(entry.rawKey);
  entry.rawValue = detached(entry.rawValue);
  if (valueIsRaw) entry.value = entry.rawValue;
}

function readPropertiesAgain(propertiesNode: TreeNode, path: ModelPath, reading: ValueReading): PropertyEntry[] {
  const { text } = reading;
  const entries: PropertyEntry[] = [];
  if (propertiesNode.opaque) return entries;
  for (const property of propertiesNode.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode || keyNode.type !== 'string') continue;
    const valueNode = property.children?.[1];
    const key = keyNode.value as string;
    const rawValue = valueNode ? text.slice(valueNode.offset, valueNode.offset + valueNode.length) : '';
    const converted = reading.cloudFormation ? cloudFormationString(valueNode, text) : undefined;
    const valueKind = converted !== undefined ? 'string' : kindOf(valueNode);
    entries.push({
      key,
      value: converted ?? (valueKind === 'string' ? (valueNode!.value as string) : rawValue),
      valueKind,
      keySpan: nodeSpan(keyNode),
      valueSpan: valueNode ? nodeSpan(valueNode) : undefined,
      entrySpan: nodeSpan(property),
      // concat, not a spread: V8 gives a spread array spare room (about 300 bytes for a 7-part path, 130 this way),
      // and a 20,000-line file has 18,000 of these.
      path: path.concat(key),
      rawKey: text.slice(keyNode.offset, keyNode.offset + keyNode.length),
      rawValue,
      source: property,
    });
  }
  return entries;
}

function readItem(item: TreeNode, itemPath: ModelPath, scope: ConfigurationScope, ancestors: string[], reading: ValueReading, style: NameStyle): Classification {
  const names = namesOf(item, style);
  // ConfigurationProperties is CloudFormation's own spelling: a fragment cut out of a template is read as CloudFormation reads it.
  const itemReading = names === NAMES.cloudFormation && !reading.cloudFormation ? { ...reading, cloudFormation: true } : reading;
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
    properties: propertiesNode?.type === 'object' ? readProperties(propertiesNode, [...itemPath, names.properties], itemReading) : [],
    propertiesSpan: propertiesNode ? nodeSpan(propertiesNode) : undefined,
    propertiesKeySpan: propertiesKey ? nodeSpan(propertiesKey) : undefined,
    children: [],
    childrenSpan: childrenNode ? nodeSpan(childrenNode) : undefined,
    ancestors,
    scope,
    names,
    flow: item.flow,
    propertiesFlow: propertiesNode?.flow,
    otherMembers: (item.children ?? []).filter((m) => ![names.classification, names.properties, names.configurations].includes(m.children?.[0]?.value as string)).length,
    source: item,
  };
  if (childrenNode?.type === 'array') {
    const childAncestors = name === undefined ? ancestors : [...ancestors, name];
    classification.children = readList(childrenNode, [...itemPath, names.configurations], scope, childAncestors, itemReading, names);
    for (const child of classification.children) child.parent = classification;
  }
  return classification;
}

function readList(list: TreeNode, path: ModelPath, scope: ConfigurationScope, ancestors: string[], reading: ValueReading, style: NameStyle): Classification[] {
  const out: Classification[] = [];
  if (list.opaque) return out;
  (list.children ?? []).forEach((item, index) => {
    if (item.type === 'object' && !item.opaque) out.push(readItem(item, [...path, index], scope, ancestors, reading, style));
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
  /** A CloudFormation template: scalar values are read as the strings CloudFormation passes on. */
  cloudFormation?: boolean;
}

/** A scope read from a configurations array; a lone configuration object is read as a list of one. */
export function readScope(request: ScopeRequest, text: string): ConfigurationScope {
  const { kind, node, path, style, group, instanceType } = request;
  const reading: ValueReading = { text, cloudFormation: request.cloudFormation === true };
  const single = node.type === 'object';
  const firstItem = single ? node : (node.children ?? []).find((item) => item.type === 'object');
  const names = firstItem ? namesOf(firstItem, style) : style === 'either' ? API_NAMES : style;
  const scope: ConfigurationScope = { kind, path, span: nodeSpan(node), classifications: [], group, instanceType, names };
  if (single) {
    // One configuration object, not in a list: nothing can be added beside it.
    scope.classifications = node.opaque ? [] : [readItem(node, path, scope, [], reading, style)];
    scope.span = undefined;
  } else {
    scope.classifications = readList(node, path, scope, [], reading, style);
  }
  return scope;
}

/** Whether an object looks like one configuration (it names a classification, in any spelling). */
export function isConfigurationObject(node: TreeNode | undefined): boolean {
  return !!node && node.type === 'object' && (memberKey(node, 'Classification') !== undefined || memberKey(node, 'classification') !== undefined);
}
