import type { SizingReport } from '../sizing/report';
import { unreadableSizingKeys } from '../sizing/evaluate';
import { planJson } from './plan';

const mib = (n: number) => `${n.toLocaleString('en-US')} MiB`;

/** The sizing block of the JSON report: plans, the evaluation, or why there is none. */
export function sizingJson(report: SizingReport) {
  if (!report.cluster || !report.plan || !report.guide || !report.evaluation) return { unavailable: report.unavailable ?? 'no cluster' };
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
      yarnSource: n.yarnSource,
    })),
    deployMode: report.cluster.deployMode,
    plan: planJson(report.plan, report.cluster),
    guide: planJson(report.guide, report.cluster),
    evaluation: report.settings && unreadableSizingKeys(report.settings).length > 0 ? undefined : report.evaluation,
    unreadableSettings: report.settings ? unreadableSizingKeys(report.settings) : [],
  };
}

/** Two lines for text output: what the settings do on this cluster, and what the plan would do. */
export function sizingText(report: SizingReport): string[] {
  const { cluster, plan, evaluation: e } = report;
  if (!cluster || !plan || !e) return [];
  const nodes = cluster.nodes.map((n) => `${n.nodes} x ${n.instanceType}`).join(' + ');
  const packing = e.groups.map((g) => `${g.executorsPerNode} per ${g.instanceType} (${g.coresPerNode} of ${g.vcpu} vCPUs)`).join(', ');
  const requested = e.requestedInstances !== undefined ? ` (${e.requestedInstances} requested)` : '';
  const unreadable = report.settings ? unreadableSizingKeys(report.settings) : [];
  return [
    `  sizing on ${nodes}, ${cluster.deployMode} mode:`,
    unreadable.length > 0
      ? `    as configured: not evaluated while ${unreadable.join(', ')} cannot be read`
      : `    as configured: executor container ${mib(e.executor.containerMiB)}; ${packing}; room for ${e.capacity} executors${requested}; ${e.yarnMemoryUsedPercent} % of YARN memory`,
    `    plan (yarn):   ${plan.executorInstances} executors x ${plan.executorCores} cores, ${plan.properties['spark.executor.memory']} + ${plan.properties['spark.executor.memoryOverhead']} ` +
      `(${mib(plan.containerMiB)} containers, ${plan.executorsPerNode} per node); ${plan.yarnMemoryUsedPercent} % of YARN memory`,
  ];
}
