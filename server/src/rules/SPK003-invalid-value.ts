import { sparkCatalog } from '../catalog';
import { setValue } from '../engine/edits';
import { sparkValueProblem } from './sparkValueProblems';
import { entryRule } from './entryRule';
import type { Rule } from './types';

export const invalidValue: Rule = entryRule({
  id: 'SPK003',
  name: 'invalid-value',
  severity: 'error',
  summary: 'A value Spark cannot parse for the key\'s type or unit, or outside the range Spark accepts.',
  reads: ['properties'],
  checkEntry(entry, place, { model, release, report }) {
    const found = sparkValueProblem(entry, place, release);
    if (!found || found.problem.fractional) return;
    const { valueSpan, problem } = found;
    const spark = sparkCatalog(release).describe;
    report({
      span: valueSpan,
      path: entry.path,
      message: `The value ${JSON.stringify(entry.value)} of "${entry.key}" ${problem.problem}; ${spark} rejects it.${problem.corrected ? ` Did you mean "${problem.corrected}"?` : ''}`,
      fixes: problem.corrected ? [{ title: `Change to "${problem.corrected}"`, edits: [setValue(model, entry, problem.corrected)], preferred: true }] : [],
    });
  },
});
