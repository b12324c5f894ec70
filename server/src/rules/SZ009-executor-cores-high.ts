import { setValue } from '../engine/edits';
import { settingsOf, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const executorCoresHigh: Rule = {
  id: 'SZ009',
  name: 'executor-cores-high',
  severity: 'info',
  summary: 'More than 5 cores per executor: beyond that, HDFS and S3 throughput per task and GC pauses get worse.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    const entry = s?.settings.get('spark.executor.cores');
    // EMR's own executor size (written beside its spark.emr.default.* twin) is not this file's choice.
    if (!s || !entry?.valueSpan || s.containers.executor.cores <= 5 || s.governing.get('spark.executor.cores').writtenByEmr) return;
    context.report({
      span: entry.valueSpan,
      path: entry.path,
      message: `spark.executor.cores = ${s.containers.executor.cores}: executors with more than 5 concurrent tasks tend to lose I/O throughput and spend longer in GC; 5 cores per executor is the usual ceiling.`,
      fixes: withRecompute(context, s.report, [{ title: 'Set spark.executor.cores to 5', edits: [setValue(context.model, entry, '5')] }]),
    });
  },
};
