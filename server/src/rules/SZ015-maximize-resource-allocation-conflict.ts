import { setValue } from '../engine/edits';
import { classificationsByName } from '../engine/effective';
import { parseBoolean } from '../engine/units';
import { settingsOf } from './sizingSupport';
import type { Rule } from './types';

const HAND_SIZED = ['spark.executor.memory', 'spark.executor.cores', 'spark.executor.instances', 'spark.driver.memory', 'spark.default.parallelism'];

export const maximizeResourceAllocationConflict: Rule = {
  id: 'SZ015',
  name: 'maximize-resource-allocation-conflict',
  severity: 'warning',
  summary: 'EMR\'s maximizeResourceAllocation is on while spark-defaults sizes executors by hand.',
  reads: ['classifications'],
  check(context) {
    const s = settingsOf(context);
    if (!s) return;
    const handSet = HAND_SIZED.map((k) => s.settings.get(k)).filter((e) => e !== undefined);
    if (handSet.length === 0) return;
    for (const spark of classificationsByName(context.model, 'spark')) {
      const entry = spark.properties.find((e) => e.key === 'maximizeResourceAllocation');
      const on = entry && parseBoolean(entry.value);
      if (!entry?.valueSpan || !on?.ok || !on.value) continue;
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `maximizeResourceAllocation is true, and spark-defaults also sets ${handSet.map((e) => e.key).join(', ')}: EMR computes its own values for the same keys, ` +
          `so which numbers run depends on the order EMR applies them. Choose one: turn it off and keep your sizes, or remove the hand-set ones.`,
        related: handSet.map((e) => ({ span: e.keySpan, message: `${e.key} is set by hand here.` })),
        fixes: [{ title: 'Set maximizeResourceAllocation to false', edits: [setValue(context.model, entry, 'false')], preferred: true }],
      });
    }
  },
};
