import { formatValue, replace, setProperties, setValue } from '../engine/edits';
import { clusterScope, scopeValues } from '../engine/effective';
import type { TextEdit } from '../engine/findings';
import { replaceInValue } from '../engine/javaOptions';
import { span } from '../engine/text';
import type { Rule } from './types';
import { javaOfRole, parsedOptions, type ParsedFlag } from './jvmSupport';

const EXECUTOR_KEYS = ['spark.executor.defaultJavaOptions', 'spark.executor.extraJavaOptions'];
const TARGET_KEY = 'spark.executor.extraJavaOptions';

export const gcNotConfigured: Rule = {
  id: 'JVM005',
  name: 'gc-not-configured',
  severity: 'info',
  summary: 'Opt-in advice: on Java 8 the executors get no garbage collector choice of the file\'s own, and G1 with an early marking threshold is suggested.',
  reads: ['properties'],
  // EMR's guidance is to try its own defaults first: advice for those who ask for it, not a finding on every Java 8 file.
  optIn: true,
  check({ model, release, report }) {
    const java = javaOfRole(model, release, 'executor');
    if (!release || java?.version !== 8) return;
    // On EMR 6.1 garbage collection flags in extraJavaOptions break launch (JVM004): no advice to add them there.
    if (/^emr-6\.1\.\d+$/.test(release.label)) return;
    const scope = clusterScope(model);
    const classifications = scope?.classifications.filter((c) => c.name?.trim() === 'spark-defaults') ?? [];
    if (!scope || classifications.length === 0) return;
    const values = scopeValues(scope, 'spark-defaults');
    const parsed: ParsedFlag[] = [];
    for (const key of EXECUTOR_KEYS) {
      const entry = values.get(key);
      if (!entry) continue;
      if (entry.valueKind !== 'string') return;
      for (const option of parsedOptions(entry)) if (option.parsed) parsed.push(option.parsed);
    }
    if (parsed.some((p) => p.flag.category === 'gc-selection' && p.enabled)) return;
    const has = (...names: string[]) => parsed.some((p) => names.includes(p.flag.flag));
    const additions = ['-XX:+UseG1GC'];
    if (!has('InitiatingHeapOccupancyPercent')) additions.push('-XX:InitiatingHeapOccupancyPercent=35');
    if (!has('OnOutOfMemoryError', 'ExitOnOutOfMemoryError', 'CrashOnOutOfMemoryError')) additions.push("-XX:OnOutOfMemoryError='kill -9 %p'");
    const flags = additions.join(' ');

    const existing = values.get(TARGET_KEY);
    const target = (existing && classifications.find((c) => c.properties.includes(existing))) ?? classifications[classifications.length - 1];
    const anchor = target.nameSpan ?? target.properties[0]?.keySpan;
    if (!anchor) return;
    let edits: TextEdit[];
    if (existing && existing.value === '' && model.format === 'properties' && existing.keySpan.end === existing.entrySpan.end) {
      // A bare key with no separator: the value needs one in front of it.
      edits = [replace(span(existing.entrySpan.end, existing.entrySpan.end), ` ${formatValue(model, flags)}`)];
    } else if (existing && existing.value.trim() === '') edits = [setValue(model, existing, flags)];
    else if (existing) {
      const end = existing.value.length;
      edits = [replaceInValue(model, existing, end, end, `${/\s$/.test(existing.value) ? '' : ' '}${flags}`)];
    } else edits = setProperties(model, target, { [TARGET_KEY]: flags });

    const javaWhy = java.setting ? `Java 8 (${java.origin})` : `Java 8, the default of ${release.label}`;
    report({
      span: anchor,
      path: target.nameSpan ? [...target.path, target.names.classification] : target.properties[0].path,
      message:
        `The executors run on ${javaWhy}, and no garbage collector is chosen for them here, so they keep EMR's choice ` +
        `(AWS's best-practice guide names the Parallel collector, whose full collections stop an executor for seconds on large heaps). ` +
        `If long GC pauses show in your jobs, G1 keeps them short on large heaps: add ${flags} to ${TARGET_KEY}` +
        `${additions.some((a) => a.startsWith('-XX:OnOutOfMemoryError')) ? '; the last flag ends an executor that runs out of memory instead of leaving it half alive' : ''}.`,
      fixes: [{ title: `Add ${flags} to ${TARGET_KEY}`, edits }],
    });
  },
};
