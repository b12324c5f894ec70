import { instanceType, instanceTypeNames } from '../catalog';
import { replaceScalar } from '../engine/edits';
import { didYouMean } from '../engine/suggest';
import type { Rule } from './types';

// One list for every analysis, so that the suggestions made for it are kept.
let names: readonly string[] | undefined;

export const unknownInstanceType: Rule = {
  id: 'SZ016',
  name: 'unknown-instance-type',
  severity: 'error',
  summary: 'An InstanceType that is not an EC2 instance type EMR supports; the cluster cannot be sized or launched.',
  reads: ['cluster'],
  check({ model, report }) {
    for (const group of model.cluster.groups) {
      for (const choice of group.types) {
        if (instanceType(choice.instanceType)) continue;
        const suggestion = didYouMean(choice.instanceType, (names ??= instanceTypeNames()));
        report({
          span: choice.span,
          path: choice.path,
          message: `"${choice.instanceType}" is not an instance type EMR offers, so the cluster cannot launch and its executors cannot be sized.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceScalar(model, choice.span, suggestion)], preferred: true }] : [],
        });
      }
    }
  },
};
