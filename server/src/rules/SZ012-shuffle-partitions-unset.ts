import { setProperties } from '../engine/edits';
import { sparkDefaultsTarget } from '../sizing/recompute';
import { settingsOf } from './sizingSupport';
import type { Rule } from './types';

export const shufflePartitionsUnset: Rule = {
  id: 'SZ012',
  name: 'shuffle-partitions-unset',
  severity: 'warning',
  summary: 'spark.default.parallelism is set but spark.sql.shuffle.partitions is not: DataFrame and SQL shuffles stay at 200.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    const entry = s?.settings.get('spark.default.parallelism');
    if (!s || !entry || s.settings.has('spark.sql.shuffle.partitions')) return;
    const target = sparkDefaultsTarget(context.model, s.report);
    const value = entry.value.trim();
    context.report({
      span: entry.keySpan,
      path: entry.path,
      message: `spark.default.parallelism (${value}) only applies to RDD operations; DataFrame and SQL shuffles use spark.sql.shuffle.partitions, which stays at 200. Set both.`,
      fixes: target && /^\d+$/.test(value)
        ? [{ title: `Set spark.sql.shuffle.partitions to ${value}`, edits: setProperties(context.model, target, { 'spark.sql.shuffle.partitions': value }), preferred: true }]
        : [],
    });
  },
};
