import { instanceType } from '../catalog';
import { setValue } from '../engine/edits';
import type { RelatedLocation } from '../engine/findings';
import type { PropertyEntry } from '../engine/model';
import { formatMiB, groupDigits } from '../engine/units';
import type { NodeShape } from '../sizing/report';
import { hadoopWholeNumber, viewValue } from './scopeViews';
import type { Rule } from './types';

const KEY = 'yarn.nodemanager.resource.memory-mb';

/** EMR's own yarn.nodemanager.resource.memory-mb for the type (its HBase variant when HBase is installed). */
function emrDefault(typeName: string, hbase: boolean): number | undefined {
  const type = instanceType(typeName);
  if (!type) return undefined;
  if (hbase && type.yarnWithHBase && type.yarnWithHBase.nodemanagerMemoryMiB > 0) return type.yarnWithHBase.nodemanagerMemoryMiB;
  return type.yarn?.nodemanagerMemoryMiB;
}

export const yarnMemoryExceedsNode: Rule = {
  id: 'YRN002',
  name: 'yarn-memory-exceeds-node',
  severity: 'error',
  summary: 'yarn.nodemanager.resource.memory-mb above the RAM of the instance type it applies to: the OS kills containers.',
  reads: ['classifications'],
  check(context) {
    const { model } = context;
    const shape = context.sizing().cluster;
    if (!shape) return;
    // One finding per yarn-site entry, naming every node type whose RAM it exceeds.
    const over = new Map<PropertyEntry, { value: number; nodes: NodeShape[] }>();
    for (const node of shape.nodes) {
      const entry = viewValue(model, 'yarn-site', { group: node.group, instanceType: node.instanceType }, KEY);
      const value = hadoopWholeNumber(entry);
      if (!entry || value === undefined || value <= node.memoryMiB) continue;
      const found = over.get(entry) ?? { value, nodes: [] };
      if (!found.nodes.some((n) => n.instanceType === node.instanceType)) found.nodes.push(node);
      over.set(entry, found);
    }
    for (const [entry, { value, nodes }] of over) {
      if (!entry.valueSpan) continue;
      const ram =
        nodes.length === 1
          ? `the RAM of each ${nodes[0].instanceType} node it applies to, ${formatMiB(nodes[0].memoryMiB)}`
          : `the RAM of nodes it applies to: ${nodes.map((n) => `${n.instanceType} has ${groupDigits(n.memoryMiB)} MiB`).join(', ')}`;
      const defaults = nodes
        .map((n) => ({ type: n.instanceType, mib: emrDefault(n.instanceType, shape.hbase) }))
        .filter((d): d is { type: string; mib: number } => d.mib !== undefined && d.mib > 0)
        .sort((a, b) => a.mib - b.mib);
      const target = defaults[0];
      const related: RelatedLocation[] = nodes
        .filter((n) => n.typeSpan)
        .map((n) => ({ span: n.typeSpan!, message: `${n.instanceType} has ${formatMiB(n.memoryMiB)} of RAM.` }));
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `${KEY} = ${formatMiB(value)} is more than ${ram}. ` +
          'YARN would hand out memory the node does not have, and once containers use it the kernel\'s OOM killer ends them (or the NodeManager itself). ' +
          (target
            ? `Leave room for the OS and the Hadoop daemons: EMR's default for ${target.type} is ${formatMiB(target.mib)}.`
            : 'Leave room for the OS and the Hadoop daemons: about three quarters of the RAM is a safe ceiling.'),
        related,
        fixes: target ? [{ title: `Set ${KEY} to EMR's default for ${target.type}: ${target.mib}`, edits: [setValue(model, entry, String(target.mib))], preferred: true }] : [],
      });
    }
  },
};
