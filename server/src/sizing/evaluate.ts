import { sparkOption } from '../catalog';
import { oncePer } from '../engine/memo';
import type { PropertyEntry } from '../engine/model';
import { parseBoolean, parseBytes, parseDouble, parseInteger, toMiB, type ByteUnit } from '../engine/units';
import { OVERHEAD_MINIMUM_MIB, roundUp } from './plan';
import type { ClusterShape, ContainerBreakdown, Evaluation, GroupEvaluation, HeapSplit } from './report';

export type Settings = ReadonlyMap<string, PropertyEntry>;

function raw(settings: Settings, key: string): string | undefined {
  return settings.get(key)?.value;
}

export function memoryMiB(settings: Settings, key: string, fallback?: string): number | undefined {
  const value = raw(settings, key) ?? fallback;
  if (value === undefined) return undefined;
  const unit = (sparkOption(key)?.unit ?? 'MiB') as ByteUnit;
  const parsed = parseBytes(value, unit);
  return parsed.ok ? toMiB(parsed.value.bytes) : undefined;
}

function number(settings: Settings, key: string, fallback: number): number {
  const value = raw(settings, key);
  if (value === undefined) return fallback;
  const parsed = parseDouble(value);
  return parsed.ok ? parsed.value : fallback;
}

function integer(settings: Settings, key: string): number | undefined {
  const value = raw(settings, key);
  if (value === undefined) return undefined;
  const parsed = parseInteger(value);
  return parsed.ok ? parsed.value : undefined;
}

export function flag(settings: Settings, key: string, fallback: boolean): boolean {
  const value = raw(settings, key);
  if (value === undefined) return fallback;
  const parsed = parseBoolean(value);
  return parsed.ok ? parsed.value : fallback;
}

/** The keys each container is sized from (written out once: they are looked up in every analysis). */
const CONTAINER_KEYS = {
  executor: {
    memory: 'spark.executor.memory',
    overhead: 'spark.executor.memoryOverhead',
    yarnOverhead: 'spark.yarn.executor.memoryOverhead',
    factor: 'spark.executor.memoryOverheadFactor',
    minimum: 'spark.executor.minMemoryOverhead',
  },
  driver: {
    memory: 'spark.driver.memory',
    overhead: 'spark.driver.memoryOverhead',
    yarnOverhead: 'spark.yarn.driver.memoryOverhead',
    factor: 'spark.driver.memoryOverheadFactor',
    minimum: 'spark.driver.minMemoryOverhead',
  },
} as const;

/** The container YARN allocates for one executor or driver, from the settings Spark reads. */
function container(settings: Settings, role: 'executor' | 'driver', minAllocationMiB: number, cores: number): ContainerBreakdown {
  const keys = CONTAINER_KEYS[role];
  // An unreadable value is reported by the value rules; size with Spark's default meanwhile.
  const memory = memoryMiB(settings, keys.memory) ?? 1024;
  const explicit = memoryMiB(settings, keys.overhead) ?? memoryMiB(settings, keys.yarnOverhead);
  const factor = number(settings, keys.factor, 0.1);
  const minimum = memoryMiB(settings, keys.minimum) ?? OVERHEAD_MINIMUM_MIB;
  const byFactor = Math.floor(factor * memory);
  const overhead = explicit ?? Math.max(byFactor, minimum);
  const overheadSource: ContainerBreakdown['overheadSource'] = explicit !== undefined ? 'explicit' : byFactor >= minimum ? 'factor' : 'minimum';
  const offHeap = role === 'executor' && flag(settings, 'spark.memory.offHeap.enabled', false) ? (memoryMiB(settings, 'spark.memory.offHeap.size') ?? 0) : 0;
  const pyspark = role === 'executor' ? (memoryMiB(settings, 'spark.executor.pyspark.memory') ?? 0) : 0;
  const request = memory + overhead + offHeap + pyspark;
  return { cores, memoryMiB: memory, overheadMiB: overhead, overheadSource, defaultOverheadMiB: Math.max(byFactor, minimum), overheadFactor: factor, overheadMinimumMiB: minimum, offHeapMiB: offHeap, pysparkMiB: pyspark, requestMiB: request, containerMiB: roundUp(request, minAllocationMiB) };
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

/** The executor and driver containers the settings ask for, whatever the cluster (YARN rounds to `minAllocationMiB`). */
export function containerSizes(settings: Settings, minAllocationMiB = 1): ContainerSizes {
  const cores = integer(settings, 'spark.executor.cores') ?? 1;
  const executor = container(settings, 'executor', minAllocationMiB, cores);
  const driver = container(settings, 'driver', minAllocationMiB, integer(settings, 'spark.driver.cores') ?? 1);
  return { executor, driver, heap: heapSplit(settings, executor.memoryMiB, cores) };
}

/**
 * What this configuration really does on this cluster: container sizes, packing per node, capacity, heap split.
 * `sizes` are the settings' containers on this cluster, when the caller has them already.
 */
export function evaluate(shape: ClusterShape, settings: Settings, sizes = containerSizes(settings, shape.nodes[0].minAllocationMiB)): Evaluation {
  const { executor, driver, heap } = sizes;
  const cores = executor.cores;
  const groups: GroupEvaluation[] = shape.nodes.map((n) => {
    const perNode = executor.containerMiB > n.maxAllocationMiB ? 0 : Math.floor(n.yarnMemoryMiB / executor.containerMiB);
    return { role: n.role, instanceType: n.instanceType, nodes: n.nodes, vcpu: n.vcpu, yarnMemoryMiB: n.yarnMemoryMiB, maxAllocationMiB: n.maxAllocationMiB, executorsPerNode: perNode, coresPerNode: perNode * cores };
  });
  const slots = groups.reduce((sum, g) => sum + g.executorsPerNode * g.nodes, 0);
  let capacity = slots;
  if (shape.deployMode === 'cluster' && groups.length > 0) {
    // The driver's container lands on a node of the first group and takes its room there.
    const first = groups[0];
    const leftForExecutors = Math.max(0, Math.floor((first.yarnMemoryMiB - driver.containerMiB) / executor.containerMiB));
    capacity = slots - first.executorsPerNode + Math.min(first.executorsPerNode, leftForExecutors);
  }
  const requested = integer(settings, 'spark.executor.instances');
  // EMR writes spark.dynamicAllocation.enabled=true into spark-defaults unless the configuration says otherwise.
  const dynamicAllocation = flag(settings, 'spark.dynamicAllocation.enabled', true);
  const running = Math.min(capacity, requested ?? capacity);
  const used = running * executor.containerMiB + (shape.deployMode === 'cluster' ? driver.containerMiB : 0);
  const total = shape.nodes.reduce((sum, n) => sum + n.yarnMemoryMiB * n.nodes, 0);
  return {
    executor,
    driver,
    deployMode: shape.deployMode,
    groups,
    capacity: Math.max(0, capacity),
    requestedInstances: requested,
    dynamicAllocation,
    heap,
    yarnMemoryUsedPercent: total === 0 ? 0 : Math.round((used / total) * 1000) / 10,
  };
}
