import { firstSet, sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const yarnMemoryUnderused: Rule = {
  id: 'SZ013',
  name: 'yarn-memory-underused',
  severity: 'info',
  summary: 'The configuration leaves more than 15 % of the cluster\'s YARN memory idle.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s || s.evaluation.dynamicAllocation || s.evaluation.capacity === 0) return;
    const used = s.evaluation.yarnMemoryUsedPercent;
    if (used >= 85) return;
    const entry = firstSet(s.settings, 'spark.executor.memory', 'spark.executor.instances', 'spark.executor.cores');
    if (!entry) return;
    const planned = s.report.plan;
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message:
        `These settings use ${used} % of the cluster's YARN memory; ${Math.round((100 - used) * 10) / 10} % stays idle.` +
        `${planned?.fits ? ` A plan for ${s.typeName} uses ${planned.yarnMemoryUsedPercent} %.` : ''}`,
      fixes: withRecompute(context, s.report, []),
    });
  },
};
