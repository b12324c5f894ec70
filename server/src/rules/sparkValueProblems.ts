// Shared by SPK003 and SPK004, which report the two kinds of problem that one check of each value finds.
import { sparkOption } from '../catalog';
import { entriesOf } from '../engine/effective';
import { oncePer } from '../engine/memo';
import type { ConfigModel, PropertyEntry } from '../engine/model';
import type { Span } from '../engine/text';
import { checkSparkValue, type ValueProblem } from '../engine/valueCheck';

export interface SparkValueProblem {
  entry: PropertyEntry;
  valueSpan: Span;
  problem: ValueProblem;
}

/** The spark-defaults values Spark cannot read for their key's type, in document order (shared: do not modify). */
export const sparkValueProblems: (model: ConfigModel) => readonly SparkValueProblem[] = oncePer(findProblems);

function findProblems(model: ConfigModel): SparkValueProblem[] {
  const problems: SparkValueProblem[] = [];
  for (const { entry } of entriesOf(model, 'spark-defaults')) {
    const valueSpan = entry.valueSpan;
    if (entry.valueKind !== 'string' || !valueSpan) continue;
    const option = sparkOption(entry.key);
    if (!option) continue;
    const problem = checkSparkValue(option, entry.value);
    if (problem) problems.push({ entry, valueSpan, problem });
  }
  return problems;
}
