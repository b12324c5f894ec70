// The explicit registry: a rule exists when it is listed here. IDs are stable and never reused.
import { syntaxError } from './EMR001-syntax-error';
import { schemaViolation } from './EMR002-schema-violation';
import { unknownClassification } from './EMR003-unknown-classification';
import { classificationNotInRelease } from './EMR004-classification-not-in-release';
import { propertyValueNotString } from './EMR005-property-value-not-string';
import { duplicateKey } from './EMR006-duplicate-key';
import { unknownReleaseLabel } from './EMR007-unknown-release-label';
import { unknownSparkKey } from './SPK001-unknown-spark-key';
import { deprecatedSparkKey } from './SPK002-deprecated-spark-key';
import { invalidValue } from './SPK003-invalid-value';
import { fractionalValue } from './SPK004-fractional-value';
import { envNeedsExport } from './EMR008-env-needs-export';
import { duplicateClassification } from './EMR009-duplicate-classification';
import { emptyClassification } from './EMR010-empty-classification';
import { keyInWrongClassification } from './EMR011-key-in-wrong-classification';
import { nonSparkKey } from './SPK006-non-spark-key';
import { memoryWithoutUnit } from './SPK007-memory-without-unit';
import { unresolvedPlaceholder } from './SPK008-unresolved-placeholder';
import { misspelledHadoopKey } from './HDP001-misspelled-hadoop-key';
import { containerExceedsMaxAllocation } from './SZ001-container-exceeds-max-allocation';
import { executorsDoNotFitNode } from './SZ002-executors-do-not-fit-node';
import { executorInstancesExceedCapacity } from './SZ003-executor-instances-exceed-capacity';
import { memoryOverheadTooLow } from './SZ004-memory-overhead-too-low';
import { memoryOverheadExcessive } from './SZ005-memory-overhead-excessive';
import { executorMemoryTooSmall } from './SZ006-executor-memory-too-small';
import { coresExceedNodeVcpus } from './SZ007-cores-exceed-node-vcpus';
import { cpuOversubscribed } from './SZ008-cpu-oversubscribed';
import { executorCoresHigh } from './SZ009-executor-cores-high';
import { executorHeapCompressedOops } from './SZ010-executor-heap-compressed-oops';
import { parallelismLow } from './SZ011-parallelism-low';
import { shufflePartitionsUnset } from './SZ012-shuffle-partitions-unset';
import { yarnMemoryUnderused } from './SZ013-yarn-memory-underused';
import { dynamicAllocationConflict } from './SZ014-dynamic-allocation-conflict';
import { maximizeResourceAllocationConflict } from './SZ015-maximize-resource-allocation-conflict';
import { unknownInstanceType } from './SZ016-unknown-instance-type';
import { driverExceedsPrimaryMemory } from './SZ017-driver-exceeds-primary-memory';
import { heartbeatNotBelowTimeout } from './SPK005-heartbeat-not-below-timeout';
import { yarnMemoryCheckEnabled } from './YRN001-yarn-memory-check-enabled';
import { yarnMemoryExceedsNode } from './YRN002-yarn-memory-exceeds-node';
import { maxAllocationExceedsNodeMemory } from './YRN003-max-allocation-exceeds-node-memory';
import { decommissionTimeoutShort } from './ELA001-decommission-timeout-short';
import { excludeOnFailureRenamed } from './ELA002-excludeonfailure-renamed';
import { plaintextSecret } from './SEC001-plaintext-secret';
import { awsAccessKey } from './SEC002-aws-access-key';
import { jvmFlagUnsupported } from './JVM001-jvm-flag-unsupported';
import { heapFlagInJavaOptions } from './JVM002-heap-flag-in-java-options';
import { multipleGcSelected } from './JVM003-multiple-gc-selected';
import { emr61GcConflict } from './JVM004-emr-6.1-gc-conflict';
import { gcNotConfigured } from './JVM005-gc-not-configured';
import { javaHomeMismatch } from './JVM006-java-home-mismatch';
import { jobRunConfigurationLimit } from './EMR012-job-run-configuration-limit';
import { serverlessWorkerSize } from './EMR013-serverless-worker-size';
import { invalidSubmitArgument } from './SUB001-invalid-submit-argument';
import { confOverriddenByOption } from './SUB002-conf-overridden-by-option';
import { propertiesFileReplacesDefaults } from './SUB003-properties-file-replaces-defaults';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  syntaxError,
  schemaViolation,
  unknownClassification,
  classificationNotInRelease,
  propertyValueNotString,
  duplicateKey,
  unknownReleaseLabel,
  unknownSparkKey,
  deprecatedSparkKey,
  invalidValue,
  fractionalValue,
  envNeedsExport,
  duplicateClassification,
  emptyClassification,
  keyInWrongClassification,
  nonSparkKey,
  memoryWithoutUnit,
  unresolvedPlaceholder,
  misspelledHadoopKey,
  containerExceedsMaxAllocation,
  executorsDoNotFitNode,
  executorInstancesExceedCapacity,
  memoryOverheadTooLow,
  memoryOverheadExcessive,
  executorMemoryTooSmall,
  coresExceedNodeVcpus,
  cpuOversubscribed,
  executorCoresHigh,
  executorHeapCompressedOops,
  parallelismLow,
  shufflePartitionsUnset,
  yarnMemoryUnderused,
  dynamicAllocationConflict,
  maximizeResourceAllocationConflict,
  unknownInstanceType,
  driverExceedsPrimaryMemory,
  heartbeatNotBelowTimeout,
  yarnMemoryCheckEnabled,
  yarnMemoryExceedsNode,
  maxAllocationExceedsNodeMemory,
  decommissionTimeoutShort,
  excludeOnFailureRenamed,
  plaintextSecret,
  awsAccessKey,
  jvmFlagUnsupported,
  heapFlagInJavaOptions,
  multipleGcSelected,
  emr61GcConflict,
  gcNotConfigured,
  javaHomeMismatch,
  jobRunConfigurationLimit,
  serverlessWorkerSize,
  invalidSubmitArgument,
  confOverriddenByOption,
  propertiesFileReplacesDefaults,
];

export function ruleByIdOrName(idOrName: string): Rule | undefined {
  return RULES.find((r) => r.id === idOrName || r.name === idOrName);
}

export const RULE_DOCS_BASE = 'https://github.com/emr-spark-config/emr-spark-config/blob/main/docs/rules/';

export function ruleDocUrl(rule: { id: string }): string {
  return `${RULE_DOCS_BASE}${rule.id}.md`;
}
