import { sparkOption } from '../catalog';
import { setValue } from '../engine/edits';
import { entriesOf } from '../engine/effective';
import { checkSparkValue } from '../engine/valueCheck';
import type { Rule } from './types';

export const invalidValue: Rule = {
  id: 'SPK003',
  name: 'invalid-value',
  severity: 'error',
  summary: 'A value Spark cannot parse for the key\'s type or unit, or outside the range Spark accepts.',
  formats: ['emr-json', 'spark-properties'],
  check({ model, report }) {
    for (const { entry } of entriesOf(model, 'spark-defaults')) {
      if (entry.valueKind !== 'string' || !entry.valueSpan) continue;
      const option = sparkOption(entry.key);
      if (!option) continue;
      const problem = checkSparkValue(option, entry.value);
      if (!problem || problem.fractional) continue;
      report({
        span: entry.valueSpan,
        path: entry.path,
        message: `The value ${JSON.stringify(entry.value)} of "${entry.key}" ${problem.problem}.${problem.corrected ? ` Did you mean "${problem.corrected}"?` : ''}`,
        fixes: problem.corrected ? [{ title: `Change to "${problem.corrected}"`, edits: [setValue(model, entry, problem.corrected)], preferred: true }] : [],
      });
    }
  },
};
