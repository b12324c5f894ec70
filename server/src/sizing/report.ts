import type { EmrRelease } from '../catalog';
import type { InstanceGroup, PropertyEntry } from '../engine/model';
import type { Span } from '../engine/text';

export type DeployMode = 'cluster' | 'client';
export type SizingMethod = 'yarn' | 'guide';

/** One kind of node that runs executors (a CORE or TASK group, or one instance type of a fleet). */
export interface NodeShape {
  role: 'CORE' | 'TASK';
  instanceType: string;
  nodes: number;
  vcpu: number;
  memoryMiB: number;
  /** yarn.nodemanager.resource.memory-mb: what YARN may hand out on one node. */
  yarnMemoryMiB: number;
  maxAllocationMiB: number;
  minAllocationMiB: number;
  /** Where the YARN numbers come from. */
  yarnSource: 'yarn-site' | 'emr-default' | 'emr-default-hbase';
  group?: InstanceGroup;
  /** Where the instance type is written in the document, when it is. */
  typeSpan?: Span;
}

export interface ClusterShape {
  nodes: NodeShape[];
  release?: EmrRelease;
  deployMode: DeployMode;
  hbase: boolean;
  source: 'document' | 'options';
}

export interface PlanGroup {
  role: 'CORE' | 'TASK';
  instanceType: string;
  nodes: number;
  executorsPerNode: number;
  yarnMemoryMiB: number;
  /** YARN memory left idle on each node of the group. */
  wastePerNodeMiB: number;
}

export interface Plan {
  method: SizingMethod;
  executorCores: number;
  executorMemoryMiB: number;
  executorMemoryOverheadMiB: number;
  /** What YARN allocates for one executor: heap + overhead, rounded up to the minimum allocation. */
  containerMiB: number;
  executorsPerNode: number;
  executorInstances: number;
  driverMemoryMiB: number;
  driverCores: number;
  driverMemoryOverheadMiB: number;
  defaultParallelism: number;
  shufflePartitions: number;
  groups: PlanGroup[];
  yarnMemoryUsedPercent: number;
  /** Every container fits YARN's budget and maximum allocation. */
  fits: boolean;
  /** For the guide method: what EMR's YARN really runs with these numbers. */
  reality?: { executorsPerNodeThatFit: number; containers: number; executorsBesideDriver: number };
  /** spark-defaults to write. */
  properties: Record<string, string>;
  /** The EMR `spark` classification's switch that must stay off with hand-set sizes. */
  sparkClassification: Record<string, string>;
  /** The arithmetic, one line a step, for text output and hovers. */
  steps: string[];
}

export interface ContainerBreakdown {
  cores: number;
  memoryMiB: number;
  overheadMiB: number;
  overheadSource: 'explicit' | 'factor' | 'minimum';
  /** What Spark would use without an explicit overhead: max(minimum, factor x memory). */
  defaultOverheadMiB: number;
  overheadFactor: number;
  overheadMinimumMiB: number;
  offHeapMiB: number;
  pysparkMiB: number;
  /** memory + overhead + off-heap + PySpark, before YARN rounds it. */
  requestMiB: number;
  containerMiB: number;
}

export interface GroupEvaluation {
  role: 'CORE' | 'TASK';
  instanceType: string;
  nodes: number;
  vcpu: number;
  yarnMemoryMiB: number;
  maxAllocationMiB: number;
  /** Executors per node by memory, as EMR's default scheduler counts. */
  executorsPerNode: number;
  /** Cores those executors claim on one node, against its vCPUs. */
  coresPerNode: number;
}

export interface HeapSplit {
  heapMiB: number;
  reservedMiB: number;
  usableMiB: number;
  sparkMemoryMiB: number;
  storageMiB: number;
  executionMiB: number;
  userMiB: number;
  executionPerCoreMiB: number;
}

export interface Evaluation {
  executor: ContainerBreakdown;
  /** The driver's container; it takes room on a core or task node in cluster deploy mode. */
  driver: ContainerBreakdown;
  deployMode: DeployMode;
  groups: GroupEvaluation[];
  /** Executors the cluster can run beside the driver. */
  capacity: number;
  requestedInstances?: number;
  dynamicAllocation: boolean;
  heap: HeapSplit;
  /** Share of the cluster's YARN memory the executors (and the driver in cluster mode) take. */
  yarnMemoryUsedPercent: number;
}

/** What the sizing engine tells the rules, the CLI and the editor about one document. */
export interface SizingReport {
  /** Set when the engine had no cluster to size against, and why. */
  unavailable?: string;
  cluster?: ClusterShape;
  plan?: Plan;
  guide?: Plan;
  evaluation?: Evaluation;
  /** The containers the settings ask for, known even without a cluster. */
  containers?: { executor: ContainerBreakdown; driver: ContainerBreakdown; heap: HeapSplit };
  /** The spark-defaults settings the evaluation read (cluster-wide, with the first executor group's on top). */
  settings?: ReadonlyMap<string, PropertyEntry>;
  /** Instance types named in the document that the catalog does not know. */
  unknownTypes: { name: string; span?: Span }[];
}
