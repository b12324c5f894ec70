import { setProperties } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { formatMiB, groupDigits, sparkMemoryValue } from '../engine/units';
import { heapFor } from '../sizing/plan';
import { sparkDefaultsTarget } from '../sizing/recompute';
import type { ContainerBreakdown } from '../sizing/report';
import { firstSet, sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

const mib = (n: number) => `${groupDigits(n)} MiB`;

function describe(c: ContainerBreakdown): string {
  const parts = [`heap ${mib(c.memoryMiB)}`, `overhead ${mib(c.overheadMiB)}`];
  if (c.offHeapMiB) parts.push(`off-heap ${mib(c.offHeapMiB)}`);
  if (c.pysparkMiB) parts.push(`PySpark ${mib(c.pysparkMiB)}`);
  return `${mib(c.containerMiB)} (${parts.join(' + ')})`;
}

export const containerExceedsMaxAllocation: Rule = {
  id: 'SZ001',
  name: 'container-exceeds-max-allocation',
  severity: 'error',
  summary: 'An executor or driver container larger than yarn.scheduler.maximum-allocation-mb: Spark refuses to submit.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    if (!s) return;
    const { model } = context;
    const limit = Math.min(...s.report.cluster!.nodes.map((n) => n.maxAllocationMiB));
    const node = s.report.cluster!.nodes.find((n) => n.maxAllocationMiB === limit)!;
    const target = sparkDefaultsTarget(model, s.report);
    const roles: ('executor' | 'driver')[] = s.evaluation.deployMode === 'cluster' ? ['executor', 'driver'] : ['executor'];
    for (const role of roles) {
      const c = s.evaluation[role];
      if (c.containerMiB <= limit) continue;
      const entry = firstSet(s.settings, `spark.${role}.memory`, `spark.${role}.memoryOverhead`, `spark.yarn.${role}.memoryOverhead`, 'spark.memory.offHeap.size', 'spark.executor.pyspark.memory');
      if (!entry) continue;
      const fixes: Fix[] = [];
      const heap = heapFor(limit - c.offHeapMiB - c.pysparkMiB);
      if (target && heap >= 450) {
        fixes.push({
          title: `Shrink the ${role} to a ${formatMiB(limit)} container`,
          edits: setProperties(model, target, {
            [`spark.${role}.memory`]: sparkMemoryValue(heap),
            [`spark.${role}.memoryOverhead`]: sparkMemoryValue(limit - c.offHeapMiB - c.pysparkMiB - heap),
          }),
          preferred: true,
        });
      }
      context.report({
        span: entry.keySpan,
        path: entry.path,
        message:
          `The ${role} container is ${describe(c)}, above yarn.scheduler.maximum-allocation-mb = ${formatMiB(limit)} on ${node.instanceType}: ` +
          `Spark refuses to submit the application. Keep the ${role}'s memory and overhead within ${formatMiB(limit)}.`,
        fixes: withRecompute(context, s.report, fixes),
      });
    }
  },
};
