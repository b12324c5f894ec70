import { formatMiB, groupDigits } from '../engine/units';
import { shortfall } from '../sizing/evaluate';
import { fleetCase } from '../sizing/describe';
import type { SizingReport } from '../sizing/report';
import { firstSet, sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

/** "the 32 MiB yarn.scheduler.minimum-allocation-mb of AWS's 2022 table for emr-6.5.0": the step YARN rounded to, and whose it is. */
function describeStep(report: SizingReport): string {
  const node = report.cluster!.nodes[0];
  const step = `the ${groupDigits(node.minAllocationMiB)} MiB yarn.scheduler.minimum-allocation-mb`;
  if (node.roundingSource === 'archived-2022') return `${step} of AWS's 2022 table for ${report.cluster!.release?.label}`;
  if (node.roundingSource === 'yarn-site') return `${step} set in yarn-site`;
  return `${step} given`;
}

export const executorsDoNotFitNode: Rule = {
  id: 'SZ002',
  name: 'executors-do-not-fit-node',
  severity: 'warning',
  summary: 'Fewer executors fit on a node than the requested executor count implies: YARN has less memory than the node, or counts vcores or GPUs too.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const e = s.evaluation;
    const short = shortfall(e);
    // A smaller excess is the count's problem, reported by SZ003 alone.
    if (!short || short.cause !== 'packing' || !short.group) return;
    const entry = firstSet(s.settings, 'spark.executor.memory', 'spark.executor.memoryOverhead', 'spark.executor.instances');
    if (!entry) return;
    const group = short.group;
    const nodes = e.worstCase.reduce((sum, g) => sum + g.nodes, 0);
    const x = e.executor;
    const rounded = x.containerMiB !== x.requestMiB ? ` (${groupDigits(x.requestMiB)} MiB rounded up to a multiple of ${describeStep(s.report)})` : '';
    const node = s.report.cluster!.nodes.find((n) => n.instanceType === group.instanceType)!;
    const gpus = s.settings.get('spark.executor.resource.gpu.amount')?.value.trim();
    const why =
      group.limitedBy === 'vcores'
        ? `YARN counts vcores here (DominantResourceCalculator), and the ${node.yarnVcores} vcores of ${group.instanceType} hold only ${group.executorsPerNode} executors of ${x.cores} cores`
        : group.limitedBy === 'gpus'
          ? `YARN counts GPUs here (DominantResourceCalculator), and the ${node.gpus} GPUs of ${group.instanceType} hold only ${group.executorsPerNode} executors of ${gpus} GPU${gpus === '1' ? '' : 's'} each`
          : `${short.impliedPerNode} x ${formatMiB(x.containerMiB)}${rounded} = ${formatMiB(short.impliedPerNode * x.containerMiB)} is more than the ${formatMiB(group.yarnMemoryMiB)} YARN has on ${group.instanceType}: only ${group.executorsPerNode} fit per node`;
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message:
        `${e.requestedInstances} executors${e.deployMode === 'cluster' ? ' and the driver' : ''} on ${nodes} nodes${fleetCase(e) ? ` (${fleetCase(e)})` : ''} need ${short.impliedPerNode} containers per node, ` +
        `but ${why}, so ${short.missing} of the executors never start.`,
      fixes: withRecompute(context, s.report, []),
    });
  },
};
