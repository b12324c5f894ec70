import { validateAgainstSchema } from '../engine/schemaValidation';
import { replace } from '../engine/edits';
import type { Rule } from './types';

/** Where a configuration's properties are, in every spelling the schemas know. */
const PROPERTIES_MEMBERS = ['Properties', 'properties', 'ConfigurationProperties'];

export const schemaViolation: Rule = {
  id: 'EMR002',
  name: 'schema-violation',
  severity: 'error',
  summary: 'The document does not have the structure EMR or CloudFormation accepts (unknown or missing members, wrong types).',
  reads: ['schema'],
  check({ model, report }) {
    for (const problem of validateAgainstSchema(model)) {
      // Non-string Properties values have a rule of their own, with a fix.
      if (problem.keyword === 'type' && problem.path.length >= 2 && PROPERTIES_MEMBERS.includes(String(problem.path[problem.path.length - 2]))) continue;
      const suggestion = problem.unknownProperty?.suggestion;
      report({
        span: problem.span,
        path: problem.path,
        message: problem.message,
        fixes: suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [replace(problem.span, model.writer.key(suggestion, model.text.slice(problem.span.start, problem.span.end)))], preferred: true }] : [],
      });
    }
  },
};
