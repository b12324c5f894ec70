import { setProperties } from '../engine/edits';
import { oncePerPair } from '../engine/memo';
import type { Fix, TextEdit } from '../engine/findings';
import type { Classification, ConfigModel } from '../engine/model';
import type { SizingReport } from './report';
import { MAX_INSTANCE_COUNT } from '../config/projectConfig';
import { primaryNodeScopes } from './submission';

/**
 * The spark-defaults classification a plan's new keys go into: the one spark-submit on the primary node reads last,
 * that is the MASTER group's own when it has one, else the cluster-wide one (the last, which wins), else the
 * properties file. A CORE or TASK group's spark-defaults is never the target: nothing submitted reads it.
 */
export function sparkDefaultsTarget(model: ConfigModel, _report?: SizingReport): Classification | undefined {
  const scopes = primaryNodeScopes(model);
  for (let i = scopes.length - 1; i >= 0; i--) {
    const own = scopes[i].scope.classifications.filter((c) => c.name?.trim() === 'spark-defaults');
    if (own.length > 0) return own[own.length - 1];
  }
  return undefined;
}

export function recomputeTitle(report: SizingReport): string {
  const types = [...new Set(report.cluster?.nodes.map((n) => n.instanceType) ?? [])];
  return `Recompute executors for ${types.join(' + ')}`;
}

// Every sizing finding offers this fix, the same for the whole analysis: it is built once per report and shared.
const recomputeFixOf = oncePerPair((report: SizingReport, model: ConfigModel) => buildRecomputeFix(model, report));

/**
 * "Recompute executors for <type>": writes the YARN-fitting plan where the settings take effect, keeping the file's
 * layout. One object per report, shared by every finding that offers it: do not modify it.
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

/** The classification that holds an entry of a top-level spark-defaults, searched in the primary node's scopes. */
function holderOf(model: ConfigModel, key: string, report: SizingReport): Classification | undefined {
  const entry = report.settings?.get(key);
  if (!entry) return undefined;
  for (const { scope } of primaryNodeScopes(model)) {
    for (const c of scope.classifications) if (c.name?.trim() === 'spark-defaults' && c.properties.includes(entry)) return c;
  }
  return undefined;
}

function buildRecomputeFix(model: ConfigModel, report: SizingReport): Fix | undefined {
  const plan = report.plan;
  const target = sparkDefaultsTarget(model, report);
  if (!plan || !plan.fits || !target) return undefined;
  const nodes = report.cluster?.nodes.reduce((sum, n) => sum + n.nodes, 0) ?? 0;
  if (!(nodes <= MAX_RECOMPUTE_NODES) || !writableFigures(plan.properties)) return undefined;
  // A key already set is changed where its winning entry is; new keys go to the target.
  const byHolder = new Map<Classification, Record<string, string>>();
  for (const [key, value] of Object.entries(plan.properties)) {
    const holder = holderOf(model, key, report) ?? target;
    byHolder.set(holder, { ...(byHolder.get(holder) ?? {}), [key]: value });
  }
  const edits: TextEdit[] = [];
  for (const [holder, values] of byHolder) edits.push(...setProperties(model, holder, values));
  const maximize = report.governing?.maximizeEntry;
  if (maximize) {
    const spark = target.scope.classifications.find((c) => c.name === 'spark' && c.properties.includes(maximize)) ?? primaryNodeScopes(model).flatMap((s) => s.scope.classifications).find((c) => c.name === 'spark' && c.properties.includes(maximize));
    if (spark) edits.push(...setProperties(model, spark, plan.sparkClassification));
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.span.start - b.span.start);
  return { title: recomputeTitle(report), edits };
}
