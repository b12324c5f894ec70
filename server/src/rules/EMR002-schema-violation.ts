import { validateAgainstSchema } from '../engine/schemaValidation';
import { replace } from '../engine/edits';
import type { Rule } from './types';

export const schemaViolation: Rule = {
  id: 'EMR002',
  name: 'schema-violation',
  severity: 'error',
  summary: 'The JSON does not have the structure EMR accepts (unknown or missing members, wrong types).',
  formats: ['emr-json'],
  check({ model, report }) {
    for (const problem of validateAgainstSchema(model)) {
      // Non-string Properties values have a rule of their own, with a fix.
      if (problem.keyword === 'type' && problem.path.length >= 2 && problem.path[problem.path.length - 2] === 'Properties') continue;
      const suggestion = problem.unknownProperty?.suggestion;
      report({
        span: problem.span,
        path: problem.path,
        message: problem.message,
        fixes: suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [replace(problem.span, JSON.stringify(suggestion))], preferred: true }] : [],
      });
    }
  },
};
