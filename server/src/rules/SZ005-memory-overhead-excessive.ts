import { setValue } from '../engine/edits';
import { formatMiB, sparkMemoryValue } from '../engine/units';
import { overheadFloor } from '../sizing/plan';
import { settingsOf, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const memoryOverheadExcessive: Rule = {
  id: 'SZ005',
  name: 'memory-overhead-excessive',
  severity: 'warning',
  summary: 'An explicit memory overhead of half the heap or more: memory YARN reserves that neither the heap nor Spark uses.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    if (!s) return;
    for (const role of ['executor', 'driver'] as const) {
      const c = s.containers[role];
      if (c.overheadSource !== 'explicit' || !c.memoryKnown || c.overheadMiB <= 1024 || c.overheadMiB * 2 < c.memoryMiB) continue;
      const entry = s.settings.get(`spark.${role}.memoryOverhead`) ?? s.settings.get(`spark.yarn.${role}.memoryOverhead`);
      if (!entry?.valueSpan) continue;
      const share = Math.round((c.overheadMiB / c.memoryMiB) * 100);
      const suggested = sparkMemoryValue(Math.ceil(Math.max(overheadFloor(c.memoryMiB), Math.ceil(c.memoryMiB * 0.15)) / 128) * 128);
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `The ${role} overhead of ${formatMiB(c.overheadMiB)} is ${share} % of its ${formatMiB(c.memoryMiB)} heap; 10-15 % covers JVM native memory. ` +
          `The rest is reserved in every container and used by nothing; give it to the heap or to more executors` +
          `${role === 'executor' ? ' (PySpark workers have spark.executor.pyspark.memory for that)' : ''}.`,
        fixes: withRecompute(context, s.report, [{ title: `Set the overhead to ${suggested}`, edits: [setValue(context.model, entry, suggested)] }]),
      });
    }
  },
};
