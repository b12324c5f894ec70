import { sparkCatalog } from '../catalog';
import { setValue } from '../engine/edits';
import { sparkValueProblem } from './sparkValueProblems';
import { entryRule } from './entryRule';
import type { Rule } from './types';

export const fractionalValue: Rule = entryRule({
  id: 'SPK004',
  name: 'fractional-value',
  severity: 'error',
  summary: 'A fraction where Spark wants a whole number: sizes like 1.5g, durations like 0.5h, counts like 2.5.',
  reads: ['properties'],
  checkEntry(entry, place, { model, release, report }) {
    const found = sparkValueProblem(entry, place, release);
    if (!found || !found.problem.fractional) return;
    const { valueSpan, problem } = found;
    const spark = sparkCatalog(release).describe;
    const advice = problem.corrected ? ` Write "${problem.corrected}" instead.` : ' Use a whole number.';
    report({
      span: valueSpan,
      path: entry.path,
      message: `"${entry.key}" = ${JSON.stringify(entry.value)}: ${spark} rejects fractions here and fails when it reads the value.${advice}`,
      fixes: problem.corrected ? [{ title: `Change to "${problem.corrected}"`, edits: [setValue(model, entry, problem.corrected)], preferred: true }] : [],
    });
  },
});
