import type { EmrRelease } from '../catalog';
import type { ConfigModel } from '../engine/model';
import type { SizingReport } from './report';

export interface ClusterOverride {
  instanceType?: string;
  instanceCount?: number;
  taskInstanceType?: string;
  taskInstanceCount?: number;
}

export function computeSizing(_model: ConfigModel, _inputs: { release?: EmrRelease; cluster?: ClusterOverride }): SizingReport {
  return { unavailable: 'sizing is not computed yet' };
}
