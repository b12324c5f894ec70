import { setValue } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { shortfall } from '../sizing/evaluate';
import { fleetCase } from '../sizing/describe';
import { sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const executorInstancesExceedCapacity: Rule = {
  id: 'SZ003',
  name: 'executor-instances-exceed-capacity',
  severity: 'warning',
  summary: 'spark.executor.instances asks for more executors than the cluster can host at once.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const e = s.evaluation;
    const short = shortfall(e);
    const entry = s.settings.get('spark.executor.instances');
    // Containers that do not pack as the count implies are SZ002's finding: one root cause, one finding.
    if (!entry || !short || short.cause !== 'count') return;
    const perGroup = e.worstCase.map((g) => `${g.executorsPerNode} per ${g.instanceType} x ${g.nodes}`).join(' + ');
    const fixes: Fix[] = [];
    if (e.capacity > 0) fixes.push({ title: `Set spark.executor.instances to ${e.capacity}`, edits: [setValue(context.model, entry, String(e.capacity))], preferred: true });
    const beside = e.deployMode === 'cluster' ? ' beside the driver' : ' beside the application master';
    context.report({
      span: entry.valueSpan ?? entry.keySpan,
      path: entry.path,
      message:
        `${e.requestedInstances} executors are requested, but the cluster holds ${e.capacity}${beside} (${perGroup}${fleetCase(e) ? `; ${fleetCase(e)}` : ''}): ` +
        `the other ${short.missing} never start${short.missing === 1 ? "s" : ""}, and stages plan for parallelism that is not there.`,
      fixes: withRecompute(context, s.report, fixes),
    });
  },
};
