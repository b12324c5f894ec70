import { formatMiB, sparkMemoryValue } from '../engine/units';
import type { ClusterShape, NodeShape, Plan, PlanGroup, SizingMethod } from './report';

/** Spark's floor for memory overhead (MEMORY_OVERHEAD_MIN_MIB). */
export const OVERHEAD_MINIMUM_MIB = 384;
const GiB = 1024;

/** Cores per executor and executors per node: five cores each, one vCPU left for the node's daemons. */
export function executorShape(vcpu: number): { cores: number; perNode: number } {
  const usable = Math.max(1, vcpu - 1);
  const cores = Math.min(5, usable);
  return { cores, perNode: Math.max(1, Math.floor(usable / cores)) };
}

function roundDown(value: number, step: number): number {
  return Math.floor(value / step) * step;
}

export function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/** Spark's default overhead for a heap: max(384 MiB, 10 % of it), the 10 % rounded down as Spark does. */
export function overheadFloor(heapMiB: number): number {
  return Math.max(OVERHEAD_MINIMUM_MIB, Math.floor(heapMiB / 10));
}

/** The largest heap (whole GiB when possible) that leaves at least the overhead floor inside the container. */
export function heapFor(containerMiB: number): number {
  let gib = Math.floor(containerMiB / GiB);
  while (gib > 0 && gib * GiB + overheadFloor(gib * GiB) > containerMiB) gib--;
  if (gib > 0) return gib * GiB;
  // Too small for a whole GiB: fall back to 64 MiB steps.
  let mib = roundDown(containerMiB, 64);
  while (mib > 0 && mib + overheadFloor(mib) > containerMiB) mib -= 64;
  return mib;
}

function totals(shape: ClusterShape, groups: PlanGroup[], cores: number) {
  const containers = groups.reduce((sum, g) => sum + g.executorsPerNode * g.nodes, 0);
  const instances = Math.max(0, containers - (shape.deployMode === 'cluster' ? 1 : 0));
  return { containers, instances, parallelism: 2 * instances * cores };
}

interface PlanParts {
  cores: number;
  executorMiB: number;
  overheadMiB: number;
  containerMiB: number;
  groups: PlanGroup[];
  fits: boolean;
  steps: string[];
  /** YARN memory the planned containers take. */
  usedMiB: number;
}

/** A plan from its executor size and packing; the driver gets the executor's size, parallelism twice the cores. */
function assemblePlan(shape: ClusterShape, method: SizingMethod, parts: PlanParts, reality?: Plan['reality']): Plan {
  const { cores, executorMiB, overheadMiB, groups } = parts;
  const { instances, parallelism } = totals(shape, groups, cores);
  return {
    method,
    executorCores: cores,
    executorMemoryMiB: executorMiB,
    executorMemoryOverheadMiB: overheadMiB,
    containerMiB: parts.containerMiB,
    executorsPerNode: groups[0].executorsPerNode,
    executorInstances: instances,
    driverMemoryMiB: executorMiB,
    driverCores: cores,
    driverMemoryOverheadMiB: overheadMiB,
    defaultParallelism: parallelism,
    shufflePartitions: parallelism,
    groups,
    yarnMemoryUsedPercent: percent(parts.usedMiB, yarnTotal(shape.nodes)),
    fits: parts.fits,
    reality,
    properties: properties(executorMiB, overheadMiB, cores, instances, parallelism),
    sparkClassification: { maximizeResourceAllocation: 'false' },
    steps: parts.steps,
  };
}

function properties(executorMiB: number, overheadMiB: number, cores: number, instances: number, parallelism: number): Record<string, string> {
  return {
    'spark.executor.cores': String(cores),
    'spark.executor.memory': sparkMemoryValue(executorMiB),
    'spark.executor.memoryOverhead': sparkMemoryValue(overheadMiB),
    'spark.executor.instances': String(instances),
    'spark.driver.memory': sparkMemoryValue(executorMiB),
    'spark.driver.cores': String(cores),
    'spark.driver.memoryOverhead': sparkMemoryValue(overheadMiB),
    'spark.default.parallelism': String(parallelism),
    'spark.sql.shuffle.partitions': String(parallelism),
    'spark.dynamicAllocation.enabled': 'false',
  };
}

function percent(used: number, total: number): number {
  return total === 0 ? 0 : Math.round((used / total) * 1000) / 10;
}

function yarnTotal(nodes: NodeShape[]): number {
  return nodes.reduce((sum, n) => sum + n.yarnMemoryMiB * n.nodes, 0);
}

/**
 * The published guide, to the unit: 5 cores, executors per node from the vCPUs, the node's RAM less 1 GiB split evenly,
 * 90 % heap (rounded down) and 10 % overhead (rounded up), in whole GiB. It ignores YARN's budget; `reality` says what fits.
 */
export function guidePlan(shape: ClusterShape): Plan {
  const first = shape.nodes[0];
  const cores = Math.min(...shape.nodes.map((n) => executorShape(n.vcpu).cores));
  const steps: string[] = [];
  const perGroup = shape.nodes.map((n) => {
    const perNode = Math.max(1, Math.floor(Math.max(1, n.vcpu - 1) / cores));
    const memoryGiB = Math.floor((n.memoryMiB - GiB) / perNode / GiB);
    return { node: n, perNode, memoryGiB };
  });
  const memoryGiB = Math.min(...perGroup.map((g) => g.memoryGiB));
  const heapGiB = Math.floor((memoryGiB * 9) / 10);
  const overheadGiB = Math.ceil(memoryGiB / 10);
  for (const g of perGroup) {
    steps.push(`${g.node.instanceType}: ${g.node.vcpu} vCPU, ${formatMiB(g.node.memoryMiB)} RAM -> floor((${g.node.vcpu} - 1) / ${cores}) = ${g.perNode} executors per node`);
    steps.push(`${g.node.instanceType}: floor((${formatMiB(g.node.memoryMiB)} - 1 GiB) / ${g.perNode}) = ${g.memoryGiB} GiB per executor`);
  }
  steps.push(`heap = floor(90 % of ${memoryGiB} GiB) = ${heapGiB} GiB; overhead = ceil(10 % of ${memoryGiB} GiB) = ${overheadGiB} GiB`);
  const executorMiB = heapGiB * GiB;
  const overheadMiB = overheadGiB * GiB;
  const groups: PlanGroup[] = perGroup.map((g) => ({
    role: g.node.role,
    instanceType: g.node.instanceType,
    nodes: g.node.nodes,
    executorsPerNode: g.perNode,
    yarnMemoryMiB: g.node.yarnMemoryMiB,
    wastePerNodeMiB: g.node.yarnMemoryMiB - g.perNode * (executorMiB + overheadMiB),
  }));
  const { instances, parallelism } = totals(shape, groups, cores);
  steps.push(`instances = ${groups.map((g) => `${g.executorsPerNode} x ${g.nodes}`).join(' + ')}${shape.deployMode === 'cluster' ? ' - 1 (driver)' : ''} = ${instances}; parallelism = 2 x ${instances} x ${cores} = ${parallelism}`);

  const containerMiB = roundUp(executorMiB + overheadMiB, first.minAllocationMiB);
  const fitting = shape.nodes.map((n) => (containerMiB > n.maxAllocationMiB ? 0 : Math.min(perGroup.find((g) => g.node === n)!.perNode, Math.floor(n.yarnMemoryMiB / containerMiB))));
  const containers = shape.nodes.reduce((sum, n, i) => sum + fitting[i] * n.nodes, 0);
  const besideDriver = Math.max(0, containers - (shape.deployMode === 'cluster' ? 1 : 0));
  const fits = groups.every((g, i) => fitting[i] === g.executorsPerNode);
  steps.push(
    `on EMR: container ${formatMiB(containerMiB)}; YARN gives ${first.instanceType} ${formatMiB(first.yarnMemoryMiB)}, so ${fitting[0]} of ${groups[0].executorsPerNode} fit per node` +
      ` -> ${containers} containers, ${besideDriver} executors beside the driver`,
  );
  return assemblePlan(shape, 'guide', { cores, executorMiB, overheadMiB, containerMiB, groups, fits, steps, usedMiB: containers * containerMiB }, {
    executorsPerNodeThatFit: fitting[0],
    containers,
    executorsBesideDriver: besideDriver,
  });
}

/** How many executors of `cores` cores a node runs, and how large each container may be on it. */
function groupCapacity(node: NodeShape, cores: number): { perNode: number; containerMiB: number } {
  const usable = Math.max(1, node.vcpu - 1);
  let perNode = Math.max(1, Math.floor(usable / cores));
  // When the maximum allocation caps the container, more and smaller executors use the node better.
  const byMaximum = Math.ceil(node.yarnMemoryMiB / node.maxAllocationMiB);
  if (byMaximum > perNode) perNode = Math.min(usable, byMaximum);
  const containerMiB = roundDown(Math.min(Math.floor(node.yarnMemoryMiB / perNode), node.maxAllocationMiB), node.minAllocationMiB);
  return { perNode, containerMiB };
}

/**
 * The plan that fits: the guide's shape, but each container is the largest that lets every executor of a node fit
 * in YARN's budget (after rounding to the minimum allocation) without passing the maximum allocation.
 * Heap in whole GiB, the rest of the container to overhead. One executor size for the whole cluster.
 */
export function yarnPlan(shape: ClusterShape): Plan {
  const steps: string[] = [];
  let cores = Math.min(...shape.nodes.map((n) => executorShape(n.vcpu).cores));
  let capacities = shape.nodes.map((n) => groupCapacity(n, cores));
  // More executors than the shape allows per node means fewer cores each.
  const perNodeCores = shape.nodes.map((n, i) => Math.max(1, Math.floor(Math.max(1, n.vcpu - 1) / capacities[i].perNode)));
  if (Math.min(...perNodeCores) < cores) {
    cores = Math.min(...perNodeCores);
    capacities = shape.nodes.map((n) => groupCapacity(n, cores));
  }
  const containerMiB = Math.min(...capacities.map((c) => c.containerMiB));
  const executorMiB = heapFor(containerMiB);
  const overheadMiB = containerMiB - executorMiB;
  const groups: PlanGroup[] = shape.nodes.map((n, i) => {
    const perNode = Math.min(capacities[i].perNode, Math.floor(n.yarnMemoryMiB / roundUp(containerMiB, n.minAllocationMiB)));
    return {
      role: n.role,
      instanceType: n.instanceType,
      nodes: n.nodes,
      executorsPerNode: perNode,
      yarnMemoryMiB: n.yarnMemoryMiB,
      wastePerNodeMiB: n.yarnMemoryMiB - perNode * roundUp(containerMiB, n.minAllocationMiB),
    };
  });
  for (const [i, n] of shape.nodes.entries()) {
    steps.push(
      `${n.instanceType}: ${n.vcpu} vCPU -> ${groups[i].executorsPerNode} executors of ${cores} cores; YARN budget ${formatMiB(n.yarnMemoryMiB)} (${describeSource(n)}), ` +
        `maximum container ${formatMiB(n.maxAllocationMiB)} -> at most ${formatMiB(capacities[i].containerMiB)} each`,
    );
  }
  steps.push(
    `container ${formatMiB(containerMiB)} = heap ${formatMiB(executorMiB)} (whole GiB) + overhead ${formatMiB(overheadMiB)} ` +
      `(at least max(384 MiB, 10 % of heap) = ${formatMiB(overheadFloor(executorMiB))})`,
  );
  for (const g of groups) {
    steps.push(`${g.instanceType}: ${g.executorsPerNode} x ${formatMiB(containerMiB)} = ${formatMiB(g.executorsPerNode * containerMiB)} of ${formatMiB(g.yarnMemoryMiB)}, ${formatMiB(g.wastePerNodeMiB)} idle per node`);
  }
  const { containers, instances, parallelism } = totals(shape, groups, cores);
  steps.push(`instances = ${groups.map((g) => `${g.executorsPerNode} x ${g.nodes}`).join(' + ')}${shape.deployMode === 'cluster' ? ' - 1 (driver)' : ''} = ${instances}; parallelism = 2 x ${instances} x ${cores} = ${parallelism}`);
  const fits = executorMiB > 0 && shape.nodes.every((n, i) => containerMiB <= n.maxAllocationMiB && groups[i].executorsPerNode * containerMiB <= n.yarnMemoryMiB);
  return assemblePlan(shape, 'yarn', { cores, executorMiB, overheadMiB, containerMiB, groups, fits, steps, usedMiB: containers * containerMiB });
}

function describeSource(node: NodeShape): string {
  if (node.yarnSource === 'yarn-site') return 'from yarn-site';
  return node.yarnSource === 'emr-default-hbase' ? 'EMR default with HBase' : 'EMR default';
}

export function makePlan(shape: ClusterShape, method: SizingMethod): Plan {
  return method === 'guide' ? guidePlan(shape) : yarnPlan(shape);
}
