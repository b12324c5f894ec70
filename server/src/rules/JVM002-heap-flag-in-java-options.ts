import { compareVersions } from '../catalog';
import { removeEntry, renameKey, setProperties, setValue } from '../engine/edits';
import { effectiveValue, scopeValues } from '../engine/effective';
import type { Fix, TextEdit } from '../engine/findings';
import { removeToken, spanInValue, tokenRemovalRange } from '../engine/javaOptions';
import type { Rule } from './types';
import { MEMORY_KEY, javaOptionGroups, quoted } from './jvmSupport';

/** The Spark size for a -Xmx argument (-Xmx8g, -Xmx8192m, -Xmx8589934592), when it is one. */
function heapSize(argument: string): string | undefined {
  const match = /^-Xmx(\d+)([kKmMgGtT]?)$/.exec(argument);
  if (!match) return undefined;
  const [, digits, unit] = match;
  if (unit) return `${digits}${unit.toLowerCase()}`;
  // No unit means bytes to the JVM but MiB to Spark: write a unit Spark reads the same way.
  const bytes = Number(digits);
  if (bytes > 0 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}m`;
  if (bytes > 0 && bytes % 1024 === 0) return `${bytes / 1024}k`;
  return undefined;
}

export const heapFlagInJavaOptions: Rule = {
  id: 'JVM002',
  name: 'heap-flag-in-java-options',
  severity: 'error',
  summary: 'A -Xmx heap size in Spark\'s Java options, which Spark refuses: the heap is set with spark.executor.memory or spark.driver.memory.',
  reads: ['properties'],
  check({ model, release, report }) {
    const spark4 = release?.spark !== undefined && compareVersions(release.spark, '4.0.0') >= 0;
    const sparkName = release?.spark ? `Spark ${release.spark} (${release.label})` : 'Spark 3';
    for (const group of javaOptionGroups(model)) {
      const memoryKey = MEMORY_KEY[group.role];
      // An instance group's or fleet type's own spark-defaults lie over the cluster's.
      const scope = group.scope;
      const memory = scope.group ? effectiveValue(model, 'spark-defaults', memoryKey, scope.group, scope.instanceType) : scopeValues(scope, 'spark-defaults').get(memoryKey);
      // The JVM keeps the last -Xmx of its command line (defaultJavaOptions come before extraJavaOptions).
      const heapTokens = group.entries.flatMap((e) => e.tokens.filter(({ token }) => token.text.startsWith('-Xmx')).map(({ token }) => token));
      const lastHeap = heapTokens[heapTokens.length - 1];
      for (const e of group.entries) {
        for (const { token } of e.tokens) {
          // Spark's own tests: a substring "-Xmx" for executors and the application master; for the driver
          // Spark 3 looks for "Xmx" anywhere and Spark 4 for an argument that starts with -Xmx.
          const needle = group.role === 'driver' && !spark4 ? 'Xmx' : '-Xmx';
          const hit = group.role === 'driver' && spark4 ? token.text.startsWith('-Xmx') : token.text.includes(needle);
          if (!hit) continue;
          const arg = quoted(token.text);
          const heapFlag = token.text.startsWith('-Xmx');
          const size = heapSize(token.text);
          let severity: 'warning' | undefined;
          let message: string;
          if (group.role === 'executor' && e.kind === 'default' && !spark4) {
            if (!heapFlag) continue;
            message = `${arg} in ${e.key}: ${sparkName} does not check this key (Spark 4 does), but Spark puts it after the -Xmx it derives from ${memoryKey}, so it overrides the heap while YARN still sizes the executor containers from ${memoryKey}; YARN may kill executors whose heap outgrows the container.`;
            severity = 'warning';
          } else if (group.role === 'executor') {
            message = `${arg} in ${e.key}: Spark refuses executor Java options that contain "-Xmx" and stops when the SparkContext starts, so the application never runs.`;
          } else if (group.role === 'driver') {
            message = `${arg} in ${e.key}: spark-submit refuses driver Java options that ${spark4 ? 'have an argument starting with "-Xmx"' : 'contain "Xmx"'}, so the application is never submitted.`;
          } else {
            message = `${arg} in ${e.key}: in client mode spark-submit refuses application master Java options that contain "-Xmx"; in cluster mode Spark ignores this key altogether.`;
          }
          const later = heapFlag && lastHeap && lastHeap !== token ? lastHeap : undefined;
          if (!heapFlag) message += ` It is not a heap setting, but Spark only looks for the text: change it so that it does not contain "${needle}".`;
          else if (memory) message += ` Set the heap with ${memoryKey} (now ${memory.value}) and remove ${arg}.`;
          else if (later) message += ` Set the heap with ${memoryKey} instead (the JVM would use the later ${quoted(later.text)}).`;
          else message += ` Set the heap with ${memoryKey}${size ? ` (here: ${size})` : ''} instead.`;

          const fixes: Fix[] = [];
          if (size) {
            const rest = tokenRemovalRange(e.entry.value, token);
            const emptied = (e.entry.value.slice(0, rest.start) + e.entry.value.slice(rest.end)).trim() === '';
            let edits: TextEdit[];
            let title: string;
            if (memory || later) {
              title = `Remove ${arg}`;
              edits = [emptied ? removeEntry(model, e.classification, e.entry) : removeToken(model, e.entry, token)];
            } else if (emptied) {
              // The option string held nothing else: it becomes the memory setting.
              title = `Replace with ${memoryKey}=${size}`;
              edits = [renameKey(model, e.entry, memoryKey), setValue(model, e.entry, size)];
            } else {
              title = `Move to ${memoryKey}=${size}`;
              edits = [removeToken(model, e.entry, token), ...setProperties(model, e.classification, { [memoryKey]: size })];
            }
            fixes.push({ title, edits, preferred: true });
          }
          report({ span: spanInValue(model, e.entry, token.start, token.end), path: e.entry.path, message, severity, fixes });
        }
      }
    }
  },
};
