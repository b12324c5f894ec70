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
    const e = s?.evaluation;
    // More executors requested than fit is SZ002's or SZ003's finding; the idle memory follows from it.
    if (!s || !e || e.dynamicAllocation || e.capacity === 0 || (e.requestedInstances !== undefined && e.requestedInstances > e.capacity) || e.executor.writtenByEmr) return;
    const used = s.evaluation.yarnMemoryUsedPercent;
    if (used >= 85) return;
    const planned = s.report.plan;
    // On a small cluster the application master's place alone can leave 15 % idle: only a plan that does clearly
    // better makes the idle memory a finding.
    if (planned?.fits && planned.yarnMemoryUsedPercent < used + 5) return;
    const entry = firstSet(s.settings, 'spark.executor.memory', 'spark.executor.instances', 'spark.executor.cores');
    if (!entry) return;
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
