import { setValue } from '../engine/edits';
import type { RelatedLocation } from '../engine/findings';
import type { PropertyEntry } from '../engine/model';
import { formatMiB } from '../engine/units';
import { hadoopWholeNumber, scopeViews, viewValue } from './scopeViews';
import type { Rule } from './types';

const MAX = 'yarn.scheduler.maximum-allocation-mb';
const NODE = 'yarn.nodemanager.resource.memory-mb';

interface NodeMemory {
  /** The instance type, when a cluster is known. */
  instanceType?: string;
  mib: number;
  /** The yarn-site entry that sets it, when the document does. */
  entry?: PropertyEntry;
  /** Without an entry: EMR's default for the type, or a value the caller gave. */
  emrDefault?: boolean;
}

export const maxAllocationExceedsNodeMemory: Rule = {
  id: 'YRN003',
  name: 'max-allocation-exceeds-node-memory',
  severity: 'warning',
  summary: 'yarn.scheduler.maximum-allocation-mb above the memory YARN has on a node: a container that large can never be placed.',
  reads: ['classifications'],
  check(context) {
    const { model } = context;
    const shape = context.sizing().cluster;
    // Every node memory each maximum-allocation entry applies to.
    const applies = new Map<PropertyEntry, NodeMemory[]>();
    const add = (max: PropertyEntry, node: NodeMemory) => applies.set(max, [...(applies.get(max) ?? []), node]);
    if (shape) {
      for (const node of shape.nodes) {
        const view = { group: node.group, instanceType: node.instanceType };
        const max = viewValue(model, 'yarn-site', view, MAX);
        const own = viewValue(model, 'yarn-site', view, NODE);
        // The node's memory comes from the document's entry unless the caller overrode it.
        if (max) add(max, { instanceType: node.instanceType, mib: node.yarnMemoryMiB, entry: hadoopWholeNumber(own) === node.yarnMemoryMiB ? own : undefined, emrDefault: node.yarnSource !== 'yarn-site' });
      }
    } else {
      // Without a cluster only the document's own pairs can be compared.
      for (const view of scopeViews(model)) {
        const max = viewValue(model, 'yarn-site', view, MAX);
        const own = viewValue(model, 'yarn-site', view, NODE);
        const mib = hadoopWholeNumber(own);
        if (max && mib !== undefined) add(max, { mib, entry: own });
      }
    }
    for (const [entry, nodes] of applies) {
      const max = hadoopWholeNumber(entry);
      if (max === undefined || !entry.valueSpan) continue;
      // YARN can place the container when any node it applies to is large enough.
      const largest = nodes.reduce((a, b) => (b.mib > a.mib ? b : a));
      if (largest.mib <= 0 || max <= largest.mib) continue;
      const source = largest.entry
        ? `${NODE} = ${formatMiB(largest.mib)}`
        : `${formatMiB(largest.mib)}, ${largest.emrDefault ? `EMR's default ${NODE} for the type` : `the ${NODE} given for the cluster`}`;
      const several = new Set(nodes.map((n) => n.instanceType)).size > 1;
      const where = largest.instanceType ? ` on ${largest.instanceType}${several ? ', the largest node it applies to' : ''}` : '';
      const related: RelatedLocation[] = largest.entry ? [{ span: largest.entry.keySpan, message: `YARN memory of a node: ${formatMiB(largest.mib)}.` }] : [];
      context.report({
        span: entry.valueSpan,
        path: entry.path,
        message:
          `${MAX} = ${formatMiB(max)} is above the memory YARN has${where}: ${source}. ` +
          `No NodeManager can hold a container above ${formatMiB(largest.mib)}, so a request between the two is never placed, and sizing against this maximum promises room that is not there. ` +
          `Set it to ${largest.mib}.`,
        related,
        fixes: [{ title: `Set ${MAX} to ${largest.mib}`, edits: [setValue(model, entry, String(largest.mib))], preferred: true }],
      });
    }
  },
};
