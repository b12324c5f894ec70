import type { Analysis } from '../analysis/analyze';
import { classificationsByName } from '../engine/effective';
import type { Span } from '../engine/text';
import type { SizingReport } from '../sizing/report';
import { recomputeTitle } from '../sizing/recompute';

export const RECOMPUTE_COMMAND = 'emrSpark.recompute';

/** "r5.12xlarge x 19 · 8 of 9 executors fit per node · 152 executors · 98 % of YARN memory" */
export function sizingSummary(report: SizingReport): string | undefined {
  const { cluster, evaluation: e, plan } = report;
  if (!cluster || !plan) return undefined;
  const nodes = cluster.nodes.map((n) => `${n.instanceType} x ${n.nodes}`).join(' + ');
  if (!e) return report.withheld ? `${nodes} · executor size: EMR's own, not published · plan: ${plan.executorsPerNode} x ${plan.executorCores} cores per node` : undefined;
  const total = e.worstCase.reduce((sum, g) => sum + g.nodes, 0);
  const driverSlot = e.deployMode === 'cluster' ? 1 : 0;
  const implied = e.requestedInstances !== undefined ? Math.ceil((e.requestedInstances + driverSlot) / total) : plan.executorsPerNode;
  const fit = e.worstCase[0].executorsPerNode;
  const packing = fit < implied ? `${fit} of ${implied} executors fit per node` : `${fit} executors fit per node`;
  const running = Math.min(e.capacity, e.requestedInstances ?? e.capacity);
  return `${nodes} · ${packing} · ${running} executors${driverSlot ? ' + driver' : ''} · ${e.yarnMemoryUsedPercent} % of YARN memory · ${e.deployMode} mode`;
}

export interface LensSpec {
  span: Span;
  title: string;
  recompute?: string;
}

/** One lens above each spark-defaults classification (or at the top of a properties file), with Recompute when a plan fits. */
export function sizingLenses(analysis: Analysis): LensSpec[] {
  const summary = sizingSummary(analysis.sizing);
  if (!summary) return [];
  const recompute = analysis.sizing.plan?.fits ? recomputeTitle(analysis.sizing) : undefined;
  const anchors = analysis.model.format === 'properties' ? [{ start: 0, end: 0 }] : classificationsByName(analysis.model, 'spark-defaults').filter((c) => c.scope.kind !== 'submit').map((c) => ({ start: c.span.start, end: c.span.start }));
  return anchors.flatMap((span) => [{ span, title: summary }, ...(recompute ? [{ span, title: recompute, recompute }] : [])]);
}
