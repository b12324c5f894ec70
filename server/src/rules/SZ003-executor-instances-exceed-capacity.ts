import { setValue } from '../engine/edits';
import type { Fix } from '../engine/findings';
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
    if (!s || s.evaluation.groups.every((g) => g.executorsPerNode === 0)) return;
    const e = s.evaluation;
    const entry = s.settings.get('spark.executor.instances');
    if (!entry || e.requestedInstances === undefined || e.requestedInstances <= e.capacity) return;
    const perGroup = e.groups.map((g) => `${g.executorsPerNode} per ${g.instanceType} x ${g.nodes}`).join(' + ');
    const fixes: Fix[] = [];
    if (e.capacity > 0) fixes.push({ title: `Set spark.executor.instances to ${e.capacity}`, edits: [setValue(context.model, entry, String(e.capacity))], preferred: true });
    context.report({
      span: entry.valueSpan ?? entry.keySpan,
      path: entry.path,
      message:
        `${e.requestedInstances} executors are requested, but the cluster holds ${e.capacity}${e.deployMode === 'cluster' ? ' beside the driver' : ''} (${perGroup}): ` +
        `the other ${e.requestedInstances - e.capacity} never start, and stages plan for parallelism that is not there.`,
      fixes: withRecompute(context, s.report, fixes),
    });
  },
};
