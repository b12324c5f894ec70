import type { EmrRelease } from '../catalog';
import type { InstanceGroup, PropertyEntry } from '../engine/model';
import type { Span } from '../engine/text';
import type { ContainerFormula } from './containerFormula';
import type { SubmissionSettings } from './submission';

export type DeployMode = 'cluster' | 'client';
export type SizingMethod = 'yarn' | 'guide';
export type ApplicationKind = 'jvm' | 'python';

/** Where YARN's step for rounding container requests comes from. */
export type RoundingSource = 'yarn-site' | 'option' | 'archived-2022' | 'current' | 'between';

/** One kind of node that runs executors (a CORE or TASK group, or one instance type of a fleet). */
export interface NodeShape {
  role: 'CORE' | 'TASK';
  instanceType: string;
  /** Nodes of this type: the group's count, or for a fleet type ceil(target capacity / weight), as if only it were launched. */
  nodes: number;
  vcpu: number;
  memoryMiB: number;
  /** yarn.nodemanager.resource.memory-mb: what YARN may hand out on one node. */
  yarnMemoryMiB: number;
  maxAllocationMiB: number;
  /** yarn.scheduler.minimum-allocation-mb as the evaluation uses it: the step requests are rounded up to. */
  minAllocationMiB: number;
  /** The largest step the release may round to: what plans align their containers to. */
  planStepMiB: number;
  roundingSource: RoundingSource;
  /** Where the YARN numbers come from. */
  yarnSource: 'yarn-site' | 'emr-default' | 'emr-default-hbase' | 'emr-default-2022' | 'emr-default-2022-hbase';
  /** yarn.nodemanager.resource.cpu-vcores: from yarn-site, else as seen on EMR, else the vCPUs. */
  yarnVcores: number;
  vcoresSource: 'yarn-site' | 'observed' | 'vcpu';
  gpus: number;
  group?: InstanceGroup;
  /** For an instance type of a fleet: the fleet and how the node count was derived. */
  fleet?: { group: InstanceGroup; targetCapacity: number; weight: number };
  /** Where the instance type is written in the document, when it is. */
  typeSpan?: Span;
}

/** The node spark-submit runs on, and a client-mode driver with it. */
export interface PrimaryNode {
  instanceType: string;
  memoryMiB: number;
  vcpu: number;
  /** EMR's yarn.nodemanager.resource.memory-mb for the type: what EMR leaves for processes beside the OS and daemons on such a node. */
  emrBudgetMiB?: number;
  typeSpan?: Span;
}

export interface ClusterShape {
  nodes: NodeShape[];
  primary?: PrimaryNode;
  release?: EmrRelease;
  formula: ContainerFormula;
  deployMode: DeployMode;
  /** Where the deploy mode comes from: the settings, the caller, or spark-submit's own default (client). */
  deployModeSource: 'settings' | 'option' | 'assumed';
  application: ApplicationKind;
  applicationSource: 'option' | 'assumed';
  hbase: boolean;
  /** YARN's resource calculator: memory only (EMR's default) or memory, vcores and other resources (DominantResourceCalculator). */
  resourceCalculator: 'memory' | 'dominant';
  resourceCalculatorEntry?: PropertyEntry;
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
  /** For fleet types: the worst case this type is part of. */
  fleetAlternative?: boolean;
}

/** One executor shape the YARN plan weighed. */
export interface PlanCandidate {
  cores: number;
  containerMiB: number;
  heapMiB: number;
  /** Executors on one node of each group (in the order of the shape's nodes). */
  perNode: number[];
  /**
   * Memory on the worst-case cluster outside the heaps and their minimum overheads, per node on average; an executor
   * place lost to a client-mode application master counts as unused, less the application master's own container.
   */
  idlePerNodeMiB: number;
  /** Client mode: containers were shrunk so every node keeps room for the application master. */
  roomForApplicationMaster?: boolean;
  coresPerNode: number;
  /** Why it cannot be used, when it cannot. */
  rejected?: string;
}

export interface Plan {
  method: SizingMethod;
  executorCores: number;
  executorMemoryMiB: number;
  executorMemoryOverheadMiB: number;
  /** What YARN allocates for one executor: heap + overhead, a multiple of every rounding step the release may use. */
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
  /** For the yarn method: the shape chosen, the runner-up and why it lost. */
  choice?: { chosen: PlanCandidate; runnerUp?: PlanCandidate; runnerUpLost?: string; rejected: PlanCandidate[] };
  /** Where the driver and the application master run. */
  placement: string[];
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
  /** PySpark memory that is set but not counted (not a Python application, as assumed). */
  pysparkIgnoredMiB: number;
  /** memory + overhead + off-heap + PySpark, before YARN rounds it. */
  requestMiB: number;
  containerMiB: number;
  /** The memory is set in the document (else it is EMR's or Spark's default). */
  memorySet: boolean;
  /** The memory is known: set, or a default whose value is published. False for EMR's own executor size. */
  memoryKnown: boolean;
  /** The cores are known: set in the document, or a default that is published. */
  coresKnown: boolean;
  /** Values the document holds that EMR itself wrote there (its own executor size). */
  writtenByEmr: boolean;
}

export interface GroupEvaluation {
  role: 'CORE' | 'TASK';
  instanceType: string;
  nodes: number;
  vcpu: number;
  yarnMemoryMiB: number;
  maxAllocationMiB: number;
  /** Executors per node: by memory, as EMR's default scheduler counts, and by vcores and GPUs when they count too. */
  executorsPerNode: number;
  /** What limits executorsPerNode. */
  limitedBy: 'memory' | 'vcores' | 'gpus' | 'maximum-allocation';
  /** Cores those executors claim on one node, against its vCPUs. */
  coresPerNode: number;
  fleetAlternative?: boolean;
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
  /** The driver's container in cluster deploy mode (on a core or task node); the driver process on the primary node in client mode. */
  driver: ContainerBreakdown;
  /** The YARN application master's container: the driver in cluster mode, spark.yarn.am.memory + overhead in client mode. */
  applicationMasterMiB: number;
  deployMode: DeployMode;
  /** Every executor node type, fleet alternatives included. */
  groups: GroupEvaluation[];
  /** The node types of the worst case: each group, and for each fleet the type that holds the fewest executors. */
  worstCase: GroupEvaluation[];
  /** For each fleet: the type the worst case assumes and how many nodes of it. */
  fleetChoices: { fleet: string; instanceType: string; nodes: number; targetCapacity: number; weight: number }[];
  /** Executors the worst case can run beside the application master. */
  capacity: number;
  requestedInstances?: number;
  dynamicAllocation: boolean;
  heap: HeapSplit;
  /** Share of the worst case's YARN memory the executors and the application master take. */
  yarnMemoryUsedPercent: number;
}

/** What the sizing engine tells the rules, the CLI and the editor about one document. */
export interface SizingReport {
  /** Set when the engine had no cluster to size against, and why. */
  unavailable?: string;
  /** Set when there is a cluster but the executor size is EMR's own and unpublished: no capacity is claimed. */
  withheld?: string;
  cluster?: ClusterShape;
  plan?: Plan;
  guide?: Plan;
  evaluation?: Evaluation;
  /** The containers the settings ask for, known even without a cluster. */
  containers?: { executor: ContainerBreakdown; driver: ContainerBreakdown; heap: HeapSplit };
  /** The spark-defaults entries that govern a submission from the primary node (cluster-wide, the MASTER group's on top). */
  settings?: ReadonlyMap<string, PropertyEntry>;
  /** The same with origins, and EMR's and Spark's defaults for what no layer sets. */
  governing?: SubmissionSettings;
  /** What the sizing assumed, one line each: deploy mode, release and formula, whose defaults, rounding step. */
  assumptions: string[];
  /** Instance types named in the document that the catalog does not know. */
  unknownTypes: { name: string; span?: Span }[];
}
