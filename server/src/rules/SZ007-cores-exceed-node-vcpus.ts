import { setValue } from '../engine/edits';
import { executorShape } from '../sizing/plan';
import { sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const coresExceedNodeVcpus: Rule = {
  id: 'SZ007',
  name: 'cores-exceed-node-vcpus',
  severity: 'error',
  summary: 'An executor or driver asks for more cores than a node has vCPUs: YARN can never place it.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const smallest = [...s.report.cluster!.nodes].sort((a, b) => a.vcpu - b.vcpu)[0];
    const roles = s.evaluation.deployMode === 'cluster' ? (['executor', 'driver'] as const) : (['executor'] as const);
    for (const role of roles) {
      const entry = s.settings.get(`spark.${role}.cores`);
      const cores = s.evaluation[role].cores;
      if (!entry?.valueSpan || cores <= smallest.vcpu) continue;
      const suggested = String(executorShape(smallest.vcpu).cores);
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message: `spark.${role}.cores = ${cores}, but ${smallest.instanceType} has ${smallest.vcpu} vCPUs: the ${role} container can never be placed on it. Use at most ${smallest.vcpu}, better ${Math.max(1, smallest.vcpu - 1)} so one vCPU stays with the node's daemons.`,
        fixes: withRecompute(context, s.report, [{ title: `Set spark.${role}.cores to ${suggested}`, edits: [setValue(context.model, entry, suggested)], preferred: true }]),
      });
    }
  },
};
