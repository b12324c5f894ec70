import { compareVersions, emrRelease, instanceType, instanceTypeNames, releaseLabels } from '../catalog';
import type { Analysis } from '../analysis/analyze';
import { addClassification, setProperties } from '../engine/edits';
import { clusterScope } from '../engine/effective';
import type { TextEdit } from '../engine/findings';
import { readDocument } from '../formats';
import type { LineIndex } from '../engine/text';
import type { InstanceTypeView, PlanEditsParams, PlanView, SizingResult, TemplateParams, TextEditView } from '../protocol';
import { resolveCluster } from '../sizing/cluster';
import { makePlan } from '../sizing/plan';
import { sparkDefaultsTarget } from '../sizing/recompute';
import { MAX_INSTANCE_COUNT } from '../config/projectConfig';
import type { Plan, SizingReport } from '../sizing/report';
import { sizingSummary } from '../services/codeLens';
import { toRange } from './diagnostics';
import { groupDigits } from '../engine/units';

function planView(plan: Plan): PlanView {
  return {
    method: plan.method,
    executorCores: plan.executorCores,
    executorsPerNode: plan.executorsPerNode,
    executorMemoryMiB: plan.executorMemoryMiB,
    executorMemoryOverheadMiB: plan.executorMemoryOverheadMiB,
    containerMiB: plan.containerMiB,
    executorInstances: plan.executorInstances,
    yarnMemoryUsedPercent: plan.yarnMemoryUsedPercent,
    fits: plan.fits,
    reality: plan.reality,
    properties: plan.properties,
    steps: plan.steps,
    placement: plan.placement,
  };
}

export function sizingResult(report: SizingReport): SizingResult {
  if (!report.cluster || !report.plan || !report.guide) return { unavailable: report.unavailable ?? 'no cluster to size against' };
  const e = report.evaluation;
  return {
    summary: sizingSummary(report),
    cluster: report.cluster.nodes.map((n) => ({ instanceType: n.instanceType, nodes: n.nodes, vcpu: n.vcpu, memoryMiB: n.memoryMiB, yarnMemoryMiB: n.yarnMemoryMiB, maxAllocationMiB: n.maxAllocationMiB, role: n.role })),
    deployMode: report.cluster.deployMode,
    assumptions: report.assumptions,
    withheld: report.withheld,
    plan: planView(report.plan),
    guide: planView(report.guide),
    evaluation: e && {
      executor: e.executor,
      driver: e.driver,
      groups: e.worstCase.map((g) => ({ instanceType: g.instanceType, nodes: g.nodes, vcpu: g.vcpu, yarnMemoryMiB: g.yarnMemoryMiB, executorsPerNode: g.executorsPerNode, coresPerNode: g.coresPerNode })),
      capacity: e.capacity,
      requestedInstances: e.requestedInstances,
      yarnMemoryUsedPercent: e.yarnMemoryUsedPercent,
      heap: e.heap,
    },
  };
}

export function instanceTypeViews(): InstanceTypeView[] {
  return instanceTypeNames()
    .map((name) => instanceType(name)!)
    .filter((t) => t.yarn)
    .map((t) => ({ name: t.name, vcpu: t.vcpu, memoryMiB: t.memoryMiB, yarnMemoryMiB: t.yarn?.nodemanagerMemoryMiB }));
}

export function releaseLabelsNewestFirst(): string[] {
  return [...releaseLabels()].sort((a, b) => compareVersions(b, a));
}

function planFor(instanceTypeName: string, count: number, method: 'yarn' | 'guide'): Plan | undefined {
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCE_COUNT) throw new Error(`the instance count must be a whole number from 1 to ${groupDigits(MAX_INSTANCE_COUNT)}`);
  const { shape } = resolveCluster(readDocument({ text: '', languageId: 'spark-properties' }), undefined, { instanceType: instanceTypeName, instanceCount: count });
  return shape ? makePlan(shape, method) : undefined;
}

/** The edits that write a plan into the document: its spark-defaults, or a new spark-defaults classification. */
export function planEdits(analysis: Analysis, lines: LineIndex, params: PlanEditsParams): TextEditView[] {
  const plan = planFor(params.instanceType, params.instanceCount, params.method);
  if (!plan) throw new Error(`unknown instance type ${params.instanceType}`);
  const model = analysis.model;
  const target = sparkDefaultsTarget(model, analysis.sizing);
  let edits: TextEdit[] = [];
  if (target) edits = setProperties(model, target, plan.properties);
  else {
    const scope = clusterScope(model);
    const added = scope ? addClassification(model, scope, { name: 'spark-defaults', properties: plan.properties }) : undefined;
    if (!added) throw new Error('the document has no Configurations array to write spark-defaults into');
    edits = [added];
  }
  return edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText }));
}

/** A starting point sized for the chosen nodes: a whole cluster request, or a Configurations array. */
export function templateText(params: TemplateParams): string {
  const plan = planFor(params.instanceType, params.instanceCount, 'yarn');
  if (!plan) throw new Error(`unknown instance type ${params.instanceType}`);
  const configurations = [
    { Classification: 'spark', Properties: plan.sparkClassification },
    { Classification: 'spark-defaults', Properties: { ...plan.properties, 'spark.network.timeout': '800s', 'spark.executor.heartbeatInterval': '60s', 'spark.serializer': 'org.apache.spark.serializer.KryoSerializer' } },
    { Classification: 'yarn-site', Properties: { 'yarn.nodemanager.vmem-check-enabled': 'false', 'yarn.nodemanager.pmem-check-enabled': 'false' } },
  ];
  if (params.shape === 'configurations') return JSON.stringify(configurations, null, 2) + '\n';
  const release = params.release && emrRelease(params.release) ? params.release : releaseLabelsNewestFirst()[0];
  return (
    JSON.stringify(
      {
        Name: `spark-${params.instanceType}-x${params.instanceCount}`,
        ReleaseLabel: release,
        Applications: [{ Name: 'Hadoop' }, { Name: 'Spark' }],
        Instances: {
          InstanceGroups: [
            { Name: 'Primary', InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1 },
            { Name: 'Core', InstanceRole: 'CORE', InstanceType: params.instanceType, InstanceCount: params.instanceCount },
          ],
          KeepJobFlowAliveWhenNoSteps: false,
        },
        Configurations: configurations,
      },
      null,
      2,
    ) + '\n'
  );
}
