import { sparkCatalog } from '../catalog';
import { setValue } from '../engine/edits';
import { sparkValueProblems } from './sparkValueProblems';
import type { Rule } from './types';

export const invalidValue: Rule = {
  id: 'SPK003',
  name: 'invalid-value',
  severity: 'error',
  summary: 'A value Spark cannot parse for the key\'s type or unit, or outside the range Spark accepts.',
  reads: ['properties'],
  check({ model, release, report }) {
    const spark = sparkCatalog(release).describe;
    for (const { entry, valueSpan, problem } of sparkValueProblems(model, release)) {
      if (problem.fractional) continue;
      report({
        span: valueSpan,
        path: entry.path,
        message: `The value ${JSON.stringify(entry.value)} of "${entry.key}" ${problem.problem}; ${spark} rejects it.${problem.corrected ? ` Did you mean "${problem.corrected}"?` : ''}`,
        fixes: problem.corrected ? [{ title: `Change to "${problem.corrected}"`, edits: [setValue(model, entry, problem.corrected)], preferred: true }] : [],
      });
    }
  },
};
