import { removeArgument } from '../engine/edits';
import type { SubmitOption } from '../engine/model';
import { SUBMIT_OPTIONS } from '../formats/shapes/submit';
import type { Rule } from './types';

export const confOverriddenByOption: Rule = {
  id: 'SUB002',
  name: 'conf-overridden-by-option',
  severity: 'warning',
  summary: 'A --conf that sets what a dedicated spark-submit option also sets: the option wins and the --conf is ignored.',
  reads: ['submit-arguments'],
  check({ model, report }) {
    for (const submission of model.submissions) {
      const dedicated = new Map<string, SubmitOption>();
      for (const option of submission.options) {
        const key = SUBMIT_OPTIONS.get(option.name);
        if (key && option.value !== undefined) dedicated.set(key, option);
      }
      for (const option of submission.options) {
        if ((option.name !== '--conf' && option.name !== '-c') || option.value === undefined) continue;
        const separator = option.value.indexOf('=');
        if (separator <= 0) continue;
        const key = option.value.slice(0, separator);
        const winner = dedicated.get(key);
        if (!winner) continue;
        report({
          span: option.valueSpan ?? option.nameSpan,
          path: submission.path,
          message: `--conf ${key} in ${submission.label} is ignored: ${winner.name} sets ${key} too, and spark-submit takes the option over --conf. Remove one of them.`,
          fixes: [{ title: `Remove --conf ${key}`, edits: [removeArgument(model, option.argument)], preferred: true }],
          related: [{ span: winner.nameSpan, message: `${winner.name} sets ${key}` }],
        });
      }
    }
  },
};
