import type { SizingReport } from '../sizing/report';
import { unreadableSizingKeys } from '../sizing/evaluate';
import { fleetCase } from '../sizing/describe';
import { planJson } from './plan';

const mib = (n: number) => `${n.toLocaleString('en-US')} MiB`;

/** The sizing block of the JSON report: plans, the evaluation, or why there is none. */
export function sizingJson(report: SizingReport) {
  if (!report.cluster || !report.plan || !report.guide) return { unavailable: report.unavailable ?? 'no cluster' };
  const unreadable = report.settings ? unreadableSizingKeys(report.settings) : [];
  return {
    cluster: report.cluster.nodes.map((n) => ({
      role: n.role,
      instanceType: n.instanceType,
      nodes: n.nodes,
      vcpu: n.vcpu,
      nodeMemoryMiB: n.memoryMiB,
      yarnMemoryMiB: n.yarnMemoryMiB,
      maxAllocationMiB: n.maxAllocationMiB,
      minAllocationMiB: n.minAllocationMiB,
      planStepMiB: n.planStepMiB,
      yarnSource: n.yarnSource,
      ...(n.fleet ? { fleetTargetCapacity: n.fleet.targetCapacity, weightedCapacity: n.fleet.weight } : {}),
    })),
    primary: report.cluster.primary,
    deployMode: report.cluster.deployMode,
    assumptions: report.assumptions,
    plan: planJson(report.plan, report.cluster, report.assumptions),
    guide: planJson(report.guide, report.cluster, report.assumptions),
    evaluation: unreadable.length > 0 ? undefined : report.evaluation,
    withheld: report.withheld,
    unreadableSettings: unreadable,
  };
}

/** Lines for text output: the assumptions, what the settings do on this cluster, and what the plan would do. */
/** What the settings do on the cluster, in one line. */
function evaluationLine(report: SizingReport): string {
  const e = report.evaluation;
  const unreadable = report.settings ? unreadableSizingKeys(report.settings) : [];
  if (unreadable.length > 0) return `not evaluated while ${unreadable.join(', ')} cannot be read`;
  if (!e) return report.withheld ?? 'not evaluated';
  const packing = e.worstCase.map((g) => `${g.executorsPerNode} per ${g.instanceType} (${g.coresPerNode} of ${g.vcpu} vCPUs)`).join(', ');
  const requested = e.requestedInstances !== undefined ? ` (${e.requestedInstances} requested)` : '';
  const fleets = fleetCase(e) ? ` (${fleetCase(e)})` : '';
  return `executor container ${mib(e.executor.containerMiB)}; ${packing}; room for ${e.capacity} executors${requested}${fleets}; ${e.yarnMemoryUsedPercent} % of YARN memory`;
}

/** `submissions`: what each spark-submit invocation's own settings do, on top of spark-defaults. */
export function sizingText(report: SizingReport, submissions: readonly { label: string; sizing: SizingReport }[] = []): string[] {
  const { cluster, plan } = report;
  if (!cluster || !plan) return [];
  const nodes = cluster.nodes.map((n) => `${n.nodes} x ${n.instanceType}`).join(' + ');
  return [
    `  sizing on ${nodes}, ${cluster.deployMode} mode:`,
    ...report.assumptions.map((a) => `    assumes ${a}`),
    `    as configured: ${evaluationLine(report)}`,
    ...submissions.map((s) => `    as ${s.label} submits it (${s.sizing.cluster?.deployMode ?? cluster.deployMode} mode): ${evaluationLine(s.sizing)}`),
    `    plan (yarn):   ${plan.executorInstances} executors x ${plan.executorCores} cores, ${plan.properties['spark.executor.memory']} + ${plan.properties['spark.executor.memoryOverhead']} ` +
      `(${mib(plan.containerMiB)} containers, ${plan.executorsPerNode} per node); ${plan.yarnMemoryUsedPercent} % of YARN memory`,
  ];
}
