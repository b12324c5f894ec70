import { setValue } from '../engine/edits';
import { formatMiB } from '../engine/units';
import { memoryMiB } from '../sizing/evaluate';
import { MINIMUM_HEAP_MIB } from '../sizing/plan';
import { settingsOf } from './sizingSupport';
import type { Rule } from './types';


export const executorMemoryTooSmall: Rule = {
  id: 'SZ006',
  name: 'executor-memory-too-small',
  severity: 'error',
  summary: 'Executor or driver memory below the 450 MiB Spark needs (1.5 x its 300 MiB reserve): Spark fails at start.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    if (!s) return;
    for (const role of ['executor', 'driver'] as const) {
      const entry = s.settings.get(`spark.${role}.memory`);
      const memory = memoryMiB(s.settings, `spark.${role}.memory`);
      if (!entry?.valueSpan || memory === undefined || memory >= MINIMUM_HEAP_MIB) continue;
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `spark.${role}.memory is ${formatMiB(memory)}; Spark reserves 300 MiB of every heap and refuses to start ` +
          `${role === 'executor' ? 'executors' : 'the driver'} with less than ${MINIMUM_HEAP_MIB} MiB.` +
          `${/^\s*\d+\s*$/.test(entry.value) ? ' A bare number here means MiB.' : ''}`,
        fixes: [{ title: 'Set it to 1g', edits: [setValue(context.model, entry, '1g')], preferred: true }],
      });
    }
  },
};
