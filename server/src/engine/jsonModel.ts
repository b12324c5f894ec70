import { printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type {
  Classification,
  ClusterDescription,
  ConfigModel,
  ConfigurationScope,
  InstanceGroup,
  InstanceRole,
  JsonValueKind,
  ModelPath,
  PropertyEntry,
  ScopeKind,
  SyntaxProblem,
} from './model';
import { parseJsonTree } from './jsonTree';
import { span, type Span } from './text';

export interface JsonParseOptions {
  /** EMR rejects comments; `.jsonc` documents may still choose to allow them. */
  allowComments?: boolean;
}

export function nodeSpan(node: Node): Span {
  return span(node.offset, node.offset + node.length);
}

export function property(object: Node | undefined, key: string): Node | undefined {
  if (!object || object.type !== 'object' || !object.children) return undefined;
  let found: Node | undefined;
  for (const member of object.children) {
    const keyNode = member.children?.[0];
    if (keyNode && keyNode.value === key) found = member.children?.[1];
  }
  return found;
}

function propertyKeyNode(object: Node | undefined, key: string): Node | undefined {
  if (!object || object.type !== 'object' || !object.children) return undefined;
  let found: Node | undefined;
  for (const member of object.children) {
    const keyNode = member.children?.[0];
    if (keyNode && keyNode.value === key) found = keyNode;
  }
  return found;
}

function stringValue(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

function numberValue(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'number') return node.value as number;
  if (node.type === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(node.value as string)) return Number(node.value);
  return undefined;
}

function kindOf(node: Node | undefined): JsonValueKind {
  return node ? (node.type as JsonValueKind) : 'missing';
}

/** True when the tree has one of the shapes EMR configurations come in. */
function looksLikeEmr(root: Node | undefined): boolean {
  if (!root) return false;
  if (root.type === 'array') {
    return (root.children ?? []).some((item) => item.type === 'object' && propertyKeyNode(item, 'Classification') !== undefined);
  }
  if (root.type !== 'object') return false;
  const instances = property(root, 'Instances');
  return (
    property(root, 'Configurations')?.type === 'array' ||
    property(root, 'InstanceGroups')?.type === 'array' ||
    property(instances, 'InstanceGroups')?.type === 'array' ||
    property(instances, 'InstanceFleets')?.type === 'array' ||
    typeof stringValue(property(root, 'ReleaseLabel')) === 'string'
  );
}

function readProperties(propertiesNode: Node, path: ModelPath, text: string): PropertyEntry[] {
  const entries: PropertyEntry[] = [];
  for (const member of propertiesNode.children ?? []) {
    const keyNode = member.children?.[0];
    if (!keyNode || keyNode.type !== 'string') continue;
    const valueNode = member.children?.[1];
    const key = keyNode.value as string;
    const valueKind = kindOf(valueNode);
    const rawValue = valueNode ? text.slice(valueNode.offset, valueNode.offset + valueNode.length) : '';
    entries.push({
      key,
      value: valueKind === 'string' ? (valueNode!.value as string) : rawValue,
      valueKind,
      keySpan: nodeSpan(keyNode),
      valueSpan: valueNode ? nodeSpan(valueNode) : undefined,
      entrySpan: nodeSpan(member),
      path: [...path, key],
      rawKey: text.slice(keyNode.offset, keyNode.offset + keyNode.length),
      rawValue,
    });
  }
  return entries;
}

function readClassifications(
  arrayNode: Node,
  path: ModelPath,
  scope: ConfigurationScope,
  ancestors: string[],
  text: string,
): Classification[] {
  const out: Classification[] = [];
  (arrayNode.children ?? []).forEach((item, index) => {
    if (item.type !== 'object') return;
    const itemPath = [...path, index];
    const nameNode = property(item, 'Classification');
    const name = stringValue(nameNode);
    const propertiesNode = property(item, 'Properties');
    const childrenNode = property(item, 'Configurations');
    const classification: Classification = {
      name,
      nameSpan: nameNode ? nodeSpan(nameNode) : undefined,
      span: nodeSpan(item),
      path: itemPath,
      properties:
        propertiesNode?.type === 'object' ? readProperties(propertiesNode, [...itemPath, 'Properties'], text) : [],
      propertiesSpan: propertiesNode ? nodeSpan(propertiesNode) : undefined,
      propertiesKeySpan: (() => {
        const k = propertyKeyNode(item, 'Properties');
        return k ? nodeSpan(k) : undefined;
      })(),
      children: [],
      childrenSpan: childrenNode ? nodeSpan(childrenNode) : undefined,
      ancestors,
      scope,
    };
    if (childrenNode?.type === 'array') {
      classification.children = readClassifications(
        childrenNode,
        [...itemPath, 'Configurations'],
        scope,
        name === undefined ? ancestors : [...ancestors, name],
        text,
      );
      for (const child of classification.children) child.parent = classification;
    }
    out.push(classification);
  });
  return out;
}

function makeScope(kind: ScopeKind, arrayNode: Node, path: ModelPath, text: string, group?: InstanceGroup, instanceType?: string): ConfigurationScope {
  const scope: ConfigurationScope = { kind, path, span: nodeSpan(arrayNode), classifications: [], group, instanceType };
  scope.classifications = readClassifications(arrayNode, path, scope, [], text);
  return scope;
}

const ROLES: readonly InstanceRole[] = ['MASTER', 'CORE', 'TASK'];

function roleOf(groupNode: Node): InstanceRole | undefined {
  const role = stringValue(property(groupNode, 'InstanceRole')) ?? stringValue(property(groupNode, 'InstanceGroupType')) ?? stringValue(property(groupNode, 'InstanceFleetType'));
  const upper = role?.toUpperCase() as InstanceRole | undefined;
  return upper && ROLES.includes(upper) ? upper : undefined;
}

function readInstanceGroups(arrayNode: Node, path: ModelPath, text: string, scopes: ConfigurationScope[]): InstanceGroup[] {
  const groups: InstanceGroup[] = [];
  (arrayNode.children ?? []).forEach((groupNode, index) => {
    if (groupNode.type !== 'object') return;
    const groupPath = [...path, index];
    const typeNode = property(groupNode, 'InstanceType');
    const countNode = property(groupNode, 'InstanceCount');
    const group: InstanceGroup = {
      kind: 'group',
      role: roleOf(groupNode),
      name: stringValue(property(groupNode, 'Name')),
      span: nodeSpan(groupNode),
      path: groupPath,
      types: typeof stringValue(typeNode) === 'string' ? [{ instanceType: stringValue(typeNode)!, span: nodeSpan(typeNode!), path: [...groupPath, 'InstanceType'] }] : [],
      count: numberValue(countNode),
      countSpan: countNode ? nodeSpan(countNode) : undefined,
    };
    const configurations = property(groupNode, 'Configurations');
    if (configurations?.type === 'array') {
      group.scope = makeScope('instance-group', configurations, [...groupPath, 'Configurations'], text, group);
      scopes.push(group.scope);
    }
    groups.push(group);
  });
  return groups;
}

function readInstanceFleets(arrayNode: Node, path: ModelPath, text: string, scopes: ConfigurationScope[]): InstanceGroup[] {
  const fleets: InstanceGroup[] = [];
  (arrayNode.children ?? []).forEach((fleetNode, index) => {
    if (fleetNode.type !== 'object') return;
    const fleetPath = [...path, index];
    const onDemand = numberValue(property(fleetNode, 'TargetOnDemandCapacity')) ?? 0;
    const spot = numberValue(property(fleetNode, 'TargetSpotCapacity')) ?? 0;
    const fleet: InstanceGroup = {
      kind: 'fleet',
      role: roleOf(fleetNode),
      name: stringValue(property(fleetNode, 'Name')),
      span: nodeSpan(fleetNode),
      path: fleetPath,
      types: [],
      targetCapacity: onDemand + spot,
    };
    const typeConfigs = property(fleetNode, 'InstanceTypeConfigs');
    (typeConfigs?.children ?? []).forEach((typeConfig, typeIndex) => {
      const typeNode = property(typeConfig, 'InstanceType');
      const instanceType = stringValue(typeNode);
      if (instanceType === undefined) return;
      const choice = {
        instanceType,
        span: nodeSpan(typeNode!),
        path: [...fleetPath, 'InstanceTypeConfigs', typeIndex, 'InstanceType'],
        weightedCapacity: numberValue(property(typeConfig, 'WeightedCapacity')) ?? 1,
        scope: undefined as ConfigurationScope | undefined,
      };
      const configurations = property(typeConfig, 'Configurations');
      if (configurations?.type === 'array') {
        choice.scope = makeScope(
          'instance-fleet-type',
          configurations,
          [...fleetPath, 'InstanceTypeConfigs', typeIndex, 'Configurations'],
          text,
          fleet,
          instanceType,
        );
        scopes.push(choice.scope);
      }
      fleet.types.push(choice);
    });
    fleets.push(fleet);
  });
  return fleets;
}

/** RunJobFlow's uniform-instance form: MasterInstanceType, SlaveInstanceType and a total InstanceCount. */
function readUniformInstances(instances: Node, path: ModelPath): InstanceGroup[] {
  const groups: InstanceGroup[] = [];
  const master = property(instances, 'MasterInstanceType');
  const slave = property(instances, 'SlaveInstanceType');
  const countNode = property(instances, 'InstanceCount');
  const total = numberValue(countNode);
  if (stringValue(master) !== undefined) {
    groups.push({ kind: 'uniform', role: 'MASTER', span: nodeSpan(master!), path: [...path, 'MasterInstanceType'], types: [{ instanceType: stringValue(master)!, span: nodeSpan(master!), path: [...path, 'MasterInstanceType'] }], count: 1 });
  }
  if (stringValue(slave) !== undefined) {
    groups.push({
      kind: 'uniform',
      role: 'CORE',
      span: nodeSpan(slave!),
      path: [...path, 'SlaveInstanceType'],
      types: [{ instanceType: stringValue(slave)!, span: nodeSpan(slave!), path: [...path, 'SlaveInstanceType'] }],
      count: total !== undefined ? Math.max(0, total - 1) : undefined,
      countSpan: countNode ? nodeSpan(countNode) : undefined,
    });
  }
  return groups;
}

function syntaxProblems(errors: ParseError[], text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  // A set, not a search of the problems so far: a broken 1 MB document has 100,000 of them (that was quadratic).
  const starts = new Set<number>();
  for (const e of errors) {
    const end = Math.min(text.length, e.offset + Math.max(e.length, 1));
    const start = Math.min(e.offset, end);
    // The parser reports a trailing comma twice at the same place (name expected, value expected); one is enough.
    if (starts.has(start)) continue;
    starts.add(start);
    problems.push({ message: describeParseError(printParseErrorCode(e.error)), span: span(start, Math.max(start, end)) });
  }
  return problems;
}

function describeParseError(code: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return 'Invalid character here: JSON expects a value, a property name or punctuation.';
    case 'InvalidNumberFormat':
      return 'This number is not valid JSON.';
    case 'PropertyNameExpected':
      return 'A property name in double quotes is expected here (a trailing comma is not allowed in JSON).';
    case 'ValueExpected':
      return 'A value is expected here (a trailing comma is not allowed in JSON).';
    case 'ColonExpected':
      return 'A colon is expected after the property name.';
    case 'CommaExpected':
      return 'A comma is expected between members.';
    case 'CloseBraceExpected':
      return 'A closing brace } is expected.';
    case 'CloseBracketExpected':
      return 'A closing bracket ] is expected.';
    case 'EndOfFileExpected':
      return 'Only one top-level value is allowed; text follows the end of the document.';
    case 'InvalidCommentToken':
      return 'Comments are not allowed: EMR rejects configuration JSON that contains them.';
    case 'UnexpectedEndOfComment':
      return 'This comment is not closed.';
    case 'UnexpectedEndOfString':
      return 'This string is not closed.';
    case 'UnexpectedEndOfNumber':
      return 'This number is incomplete.';
    case 'InvalidUnicode':
      return 'Invalid \\u escape: four hexadecimal digits are expected.';
    case 'InvalidEscapeCharacter':
      return 'Invalid escape sequence in this string.';
    case 'InvalidCharacter':
      return 'Control characters must be escaped inside JSON strings.';
    default:
      return `JSON syntax error (${code}).`;
  }
}

/**
 * Deeper than this many nested arrays and objects a JSON document is not read: no EMR configuration comes near it,
 * and the readers after the parser (and hover, completion) recurse once per level: 10,000 levels ran out of stack.
 */
export const MAX_JSON_DEPTH = 1000;

/** Fewer openers than the limit cannot nest deeper: most documents stop here after a few indexOf calls. */
function mayBeTooDeep(text: string, limit: number): boolean {
  let openers = 0;
  for (const bracket of ['[', '{']) {
    for (let at = text.indexOf(bracket); at >= 0 && openers <= limit; at = text.indexOf(bracket, at + 1)) openers++;
  }
  return openers > limit;
}

/** The first container (in document order) nested deeper than `limit`, walking the tree without recursion. */
function tooDeepNode(root: Node, limit: number): number | undefined {
  const nodes: Node[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return node.offset;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i].type === 'property' ? children[i].children?.[1] : children[i];
      if (child && (child.type === 'object' || child.type === 'array')) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

function tooDeepModel(text: string, at: number): ConfigModel {
  return {
    format: 'emr-json',
    text,
    // Without a tree, the shape is judged by the member names EMR configurations use.
    recognized: /"(Classification|Configurations|ReleaseLabel|InstanceGroups|InstanceFleets)"\s*:/.test(text),
    scopes: [],
    cluster: { applications: [], groups: [] },
    syntaxProblems: [
      {
        message: `This JSON is nested more than ${MAX_JSON_DEPTH} levels deep here, so it is not read any further: no EMR configuration comes near that depth.`,
        span: span(at, Math.min(text.length, at + 1)),
      },
    ],
    comments: [],
  };
}

export function parseEmrJson(text: string, options: JsonParseOptions = {}): ConfigModel {
  const errors: ParseError[] = [];
  const deep = mayBeTooDeep(text, MAX_JSON_DEPTH);
  // parseTree + getNodeValue in one pass (jsonTree.ts): the same tree, errors and value, built without recursion.
  const { root, value: jsonValue } = parseJsonTree(text, errors, { allowTrailingComma: false, disallowComments: !options.allowComments, allowEmptyContent: true });
  const tooDeep = deep && root ? tooDeepNode(root, MAX_JSON_DEPTH) : undefined;
  if (tooDeep !== undefined) return tooDeepModel(text, tooDeep);
  const scopes: ConfigurationScope[] = [];
  const cluster: ClusterDescription = { applications: [], groups: [] };
  const model: ConfigModel = {
    format: 'emr-json',
    text,
    recognized: looksLikeEmr(root),
    scopes,
    cluster,
    syntaxProblems: syntaxProblems(errors, text),
    jsonValue,
    jsonRoot: root,
    comments: [],
  };
  if (!root || !model.recognized) return model;

  if (root.type === 'array') {
    scopes.push(makeScope('bare', root, [], text));
    return model;
  }

  const release = property(root, 'ReleaseLabel');
  if (stringValue(release) !== undefined) cluster.releaseLabel = { value: stringValue(release)!, span: nodeSpan(release!) };
  for (const app of property(root, 'Applications')?.children ?? []) {
    const name = stringValue(property(app, 'Name')) ?? stringValue(app);
    if (name) cluster.applications.push(name);
  }

  const configurations = property(root, 'Configurations');
  if (configurations?.type === 'array') scopes.push(makeScope('cluster', configurations, ['Configurations'], text));

  const topGroups = property(root, 'InstanceGroups');
  if (topGroups?.type === 'array') cluster.groups.push(...readInstanceGroups(topGroups, ['InstanceGroups'], text, scopes));
  const instances = property(root, 'Instances');
  if (instances?.type === 'object') {
    const groups = property(instances, 'InstanceGroups');
    if (groups?.type === 'array') cluster.groups.push(...readInstanceGroups(groups, ['Instances', 'InstanceGroups'], text, scopes));
    const fleets = property(instances, 'InstanceFleets');
    if (fleets?.type === 'array') cluster.groups.push(...readInstanceFleets(fleets, ['Instances', 'InstanceFleets'], text, scopes));
    if (cluster.groups.length === 0) cluster.groups.push(...readUniformInstances(instances, ['Instances']));
  }
  return model;
}
