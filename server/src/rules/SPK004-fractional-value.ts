import { sparkCatalog } from '../catalog';
import { setValue } from '../engine/edits';
import { sparkValueProblems } from './sparkValueProblems';
import type { Rule } from './types';

export const fractionalValue: Rule = {
  id: 'SPK004',
  name: 'fractional-value',
  severity: 'error',
  summary: 'A fraction where Spark wants a whole number: sizes like 1.5g, durations like 0.5h, counts like 2.5.',
  reads: ['properties'],
  check({ model, release, report }) {
    const spark = sparkCatalog(release).describe;
    for (const { entry, valueSpan, problem } of sparkValueProblems(model, release)) {
      if (!problem.fractional) continue;
      const advice = problem.corrected ? ` Write "${problem.corrected}" instead.` : ' Use a whole number.';
      report({
        span: valueSpan,
        path: entry.path,
        message: `"${entry.key}" = ${JSON.stringify(entry.value)}: ${spark} rejects fractions here and fails when it reads the value.${advice}`,
        fixes: problem.corrected ? [{ title: `Change to "${problem.corrected}"`, edits: [setValue(model, entry, problem.corrected)], preferred: true }] : [],
      });
    }
  },
};
