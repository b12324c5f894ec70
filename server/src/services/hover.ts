import { classificationInfo, emrRelease, hadoopOption, instanceType } from '../catalog';
import { sparkCatalogForLabel, sparkKeyHover } from '../catalog/sparkDocs';
import type { Analysis } from '../analysis/analyze';
import { targetAt } from '../engine/locate';
import type { ConfigModel, PropertyEntry } from '../engine/model';
import { LineIndex } from '../engine/text';
import { formatMiB } from '../engine/units';
import type { SizingReport } from '../sizing/report';

const SIZING_KEYS = new Set([
  'spark.executor.memory',
  'spark.executor.memoryOverhead',
  'spark.executor.cores',
  'spark.executor.instances',
  'spark.driver.memory',
  'spark.driver.memoryOverhead',
  'spark.memory.fraction',
  'spark.memory.storageFraction',
]);

/** The computed breakdown behind a sizing key: container, packing per node, heap split, share of YARN memory. */
function sizingBreakdown(report: SizingReport): string[] {
  const c = report.containers;
  if (!c) return [];
  const x = c.executor;
  const lines = ['**Executor container**', '', `- heap ${formatMiB(x.memoryMiB)} + overhead ${formatMiB(x.overheadMiB)} (${x.overheadSource === 'explicit' ? 'set' : `max(${x.overheadMinimumMiB} MiB, ${x.overheadFactor} x heap)`})` +
    `${x.offHeapMiB ? ` + off-heap ${formatMiB(x.offHeapMiB)}` : ''}${x.pysparkMiB ? ` + PySpark ${formatMiB(x.pysparkMiB)}` : ''} = **${formatMiB(x.containerMiB)}**`];
  const e = report.evaluation;
  if (e && report.cluster) {
    for (const g of e.worstCase) {
      lines.push(`- ${g.instanceType} (${g.nodes} nodes): YARN has ${formatMiB(g.yarnMemoryMiB)}, so **${g.executorsPerNode}** executors fit per node, using ${g.coresPerNode} of ${g.vcpu} vCPUs`);
    }
    lines.push(`- room for ${e.capacity} executors${e.deployMode === 'cluster' ? ' beside the driver' : ''}${e.requestedInstances !== undefined ? ` (${e.requestedInstances} requested)` : ''}; ${e.yarnMemoryUsedPercent} % of the cluster's YARN memory used`);
  } else {
    lines.push(`- ${report.withheld ?? report.unavailable ?? 'no cluster to size against'}`);
  }
  if (report.assumptions.length > 0) lines.push('', '**Assumed**', '', ...report.assumptions.map((a) => `- ${a}`));
  const h = c.heap;
  lines.push(
    '',
    '**Inside the heap**',
    '',
    `- reserved ${formatMiB(h.reservedMiB)}, user ${formatMiB(h.userMiB)}, storage ${formatMiB(h.storageMiB)}, execution ${formatMiB(h.executionMiB)} (${formatMiB(h.executionPerCoreMiB)} per core)`,
  );
  return lines;
}

/**
 * Where else the setting is given, and which one an application gets: spark-submit arguments take precedence over
 * spark-defaults. Values are not shown (a setting may hold a secret); lines are.
 */
function settingSources(model: ConfigModel, entry: PropertyEntry): string[] {
  const lines = new LineIndex(model.text);
  const line = (e: PropertyEntry) => `line ${lines.positionAt(e.keySpan.start).line + 1}`;
  if (entry.argument) {
    const submission = model.submissions.find((s) => s.scope.classifications.some((c) => c.properties.includes(entry)));
    const defaults = model.scopes.filter((scope) => scope.kind !== 'submit').flatMap((scope) => scope.classifications.filter((c) => c.name?.trim() === 'spark-defaults').flatMap((c) => c.properties.filter((e) => e.key === entry.key)));
    const given = `Given by \`${entry.argument.option}\` on the spark-submit command line of ${submission?.label ?? 'this submission'}, which takes precedence over spark-defaults for that application.`;
    return [defaults.length > 0 ? `${given} It overrides the spark-defaults setting on ${defaults.map(line).join(', ')}.` : given];
  }
  const overriding = model.submissions.flatMap((submission) =>
    submission.scope.classifications.flatMap((c) => c.properties.filter((e) => e.key === entry.key).map((e) => `${submission.label} (\`${e.argument?.option}\`, ${line(e)})`)),
  );
  return overriding.length > 0 ? [`Overridden by the spark-submit arguments of ${overriding.join(', ')} for the applications they start.`] : [];
}

export function hoverMarkdown(analysis: Analysis, offset: number): string | undefined {
  const target = targetAt(analysis.model, offset);
  if (!target) return undefined;
  switch (target.kind) {
    case 'classification': {
      const info = classificationInfo(target.classification.name?.trim() ?? '');
      if (!info) return undefined;
      return [`**${info.name}**${info.application ? ` (${info.application})` : ''}`, '', info.description ?? '', info.configFile ? `\nWrites \`${info.configFile}\`.` : ''].join('\n').trim();
    }
    case 'instance-type': {
      const type = instanceType(target.choice.instanceType);
      if (!type) return undefined;
      const yarn = type.yarn;
      return [
        `**${type.name}**: ${type.vcpu} vCPU, ${formatMiB(type.memoryMiB)} memory${type.localDiskGB ? `, ${type.localDiskGB} GB local disk` : ''}`,
        '',
        yarn ? `EMR gives YARN ${formatMiB(yarn.nodemanagerMemoryMiB)} on this type (largest container ${formatMiB(yarn.maximumAllocationMiB)}).` : 'EMR publishes no YARN defaults for this type.',
      ].join('\n');
    }
    case 'release': {
      const r = emrRelease(target.label);
      if (!r) return undefined;
      return `**${r.label}**: Spark ${r.spark ?? '?'}, Hadoop ${r.hadoop ?? '?'}, Java ${r.defaultJava} by default${r.otherJava.length ? ` (also ${r.otherJava.join(', ')})` : ''}.`;
    }
    default: {
      const key = target.entry.key;
      const classification = target.classification.name?.trim();
      const spark = classification === 'spark-defaults' || classification === 'spark' ? sparkKeyHover(sparkCatalogForLabel(analysis.model.cluster.releaseLabel?.value), key) : undefined;
      if (spark) {
        const sources = settingSources(analysis.model, target.entry);
        if (sources.length > 0) spark.push('', ...sources);
        if (SIZING_KEYS.has(key)) spark.push('', ...sizingBreakdown(analysis.sizing));
        return spark.join('\n');
      }
      const hadoop = hadoopOption(key);
      if (hadoop) return [`**${key}** (${hadoop.file})`, '', hadoop.description ?? '', '', `type \`${hadoop.type}\` · default \`${hadoop.default}\``].join('\n');
      return undefined;
    }
  }
}
