import { recomputeFix } from '../sizing/recompute';
import { firstSet, sized } from './sizingSupport';
import type { Rule } from './types';

export const cpuOversubscribed: Rule = {
  id: 'SZ008',
  name: 'cpu-oversubscribed',
  severity: 'warning',
  summary: 'More executor cores packed on a node than it has vCPUs: YARN on EMR counts memory only, so nothing stops it.',
  formats: ['emr-json', 'spark-properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const group = s.evaluation.groups.find((g) => g.coresPerNode > g.vcpu);
    if (!group) return;
    const entry = firstSet(s.settings, 'spark.executor.cores', 'spark.executor.memory');
    if (!entry) return;
    const fix = recomputeFix(context.model, s.report);
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message:
        `${group.executorsPerNode} executors of ${s.evaluation.executor.cores} cores fit by memory on each ${group.instanceType}, claiming ${group.coresPerNode} cores of its ${group.vcpu} vCPUs: ` +
        `EMR's scheduler counts memory only, so tasks share CPUs and run slower than the plan assumes.`,
      fixes: fix ? [fix] : [],
    });
  },
};
