import { removeToken, spanInValue } from '../engine/javaOptions';
import type { Rule } from './types';
import { javaOptionGroups, quoted } from './jvmSupport';

/** Flags that choose or tune the garbage collector. */
const GC_CATEGORIES = new Set(['gc-selection', 'gc-g1', 'gc-cms', 'gc-threads']);

export const emr61GcConflict: Rule = {
  id: 'JVM004',
  name: 'emr-6.1-gc-conflict',
  severity: 'error',
  summary: 'Garbage collector flags in extraJavaOptions on EMR 6.1: they conflict with EMR\'s own and the JVMs fail to launch.',
  reads: ['properties'],
  check({ model, release, releaseLabel, report }) {
    const label = release?.label ?? releaseLabel;
    if (!label || !/^emr-6\.1\.\d+$/.test(label)) return;
    for (const group of javaOptionGroups(model)) {
      if (group.role === 'am') continue;
      const defaultKey = `spark.${group.role}.defaultJavaOptions`;
      for (const e of group.entries) {
        if (e.kind !== 'extra') continue;
        for (const { token, parsed } of e.tokens) {
          if (!parsed || !GC_CATEGORIES.has(parsed.flag.category)) continue;
          const arg = quoted(token.text);
          report({
            span: spanInValue(model, e.entry, token.start, token.end),
            path: e.entry.path,
            message: `${arg} in ${e.key}: on ${label} EMR sets its own garbage collection flags in ${defaultKey}, and custom garbage collection flags in ${e.key} conflict with them, so the ${group.role === 'executor' ? 'executors' : 'driver'} fail${group.role === 'executor' ? '' : 's'} to launch (a known issue of EMR 6.1 only). Remove it, or put your complete garbage collection settings in ${defaultKey}, which replaces EMR's.`,
            fixes: [{ title: `Remove ${arg}`, edits: [removeToken(model, e.entry, token)] }],
          });
        }
      }
    }
  },
};
