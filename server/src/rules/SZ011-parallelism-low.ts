import { setValue } from '../engine/edits';
import { sized, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const parallelismLow: Rule = {
  id: 'SZ011',
  name: 'parallelism-low',
  severity: 'warning',
  summary: 'spark.default.parallelism below twice the executor cores the cluster runs: cores sit idle.',
  reads: ['properties'],
  check(context) {
    const s = sized(context);
    const entry = s?.settings.get('spark.default.parallelism');
    if (!s || !entry?.valueSpan || !s.evaluation.executor.coresKnown) return;
    const value = Number(entry.value.trim());
    if (!Number.isInteger(value)) return;
    const executors = Math.min(s.evaluation.capacity, s.evaluation.requestedInstances ?? s.evaluation.capacity);
    const cores = executors * s.evaluation.executor.cores;
    const wanted = 2 * cores;
    if (value >= wanted || cores === 0) return;
    context.report({
      span: entry.valueSpan,
      path: entry.path,
      message: `spark.default.parallelism = ${value}, but ${executors} executors x ${s.evaluation.executor.cores} cores = ${cores} task slots: below 2 x ${cores} = ${wanted}, some cores wait idle and one slow task holds up a stage.`,
      fixes: withRecompute(context, s.report, [{ title: `Set it to ${wanted}`, edits: [setValue(context.model, entry, String(wanted))], preferred: true }]),
    });
  },
};
