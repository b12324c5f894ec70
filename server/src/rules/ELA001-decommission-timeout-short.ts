import { sparkOption } from '../catalog';
import { setProperties, setValue } from '../engine/edits';
import { classificationsByName } from '../engine/effective';
import type { Fix, RelatedLocation } from '../engine/findings';
import type { PropertyEntry } from '../engine/model';
import { groupDigits, parseDuration } from '../engine/units';
import { bareDurationUnit } from '../engine/valueCheck';
import { gracefulDecommissionFacts } from '../sizing/emrFacts';
import { primaryNodeValue, submissionSettings } from '../sizing/submission';
import { classificationOf, hadoopWholeNumber } from './scopeViews';
import type { Rule } from './types';

const SPARK = 'spark.blacklist.decommissioning.timeout';
const ENABLED = 'spark.blacklist.decommissioning.enabled';
const YARN = 'yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs';
const DEFAULT_SPARK_MS = 3_600_000;
const DEFAULT_YARN_SECONDS = gracefulDecommissionFacts().defaultSeconds;

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
  summary: "spark.blacklist.decommissioning.timeout shorter than YARN's graceful decommission timeout, or that YARN timeout at -1, which EMR reads as no wait at all.",
  reads: ['properties'],
  check({ model, release, report }) {
    // The ResourceManager on the primary node reads the YARN timeout, and spark-submit there the Spark one: a CORE or
    // TASK group's yarn-site or spark-defaults sets neither for the jobs submitted from the primary node.
    const settings = submissionSettings(model, release);
    const timeout = settings.entries.get(SPARK);
    const graceful = primaryNodeValue(model, 'yarn-site', YARN);
    const yarnSeconds = graceful ? hadoopWholeNumber(graceful) : DEFAULT_YARN_SECONDS;
    if (graceful?.valueSpan && yarnSeconds === -1) {
      report({
        span: graceful.valueSpan,
        path: graceful.path,
        message:
          `${YARN} = -1: on EMR this turns the graceful wait off, and nodes are decommissioned at once, their running containers killed; Apache YARN reads -1 the other way, as "wait indefinitely". ` +
          `For a long wait, set a large value such as 86400 (24 hours).`,
        fixes: [{ title: `Set ${YARN} to 86400`, edits: [setValue(model, graceful, '86400')], preferred: true }],
      });
      return;
    }
    if (!timeout && !graceful) return;
    // With EMR's decommissioning exclusion turned off the timeout is not used.
    const enabled = settings.entries.get(ENABLED);
    if (enabled && enabled.value.trim().toLowerCase() === 'false') return;
    const ms = sparkMs(timeout);
    if (ms === undefined || yarnSeconds === undefined || yarnSeconds <= 0 || ms >= yarnSeconds * 1000) return;
    const at = timeout ?? graceful!;
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
    const yarnText = graceful ? `${YARN} = ${groupDigits(yarnSeconds)} s` : `YARN's graceful decommission timeout of ${groupDigits(yarnSeconds)} s (EMR's default for ${YARN})`;
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
  },
};
