import { setValue } from '../engine/edits';
import type { RelatedLocation } from '../engine/findings';
import { formatMiB, sparkMemoryValue } from '../engine/units';
import { heapFor } from '../sizing/plan';
import { settingsOf, withRecompute } from './sizingSupport';
import type { Rule } from './types';

export const driverExceedsPrimaryMemory: Rule = {
  id: 'SZ017',
  name: 'driver-exceeds-primary-memory',
  severity: 'error',
  summary: 'In client deploy mode the driver runs on the primary node, and its heap and overhead need more memory than that node has or EMR leaves free on it.',
  reads: ['properties'],
  check(context) {
    const s = settingsOf(context);
    const shape = s?.report.cluster;
    const primary = shape?.primary;
    if (!s || !shape || !primary || shape.deployMode !== 'client') return;
    const entry = s.settings.get('spark.driver.memory');
    const driver = s.containers.driver;
    if (!entry?.valueSpan || !driver.memoryKnown) return;
    const footprint = driver.memoryMiB + driver.defaultOverheadMiB;
    const budget = primary.emrBudgetMiB;
    const overRam = footprint > primary.memoryMiB;
    if (!overRam && (budget === undefined || footprint <= budget)) return;
    const assumed = shape.deployModeSource === 'assumed';
    const mode = assumed
      ? "spark.submit.deployMode is not set, so spark-submit's default, client mode, runs the driver on the primary node"
      : 'In client deploy mode the driver runs on the primary node';
    const limit = overRam
      ? `more than the ${formatMiB(primary.memoryMiB)} of RAM of the primary ${primary.instanceType}: the driver cannot get that memory, and the kernel ends it (or the node's services) once it uses it`
      : `more than the ${formatMiB(budget!)} EMR leaves for applications even on a core node of the primary's type, ${primary.instanceType}, and the primary node also runs the ResourceManager, the NameNode and the other services`;
    const suggested = heapFor(Math.floor((budget ?? Math.floor(primary.memoryMiB * 0.75)) / 2));
    const related: RelatedLocation[] = primary.typeSpan ? [{ span: primary.typeSpan, message: `The primary node is a ${primary.instanceType} (${formatMiB(primary.memoryMiB)}).` }] : [];
    const fixes = suggested >= 1024 ? [{ title: `Set spark.driver.memory to ${sparkMemoryValue(suggested)}`, edits: [setValue(context.model, entry, sparkMemoryValue(suggested))], preferred: true }] : [];
    context.report({
      span: entry.valueSpan,
      path: entry.path,
      severity: overRam && !assumed ? undefined : 'warning',
      message:
        `${mode}: a ${formatMiB(driver.memoryMiB)} heap with about ${formatMiB(driver.defaultOverheadMiB)} of native memory is ${formatMiB(footprint)}, ${limit}. ` +
        `Give the driver at most ${sparkMemoryValue(suggested)} there${assumed ? ', or submit with --deploy-mode cluster so it runs in a YARN container on a core node' : ', or use cluster deploy mode'}.`,
      related,
      fixes: withRecompute(context, s.report, fixes),
    });
  },
};
