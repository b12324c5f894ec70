import type { ClusterDescription, ConfigurationScope, InstanceGroup, InstanceRole, InstanceTypeChoice, ModelPath } from '../../engine/model';
import { itemsOf, member, nodeSpan, numberOf, stringOf, type TreeNode } from '../tree';

const ROLES: readonly InstanceRole[] = ['MASTER', 'CORE', 'TASK'];

/** What the instance readers add to: the cluster, and the scopes of per-group Configurations. */
export interface ClusterParts {
  cluster: ClusterDescription;
  /** Reads a group's (or a fleet type's) own Configurations as a scope. */
  groupConfigurations(node: TreeNode | undefined, path: ModelPath, group: InstanceGroup, instanceType?: string): ConfigurationScope | undefined;
}

function roleOf(groupNode: TreeNode): InstanceRole | undefined {
  const role = stringOf(member(groupNode, 'InstanceRole')) ?? stringOf(member(groupNode, 'InstanceGroupType')) ?? stringOf(member(groupNode, 'InstanceFleetType'));
  const upper = role?.toUpperCase() as InstanceRole | undefined;
  return upper && ROLES.includes(upper) ? upper : undefined;
}

/** Records that a number or name sizing needs is not written literally (an intrinsic function, a path). */
function noteNotLiteral(parts: ClusterParts, node: TreeNode | undefined, what: string): void {
  if (node?.opaque) parts.cluster.notLiteral.push({ what, span: nodeSpan(node) });
}

/** One instance group object; `role` when the place it is written in says it (CloudFormation's CoreInstanceGroup). */
export function readInstanceGroup(parts: ClusterParts, groupNode: TreeNode, groupPath: ModelPath, role?: InstanceRole): InstanceGroup | undefined {
  if (groupNode.type !== 'object' || groupNode.opaque) return undefined;
  const typeNode = member(groupNode, 'InstanceType');
  const countNode = member(groupNode, 'InstanceCount');
  const name = stringOf(member(groupNode, 'Name'));
  const typeName = stringOf(typeNode);
  const group: InstanceGroup = {
    kind: 'group',
    role: role ?? roleOf(groupNode),
    name,
    span: nodeSpan(groupNode),
    path: groupPath,
    types: typeName !== undefined ? [{ instanceType: typeName, span: nodeSpan(typeNode!), path: [...groupPath, 'InstanceType'] }] : [],
    count: numberOf(countNode),
    countSpan: countNode ? nodeSpan(countNode) : undefined,
  };
  const label = `${group.role ?? 'instance'} group${name ? ` "${name}"` : ''}`;
  noteNotLiteral(parts, typeNode, `the InstanceType of the ${label}`);
  noteNotLiteral(parts, countNode, `the InstanceCount of the ${label}`);
  group.scope = parts.groupConfigurations(member(groupNode, 'Configurations'), [...groupPath, 'Configurations'], group);
  parts.cluster.groups.push(group);
  return group;
}

export function readInstanceGroups(parts: ClusterParts, arrayNode: TreeNode, path: ModelPath): void {
  itemsOf(arrayNode).forEach((groupNode, index) => readInstanceGroup(parts, groupNode, [...path, index]));
}

export function readInstanceFleet(parts: ClusterParts, fleetNode: TreeNode, fleetPath: ModelPath, role?: InstanceRole): void {
  if (fleetNode.type !== 'object' || fleetNode.opaque) return;
  const onDemandNode = member(fleetNode, 'TargetOnDemandCapacity');
  const spotNode = member(fleetNode, 'TargetSpotCapacity');
  const fleet: InstanceGroup = {
    kind: 'fleet',
    role: role ?? roleOf(fleetNode),
    name: stringOf(member(fleetNode, 'Name')),
    span: nodeSpan(fleetNode),
    path: fleetPath,
    types: [],
    targetCapacity: (numberOf(onDemandNode) ?? 0) + (numberOf(spotNode) ?? 0),
  };
  const label = `${fleet.role ?? 'instance'} fleet`;
  noteNotLiteral(parts, onDemandNode, `the TargetOnDemandCapacity of the ${label}`);
  noteNotLiteral(parts, spotNode, `the TargetSpotCapacity of the ${label}`);
  itemsOf(member(fleetNode, 'InstanceTypeConfigs')).forEach((typeConfig, typeIndex) => {
    const typeNode = member(typeConfig, 'InstanceType');
    const instanceType = stringOf(typeNode);
    noteNotLiteral(parts, typeNode, `an InstanceType of the ${label}`);
    if (instanceType === undefined) return;
    const typePath = [...fleetPath, 'InstanceTypeConfigs', typeIndex];
    const choice: InstanceTypeChoice = { instanceType, span: nodeSpan(typeNode!), path: [...typePath, 'InstanceType'], weightedCapacity: numberOf(member(typeConfig, 'WeightedCapacity')) ?? 1 };
    choice.scope = parts.groupConfigurations(member(typeConfig, 'Configurations'), [...typePath, 'Configurations'], fleet, instanceType);
    fleet.types.push(choice);
  });
  parts.cluster.groups.push(fleet);
}

function readInstanceFleets(parts: ClusterParts, arrayNode: TreeNode, path: ModelPath): void {
  itemsOf(arrayNode).forEach((fleetNode, index) => readInstanceFleet(parts, fleetNode, [...path, index]));
}

/** RunJobFlow's uniform-instance form: MasterInstanceType, SlaveInstanceType and a total InstanceCount. */
function readUniformInstances(parts: ClusterParts, instances: TreeNode, path: ModelPath): void {
  const master = member(instances, 'MasterInstanceType');
  const slave = member(instances, 'SlaveInstanceType');
  const countNode = member(instances, 'InstanceCount');
  const total = numberOf(countNode);
  const masterType = stringOf(master);
  const slaveType = stringOf(slave);
  if (masterType !== undefined) {
    const at = [...path, 'MasterInstanceType'];
    parts.cluster.groups.push({ kind: 'uniform', role: 'MASTER', span: nodeSpan(master!), path: at, types: [{ instanceType: masterType, span: nodeSpan(master!), path: at }], count: 1 });
  }
  if (slaveType !== undefined) {
    const at = [...path, 'SlaveInstanceType'];
    parts.cluster.groups.push({
      kind: 'uniform',
      role: 'CORE',
      span: nodeSpan(slave!),
      path: at,
      types: [{ instanceType: slaveType, span: nodeSpan(slave!), path: at }],
      count: total !== undefined ? Math.max(0, total - 1) : undefined,
      countSpan: countNode ? nodeSpan(countNode) : undefined,
    });
  }
}

/**
 * The Instances member of a cluster: RunJobFlow's InstanceGroups / InstanceFleets lists or uniform types, and
 * CloudFormation's MasterInstanceGroup / CoreInstanceGroup / TaskInstanceGroups and their fleet counterparts.
 */
export function readInstances(parts: ClusterParts, instances: TreeNode | undefined, path: ModelPath): void {
  if (instances?.type !== 'object' || instances.opaque) return;
  const before = parts.cluster.groups.length;
  const groups = member(instances, 'InstanceGroups');
  if (groups) readInstanceGroups(parts, groups, [...path, 'InstanceGroups']);
  const fleets = member(instances, 'InstanceFleets');
  if (fleets) readInstanceFleets(parts, fleets, [...path, 'InstanceFleets']);
  for (const [name, role] of [['MasterInstanceGroup', 'MASTER'], ['CoreInstanceGroup', 'CORE']] as const) {
    const node = member(instances, name);
    if (node) readInstanceGroup(parts, node, [...path, name], role);
  }
  itemsOf(member(instances, 'TaskInstanceGroups')).forEach((node, index) => readInstanceGroup(parts, node, [...path, 'TaskInstanceGroups', index], 'TASK'));
  for (const [name, role] of [['MasterInstanceFleet', 'MASTER'], ['CoreInstanceFleet', 'CORE']] as const) {
    const node = member(instances, name);
    if (node) readInstanceFleet(parts, node, [...path, name], role);
  }
  itemsOf(member(instances, 'TaskInstanceFleets')).forEach((node, index) => readInstanceFleet(parts, node, [...path, 'TaskInstanceFleets', index], 'TASK'));
  if (parts.cluster.groups.length === before) readUniformInstances(parts, instances, path);
}

