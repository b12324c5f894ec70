import { firstJsonSyntaxProblem } from './syntaxCascade';
import type { Rule } from './types';

export const syntaxError: Rule = {
  id: 'EMR001',
  name: 'syntax-error',
  severity: 'error',
  summary: 'The file cannot be read: invalid JSON, or a properties line Java refuses to load.',
  reads: ['syntax'],
  check({ model, report }) {
    // In JSON every problem after the first is read from the parser's guess at the rest: the first one is the one to fix.
    const first = firstJsonSyntaxProblem(model);
    const problems = first ? [first] : model.syntaxProblems;
    for (const problem of problems) report({ span: problem.span, path: [], message: problem.message });
  },
};
