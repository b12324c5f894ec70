import { compareVersions } from '../catalog';
import { setProperties, setValue } from '../engine/edits';
import type { Fix, RelatedLocation } from '../engine/findings';
import type { PropertyEntry } from '../engine/model';
import { groupDigits, parseDuration, type DurationUnit } from '../engine/units';
import { classificationOf, scopeViews, viewValue } from './scopeViews';
import type { Rule } from './types';

const HEARTBEAT = 'spark.executor.heartbeatInterval';
const TIMEOUT = 'spark.network.timeout';
const DEFAULT_HEARTBEAT_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 120_000;

interface Conflict {
  heartbeat?: PropertyEntry;
  timeout?: PropertyEntry;
  /** Whole milliseconds of the heartbeat interval. */
  interval: number;
  /** The timeout in whole seconds, as Spark compares it. */
  timeoutSeconds: number;
}

/** Milliseconds of a set value (undefined when unreadable: the value rules report that), or the default. */
function readMs(entry: PropertyEntry | undefined, bare: DurationUnit, fallback: number): number | undefined {
  if (!entry) return fallback;
  if (entry.valueKind !== 'string' || entry.value.includes('${')) return undefined;
  const parsed = parseDuration(entry.value, bare);
  return parsed.ok ? parsed.value.ms : undefined;
}

/** "12s" for whole seconds, else "500ms". */
function durationText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function describe(entry: PropertyEntry | undefined, key: string, fallback: string): string {
  return entry ? `${key} = ${JSON.stringify(entry.value.trim())}` : `${key} (not set, so ${fallback})`;
}

export const heartbeatNotBelowTimeout: Rule = {
  id: 'SPK005',
  name: 'heartbeat-not-below-timeout',
  severity: 'error',
  summary: 'spark.executor.heartbeatInterval not below spark.network.timeout: Spark refuses to start.',
  reads: ['properties'],
  check({ model, release, report }) {
    // SparkConf.validateSettings has refused the pair since Spark 2.3 (SPARK-22754); an older Spark starts, and the
    // driver then takes every executor for lost once the timeout passes without a heartbeat.
    const refuses = !release?.spark || compareVersions(release.spark, '2.3.0') >= 0;
    // Each entry the finding would sit on, with the tightest timeout it meets in any scope.
    const conflicts = new Map<PropertyEntry, Conflict>();
    for (const view of scopeViews(model)) {
      const heartbeat = viewValue(model, 'spark-defaults', view, HEARTBEAT);
      const timeout = viewValue(model, 'spark-defaults', view, TIMEOUT);
      if (!heartbeat && !timeout) continue;
      const heartbeatMs = readMs(heartbeat, 'ms', DEFAULT_HEARTBEAT_MS);
      const timeoutMs = readMs(timeout, 's', DEFAULT_TIMEOUT_MS);
      if (heartbeatMs === undefined || timeoutMs === undefined) continue;
      // SparkConf.validateSettings: the timeout read as whole seconds, times 1000, must exceed the interval in whole ms.
      const timeoutSeconds = Math.trunc(timeoutMs / 1000);
      const interval = Math.trunc(heartbeatMs);
      if (timeoutSeconds * 1000 > interval) continue;
      const at = heartbeat ?? timeout!;
      const known = conflicts.get(at);
      if (!known || timeoutSeconds < known.timeoutSeconds) conflicts.set(at, { heartbeat, timeout, interval, timeoutSeconds });
    }
    for (const [at, { heartbeat, timeout, interval, timeoutSeconds }] of conflicts) {
      const other = heartbeat ? timeout : undefined;
      const suggested = timeoutSeconds > 0 ? Math.min(60_000, timeoutSeconds >= 10 ? Math.floor(timeoutSeconds / 10) * 1000 : timeoutSeconds * 100) : undefined;
      const fixes: Fix[] = [];
      if (suggested !== undefined) {
        const value = durationText(suggested);
        const title = `Set ${HEARTBEAT} to ${value}`;
        if (heartbeat) fixes.push({ title, edits: [setValue(model, heartbeat, value)], preferred: true });
        else {
          const target = classificationOf(model, timeout!);
          if (target) fixes.push({ title, edits: setProperties(model, target, { [HEARTBEAT]: value }), preferred: true });
        }
      }
      const related: RelatedLocation[] = other ? [{ span: other.valueSpan ?? other.keySpan, message: `${TIMEOUT}, which the heartbeat interval must stay below.` }] : [];
      report({
        span: at.valueSpan ?? at.keySpan,
        path: at.path,
        severity: refuses ? undefined : 'warning',
        message:
          `${describe(heartbeat, HEARTBEAT, '10s')} is ${groupDigits(interval)} ms, not below ${describe(timeout, TIMEOUT, '120s')}, which Spark takes as ${groupDigits(timeoutSeconds)} s = ${groupDigits(timeoutSeconds * 1000)} ms: ` +
          (refuses
            ? 'the SparkContext refuses to start with an IllegalArgumentException. '
            : `Spark ${release!.spark} on ${release!.label} starts, but the driver declares executors lost when no heartbeat comes within the timeout. `) +
          (suggested !== undefined
            ? `Keep the heartbeat well below the timeout, for example ${durationText(suggested)}.`
            : `Give ${TIMEOUT} at least one second, well above the heartbeat interval.`),
        related,
        fixes,
      });
    }
  },
};
