import { removeEntry } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { parseInteger } from '../engine/units';
import { flag } from '../sizing/evaluate';
import { sparkDefaultsTarget } from '../sizing/recompute';
import { settingsOf } from './sizingSupport';
import type { Rule } from './types';

export const dynamicAllocationConflict: Rule = {
  id: 'SZ014',
  name: 'dynamic-allocation-conflict',
  severity: 'warning',
  summary: 'Dynamic allocation set up inconsistently: with a fixed executor count, or with bounds that contradict.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    if (!s) return;
    const enabled = s.settings.get('spark.dynamicAllocation.enabled');
    if (!enabled || !flag(s.settings, 'spark.dynamicAllocation.enabled', false)) return;
    const entry = (key: string) => s.settings.get(`spark.dynamicAllocation.${key}`);
    const value = (key: string) => {
      const e = entry(key);
      if (!e) return undefined;
      const parsed = parseInteger(e.value);
      return parsed.ok ? parsed.value : undefined;
    };
    const min = value('minExecutors');
    const max = value('maxExecutors');
    const initial = value('initialExecutors');
    const instances = s.settings.get('spark.executor.instances');
    if (instances) {
      const target = sparkDefaultsTarget(context.model, s.report);
      const fixes: Fix[] = target && target.properties.includes(instances)
        ? [{ title: 'Remove spark.executor.instances', edits: [removeEntry(context.model, target, instances)], preferred: true }]
        : [];
      context.report({
        span: instances.keySpan,
        path: instances.path,
        message:
          `spark.executor.instances = ${instances.value.trim()} is set while dynamic allocation is on: Spark starts with max(minExecutors, initialExecutors, instances) executors, ` +
          `so the fixed count fights the scaling. Drop it and use spark.dynamicAllocation.initialExecutors.`,
        related: [{ span: enabled.keySpan, message: 'Dynamic allocation is enabled here.' }],
        fixes,
      });
    }
    // Dynamic allocation without bounds is EMR's own default (on since EMR 4.4.0, with Spark's bounds of 0 and
    // unlimited): not a mistake of the file, so it is not reported.
    if (min !== undefined && max !== undefined && min > max) {
      const minEntry = entry('minExecutors')!;
      context.report({
        span: minEntry.valueSpan ?? minEntry.keySpan,
        path: minEntry.path,
        severity: 'error',
        message: `spark.dynamicAllocation.minExecutors (${min}) is greater than maxExecutors (${max}): Spark refuses to start the application.`,
        related: [{ span: entry('maxExecutors')!.keySpan, message: 'The maximum is set here.' }],
      });
    }
    const boundsAgree = min === undefined || max === undefined || min <= max;
    if (boundsAgree && initial !== undefined && ((min !== undefined && initial < min) || (max !== undefined && initial > max))) {
      const initialEntry = entry('initialExecutors')!;
      context.report({
        span: initialEntry.valueSpan ?? initialEntry.keySpan,
        path: initialEntry.path,
        message: `spark.dynamicAllocation.initialExecutors (${initial}) is outside [${min ?? 0}, ${max ?? 'unbounded'}]: the starting count contradicts the bounds${min !== undefined && initial < min ? ' (Spark starts at minExecutors instead)' : ''}. Keep it between them.`,
      });
    }
  },
};
