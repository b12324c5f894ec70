import type { SeverityOverride } from '../analysis/analyze';
import type { ClusterOverride } from '../sizing/cluster';
import { ClusterGlobs, GLOB_LIMITS, GlobError } from './globs';
import { groupDigits } from '../engine/units';

export const PROJECT_FILE_NAME = '.emrsparkrc.json';

/** One cluster shape, for the whole workspace or for the files matching `files`. */
export interface ClusterSetting {
  instanceType?: string;
  instanceCount?: number;
  taskInstanceType?: string;
  taskInstanceCount?: number;
  release?: string;
  deployMode?: 'cluster' | 'client';
}

/** What settings and the project file may say; both use the same shape. */
export interface ProjectConfig {
  cluster?: ClusterSetting;
  release?: string;
  rules?: Record<string, SeverityOverride>;
  /** Per-glob cluster shapes (globs relative to the workspace root; `*`, `**`, `?` and `[...]`). */
  clusters?: (ClusterSetting & { files: string })[];
  /** The globs of `clusters`, compiled when the file was read. */
  clusterGlobs?: ClusterGlobs;
}

/**
 * The most nodes a count may give (core or task): a bound of ours, far above any cluster people size by hand,
 * that keeps every figure the sizing computes and writes an exact integer.
 */
export const MAX_INSTANCE_COUNT = 10_000;

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error', 'hint'];

export class ConfigError extends Error {}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ConfigError(`${where} must be a string`);
  return value;
}

function optionalCount(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_INSTANCE_COUNT) {
    throw new ConfigError(`${where} must be a whole number from 1 to ${groupDigits(MAX_INSTANCE_COUNT)}`);
  }
  return value;
}

function readCluster(raw: unknown, where: string): ClusterSetting | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${where} must be an object`);
  const r = raw as Record<string, unknown>;
  const deployMode = optionalString(r.deployMode, `${where}.deployMode`);
  if (deployMode !== undefined && deployMode !== 'cluster' && deployMode !== 'client') throw new ConfigError(`${where}.deployMode must be cluster or client`);
  return {
    instanceType: optionalString(r.instanceType, `${where}.instanceType`),
    instanceCount: optionalCount(r.instanceCount, `${where}.instanceCount`),
    taskInstanceType: optionalString(r.taskInstanceType, `${where}.taskInstanceType`),
    taskInstanceCount: optionalCount(r.taskInstanceCount, `${where}.taskInstanceCount`),
    release: optionalString(r.release, `${where}.release`),
    deployMode: deployMode as ClusterSetting['deployMode'],
  };
}

/** Validates a parsed settings object or project file, with a sentence naming the first problem. */
export function readProjectConfig(raw: unknown, where = PROJECT_FILE_NAME): ProjectConfig {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${where} must hold a JSON object`);
  const r = raw as Record<string, unknown>;
  const rules: Record<string, SeverityOverride> = {};
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) throw new ConfigError(`${where}: rules must map rule IDs or names to off, info, warning or error`);
    for (const [rule, severity] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) throw new ConfigError(`${where}: rules.${rule} must be off, info, warning or error`);
      rules[rule] = severity as SeverityOverride;
    }
  }
  let clusters: ProjectConfig['clusters'];
  let clusterGlobs: ClusterGlobs | undefined;
  if (r.clusters !== undefined) {
    if (!Array.isArray(r.clusters)) throw new ConfigError(`${where}: clusters must be an array`);
    if (r.clusters.length > GLOB_LIMITS.globs) throw new ConfigError(`${where}: clusters has at most ${GLOB_LIMITS.globs} entries; this one has ${groupDigits(r.clusters.length)}`);
    clusters = r.clusters.map((c, i) => {
      const files = optionalString((c as Record<string, unknown> | null)?.files, `${where}: clusters[${i}].files`);
      if (!files) throw new ConfigError(`${where}: clusters[${i}].files must be a glob`);
      return { ...readCluster(c, `clusters[${i}]`), files };
    });
    try {
      clusterGlobs = new ClusterGlobs(clusters.map((c) => c.files));
    } catch (error) {
      if (error instanceof GlobError) throw new ConfigError(`${where}: ${error.message}`);
      throw error;
    }
  }
  return { cluster: readCluster(r.cluster, 'cluster'), release: optionalString(r.release, `${where}: release`), rules, clusters, clusterGlobs };
}

export interface ResolvedOptions {
  release?: string;
  cluster?: ClusterOverride;
  severities: Record<string, SeverityOverride>;
}

/**
 * The options for one file: the settings, then the project file over them, then the first `clusters` entry
 * whose glob matches the file's path relative to the workspace root.
 */
export function optionsForFile(relativePath: string | undefined, settings: ProjectConfig, project: ProjectConfig): ResolvedOptions {
  const index = relativePath !== undefined && project.clusterGlobs ? project.clusterGlobs.firstMatch(relativePath) : -1;
  const matching = index >= 0 ? project.clusters?.[index] : undefined;
  const cluster = { ...settings.cluster, ...project.cluster, ...matching };
  const hasCluster = cluster.instanceType !== undefined;
  return {
    release: matching?.release ?? project.cluster?.release ?? project.release ?? settings.cluster?.release ?? settings.release,
    cluster: hasCluster || cluster.deployMode
      ? {
          instanceType: cluster.instanceType,
          instanceCount: cluster.instanceCount,
          taskInstanceType: cluster.taskInstanceType,
          taskInstanceCount: cluster.taskInstanceCount,
          deployMode: cluster.deployMode,
        }
      : undefined,
    severities: { ...settings.rules, ...project.rules },
  };
}
