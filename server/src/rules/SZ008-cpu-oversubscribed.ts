import { firstSet, sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const cpuOversubscribed: Rule = {
  id: 'SZ008',
  name: 'cpu-oversubscribed',
  severity: 'warning',
  summary: 'More executor cores packed on a node than it has vCPUs: YARN on EMR counts memory only by default, so nothing stops it.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const e = s.evaluation;
    // Cores EMR chose itself (its own executor size, or cores it does not publish) are not this file's choice.
    if (!e.executor.coresKnown || e.executor.writtenByEmr) return;
    const nodes = e.worstCase.reduce((sum, g) => sum + g.nodes, 0);
    const requestedPerNode = e.requestedInstances !== undefined ? Math.ceil((e.requestedInstances + (e.deployMode === 'cluster' ? 1 : 0)) / nodes) : Infinity;
    const placed = (g: (typeof e.groups)[number]) => Math.min(g.executorsPerNode, requestedPerNode);
    // Any instance type a fleet may launch counts.
    const group = e.groups.find((g) => placed(g) * e.executor.cores > g.vcpu);
    if (!group) return;
    const entry = firstSet(s.settings, 'spark.executor.cores', 'spark.executor.memory');
    if (!entry) return;
    const dominant = s.report.cluster!.resourceCalculator === 'dominant';
    const node = s.report.cluster!.nodes.find((n) => n.instanceType === group.instanceType)!;
    const why = dominant
      ? `YARN counts vcores here (DominantResourceCalculator), but ${group.instanceType} registers ${node.yarnVcores} of them for ${group.vcpu} vCPUs`
      : "EMR's scheduler counts memory only";
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message:
        `${placed(group)} executors of ${e.executor.cores} cores land on each ${group.instanceType} (${group.limitedBy === 'memory' ? 'memory' : group.limitedBy} allows ${group.executorsPerNode}), claiming ${placed(group) * e.executor.cores} cores of its ${group.vcpu} vCPUs: ` +
        `${why}, so tasks share CPUs and run slower than the plan assumes.`,
      fixes: withRecompute(context, s.report, []),
    });
  },
};
