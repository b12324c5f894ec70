import type { Rule } from './types';

export const syntaxError: Rule = {
  id: 'EMR001',
  name: 'syntax-error',
  severity: 'error',
  summary: 'The file cannot be read: invalid JSON, or a properties line Java refuses to load.',
  reads: ['syntax'],
  check({ model, report }) {
    for (const problem of model.syntaxProblems) report({ span: problem.span, path: [], message: problem.message });
  },
};
