import { setProperties } from '../engine/edits';
import { clusterScope } from '../engine/effective';
import { oncePerPair } from '../engine/memo';
import type { Fix, TextEdit } from '../engine/findings';
import type { Classification, ConfigModel } from '../engine/model';
import type { SizingReport } from './report';
import { MAX_INSTANCE_COUNT } from '../config/projectConfig';

/**
 * The spark-defaults classification whose settings the evaluation read and a plan should be written into:
 * the first executor group's own, else the cluster-wide one (the last, which wins), else the properties file.
 */
export function sparkDefaultsTarget(model: ConfigModel, report: SizingReport): Classification | undefined {
  const group = report.cluster?.nodes[0]?.group;
  const own = group?.scope?.classifications.filter((c) => c.name?.trim() === 'spark-defaults') ?? [];
  if (own.length > 0) return own[own.length - 1];
  const cluster = clusterScope(model)?.classifications.filter((c) => c.name?.trim() === 'spark-defaults') ?? [];
  return cluster[cluster.length - 1];
}

export function recomputeTitle(report: SizingReport): string {
  const types = [...new Set(report.cluster?.nodes.map((n) => n.instanceType) ?? [])];
  return `Recompute executors for ${types.join(' + ')}`;
}

// Every sizing finding offers this fix, the same for the whole analysis: it is built once per report and shared.
const recomputeFixOf = oncePerPair((report: SizingReport, model: ConfigModel) => buildRecomputeFix(model, report));

/**
 * "Recompute executors for <type>": writes the YARN-fitting plan where the settings live, keeping the file's layout.
 * One object per report, shared by every finding that offers it: do not modify it.
 */
export function recomputeFix(model: ConfigModel, report: SizingReport): Fix | undefined {
  return recomputeFixOf(report, model);
}

/**
 * Node counts beyond this get no Recompute: a count of 1e21 read from a file wrote `1e+21` and `Infinity` as
 * executor counts. The same bound as the project file's and the CLI's instance counts.
 */
export const MAX_RECOMPUTE_NODES = MAX_INSTANCE_COUNT;

/** Whether every figure the plan would write is a switch or at most 15 digits with an optional unit (never `1e+21`, `Infinity`). */
function writableFigures(properties: Record<string, string>): boolean {
  return Object.values(properties).every((value) => value === 'true' || value === 'false' || /^[0-9]{1,15}[a-z]{0,2}$/.test(value));
}

function buildRecomputeFix(model: ConfigModel, report: SizingReport): Fix | undefined {
  const plan = report.plan;
  const target = sparkDefaultsTarget(model, report);
  if (!plan || !plan.fits || !target) return undefined;
  const nodes = report.cluster?.nodes.reduce((sum, n) => sum + n.nodes, 0) ?? 0;
  if (!(nodes <= MAX_RECOMPUTE_NODES) || !writableFigures(plan.properties)) return undefined;
  const edits: TextEdit[] = setProperties(model, target, plan.properties);
  const spark = target.scope.classifications.find((c) => c.name === 'spark');
  const maximize = spark?.properties.find((e) => e.key === 'maximizeResourceAllocation');
  if (spark && maximize && maximize.value.trim() !== 'false') edits.push(...setProperties(model, spark, plan.sparkClassification));
  if (edits.length === 0) return undefined;
  return { title: recomputeTitle(report), edits };
}
