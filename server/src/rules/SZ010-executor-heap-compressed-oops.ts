import { setValue } from '../engine/edits';
import { formatMiB } from '../engine/units';
import { memoryMiB } from '../sizing/evaluate';
import { COMPRESSED_OOPS_LIMIT_MIB, inCompressedOopsGap } from '../sizing/plan';
import { settingsOf, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const executorHeapCompressedOops: Rule = {
  id: 'SZ010',
  name: 'executor-heap-compressed-oops',
  severity: 'info',
  summary: 'A heap from 32 GiB to 48 GiB: the JVM drops compressed object pointers, so it holds little more than a 31 GiB heap.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    if (!s) return;
    for (const role of ['executor', 'driver'] as const) {
      const entry = s.settings.get(`spark.${role}.memory`);
      const heap = memoryMiB(s.settings, `spark.${role}.memory`);
      if (!entry?.valueSpan || heap === undefined || !inCompressedOopsGap(heap) || s.governing.get(`spark.${role}.memory`).writtenByEmr) continue;
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `A ${formatMiB(heap)} ${role} heap is past the 32 GiB line where the JVM stops compressing object pointers: every reference doubles to 8 bytes, ` +
          `so this heap stores about as much as a ${COMPRESSED_OOPS_LIMIT_MIB / 1024 - 1} GiB one. Use 31g (and the rest for more executors), or go to 48 GiB and beyond.`,
        fixes: withRecompute(context, s.report, [{ title: 'Use a 31g heap', edits: [setValue(context.model, entry, '31g')] }]),
      });
    }
  },
};
