import { setValue } from '../engine/edits';
import { sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const coresExceedNodeVcpus: Rule = {
  id: 'SZ007',
  name: 'cores-exceed-node-vcpus',
  severity: 'error',
  summary: 'With DominantResourceCalculator, an executor or driver asks for more cores than YARN registers on a node: YARN can never place it.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    const shape = s?.report.cluster;
    // With EMR's memory-only scheduler a container is placed whatever its cores (SZ008 reports the oversubscription),
    // and EMR registers more vcores than vCPUs on some types: only counted vcores make a container unplaceable.
    if (!s || !shape || shape.resourceCalculator !== 'dominant') return;
    const smallest = [...shape.nodes].sort((a, b) => a.yarnVcores - b.yarnVcores)[0];
    const roles = s.evaluation.deployMode === 'cluster' ? (['executor', 'driver'] as const) : (['executor'] as const);
    for (const role of roles) {
      const entry = s.settings.get(`spark.${role}.cores`);
      const cores = s.evaluation[role].cores;
      if (!entry?.valueSpan || cores <= smallest.yarnVcores) continue;
      // EMR does not publish vcores per type: unless yarn-site sets them, the figure is a hint, not grounds for an error.
      const known = smallest.vcoresSource === 'yarn-site';
      const vcores =
        smallest.vcoresSource === 'yarn-site'
          ? `yarn.nodemanager.resource.cpu-vcores = ${smallest.yarnVcores}`
          : smallest.vcoresSource === 'observed'
            ? `${smallest.yarnVcores} YARN vcores (seen on EMR; AWS does not publish them)`
            : `${smallest.yarnVcores} vCPUs (EMR does not publish its YARN vcores; set yarn.nodemanager.resource.cpu-vcores to be sure)`;
      const suggested = String(Math.max(1, Math.min(5, smallest.yarnVcores - 1)));
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        severity: known ? undefined : 'warning',
        message:
          `spark.${role}.cores = ${cores}, but capacity-scheduler uses DominantResourceCalculator, so vcores count, and ${smallest.instanceType} has ${vcores}: ` +
          `the ${role} container ${known ? 'can never be placed' : 'may never be placed'} on it. Use at most ${smallest.yarnVcores}.`,
        related: shape.resourceCalculatorEntry ? [{ span: shape.resourceCalculatorEntry.keySpan, message: 'DominantResourceCalculator is chosen here.' }] : [],
        fixes: withRecompute(context, s.report, [{ title: `Set spark.${role}.cores to ${suggested}`, edits: [setValue(context.model, entry, suggested)], preferred: true }]),
      });
    }
  },
};
