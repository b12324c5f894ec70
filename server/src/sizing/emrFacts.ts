// What EMR itself sets or enforces, from generated/emr-facts.json (scripts/build-sizing-facts.mjs). Every fact
// carries the trust tag of its source: only `documented` facts may drive an error, the others are hints.
import { compareVersions, type EmrRelease, type InstanceType, type YarnDefaults } from '../catalog';
import factsData from './generated/emr-facts.json';

export type FactStatus = 'documented' | 'documented-by-omission' | 'aws-guidance' | 'aws-samples-code' | 'observed' | 'oss-default' | 'oss-behaviour' | 'derived' | 'not-published';

interface Facts {
  archivedYarn: Record<string, number[]>;
  archivedYarnHBase: Record<string, number[]>;
  archiveEraReleases: string[];
  gpus: Record<string, number>;
  observedVcores: Record<string, number>;
  sparkDefaults: Record<string, { value: string; status: FactStatus; since?: string }>;
  fromInstanceTypes: string[];
  javaOptions: { releases: string; status: FactStatus; values: Record<string, string> }[];
  maximizeKeys: Record<string, FactStatus>;
  gracefulDecommission: { key: string; defaultSeconds: number; defaultStatus: FactStatus; minusOneMeansImmediate: FactStatus };
}

const facts = factsData as unknown as Facts;

function triple(values: number[] | undefined): YarnDefaults | undefined {
  if (!values) return undefined;
  const [nodemanagerMemoryMiB, maximumAllocationMiB, minimumAllocationMiB] = values;
  return { nodemanagerMemoryMiB, maximumAllocationMiB, minimumAllocationMiB };
}

const archiveEra: ReadonlySet<string> = new Set(facts.archiveEraReleases);

/**
 * Which of AWS's two YARN tables a release falls under: `archived-2022` for the releases the 2022 Release Guide
 * covered (5.0.0-5.34.0, 6.0.0-6.5.0), `current` for none (AWS says the current table follows the newest release,
 * and does not say when it changed), so later releases are `between`: either table may apply.
 */
export type YarnTableEra = 'archived-2022' | 'between';

export function yarnTableEra(release: EmrRelease | undefined): YarnTableEra {
  return release && archiveEra.has(release.label) ? 'archived-2022' : 'between';
}

/** The 2022 table's YARN values for a type (its HBase column when HBase is installed), when it lists the type. */
export function archivedYarnDefaults(type: InstanceType, hbase: boolean): YarnDefaults | undefined {
  const row = hbase ? (facts.archivedYarnHBase[type.name] ?? facts.archivedYarn[type.name]) : facts.archivedYarn[type.name];
  return triple(row);
}

export function gpusOf(typeName: string): number {
  return facts.gpus[typeName] ?? 0;
}

/** YARN vcores EMR was seen to register on a type (never published by AWS). */
export function observedVcores(typeName: string): number | undefined {
  return facts.observedVcores[typeName];
}

export interface EmrDefault {
  key: string;
  /** Undefined when EMR derives the value from the instance types and AWS publishes neither number nor formula. */
  value?: string;
  status: FactStatus;
}

/** The value EMR writes into spark-defaults for a key on this release, when it writes one. */
export function emrSparkDefault(key: string, release: EmrRelease | undefined): EmrDefault | undefined {
  if (facts.fromInstanceTypes.includes(key)) return { key, status: 'documented' };
  const fact = facts.sparkDefaults[key];
  if (!fact) return undefined;
  if (fact.since && release && compareVersions(release.label, fact.since) < 0) return undefined;
  return { key, value: fact.value, status: fact.status };
}

/** Keys maximizeResourceAllocation writes, with the trust tag of AWS's statement that it does. */
export function maximizeResourceAllocationKeys(): Readonly<Record<string, FactStatus>> {
  return facts.maximizeKeys;
}

/** Option strings EMR itself writes into its spark-defaults (seen in published dumps), for one key. */
export function emrJavaOptionValues(key: string): string[] {
  return facts.javaOptions.map((f) => f.values[key]).filter((v): v is string => v !== undefined);
}

export function gracefulDecommissionFacts(): Facts['gracefulDecommission'] {
  return facts.gracefulDecommission;
}
