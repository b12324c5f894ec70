import { sparkOption } from '../catalog';
import { oncePer } from '../engine/memo';
import type { PropertyEntry } from '../engine/model';
import { parseBoolean, parseBytes, parseDouble, parseInteger, toMiB, type ByteUnit } from '../engine/units';
import { OVERHEAD_FACTOR, OVERHEAD_MINIMUM_MIB, type ContainerFormula } from './containerFormula';
import type { ApplicationKind, ClusterShape, ContainerBreakdown, Evaluation, GroupEvaluation, HeapSplit, NodeShape } from './report';
import type { SubmissionSettings } from './submission';

export type Settings = ReadonlyMap<string, PropertyEntry>;

export function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

function parseMemory(key: string, value: string): number | undefined {
  const unit = (sparkOption(key)?.unit ?? 'MiB') as ByteUnit;
  const parsed = parseBytes(value, unit);
  return parsed.ok ? toMiB(parsed.value.bytes) : undefined;
}

export function memoryMiB(settings: Settings, key: string, fallback?: string): number | undefined {
  const value = settings.get(key)?.value ?? fallback;
  return value === undefined ? undefined : parseMemory(key, value);
}

function number(settings: Settings, key: string, fallback: number): number {
  const value = settings.get(key)?.value;
  if (value === undefined) return fallback;
  const parsed = parseDouble(value);
  return parsed.ok ? parsed.value : fallback;
}

function integer(settings: Settings, key: string): number | undefined {
  const value = settings.get(key)?.value;
  if (value === undefined) return undefined;
  const parsed = parseInteger(value);
  return parsed.ok ? parsed.value : undefined;
}

export function flag(settings: Settings, key: string, fallback: boolean): boolean {
  const value = settings.get(key)?.value;
  if (value === undefined) return fallback;
  const parsed = parseBoolean(value);
  return parsed.ok ? parsed.value : fallback;
}

/** The keys each container is sized from (written out once: they are looked up in every analysis). */
const CONTAINER_KEYS = {
  executor: {
    memory: 'spark.executor.memory',
    cores: 'spark.executor.cores',
    overhead: 'spark.executor.memoryOverhead',
    yarnOverhead: 'spark.yarn.executor.memoryOverhead',
    factor: 'spark.executor.memoryOverheadFactor',
    minimum: 'spark.executor.minMemoryOverhead',
  },
  driver: {
    memory: 'spark.driver.memory',
    cores: 'spark.driver.cores',
    overhead: 'spark.driver.memoryOverhead',
    yarnOverhead: 'spark.yarn.driver.memoryOverhead',
    factor: 'spark.driver.memoryOverheadFactor',
    minimum: 'spark.driver.minMemoryOverhead',
  },
} as const;

/** Spark's own defaults for the keys a container is sized from, where EMR writes nothing. */
const SPARK_MEMORY_DEFAULT_MIB = 1024;

/** The container YARN allocates for one executor or driver, from the settings that govern the submission. */
function container(governing: SubmissionSettings, role: 'executor' | 'driver', formula: ContainerFormula, application: ApplicationKind, stepMiB: number): ContainerBreakdown {
  const keys = CONTAINER_KEYS[role];
  const settings = governing.entries;
  const memorySetting = governing.get(keys.memory);
  const parsedMemory = memorySetting.value !== undefined && memorySetting.origin !== 'spark-default' ? parseMemory(keys.memory, memorySetting.value) : undefined;
  // An unreadable value is reported by the value rules; an unpublished EMR value is not guessed.
  const memory = parsedMemory ?? SPARK_MEMORY_DEFAULT_MIB;
  const memoryKnown = parsedMemory !== undefined || memorySetting.origin === 'spark-default';
  const coresSetting = governing.get(keys.cores);
  const coresValue = coresSetting.entry ? integer(settings, keys.cores) : undefined;
  const coresKnown = coresSetting.entry !== undefined || coresSetting.origin === 'spark-default';
  const explicit = memoryMiB(settings, keys.overhead) ?? memoryMiB(settings, keys.yarnOverhead);
  const factor = formula.readsFactor ? number(settings, keys.factor, OVERHEAD_FACTOR) : OVERHEAD_FACTOR;
  const minimum = (formula.readsMinimum ? memoryMiB(settings, keys.minimum) : undefined) ?? OVERHEAD_MINIMUM_MIB;
  const byFactor = Math.floor(factor * memory);
  const overhead = explicit ?? Math.max(byFactor, minimum);
  const overheadSource: ContainerBreakdown['overheadSource'] = explicit !== undefined ? 'explicit' : byFactor >= minimum ? 'factor' : 'minimum';
  const offHeap = role === 'executor' && formula.countsOffHeap && flag(settings, 'spark.memory.offHeap.enabled', false) ? (memoryMiB(settings, 'spark.memory.offHeap.size') ?? 0) : 0;
  const pysparkSet = role === 'executor' ? (memoryMiB(settings, 'spark.executor.pyspark.memory') ?? 0) : 0;
  const pyspark = application === 'python' ? pysparkSet : 0;
  const request = memory + overhead + offHeap + pyspark;
  return {
    cores: coresValue ?? 1,
    memoryMiB: memory,
    overheadMiB: overhead,
    overheadSource,
    defaultOverheadMiB: Math.max(byFactor, minimum),
    overheadFactor: factor,
    overheadMinimumMiB: minimum,
    offHeapMiB: offHeap,
    pysparkMiB: pyspark,
    pysparkIgnoredMiB: pysparkSet - pyspark,
    requestMiB: request,
    containerMiB: roundUp(request, stepMiB),
    memorySet: memorySetting.entry !== undefined,
    memoryKnown,
    coresKnown,
    writtenByEmr: (memorySetting.writtenByEmr ?? false) || (coresSetting.writtenByEmr ?? false),
  };
}

/** The application master's container in client deploy mode: spark.yarn.am.memory + max(384 MiB, 10 %), the 10 % fixed. */
function clientApplicationMasterMiB(settings: Settings, stepMiB: number): number {
  const memory = memoryMiB(settings, 'spark.yarn.am.memory') ?? 512;
  const overhead = memoryMiB(settings, 'spark.yarn.am.memoryOverhead') ?? Math.max(OVERHEAD_MINIMUM_MIB, Math.floor(OVERHEAD_FACTOR * memory));
  return roundUp(memory + overhead, stepMiB);
}

export function heapSplit(settings: Settings, heapMiB: number, cores: number): HeapSplit {
  const reserved = 300;
  const usable = Math.max(0, heapMiB - reserved);
  const fraction = number(settings, 'spark.memory.fraction', 0.6);
  const storageFraction = number(settings, 'spark.memory.storageFraction', 0.5);
  const spark = Math.floor(usable * fraction);
  const storage = Math.floor(spark * storageFraction);
  const execution = spark - storage;
  return {
    heapMiB,
    reservedMiB: reserved,
    usableMiB: usable,
    sparkMemoryMiB: spark,
    storageMiB: storage,
    executionMiB: execution,
    userMiB: usable - spark,
    executionPerCoreMiB: Math.floor(execution / Math.max(1, cores)),
  };
}

const SIZING_KEYS: readonly (readonly [string, 'bytes' | 'int'])[] = [
  ['spark.executor.memory', 'bytes'],
  ['spark.executor.memoryOverhead', 'bytes'],
  ['spark.yarn.executor.memoryOverhead', 'bytes'],
  ['spark.driver.memory', 'bytes'],
  ['spark.driver.memoryOverhead', 'bytes'],
  ['spark.yarn.driver.memoryOverhead', 'bytes'],
  ['spark.executor.pyspark.memory', 'bytes'],
  ['spark.memory.offHeap.size', 'bytes'],
  ['spark.executor.cores', 'int'],
  ['spark.driver.cores', 'int'],
  ['spark.executor.instances', 'int'],
];

/** Sizing settings whose values Spark cannot read: sizing from them would reason about numbers that never run. */
export function unreadableSizingKeys(settings: Settings): string[] {
  const unreadable: string[] = [];
  for (const [key, kind] of SIZING_KEYS) {
    if (settings.has(key) && (kind === 'bytes' ? memoryMiB(settings, key) === undefined : integer(settings, key) === undefined)) unreadable.push(key);
  }
  return unreadable;
}

/** Whether any sizing setting is unreadable (unreadableSizingKeys is not empty); most sizing rules ask of the same table. */
export const hasUnreadableSizingKeys: (settings: Settings) => boolean = oncePer((settings: Settings) => unreadableSizingKeys(settings).length > 0);

export interface ContainerSizes {
  executor: ContainerBreakdown;
  driver: ContainerBreakdown;
  heap: HeapSplit;
}

/** The executor and driver containers the settings ask for, whatever the cluster (YARN rounds to `stepMiB`). */
export function containerSizes(governing: SubmissionSettings, formula: ContainerFormula, application: ApplicationKind = 'jvm', stepMiB = 1): ContainerSizes {
  const executor = container(governing, 'executor', formula, application, stepMiB);
  const driver = container(governing, 'driver', formula, application, stepMiB);
  return { executor, driver, heap: heapSplit(governing.entries, executor.memoryMiB, executor.cores) };
}

/** Executors of this size that one node holds, and what limits them. */
function perNode(shape: ClusterShape, node: NodeShape, request: number, cores: number, coresKnown: boolean, gpuAmount: number): Pick<GroupEvaluation, 'executorsPerNode' | 'limitedBy'> {
  const size = roundUp(request, node.minAllocationMiB);
  if (size > node.maxAllocationMiB) return { executorsPerNode: 0, limitedBy: 'maximum-allocation' };
  let count = Math.floor(node.yarnMemoryMiB / size);
  let limitedBy: GroupEvaluation['limitedBy'] = 'memory';
  if (shape.resourceCalculator === 'dominant') {
    if (coresKnown) {
      const byVcores = Math.floor(node.yarnVcores / Math.max(1, cores));
      if (byVcores < count) [count, limitedBy] = [byVcores, 'vcores'];
    }
    if (gpuAmount > 0) {
      const byGpus = Math.floor(node.gpus / gpuAmount);
      if (byGpus < count) [count, limitedBy] = [byGpus, 'gpus'];
    }
  }
  return { executorsPerNode: count, limitedBy };
}

/** The worst case: every CORE and TASK group, and for each fleet the instance type that holds the fewest executors. */
function worstCase(shape: ClusterShape, groups: GroupEvaluation[]): { worst: GroupEvaluation[]; choices: Evaluation['fleetChoices'] } {
  const worst: GroupEvaluation[] = [];
  const choices: Evaluation['fleetChoices'] = [];
  const fleets = new Map<object, { node: NodeShape; group: GroupEvaluation }[]>();
  shape.nodes.forEach((node, i) => {
    if (!node.fleet) worst.push(groups[i]);
    else fleets.set(node.fleet.group, [...(fleets.get(node.fleet.group) ?? []), { node, group: groups[i] }]);
  });
  for (const alternatives of fleets.values()) {
    const pick = alternatives.reduce((a, b) => (b.group.executorsPerNode * b.group.nodes < a.group.executorsPerNode * a.group.nodes ? b : a));
    worst.push(pick.group);
    const fleet = pick.node.fleet!;
    choices.push({ fleet: fleet.group.name ? `the ${pick.node.role} fleet "${fleet.group.name}"` : `the ${pick.node.role} fleet`, instanceType: pick.node.instanceType, nodes: pick.node.nodes, targetCapacity: fleet.targetCapacity, weight: fleet.weight });
  }
  return { worst, choices };
}

/**
 * What this configuration really does on this cluster: container sizes, packing per node, capacity in the worst case,
 * heap split. `sizes` are the settings' containers, rounded to the first node type's step.
 */
export function evaluate(shape: ClusterShape, governing: SubmissionSettings, sizes: ContainerSizes): Evaluation {
  const settings = governing.entries;
  const { executor, driver, heap } = sizes;
  const gpuAmount = integer(settings, 'spark.executor.resource.gpu.amount') ?? 0;
  const groups: GroupEvaluation[] = shape.nodes.map((n) => {
    const fit = perNode(shape, n, executor.requestMiB, executor.cores, executor.coresKnown, gpuAmount);
    return {
      role: n.role,
      instanceType: n.instanceType,
      nodes: n.nodes,
      vcpu: n.vcpu,
      yarnMemoryMiB: n.yarnMemoryMiB,
      maxAllocationMiB: n.maxAllocationMiB,
      ...fit,
      coresPerNode: fit.executorsPerNode * executor.cores,
      fleetAlternative: n.fleet !== undefined,
    };
  });
  const { worst, choices } = worstCase(shape, groups);
  const slots = worst.reduce((sum, g) => sum + g.executorsPerNode * g.nodes, 0);

  // The application master is placed first, where it displaces the fewest executors: the driver in cluster mode, a
  // small container of its own in client mode.
  const cluster = shape.deployMode === 'cluster';
  const amRequest = cluster ? driver.requestMiB : clientApplicationMasterMiB(settings, 1);
  const amCores = cluster ? driver.cores : (integer(settings, 'spark.yarn.am.cores') ?? 1);
  let displaced = Infinity;
  for (const g of worst) {
    const node = shape.nodes[groups.indexOf(g)];
    const am = roundUp(amRequest, node.minAllocationMiB);
    if (am > node.maxAllocationMiB || am > node.yarnMemoryMiB) continue;
    const size = roundUp(executor.requestMiB, node.minAllocationMiB);
    let left = Math.floor((node.yarnMemoryMiB - am) / size);
    if (shape.resourceCalculator === 'dominant' && executor.coresKnown) left = Math.min(left, Math.floor(Math.max(0, node.yarnVcores - amCores) / Math.max(1, executor.cores)));
    displaced = Math.min(displaced, Math.max(0, g.executorsPerNode - Math.max(0, left)));
  }
  const capacity = Math.max(0, slots - (Number.isFinite(displaced) ? displaced : 0));
  const requested = integer(settings, 'spark.executor.instances');
  const dynamic = governing.get('spark.dynamicAllocation.enabled').value;
  const parsedDynamic = dynamic !== undefined ? parseBoolean(dynamic) : undefined;
  const dynamicAllocation = parsedDynamic?.ok === true && parsedDynamic.value;
  const running = Math.min(capacity, requested ?? capacity);
  const amContainer = roundUp(amRequest, shape.nodes[0].minAllocationMiB);
  const used = running * executor.containerMiB + amContainer;
  const total = worst.reduce((sum, g) => sum + g.yarnMemoryMiB * g.nodes, 0);
  return {
    executor,
    driver,
    applicationMasterMiB: amContainer,
    deployMode: shape.deployMode,
    groups,
    worstCase: worst,
    fleetChoices: choices,
    capacity,
    requestedInstances: requested,
    dynamicAllocation,
    heap,
    yarnMemoryUsedPercent: total === 0 ? 0 : Math.round((Math.min(used, total) / total) * 1000) / 10,
  };
}

/**
 * Why more executors are requested than the cluster holds, when they are: `packing` when the count asks, on average,
 * for at least half an executor per node more than fits (the containers do not pack as the count implies: SZ002),
 * `count` when the excess is smaller (the count alone is the problem: SZ003). One root cause, one finding.
 */
export function shortfall(e: Evaluation): { cause: 'packing' | 'count'; missing: number; impliedPerNode: number; group?: GroupEvaluation } | undefined {
  if (e.requestedInstances === undefined || e.requestedInstances <= e.capacity || e.worstCase.every((g) => g.executorsPerNode === 0)) return undefined;
  const nodes = e.worstCase.reduce((sum, g) => sum + g.nodes, 0);
  const missing = e.requestedInstances - e.capacity;
  const impliedPerNode = Math.ceil((e.requestedInstances + (e.deployMode === 'cluster' ? 1 : 0)) / Math.max(1, nodes));
  const group = e.worstCase.find((g) => g.executorsPerNode < impliedPerNode && g.executorsPerNode > 0);
  const cause = group && missing * 2 >= nodes ? 'packing' : 'count';
  return { cause, missing, impliedPerNode, group };
}
