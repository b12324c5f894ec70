// Classifications that only EMR on EKS or EMR Serverless accept, beside those of the EMR release
// (../shared/data/emr-runtime-facts.json): EMR Serverless takes spark-driver-log4j2 and spark-executor-log4j2 from
// emr-6.8.0 on (emrServerless.log4jClassifications); EMR on EKS takes emr-containers-defaults (emrOnEks
// containerDefaults) and emr-job-submitter (the job submitter pod's settings, EMR on EKS Development Guide).

export type JobRunService = 'eks' | 'serverless';

const ONLY_ON: Record<JobRunService, readonly string[]> = {
  serverless: ['spark-driver-log4j2', 'spark-executor-log4j2'],
  eks: ['emr-containers-defaults', 'emr-job-submitter'],
};

/** Whether a classification is one that a job run on these services accepts although the EMR release does not list it. */
export function jobRunClassification(name: string, services: readonly JobRunService[]): boolean {
  return services.some((service) => ONLY_ON[service].includes(name));
}
