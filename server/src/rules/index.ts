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
];

export function ruleByIdOrName(idOrName: string): Rule | undefined {
  return RULES.find((r) => r.id === idOrName || r.name === idOrName);
}

export const RULE_DOCS_BASE = 'https://github.com/emr-spark-config/emr-spark-config/blob/main/docs/rules/';

export function ruleDocUrl(rule: { id: string }): string {
  return `${RULE_DOCS_BASE}${rule.id}.md`;
}
