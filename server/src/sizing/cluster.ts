import { instanceType, type EmrRelease, type InstanceType, type YarnDefaults } from '../catalog';
import { effectiveValue } from '../engine/effective';
import type { ConfigModel, InstanceGroup, PropertyEntry } from '../engine/model';
import type { Span } from '../engine/text';
import { containerFormula } from './containerFormula';
import { archivedYarnDefaults, gpusOf, observedVcores, yarnTableEra } from './emrFacts';
import type { ApplicationKind, ClusterShape, DeployMode, NodeShape, PrimaryNode } from './report';
import { deployModeOf, primaryGroup, primaryNodeValue, type SubmissionSettings } from './submission';

export interface ClusterOverride {
  instanceType?: string;
  instanceCount?: number;
  taskInstanceType?: string;
  taskInstanceCount?: number;
  /** The primary node's type, for a client-mode driver (otherwise the MASTER group's). */
  primaryInstanceType?: string;
  /** Overrides of the YARN numbers (otherwise the file's yarn-site, else EMR's defaults for the release). */
  yarnMemoryMiB?: number;
  maxAllocationMiB?: number;
  minAllocationMiB?: number;
  deployMode?: DeployMode;
  /** A Python application counts spark.executor.pyspark.memory in its executors' containers. */
  application?: ApplicationKind;
}

export interface ResolvedCluster {
  shape?: ClusterShape;
  unknownTypes: { name: string; span?: Span }[];
  unavailable?: string;
}

const RESOURCE_CALCULATOR = 'yarn.scheduler.capacity.resource-calculator';

function wholeNumber(entry: PropertyEntry | undefined): number | undefined {
  const raw = entry?.value.trim();
  return raw !== undefined && /^[0-9]+$/.test(raw) ? Number(raw) : undefined;
}

interface NodeRequest {
  role: 'CORE' | 'TASK';
  typeName: string;
  nodes: number;
  group?: InstanceGroup;
  fleet?: NodeShape['fleet'];
  typeSpan?: Span;
}

/** EMR's YARN numbers for the type on this release: the 2022 table for the releases it covered, else the current one. */
function emrYarnDefaults(type: InstanceType, hbase: boolean, release: EmrRelease | undefined): { defaults?: YarnDefaults; archived?: YarnDefaults; source: NodeShape['yarnSource'] } {
  const current = hbase && type.yarnWithHBase && type.yarnWithHBase.nodemanagerMemoryMiB > 0 ? type.yarnWithHBase : type.yarn;
  const currentSource: NodeShape['yarnSource'] = current === type.yarnWithHBase ? 'emr-default-hbase' : 'emr-default';
  const archivedRow = archivedYarnDefaults(type, hbase);
  const archived = archivedRow && archivedRow.nodemanagerMemoryMiB > 0 ? archivedRow : undefined;
  if (yarnTableEra(release) === 'archived-2022' && archived) return { defaults: archived, archived, source: hbase ? 'emr-default-2022-hbase' : 'emr-default-2022' };
  return { defaults: current, archived, source: currentSource };
}

function shapeNode(model: ConfigModel, request: NodeRequest, type: InstanceType, hbase: boolean, release: EmrRelease | undefined, override: ClusterOverride): NodeShape {
  // The NodeManager reads its own node's yarn-site; the scheduler's limits are the ResourceManager's, on the primary node.
  const nodeSite = (key: string) => effectiveValue(model, 'yarn-site', key, request.group, request.typeName);
  const schedulerSite = (key: string) => primaryNodeValue(model, 'yarn-site', key);
  const { defaults, archived, source } = emrYarnDefaults(type, hbase, release);
  const siteMemory = wholeNumber(nodeSite('yarn.nodemanager.resource.memory-mb'));
  const yarnMemoryMiB = override.yarnMemoryMiB ?? siteMemory ?? defaults?.nodemanagerMemoryMiB ?? Math.floor(type.memoryMiB * 0.75);
  const siteMinimum = wholeNumber(schedulerSite('yarn.scheduler.minimum-allocation-mb'));
  let minAllocationMiB: number;
  let planStepMiB: number;
  let roundingSource: NodeShape['roundingSource'];
  if (override.minAllocationMiB !== undefined || siteMinimum !== undefined) {
    minAllocationMiB = planStepMiB = Math.max(1, override.minAllocationMiB ?? siteMinimum!);
    roundingSource = override.minAllocationMiB !== undefined ? 'option' : 'yarn-site';
  } else if (source === 'emr-default-2022' || source === 'emr-default-2022-hbase') {
    minAllocationMiB = planStepMiB = Math.max(1, defaults!.minimumAllocationMiB);
    roundingSource = 'archived-2022';
  } else {
    // After the releases the 2022 table covered, AWS does not say when the step changed: a claim uses the smaller
    // step (no false finding), a plan the larger (no container that stops fitting after rounding).
    minAllocationMiB = Math.max(1, defaults?.minimumAllocationMiB ?? 1);
    planStepMiB = Math.max(minAllocationMiB, archived?.minimumAllocationMiB ?? 1);
    roundingSource = planStepMiB > minAllocationMiB ? 'between' : 'current';
  }
  const siteVcores = wholeNumber(nodeSite('yarn.nodemanager.resource.cpu-vcores'));
  const seen = observedVcores(type.name);
  return {
    role: request.role,
    instanceType: type.name,
    nodes: request.nodes,
    vcpu: type.vcpu,
    memoryMiB: type.memoryMiB,
    yarnMemoryMiB,
    maxAllocationMiB: override.maxAllocationMiB ?? wholeNumber(schedulerSite('yarn.scheduler.maximum-allocation-mb')) ?? defaults?.maximumAllocationMiB ?? yarnMemoryMiB,
    minAllocationMiB,
    planStepMiB,
    roundingSource,
    yarnSource: override.yarnMemoryMiB !== undefined || siteMemory !== undefined ? 'yarn-site' : source,
    yarnVcores: siteVcores ?? seen ?? type.vcpu,
    vcoresSource: siteVcores !== undefined ? 'yarn-site' : seen !== undefined ? 'observed' : 'vcpu',
    gpus: gpusOf(type.name),
    group: request.group,
    fleet: request.fleet,
    typeSpan: request.typeSpan,
  };
}

/** The executor-running groups of the document: CORE and TASK groups, and each type of a fleet as if launched alone. */
function requestsFromDocument(model: ConfigModel): NodeRequest[] {
  const requests: NodeRequest[] = [];
  for (const group of model.cluster.groups) {
    if (group.role !== 'CORE' && group.role !== 'TASK') continue;
    if (group.kind === 'fleet') {
      // EMR fills the target with some mix of the types and may overshoot it: each type alone, rounded up, is one
      // case the cluster may be; the worst of them is what can be promised.
      const capacity = group.targetCapacity ?? 0;
      if (capacity <= 0) continue;
      for (const choice of group.types) {
        const weight = Math.max(1, choice.weightedCapacity ?? 1);
        requests.push({ role: group.role, typeName: choice.instanceType, nodes: Math.ceil(capacity / weight), group, fleet: { group, targetCapacity: capacity, weight }, typeSpan: choice.span });
      }
      continue;
    }
    const choice = group.types[0];
    if (choice && (group.count ?? 0) > 0) requests.push({ role: group.role, typeName: choice.instanceType, nodes: group.count!, group, typeSpan: choice.span });
  }
  return requests;
}

/** The primary node: the MASTER group's type (for a fleet, its smallest), or the caller's. */
function primaryNode(model: ConfigModel, release: EmrRelease | undefined, override: ClusterOverride): PrimaryNode | undefined {
  const candidates = override.primaryInstanceType
    ? [{ name: override.primaryInstanceType, span: undefined as Span | undefined }]
    : (primaryGroup(model)?.types ?? []).map((t) => ({ name: t.instanceType, span: t.span as Span | undefined }));
  let best: PrimaryNode | undefined;
  for (const candidate of candidates) {
    const type = instanceType(candidate.name);
    if (!type) continue;
    if (best && best.memoryMiB <= type.memoryMiB) continue;
    best = { instanceType: type.name, memoryMiB: type.memoryMiB, vcpu: type.vcpu, emrBudgetMiB: emrYarnDefaults(type, false, release).defaults?.nodemanagerMemoryMiB, typeSpan: candidate.span };
  }
  return best;
}

export function resolveCluster(model: ConfigModel, release: EmrRelease | undefined, override: ClusterOverride = {}, settings?: SubmissionSettings): ResolvedCluster {
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
  const nodes = requests.map((request) => shapeNode(model, request, instanceType(request.typeName)!, hbase, release, override));

  const { mode: deployMode, source: deployModeSource } = settings ? deployModeOf(settings, override.deployMode) : { mode: override.deployMode ?? 'client', source: override.deployMode ? 'option' : 'assumed' } as const;

  const calculator = primaryNodeValue(model, 'capacity-scheduler', RESOURCE_CALCULATOR);
  const dominant = calculator !== undefined && /DominantResourceCalculator\s*$/.test(calculator.value);
  return {
    unknownTypes,
    shape: {
      nodes,
      primary: primaryNode(model, release, override),
      release,
      formula: containerFormula(release),
      deployMode,
      deployModeSource,
      application: override.application ?? 'jvm',
      applicationSource: override.application ? 'option' : 'assumed',
      hbase,
      resourceCalculator: dominant ? 'dominant' : 'memory',
      resourceCalculatorEntry: dominant ? calculator : undefined,
      source,
    },
  };
}
