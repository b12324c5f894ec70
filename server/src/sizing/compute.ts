import type { EmrRelease } from '../catalog';
import { effectiveValues } from '../engine/effective';
import type { ConfigModel } from '../engine/model';
import { resolveCluster, type ClusterOverride } from './cluster';
import { containerSizes, evaluate } from './evaluate';
import { guidePlan, yarnPlan } from './plan';
import type { SizingReport } from './report';

export type { ClusterOverride };

/** Plans (both methods) and the evaluation of the document's own settings, for the cluster it describes or is given. */
export function computeSizing(model: ConfigModel, inputs: { release?: EmrRelease; cluster?: ClusterOverride }): SizingReport {
  const resolved = resolveCluster(model, inputs.release, inputs.cluster);
  if (!resolved.shape) {
    const settings = effectiveValues(model, 'spark-defaults');
    return { unavailable: resolved.unavailable, unknownTypes: resolved.unknownTypes, settings, containers: containerSizes(settings) };
  }
  const shape = resolved.shape;
  const settings = effectiveValues(model, 'spark-defaults', shape.nodes[0].group);
  const containers = containerSizes(settings, shape.nodes[0].minAllocationMiB);
  return {
    containers,
    cluster: shape,
    plan: yarnPlan(shape),
    guide: guidePlan(shape),
    evaluation: evaluate(shape, settings, containers),
    settings,
    unknownTypes: resolved.unknownTypes,
  };
}
