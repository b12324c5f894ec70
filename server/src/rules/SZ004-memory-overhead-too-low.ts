import { setValue } from '../engine/edits';
import { formatMiB, sparkMemoryValue } from '../engine/units';
import { settingsOf, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const memoryOverheadTooLow: Rule = {
  id: 'SZ004',
  name: 'memory-overhead-too-low',
  severity: 'warning',
  summary: 'An explicit memory overhead below what Spark would choose itself: max(384 MiB, 10 % of the heap).',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    if (!s) return;
    for (const role of ['executor', 'driver'] as const) {
      const c = s.containers[role];
      // Without a known heap the default overhead is unknown too: EMR's executor size is not published.
      if (c.overheadSource !== 'explicit' || !c.memoryKnown) continue;
      const floor = c.defaultOverheadMiB;
      if (c.overheadMiB >= floor) continue;
      const entry = s.settings.get(`spark.${role}.memoryOverhead`) ?? s.settings.get(`spark.yarn.${role}.memoryOverhead`);
      if (!entry?.valueSpan) continue;
      const value = sparkMemoryValue(Math.ceil(floor / 128) * 128);
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `The ${role} overhead of ${formatMiB(c.overheadMiB)} is below the default Spark would choose for this heap, max(${formatMiB(c.overheadMinimumMiB)}, ${c.overheadFactor} x ${formatMiB(c.memoryMiB)}) = ${formatMiB(floor)}: ` +
          `native memory (thread stacks, network buffers, Python workers) outgrows the container and YARN kills it.`,
        fixes: withRecompute(context, s.report, [{ title: `Set the overhead to ${value}`, edits: [setValue(context.model, entry, value)], preferred: true }]),
      });
    }
  },
};
