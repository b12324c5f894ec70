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
];

export function ruleByIdOrName(idOrName: string): Rule | undefined {
  return RULES.find((r) => r.id === idOrName || r.name === idOrName);
}

export const RULE_DOCS_BASE = 'https://github.com/emr-spark-config/emr-spark-config/blob/main/docs/rules/';

export function ruleDocUrl(rule: { id: string }): string {
  return `${RULE_DOCS_BASE}${rule.id}.md`;
}
