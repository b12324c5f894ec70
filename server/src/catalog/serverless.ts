// EMR Serverless worker sizes, as the EMR Serverless User Guide documents them ("Application behavior", worker
// configurations; ../shared/data/emr-runtime-facts.json, emrServerless.workerConfigurations.memoryByVcpu):
// workers have 1, 2, 4, 8 or 16 vCPU, and memory in a range and step that depend on the vCPU count.
// Spark's defaults there (emrServerless.sparkDefaults): 4 cores and 14G for the driver and each executor, and
// spark.emr-serverless.memoryOverheadFactor 0.1 on top, at least 384 MiB.

export interface WorkerMemoryRange {
  vcpu: number;
  minGB: number;
  maxGB: number;
  stepGB: number;
}

export const SERVERLESS_WORKERS: readonly WorkerMemoryRange[] = [
  { vcpu: 1, minGB: 2, maxGB: 8, stepGB: 1 },
  { vcpu: 2, minGB: 4, maxGB: 16, stepGB: 1 },
  { vcpu: 4, minGB: 8, maxGB: 30, stepGB: 1 },
  { vcpu: 8, minGB: 16, maxGB: 60, stepGB: 4 },
  { vcpu: 16, minGB: 32, maxGB: 120, stepGB: 8 },
];

export const SERVERLESS_SPARK_DEFAULTS = { cores: 4, memory: '14g', overheadFactor: 0.1 } as const;

export function workerRange(vcpu: number): WorkerMemoryRange | undefined {
  return SERVERLESS_WORKERS.find((w) => w.vcpu === vcpu);
}
