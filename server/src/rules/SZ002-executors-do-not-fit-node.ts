import { formatMiB } from '../engine/units';
import { firstSet, sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const executorsDoNotFitNode: Rule = {
  id: 'SZ002',
  name: 'executors-do-not-fit-node',
  severity: 'warning',
  summary: 'Fewer executors fit on a node than the requested executor count implies, because YARN has less memory than the node.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s || s.evaluation.requestedInstances === undefined || s.evaluation.requestedInstances <= s.evaluation.capacity) return;
    const e = s.evaluation;
    const nodes = e.groups.reduce((sum, g) => sum + g.nodes, 0);
    const impliedPerNode = Math.ceil((e.requestedInstances! + (e.deployMode === 'cluster' ? 1 : 0)) / nodes);
    const group = e.groups.find((g) => g.executorsPerNode < impliedPerNode && g.executorsPerNode > 0);
    if (!group) return;
    const entry = firstSet(s.settings, 'spark.executor.memory', 'spark.executor.memoryOverhead', 'spark.executor.instances');
    if (!entry) return;
    const need = impliedPerNode * e.executor.containerMiB;
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message:
        `${e.requestedInstances} executors${e.deployMode === 'cluster' ? ' and the driver' : ''} on ${nodes} nodes need ${impliedPerNode} containers per node, ` +
        `but ${impliedPerNode} x ${formatMiB(e.executor.containerMiB)} = ${formatMiB(need)} is more than the ${formatMiB(group.yarnMemoryMiB)} YARN has on ${group.instanceType}: ` +
        `only ${group.executorsPerNode} fit per node.`,
      fixes: withRecompute(context, s.report, []),
    });
  },
};
