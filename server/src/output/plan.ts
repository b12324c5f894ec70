import { formatMiB } from '../engine/units';
import type { ClusterShape, Plan } from '../sizing/report';

export function planJson(plan: Plan, shape: ClusterShape, assumptions: string[]) {
  const first = shape.nodes[0];
  return {
    method: plan.method,
    instanceType: first.instanceType,
    nodes: first.nodes,
    vcpu: first.vcpu,
    nodeMemoryMiB: first.memoryMiB,
    yarnMemoryMiB: first.yarnMemoryMiB,
    maxAllocationMiB: first.maxAllocationMiB,
    minAllocationMiB: first.minAllocationMiB,
    deployMode: shape.deployMode,
    release: shape.release?.label,
    sparkVersion: shape.formula.sparkVersion,
    assumptions,
    executorCores: plan.executorCores,
    executorsPerNode: plan.executorsPerNode,
    executorMemoryMiB: plan.executorMemoryMiB,
    executorMemoryOverheadMiB: plan.executorMemoryOverheadMiB,
    containerMiB: plan.containerMiB,
    executorInstances: plan.executorInstances,
    driverMemoryMiB: plan.driverMemoryMiB,
    driverCores: plan.driverCores,
    driverMemoryOverheadMiB: plan.driverMemoryOverheadMiB,
    defaultParallelism: plan.defaultParallelism,
    shufflePartitions: plan.shufflePartitions,
    yarnMemoryUsedPercent: plan.yarnMemoryUsedPercent,
    fits: plan.fits,
    ...(plan.reality
      ? { executorsPerNodeThatFit: plan.reality.executorsPerNodeThatFit, containersThatFit: plan.reality.containers, executorsThatFitBesideDriver: plan.reality.executorsBesideDriver }
      : {}),
    groups: plan.groups,
    placement: plan.placement,
    ...(plan.choice
      ? {
          shape: { cores: plan.choice.chosen.cores, executorsPerNode: plan.choice.chosen.perNode[0], unusedPerNodeMiB: plan.choice.chosen.idlePerNodeMiB },
          runnerUp: plan.choice.runnerUp
            ? { cores: plan.choice.runnerUp.cores, executorsPerNode: plan.choice.runnerUp.perNode[0], containerMiB: plan.choice.runnerUp.containerMiB, heapMiB: plan.choice.runnerUp.heapMiB, unusedPerNodeMiB: plan.choice.runnerUp.idlePerNodeMiB, lostBecause: plan.choice.runnerUpLost }
            : undefined,
        }
      : {}),
    properties: plan.properties,
    sparkClassification: plan.sparkClassification,
    steps: plan.steps,
  };
}

export function planText(plan: Plan, shape: ClusterShape, assumptions: string[]): string {
  const nodes = shape.nodes.map((n) => `${n.nodes} x ${n.instanceType} (${n.role})`).join(' + ');
  const lines = [
    `Plan (${plan.method === 'yarn' ? 'fits YARN' : 'published guide'}) for ${nodes}, ${shape.deployMode} deploy mode${shape.release ? `, ${shape.release.label}` : ''}`,
    '',
    'Assumptions:',
    ...assumptions.map((a) => `  ${a}`),
    '',
    ...plan.steps.map((s) => `  ${s}`),
    '',
    `  executors: ${plan.executorInstances} x ${plan.executorCores} cores, heap ${formatMiB(plan.executorMemoryMiB)} + overhead ${formatMiB(plan.executorMemoryOverheadMiB)} = container ${formatMiB(plan.containerMiB)}`,
    `  driver:    ${plan.driverCores} cores, heap ${formatMiB(plan.driverMemoryMiB)} + overhead ${formatMiB(plan.driverMemoryOverheadMiB)}`,
    ...plan.placement.map((p) => `  ${p}`),
    `  YARN memory used: ${plan.yarnMemoryUsedPercent} %${plan.fits ? '' : '  -- DOES NOT FIT as planned'}`,
  ];
  if (plan.reality) {
    lines.push(
      `  reality on EMR: ${plan.reality.executorsPerNodeThatFit} of ${plan.executorsPerNode} executors fit per node -> ${plan.reality.containers} containers, ${plan.reality.executorsBesideDriver} ${shape.deployMode === 'cluster' ? 'executors beside the driver' : 'executors'} (not ${plan.executorInstances})`,
    );
  }
  lines.push('', 'spark-defaults:', ...Object.entries(plan.properties).map(([k, v]) => `  ${k} = ${v}`), `spark: maximizeResourceAllocation = ${plan.sparkClassification.maximizeResourceAllocation}`);
  return lines.join('\n') + '\n';
}

export function planProperties(plan: Plan): string {
  const width = Math.max(...Object.keys(plan.properties).map((k) => k.length)) + 2;
  return Object.entries(plan.properties).map(([k, v]) => `${k.padEnd(width)}${v}`).join('\n') + '\n';
}

export function planEmrJson(plan: Plan): string {
  return (
    JSON.stringify(
      [
        { Classification: 'spark', Properties: plan.sparkClassification },
        { Classification: 'spark-defaults', Properties: plan.properties },
      ],
      null,
      2,
    ) + '\n'
  );
}
