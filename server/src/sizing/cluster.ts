import { instanceType, type EmrRelease, type InstanceType, type YarnDefaults } from '../catalog';
import { effectiveValue } from '../engine/effective';
import type { ConfigModel, InstanceGroup } from '../engine/model';
import type { Span } from '../engine/text';
import type { ClusterShape, DeployMode, NodeShape } from './report';

export interface ClusterOverride {
  instanceType?: string;
  instanceCount?: number;
  taskInstanceType?: string;
  taskInstanceCount?: number;
  /** Overrides of the YARN numbers (otherwise the file's yarn-site, else EMR's defaults). */
  yarnMemoryMiB?: number;
  maxAllocationMiB?: number;
  minAllocationMiB?: number;
  deployMode?: DeployMode;
}

export interface ResolvedCluster {
  shape?: ClusterShape;
  unknownTypes: { name: string; span?: Span }[];
  unavailable?: string;
}

/** The value of a key, as the nodes being sized see it. */
type Lookup = (key: string) => { value: string } | undefined;

function yarnInt(values: Lookup, key: string): number | undefined {
  const raw = values(key)?.value.trim();
  return raw !== undefined && /^[0-9]+$/.test(raw) ? Number(raw) : undefined;
}

function defaultsFor(type: InstanceType, hbase: boolean): { defaults?: YarnDefaults; source: NodeShape['yarnSource'] } {
  if (hbase && type.yarnWithHBase && type.yarnWithHBase.nodemanagerMemoryMiB > 0) return { defaults: type.yarnWithHBase, source: 'emr-default-hbase' };
  return { defaults: type.yarn, source: 'emr-default' };
}

interface NodeRequest {
  role: 'CORE' | 'TASK';
  typeName: string;
  nodes: number;
  group?: InstanceGroup;
  typeSpan?: Span;
}

function shapeNode(request: NodeRequest, type: InstanceType, yarnSite: Lookup, hbase: boolean, override: ClusterOverride): NodeShape {
  const { defaults, source } = defaultsFor(type, hbase);
  const siteMemory = yarnInt(yarnSite, 'yarn.nodemanager.resource.memory-mb');
  const yarnMemoryMiB = override.yarnMemoryMiB ?? siteMemory ?? defaults?.nodemanagerMemoryMiB ?? Math.floor(type.memoryMiB * 0.75);
  return {
    role: request.role,
    instanceType: type.name,
    nodes: request.nodes,
    vcpu: type.vcpu,
    memoryMiB: type.memoryMiB,
    yarnMemoryMiB,
    maxAllocationMiB: override.maxAllocationMiB ?? yarnInt(yarnSite, 'yarn.scheduler.maximum-allocation-mb') ?? defaults?.maximumAllocationMiB ?? yarnMemoryMiB,
    minAllocationMiB: Math.max(1, override.minAllocationMiB ?? yarnInt(yarnSite, 'yarn.scheduler.minimum-allocation-mb') ?? defaults?.minimumAllocationMiB ?? 1),
    yarnSource: override.yarnMemoryMiB !== undefined || siteMemory !== undefined ? 'yarn-site' : source,
    group: request.group,
    typeSpan: request.typeSpan,
  };
}

/** The executor-running groups of the document: CORE and TASK groups, and each fleet's instance types. */
function requestsFromDocument(model: ConfigModel): NodeRequest[] {
  const requests: NodeRequest[] = [];
  for (const group of model.cluster.groups) {
    if (group.role !== 'CORE' && group.role !== 'TASK') continue;
    if (group.kind === 'fleet') {
      // The mix a fleet launches is not known in advance; size as if it were filled with each type in turn.
      const capacity = group.targetCapacity ?? 0;
      for (const choice of group.types) {
        const nodes = Math.floor(capacity / Math.max(1, choice.weightedCapacity ?? 1));
        if (nodes > 0) requests.push({ role: group.role, typeName: choice.instanceType, nodes, group, typeSpan: choice.span });
      }
      continue;
    }
    const choice = group.types[0];
    if (choice && (group.count ?? 0) > 0) requests.push({ role: group.role, typeName: choice.instanceType, nodes: group.count!, group, typeSpan: choice.span });
  }
  return requests;
}

export function resolveCluster(model: ConfigModel, release: EmrRelease | undefined, override: ClusterOverride = {}): ResolvedCluster {
  const hbase = model.cluster.applications.some((a) => a.toLowerCase() === 'hbase');
  const unknownTypes: ResolvedCluster['unknownTypes'] = [];
  for (const group of model.cluster.groups) {
    for (const choice of group.types) if (!instanceType(choice.instanceType)) unknownTypes.push({ name: choice.instanceType, span: choice.span });
  }

  // A count or type given by an intrinsic function (CloudFormation's !Ref) is only known at deploy time.
  const notLiteral = model.cluster.notLiteral.find((n) => !n.what.includes('MASTER'));
  if (notLiteral && !override.instanceType) {
    const written = model.text.slice(notLiteral.span.start, notLiteral.span.end).replace(/\s+/g, ' ');
    return { unknownTypes, unavailable: `${notLiteral.what} is not written as a literal (${written.length > 60 ? `${written.slice(0, 57)}...` : written}), so the cluster is not sized; give the core nodes with --instance-type and --instance-count, or in .emrsparkrc.json` };
  }

  // The document's own cluster wins; the caller's (CLI flags, settings, project file) sizes documents without one.
  let requests = requestsFromDocument(model);
  let source: ClusterShape['source'] = 'document';
  if (requests.length === 0 && override.instanceType) {
    source = 'options';
    requests = [{ role: 'CORE', typeName: override.instanceType, nodes: override.instanceCount ?? 1 }];
    if (override.taskInstanceType) requests.push({ role: 'TASK', typeName: override.taskInstanceType, nodes: override.taskInstanceCount ?? 1 });
  }
  if (requests.length === 0) {
    return { unknownTypes, unavailable: 'no core or task nodes are described; give an instance type and count to size against' };
  }

  const unknown = requests.find((r) => !instanceType(r.typeName));
  if (unknown) return { unknownTypes, unavailable: `instance type "${unknown.typeName}" is not in the catalog, so the cluster cannot be sized` };
  const nodes: NodeShape[] = [];
  for (const request of requests) {
    const type = instanceType(request.typeName)!;
    const yarnSite = (key: string) => effectiveValue(model, 'yarn-site', key, request.group, request.typeName);
    nodes.push(shapeNode(request, type, yarnSite, hbase, override));
  }

  const submitMode = effectiveValue(model, 'spark-defaults', 'spark.submit.deployMode', nodes[0].group);
  const deployMode: DeployMode = override.deployMode ?? (submitMode?.value.trim() === 'client' ? 'client' : 'cluster');
  return { unknownTypes, shape: { nodes, release, deployMode, hbase, source } };
}
