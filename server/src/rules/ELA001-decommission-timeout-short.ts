import { sparkOption } from '../catalog';
import { setProperties, setValue } from '../engine/edits';
import { classificationsByName } from '../engine/effective';
import type { Fix, RelatedLocation } from '../engine/findings';
import type { PropertyEntry } from '../engine/model';
import { groupDigits, parseDuration } from '../engine/units';
import { bareDurationUnit } from '../engine/valueCheck';
import { classificationOf, hadoopWholeNumber, scopeViews, viewValue } from './scopeViews';
import type { Rule } from './types';

const SPARK = 'spark.blacklist.decommissioning.timeout';
const ENABLED = 'spark.blacklist.decommissioning.enabled';
const YARN = 'yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs';
const DEFAULT_SPARK_MS = 3_600_000;
const DEFAULT_YARN_SECONDS = 3600;

interface Conflict {
  timeout?: PropertyEntry;
  graceful?: PropertyEntry;
  /** The Spark timeout in ms (its default when unset). */
  ms: number;
  yarnSeconds: number;
}

/** "1,800 s" for whole seconds, else "1,500 ms". */
function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${groupDigits(ms / 1000)} s` : `${groupDigits(ms)} ms`;
}

function sparkMs(entry: PropertyEntry | undefined): number | undefined {
  if (!entry) return DEFAULT_SPARK_MS;
  if (entry.valueKind !== 'string' || entry.value.includes('${')) return undefined;
  const option = sparkOption(SPARK);
  const parsed = parseDuration(entry.value, option ? bareDurationUnit(option) : 'ms');
  return parsed.ok ? parsed.value.ms : undefined;
}

export const decommissionTimeoutShort: Rule = {
  id: 'ELA001',
  name: 'decommission-timeout-short',
  severity: 'warning',
  summary: 'spark.blacklist.decommissioning.timeout shorter than YARN\'s graceful decommission timeout: Spark schedules onto nodes YARN is still draining.',
  reads: ['properties'],
  check({ model, report }) {
    // Each entry the finding would sit on, with the longest YARN timeout it falls short of in any scope.
    const conflicts = new Map<PropertyEntry, Conflict>();
    for (const view of scopeViews(model)) {
      const timeout = viewValue(model, 'spark-defaults', view, SPARK);
      const graceful = viewValue(model, 'yarn-site', view, YARN);
      if (!timeout && !graceful) continue;
      // With EMR's decommissioning exclusion turned off the timeout is not used.
      const enabled = viewValue(model, 'spark-defaults', view, ENABLED);
      if (enabled && enabled.value.trim().toLowerCase() === 'false') continue;
      const ms = sparkMs(timeout);
      const yarnSeconds = graceful ? hadoopWholeNumber(graceful) : DEFAULT_YARN_SECONDS;
      if (ms === undefined || yarnSeconds === undefined || yarnSeconds <= 0 || ms >= yarnSeconds * 1000) continue;
      const at = timeout ?? graceful!;
      const known = conflicts.get(at);
      if (!known || yarnSeconds > known.yarnSeconds) conflicts.set(at, { timeout, graceful, ms, yarnSeconds });
    }
    for (const [at, { timeout, graceful, ms, yarnSeconds }] of conflicts) {
      const value = `${yarnSeconds}s`;
      const fixes: Fix[] = [];
      const title = `Set ${SPARK} to ${value}`;
      if (timeout) fixes.push({ title, edits: [setValue(model, timeout, value)], preferred: true });
      else {
        // The Spark key goes beside the yarn-site entry: into a spark-defaults classification of the same Configurations.
        const scope = classificationOf(model, graceful!)?.scope;
        const target = classificationsByName(model, 'spark-defaults').filter((c) => c.scope === scope).pop();
        if (target) fixes.push({ title, edits: setProperties(model, target, { [SPARK]: value }), preferred: true });
      }
      const sparkText = timeout ? `${SPARK} = ${JSON.stringify(timeout.value.trim())} (${seconds(ms)}) is` : `${SPARK} is not set, so it stays at its default of 1h (3,600 s), and that is`;
      const yarnText = graceful ? `${YARN} = ${groupDigits(yarnSeconds)} s` : `YARN's graceful decommission timeout of ${groupDigits(yarnSeconds)} s (the default of ${YARN})`;
      const related: RelatedLocation[] = timeout && graceful ? [{ span: graceful.valueSpan ?? graceful.keySpan, message: `YARN drains a decommissioning node for up to ${groupDigits(yarnSeconds)} s.` }] : [];
      report({
        span: at.valueSpan ?? at.keySpan,
        path: at.path,
        message:
          `${sparkText} shorter than ${yarnText}. ` +
          'When the timeout runs out Spark schedules tasks on a decommissioning node again while YARN may still be draining it, and those tasks are lost when the node leaves (scale-in, Spot reclaim). ' +
          `Set ${SPARK} to at least ${value}.`,
        related,
        fixes,
      });
    }
  },
};
