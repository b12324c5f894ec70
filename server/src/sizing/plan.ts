import { formatMiB, sparkMemoryValue } from '../engine/units';
import { OVERHEAD_FACTOR, OVERHEAD_MINIMUM_MIB } from './containerFormula';
import { roundUp } from './evaluate';
import type { ClusterShape, NodeShape, Plan, PlanCandidate, PlanGroup, SizingMethod } from './report';

export { OVERHEAD_MINIMUM_MIB, roundUp };
const GiB = 1024;

/** Spark's minimum heap: 1.5 x the 300 MiB it reserves (UnifiedMemoryManager); SZ006 reports less. */
export const MINIMUM_HEAP_MIB = 450;

/** Heaps in [32 GiB, 48 GiB) lose compressed object pointers for little gain (SZ010): plans stay out of that gap. */
export const COMPRESSED_OOPS_LIMIT_MIB = 32 * GiB;
export const LARGE_HEAP_MIN_MIB = 48 * GiB;

export function inCompressedOopsGap(heapMiB: number): boolean {
  return heapMiB >= COMPRESSED_OOPS_LIMIT_MIB && heapMiB < LARGE_HEAP_MIN_MIB;
}

/** Cores per executor and executors per node: five cores each, one vCPU left for the node's daemons. */
export function executorShape(vcpu: number): { cores: number; perNode: number } {
  const usable = Math.max(1, vcpu - 1);
  const cores = Math.min(5, usable);
  return { cores, perNode: Math.max(1, Math.floor(usable / cores)) };
}

function roundDown(value: number, step: number): number {
  return Math.floor(value / step) * step;
}

/** Spark's default overhead for a heap: max(384 MiB, 10 % of it), the 10 % rounded down as Spark does. */
export function overheadFloor(heapMiB: number): number {
  return Math.max(OVERHEAD_MINIMUM_MIB, Math.floor(heapMiB * OVERHEAD_FACTOR));
}

/**
 * The largest heap (whole GiB when possible) that leaves at least the overhead floor inside the container and stays
 * out of the compressed-oops gap.
 */
export function heapFor(containerMiB: number): number {
  let gib = Math.floor(containerMiB / GiB);
  while (gib > 0 && (gib * GiB + overheadFloor(gib * GiB) > containerMiB || inCompressedOopsGap(gib * GiB))) gib--;
  if (gib > 0) return gib * GiB;
  // Too small for a whole GiB: fall back to 64 MiB steps.
  let mib = roundDown(containerMiB, 64);
  while (mib > 0 && mib + overheadFloor(mib) > containerMiB) mib -= 64;
  return mib;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A step every node's rounding step divides: containers that are multiples of it never grow when YARN rounds them. */
function commonStep(nodes: NodeShape[]): number {
  return nodes.reduce((step, n) => (step * n.planStepMiB) / gcd(step, n.planStepMiB), 1);
}

function percent(used: number, total: number): number {
  return total === 0 ? 0 : Math.round((used / total) * 1000) / 10;
}

/** The node types the worst case counts: every group, and for each fleet the type with the fewest executors in all. */
function worstCaseIndexes(shape: ClusterShape, perNode: number[]): number[] {
  const chosen: number[] = [];
  const fleets = new Map<object, number>();
  shape.nodes.forEach((node, i) => {
    if (!node.fleet) return chosen.push(i);
    const best = fleets.get(node.fleet.group);
    if (best === undefined || perNode[i] * node.nodes < perNode[best] * shape.nodes[best].nodes) fleets.set(node.fleet.group, i);
  });
  return [...chosen, ...fleets.values()].sort((a, b) => a - b);
}

/** The application master's container in client deploy mode with Spark's defaults: 512 MiB + 384 MiB. */
const CLIENT_AM_MIB = 512 + OVERHEAD_MINIMUM_MIB;

interface Placement {
  /** Containers the application master takes from the executors' count. */
  reserved: number;
  driverMemoryMiB: number;
  driverOverheadMiB: number;
  driverCores: number;
  lines: string[];
}

/**
 * Where the driver and the application master go. Cluster mode: the driver is the application master, in a container
 * the size of an executor's, so it takes one executor's place. Client mode: the driver runs on the primary node, and
 * YARN still starts a small application master on a core or task node, which takes an executor's place unless a node
 * has that much memory left over.
 */
function placement(shape: ClusterShape, executorMiB: number, overheadMiB: number, cores: number, containerMiB: number, idle: { type: string; mib: number }[]): Placement {
  if (shape.deployMode === 'cluster') {
    return {
      reserved: 1,
      driverMemoryMiB: executorMiB,
      driverOverheadMiB: overheadMiB,
      driverCores: cores,
      lines: [`cluster deploy mode: the driver runs in a ${formatMiB(containerMiB)} YARN container on a core or task node, in place of one executor`],
    };
  }
  const am = roundUp(CLIENT_AM_MIB, commonStep(shape.nodes));
  const room = idle.find((i) => i.mib >= am);
  const amLine = room
    ? `the application master (spark.yarn.am.memory 512m + 384 MiB = ${formatMiB(am)}) fits in the ${formatMiB(room.mib)} each ${room.type} leaves unallocated, beside the executors`
    : `the application master (spark.yarn.am.memory 512m + 384 MiB = ${formatMiB(am)}) takes one executor's place: no node has that much left over`;
  const primary = shape.primary;
  let driverMemoryMiB = executorMiB;
  let where = 'on the primary node (its instance type is not given, so its room is not checked)';
  if (primary) {
    // Half of what EMR leaves for applications on a node of the primary's type: the primary also runs the
    // ResourceManager, the NameNode and the other services.
    const budget = Math.floor((primary.emrBudgetMiB ?? Math.floor(primary.memoryMiB * 0.75)) / 2);
    driverMemoryMiB = Math.min(executorMiB, heapFor(budget));
    where = `on the primary node, ${primary.instanceType} (${formatMiB(primary.memoryMiB)} RAM): heap ${formatMiB(driverMemoryMiB)}${driverMemoryMiB < executorMiB ? `, at most half of the ${formatMiB(primary.emrBudgetMiB ?? 0)} EMR leaves for applications on that type` : ''}`;
  }
  return {
    reserved: room ? 0 : 1,
    driverMemoryMiB,
    driverOverheadMiB: overheadFloor(driverMemoryMiB),
    driverCores: cores,
    lines: [`client deploy mode: the driver runs ${where}`, amLine],
  };
}

function properties(plan: { executorMiB: number; overheadMiB: number; cores: number; instances: number; parallelism: number; driver: Placement }): Record<string, string> {
  return {
    'spark.executor.cores': String(plan.cores),
    'spark.executor.memory': sparkMemoryValue(plan.executorMiB),
    'spark.executor.memoryOverhead': sparkMemoryValue(plan.overheadMiB),
    'spark.executor.instances': String(plan.instances),
    'spark.driver.memory': sparkMemoryValue(plan.driver.driverMemoryMiB),
    'spark.driver.cores': String(plan.driver.driverCores),
    'spark.driver.memoryOverhead': sparkMemoryValue(plan.driver.driverOverheadMiB),
    'spark.default.parallelism': String(plan.parallelism),
    'spark.sql.shuffle.partitions': String(plan.parallelism),
    'spark.dynamicAllocation.enabled': 'false',
  };
}

function instancesStep(shape: ClusterShape, groups: PlanGroup[], reserved: number, instances: number, cores: number, parallelism: number): string {
  const taken = reserved ? ` - 1 (${shape.deployMode === 'cluster' ? 'driver' : 'application master'})` : '';
  return `instances = ${groups.map((g) => `${g.executorsPerNode} x ${g.nodes}`).join(' + ')}${taken} = ${instances}; parallelism = 2 x ${instances} x ${cores} = ${parallelism}`;
}

interface PlanParts {
  method: SizingMethod;
  cores: number;
  executorMiB: number;
  overheadMiB: number;
  containerMiB: number;
  groups: PlanGroup[];
  instances: number;
  driver: Placement;
  /** YARN memory the planned containers take on the worst case. */
  usedMiB: number;
  /** The groups the worst case counts. */
  worst: number[];
  fits: boolean;
  reality?: Plan['reality'];
  choice?: Plan['choice'];
  steps: string[];
}

/** A plan from its executor size, packing and driver; parallelism is twice the cores. Both methods end here. */
function assemblePlan(shape: ClusterShape, parts: PlanParts): Plan {
  const { cores, executorMiB, overheadMiB, instances, driver, groups, worst } = parts;
  const parallelism = 2 * instances * cores;
  const total = worst.reduce((sum, i) => sum + shape.nodes[i].yarnMemoryMiB * shape.nodes[i].nodes, 0);
  return {
    method: parts.method,
    executorCores: cores,
    executorMemoryMiB: executorMiB,
    executorMemoryOverheadMiB: overheadMiB,
    containerMiB: parts.containerMiB,
    executorsPerNode: groups[0].executorsPerNode,
    executorInstances: instances,
    driverMemoryMiB: driver.driverMemoryMiB,
    driverCores: driver.driverCores,
    driverMemoryOverheadMiB: driver.driverOverheadMiB,
    defaultParallelism: parallelism,
    shufflePartitions: parallelism,
    groups,
    yarnMemoryUsedPercent: percent(parts.usedMiB, total),
    fits: parts.fits,
    reality: parts.reality,
    choice: parts.choice,
    placement: driver.lines,
    properties: properties({ executorMiB, overheadMiB, cores, instances, parallelism, driver }),
    sparkClassification: { maximizeResourceAllocation: 'false' },
    steps: parts.steps,
  };
}

/**
 * The published guide, to the unit: 5 cores, executors per node from the vCPUs, the node's RAM less 1 GiB split evenly,
 * 90 % heap (rounded down) and 10 % overhead (rounded up), in whole GiB, one executor slot left for the driver. It
 * ignores YARN's budget; `reality` says what fits, in the deploy mode assumed.
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
    fleetAlternative: g.node.fleet !== undefined,
  }));
  const worst = worstCaseIndexes(shape, groups.map((g) => g.executorsPerNode));
  const planned = worst.reduce((sum, i) => sum + groups[i].executorsPerNode * groups[i].nodes, 0);
  // The guide always keeps one executor's slot for the driver.
  const instances = Math.max(0, planned - 1);
  const parallelism = 2 * instances * cores;
  steps.push(`instances = ${worst.map((i) => `${groups[i].executorsPerNode} x ${groups[i].nodes}`).join(' + ')} - 1 (driver) = ${instances}; parallelism = 2 x ${instances} x ${cores} = ${parallelism}`);

  const containerMiB = roundUp(executorMiB + overheadMiB, first.minAllocationMiB);
  const fitting = shape.nodes.map((n, i) => (containerMiB > n.maxAllocationMiB ? 0 : Math.min(groups[i].executorsPerNode, Math.floor(n.yarnMemoryMiB / containerMiB))));
  const containers = worst.reduce((sum, i) => sum + fitting[i] * shape.nodes[i].nodes, 0);
  const idle = worst.map((i) => ({ type: shape.nodes[i].instanceType, mib: shape.nodes[i].yarnMemoryMiB - fitting[i] * containerMiB }));
  const driver = placement(shape, executorMiB, overheadMiB, cores, containerMiB, idle);
  const running = Math.max(0, containers - driver.reserved);
  const fits = worst.every((i) => fitting[i] === groups[i].executorsPerNode);
  const beside = shape.deployMode === 'cluster' ? 'executors beside the driver' : `executors${driver.reserved ? ' beside the application master' : ''}, the driver on the primary node`;
  steps.push(
    `on EMR: container ${formatMiB(containerMiB)}; YARN gives ${first.instanceType} ${formatMiB(first.yarnMemoryMiB)}, so ${fitting[0]} of ${groups[0].executorsPerNode} fit per node` +
      ` -> ${containers} containers, ${running} ${beside}`,
  );
  return assemblePlan(shape, {
    method: 'guide',
    cores,
    executorMiB,
    overheadMiB,
    containerMiB,
    groups,
    instances,
    driver: { ...driver, driverMemoryMiB: executorMiB, driverOverheadMiB: overheadMiB, driverCores: cores },
    usedMiB: containers * containerMiB,
    worst,
    fits,
    reality: { executorsPerNodeThatFit: fitting[0], containers, executorsBesideDriver: running },
    steps,
  });
}

/**
 * Executors per node for `cores` cores each: by the vCPUs, one left for the daemons (fewer when vcores count). Where
 * the maximum allocation caps the container, shapes of fewer cores each run more executors and use the node better.
 */
function executorsPerNode(shape: ClusterShape, node: NodeShape, cores: number): number {
  const perNode = Math.max(1, Math.floor(Math.max(1, node.vcpu - 1) / cores));
  return shape.resourceCalculator === 'dominant' ? Math.min(perNode, Math.floor(node.yarnVcores / cores)) : perNode;
}

/** The container for a heap: the space there is, but no more overhead than a quarter of the heap (SZ005 reports half). */
function capOverhead(containerMiB: number, heapMiB: number, step: number): number {
  const cap = Math.max(overheadFloor(heapMiB), Math.floor(heapMiB / 4));
  return containerMiB - heapMiB > cap ? Math.min(containerMiB, roundUp(heapMiB + cap, step)) : containerMiB;
}

/** One executor shape: its container, heap, and the memory it leaves unused on the worst case. */
function candidate(shape: ClusterShape, cores: number, step: number): PlanCandidate {
  const perNode = shape.nodes.map((n) => executorsPerNode(shape, n, cores));
  const sized = (budget: (n: NodeShape) => number) => {
    const limits = shape.nodes.map((n, i) => (perNode[i] > 0 ? Math.min(Math.floor(budget(n) / perNode[i]), n.maxAllocationMiB) : 0));
    const room = roundDown(Math.min(...limits), step);
    const heapMiB = heapFor(room);
    return { containerMiB: capOverhead(room, heapMiB, step), heapMiB };
  };
  const full = sized((n) => n.yarnMemoryMiB);
  const base: PlanCandidate = { cores, ...full, perNode, idlePerNodeMiB: 0, coresPerNode: perNode[0] * cores };
  if (perNode.some((p) => p === 0)) return { ...base, rejected: `the YARN vcores of ${shape.nodes[perNode.indexOf(0)].instanceType} do not hold an executor of ${cores} cores` };
  if (full.heapMiB < MINIMUM_HEAP_MIB) return { ...base, rejected: `a ${formatMiB(full.containerMiB)} container has no room for Spark's minimum heap of ${MINIMUM_HEAP_MIB} MiB and its overhead` };
  const worst = worstCaseIndexes(shape, perNode);
  const nodes = worst.reduce((sum, i) => sum + shape.nodes[i].nodes, 0);
  const unusedWith = (heapMiB: number) => worst.reduce((sum, i) => sum + shape.nodes[i].nodes * (shape.nodes[i].yarnMemoryMiB - perNode[i] * (heapMiB + overheadFloor(heapMiB))), 0);
  if (shape.deployMode === 'cluster') return { ...base, idlePerNodeMiB: Math.round(unusedWith(full.heapMiB) / Math.max(1, nodes)) };
  // Client mode: the application master either takes one executor's place, or every container shrinks so each node
  // keeps room for it, whichever leaves less memory unused.
  const am = roundUp(CLIENT_AM_MIB, step);
  const fitsBeside = worst.some((i) => shape.nodes[i].yarnMemoryMiB - perNode[i] * full.containerMiB >= am);
  const displacing = unusedWith(full.heapMiB) - am + (fitsBeside ? 0 : full.heapMiB + overheadFloor(full.heapMiB));
  if (fitsBeside) return { ...base, idlePerNodeMiB: Math.round(displacing / Math.max(1, nodes)) };
  const shrunk = sized((n) => n.yarnMemoryMiB - am);
  const beside = unusedWith(shrunk.heapMiB) - am;
  if (shrunk.heapMiB >= MINIMUM_HEAP_MIB && beside < displacing) return { ...base, ...shrunk, idlePerNodeMiB: Math.round(beside / Math.max(1, nodes)), roomForApplicationMaster: true };
  return { ...base, idlePerNodeMiB: Math.round(displacing / Math.max(1, nodes)) };
}

function describeCandidate(c: PlanCandidate): string {
  return `${c.cores} cores x ${c.perNode[0]} per node: ${formatMiB(c.containerMiB)} containers, heap ${formatMiB(c.heapMiB)}, ${formatMiB(c.idlePerNodeMiB)} unused per node`;
}

/** Why the winner beat the runner-up, in the order the shapes are ranked. */
function whyLost(winner: PlanCandidate, loser: PlanCandidate): string {
  if (loser.idlePerNodeMiB !== winner.idlePerNodeMiB) return `it leaves ${formatMiB(loser.idlePerNodeMiB)} per node outside the heaps and the overhead they need, against ${formatMiB(winner.idlePerNodeMiB)}`;
  if (loser.coresPerNode !== winner.coresPerNode) return `it runs ${loser.coresPerNode} cores per node, against ${winner.coresPerNode}`;
  return `it has fewer cores per executor (${loser.cores} against ${winner.cores})`;
}

/** Shapes ranked: least memory unused outside the heaps and their minimum overheads, then most cores per node, then most cores each. */
function rank(a: PlanCandidate, b: PlanCandidate): number {
  return a.idlePerNodeMiB - b.idlePerNodeMiB || b.coresPerNode - a.coresPerNode || b.cores - a.cores;
}

/**
 * The plan that fits: among executor shapes of 3 to 5 cores (fewer on small nodes), each packing a node's vCPUs less
 * one, the container is the largest that lets every executor of every node fit YARN's budget after rounding (a
 * multiple of every step the release may round to) without passing the maximum allocation; the heap is the largest
 * whole GiB that leaves Spark's default overhead and stays out of the compressed-oops gap. The shape that leaves the
 * least memory unused wins. One executor size for the whole cluster; fleets count the type that holds the fewest.
 */
export function yarnPlan(shape: ClusterShape): Plan {
  const step = commonStep(shape.nodes);
  const usable = Math.min(...shape.nodes.map((n) => Math.max(1, n.vcpu - 1)));
  const options = [5, 4, 3].filter((c) => c <= usable);
  if (options.length === 0) options.push(usable);
  const candidates = options.map((cores) => candidate(shape, cores, step));
  // Nodes whose vcores or memory hold no shape of 3 to 5 cores: try fewer cores each, down to one.
  if (candidates.every((c) => c.rejected)) for (let cores = Math.min(2, usable); cores >= 1; cores--) if (!options.includes(cores)) candidates.push(candidate(shape, cores, step));
  const valid = candidates.filter((c) => !c.rejected).sort(rank);
  const chosen = valid[0] ?? candidates[candidates.length - 1];
  const runnerUp = valid[1];
  const cores = chosen.cores;
  const { containerMiB, heapMiB: executorMiB } = chosen;
  const overheadMiB = containerMiB - executorMiB;

  const steps: string[] = [];
  const groups: PlanGroup[] = shape.nodes.map((n, i) => {
    const perNode = Math.min(chosen.perNode[i], Math.floor(n.yarnMemoryMiB / roundUp(containerMiB, n.minAllocationMiB)));
    return {
      role: n.role,
      instanceType: n.instanceType,
      nodes: n.nodes,
      executorsPerNode: perNode,
      yarnMemoryMiB: n.yarnMemoryMiB,
      wastePerNodeMiB: n.yarnMemoryMiB - perNode * roundUp(containerMiB, n.minAllocationMiB),
      fleetAlternative: n.fleet !== undefined,
    };
  });
  for (const [i, n] of shape.nodes.entries()) {
    steps.push(
      `${n.instanceType}${n.fleet ? ` (fleet: ceil(${n.fleet.targetCapacity} / ${n.fleet.weight}) = ${n.nodes} nodes if only this type is launched)` : ''}: ${n.vcpu} vCPU -> ${groups[i].executorsPerNode} executors of ${cores} cores; ` +
        `YARN budget ${formatMiB(n.yarnMemoryMiB)} (${describeSource(n)}), maximum container ${formatMiB(n.maxAllocationMiB)}`,
    );
  }
  steps.push(`shape: ${describeCandidate(chosen)}${step > 1 ? ` (containers in ${step} MiB steps, so YARN's rounding never grows them)` : ''}`);
  if (runnerUp) steps.push(`runner-up: ${describeCandidate(runnerUp)}; lost because ${whyLost(chosen, runnerUp)}`);
  for (const other of valid.slice(2)) steps.push(`also weighed: ${describeCandidate(other)}`);
  for (const rejected of candidates.filter((c) => c.rejected)) steps.push(`not usable: ${rejected.cores} cores each: ${rejected.rejected}`);
  const gap = candidates.find((c) => !c.rejected && inCompressedOopsGap(heapForIgnoringGap(c.containerMiB)));
  if (gap) steps.push(`a ${formatMiB(gap.containerMiB)} container of ${gap.cores} cores could take a ${formatMiB(heapForIgnoringGap(gap.containerMiB))} heap, inside the 32-48 GiB gap where the JVM loses compressed object pointers (SZ010); its heap stays at ${formatMiB(gap.heapMiB)}`);
  if (chosen.roomForApplicationMaster) {
    steps.push(`client deploy mode: containers are sized so every node keeps room for the application master, which leaves less memory unused than giving it one executor's place`);
  }
  steps.push(`container ${formatMiB(containerMiB)} = heap ${formatMiB(executorMiB)} + overhead ${formatMiB(overheadMiB)} (at least max(384 MiB, 10 % of heap) = ${formatMiB(overheadFloor(executorMiB))})`);
  const worst = worstCaseIndexes(shape, groups.map((g) => g.executorsPerNode));
  for (const i of worst) {
    const g = groups[i];
    steps.push(`${g.instanceType}: ${g.executorsPerNode} x ${formatMiB(containerMiB)} = ${formatMiB(g.executorsPerNode * containerMiB)} of ${formatMiB(g.yarnMemoryMiB)}, ${formatMiB(g.wastePerNodeMiB)} unallocated per node`);
  }
  const containers = worst.reduce((sum, i) => sum + groups[i].executorsPerNode * groups[i].nodes, 0);
  const driver = placement(shape, executorMiB, overheadMiB, cores, containerMiB, worst.map((i) => ({ type: groups[i].instanceType, mib: groups[i].wastePerNodeMiB })));
  const instances = Math.max(0, containers - driver.reserved);
  const parallelism = 2 * instances * cores;
  steps.push(instancesStep(shape, worst.map((i) => groups[i]), driver.reserved, instances, cores, parallelism));
  const fits = executorMiB >= MINIMUM_HEAP_MIB && !chosen.rejected && shape.nodes.every((n, i) => roundUp(containerMiB, n.planStepMiB) <= n.maxAllocationMiB && groups[i].executorsPerNode * roundUp(containerMiB, n.planStepMiB) <= n.yarnMemoryMiB);
  const amMiB = shape.deployMode === 'cluster' ? 0 : roundUp(CLIENT_AM_MIB, step);
  return assemblePlan(shape, {
    method: 'yarn',
    cores,
    executorMiB,
    overheadMiB,
    containerMiB,
    groups,
    instances,
    driver,
    usedMiB: (instances + (shape.deployMode === 'cluster' ? 1 : 0)) * containerMiB + amMiB,
    worst,
    fits,
    choice: { chosen, runnerUp, runnerUpLost: runnerUp ? whyLost(chosen, runnerUp) : undefined, rejected: candidates.filter((c) => c.rejected) },
    steps,
  });
}

/** The heap heapFor would give if the compressed-oops gap did not matter (to say what the gap cost). */
function heapForIgnoringGap(containerMiB: number): number {
  let gib = Math.floor(containerMiB / GiB);
  while (gib > 0 && gib * GiB + overheadFloor(gib * GiB) > containerMiB) gib--;
  return gib * GiB;
}

function describeSource(node: NodeShape): string {
  switch (node.yarnSource) {
    case 'yarn-site':
      return 'from yarn-site';
    case 'emr-default-hbase':
      return 'EMR default with HBase';
    case 'emr-default-2022':
      return "EMR's 2022 table";
    case 'emr-default-2022-hbase':
      return "EMR's 2022 table with HBase";
    default:
      return 'EMR default';
  }
}

export function makePlan(shape: ClusterShape, method: SizingMethod): Plan {
  return method === 'guide' ? guidePlan(shape) : yarnPlan(shape);
}
