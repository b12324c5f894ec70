// Custom requests between the VS Code client and the server. Types only: the client imports nothing else from the server.

export interface SizingParams {
  uri: string;
}

/** What the status bar and the plan view show for one document. */
export interface SizingResult {
  /** One line, as the code lens shows it; absent without a cluster. */
  summary?: string;
  /** Why there is no sizing, when there is none. */
  unavailable?: string;
  cluster?: { instanceType: string; nodes: number; vcpu: number; memoryMiB: number; yarnMemoryMiB: number; maxAllocationMiB: number; role: string }[];
  deployMode?: string;
  /** What the sizing assumed, one line each: deploy mode, release and formula, whose defaults, rounding step. */
  assumptions?: string[];
  /** Why the settings are not evaluated (EMR's own executor size, which AWS does not publish). */
  withheld?: string;
  plan?: PlanView;
  guide?: PlanView;
  evaluation?: {
    executor: ContainerView;
    driver: ContainerView;
    groups: { instanceType: string; nodes: number; vcpu: number; yarnMemoryMiB: number; executorsPerNode: number; coresPerNode: number }[];
    capacity: number;
    requestedInstances?: number;
    yarnMemoryUsedPercent: number;
    heap: { heapMiB: number; reservedMiB: number; userMiB: number; storageMiB: number; executionMiB: number; executionPerCoreMiB: number };
  };
}

export interface ContainerView {
  cores: number;
  memoryMiB: number;
  overheadMiB: number;
  offHeapMiB: number;
  pysparkMiB: number;
  containerMiB: number;
}

export interface PlanView {
  method: string;
  executorCores: number;
  executorsPerNode: number;
  executorMemoryMiB: number;
  executorMemoryOverheadMiB: number;
  containerMiB: number;
  executorInstances: number;
  yarnMemoryUsedPercent: number;
  fits: boolean;
  reality?: { executorsPerNodeThatFit: number; containers: number; executorsBesideDriver: number };
  properties: Record<string, string>;
  steps: string[];
  /** Where the driver and the application master run. */
  placement?: string[];
}

export interface InstanceTypeView {
  name: string;
  vcpu: number;
  memoryMiB: number;
  yarnMemoryMiB?: number;
}

export interface PlanEditsParams {
  uri: string;
  instanceType: string;
  instanceCount: number;
  method: 'yarn' | 'guide';
}

export interface TemplateParams {
  shape: 'cluster' | 'configurations';
  instanceType: string;
  instanceCount: number;
  release?: string;
}

export interface TextEditView {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export const Requests = {
  sizing: 'emrSpark/sizing',
  instanceTypes: 'emrSpark/instanceTypes',
  releaseLabels: 'emrSpark/releaseLabels',
  planEdits: 'emrSpark/planEdits',
  template: 'emrSpark/template',
} as const;
