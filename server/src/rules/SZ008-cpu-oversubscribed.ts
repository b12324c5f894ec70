import { firstSet, sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const cpuOversubscribed: Rule = {
  id: 'SZ008',
  name: 'cpu-oversubscribed',
  severity: 'warning',
  summary: 'More executor cores packed on a node than it has vCPUs: YARN on EMR counts memory only, so nothing stops it.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const e = s.evaluation;
    const nodes = e.groups.reduce((sum, g) => sum + g.nodes, 0);
    const requestedPerNode = e.requestedInstances !== undefined ? Math.ceil((e.requestedInstances + (e.deployMode === 'cluster' ? 1 : 0)) / nodes) : Infinity;
    const placed = (g: (typeof e.groups)[number]) => Math.min(g.executorsPerNode, requestedPerNode);
    const group = e.groups.find((g) => placed(g) * e.executor.cores > g.vcpu);
    if (!group) return;
    const entry = firstSet(s.settings, 'spark.executor.cores', 'spark.executor.memory');
    if (!entry) return;
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message:
        `${placed(group)} executors of ${e.executor.cores} cores land on each ${group.instanceType} (memory allows ${group.executorsPerNode}), claiming ${placed(group) * e.executor.cores} cores of its ${group.vcpu} vCPUs: ` +
        `EMR's scheduler counts memory only, so tasks share CPUs and run slower than the plan assumes.`,
      fixes: withRecompute(context, s.report, []),
    });
  },
};
