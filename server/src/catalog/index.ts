// The facts the engine looks up. Generated tables (scripts/build-catalog.mjs) hold facts only;
// descriptions/ holds the product's own words.
import instancesData from './generated/instances.json';
import sparkData from './generated/spark.json';
import yarnData from './generated/yarn.json';
import jvmData from './generated/jvm.json';
import releasesData from './generated/releases.json';
import classificationsData from './generated/classifications.json';
import sparkDescriptions from './descriptions/spark.json';
import yarnDescriptions from './descriptions/yarn.json';
import jvmDescriptions from './descriptions/jvm.json';
import classificationDescriptions from './descriptions/classifications.json';

export type OptionType =
  | 'bytes'
  | 'duration'
  | 'int'
  | 'long'
  | 'double'
  | 'fraction'
  | 'boolean'
  | 'string'
  | 'enum'
  | 'class'
  | 'list'
  | 'javaOptions';

export interface OptionRange {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minimumBytes?: number;
}

export interface SparkOption {
  name: string;
  type: OptionType;
  default: string;
  unit?: string;
  since?: string;
  deprecated?: boolean;
  deprecatedSince?: string;
  replacement?: string;
  stillHonored?: boolean;
  removedIn?: string;
  minSparkVersion?: string;
  defaultSpark4?: string;
  internal?: boolean;
  category?: string;
  allowedValues?: string[];
  allowsClassName?: boolean;
  caseInsensitive?: boolean;
  range?: OptionRange;
  namePattern?: string;
  emrOnly?: boolean;
  emrClassification?: string;
  description?: string;
}

export interface HadoopOption {
  name: string;
  file: string;
  type: string;
  default: string;
  unit?: string;
  deprecated?: boolean;
  replacement?: string;
  /** Typed by hand upstream, so value checks may rely on it. */
  typeTrusted?: boolean;
  description?: string;
}

export interface YarnDefaults {
  nodemanagerMemoryMiB: number;
  maximumAllocationMiB: number;
  minimumAllocationMiB: number;
}

export interface InstanceType {
  name: string;
  vcpu: number;
  memoryMiB: number;
  arch: string;
  family: string;
  localDiskGB?: number;
  yarn?: YarnDefaults;
  yarnWithHBase?: YarnDefaults;
}

export type JdkStatus = 'ok' | 'deprecated-warning' | 'obsolete-ignored' | 'unrecognized' | 'not-available';

export interface JvmFlag {
  flag: string;
  syntax: string;
  optionClass: 'XX' | 'X' | 'standard';
  kind: string;
  category: string;
  introducedIn?: number;
  deprecatedIn?: number;
  obsoletedIn?: number;
  expiredIn?: number;
  statusByJdk: Record<string, JdkStatus>;
  replacement?: string;
  unifiedLogging?: string;
  description?: string;
}

export interface EmrRelease {
  label: string;
  spark?: string;
  hadoop?: string;
  hive?: string;
  defaultJava: number;
  otherJava: number[];
  /** Undefined when the release's classification list is not known. */
  classifications?: ReadonlySet<string>;
}

export interface ClassificationInfo {
  name: string;
  application?: string;
  configFile?: string;
  kind?: string;
  exportSubclassification?: boolean;
  firstSeen?: string;
  lastSeen?: string;
  inLatest?: boolean;
  description?: string;
}

type Raw<T> = Record<string, Omit<T, 'name'>>;

function withNames<T>(raw: Raw<T>, descriptions: Record<string, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [name, facts] of Object.entries(raw)) {
    map.set(name, { name, ...facts, description: descriptions[name] } as T);
  }
  return map;
}

let sparkOptions: Map<string, SparkOption> | undefined;
let sparkPatterns: { pattern: RegExp; option: SparkOption }[] | undefined;

function sparkTable(): Map<string, SparkOption> {
  if (!sparkOptions) {
    sparkOptions = withNames<SparkOption>(sparkData as unknown as Raw<SparkOption>, sparkDescriptions as Record<string, string>);
    sparkPatterns = [...sparkOptions.values()]
      .filter((o) => o.namePattern)
      .map((option) => ({ pattern: new RegExp(option.namePattern!), option }));
  }
  return sparkOptions;
}

// Keys the table does not hold are matched against every name pattern. Most such keys recur (spark.hadoop.* and the
// like, in every group and every analysis), so the answer is kept per key of ordinary length, forgotten wholesale
// when the table grows large.
const patternMatches = new Map<string, SparkOption | null>();

export function sparkOption(key: string): SparkOption | undefined {
  const exact = sparkTable().get(key);
  if (exact) return exact;
  if (key.length > 200) return matchPatterns(key);
  let matched = patternMatches.get(key);
  if (matched === undefined) {
    matched = matchPatterns(key) ?? null;
    if (patternMatches.size >= 10_000) patternMatches.clear();
    patternMatches.set(key, matched);
  }
  return matched ?? undefined;
}

function matchPatterns(key: string): SparkOption | undefined {
  return sparkPatterns!.find((p) => p.pattern.test(key))?.option;
}

let sparkNames: string[] | undefined;

/** Every concrete (non-pattern) Spark option name (one shared list: do not modify it). */
export function sparkOptionNames(): string[] {
  return (sparkNames ??= [...sparkTable().values()].filter((o) => !o.namePattern).map((o) => o.name));
}

export function allSparkOptions(): SparkOption[] {
  return [...sparkTable().values()];
}

let hadoopOptions: Map<string, HadoopOption> | undefined;

export function hadoopOption(key: string): HadoopOption | undefined {
  hadoopOptions ??= withNames<HadoopOption>(yarnData as unknown as Raw<HadoopOption>, yarnDescriptions as Record<string, string>);
  return hadoopOptions.get(key);
}

export function hadoopOptionNames(file?: string): string[] {
  hadoopOption('');
  return [...hadoopOptions!.values()].filter((o) => !file || o.file === file).map((o) => o.name);
}

let instances: Map<string, InstanceType> | undefined;

function toDefaults(triple: number[] | undefined): YarnDefaults | undefined {
  if (!triple) return undefined;
  const [nodemanagerMemoryMiB, maximumAllocationMiB, minimumAllocationMiB] = triple.map((n) => Math.floor(n));
  return { nodemanagerMemoryMiB, maximumAllocationMiB, minimumAllocationMiB };
}

function instanceTable(): Map<string, InstanceType> {
  if (!instances) {
    instances = new Map();
    const types = (instancesData as { types: Record<string, { vcpu: number; memoryMiB: number; arch: string; family: string; localDiskGB?: number; yarn?: number[]; yarnHBase?: number[] }> }).types;
    for (const [name, t] of Object.entries(types)) {
      instances.set(name, {
        name,
        vcpu: t.vcpu,
        memoryMiB: t.memoryMiB,
        arch: t.arch,
        family: t.family,
        localDiskGB: t.localDiskGB,
        yarn: toDefaults(t.yarn),
        yarnWithHBase: toDefaults(t.yarnHBase),
      });
    }
  }
  return instances;
}

export function instanceType(name: string): InstanceType | undefined {
  return instanceTable().get(name);
}

export function instanceTypeNames(): string[] {
  return [...instanceTable().keys()];
}

let jvmFlags: Map<string, JvmFlag> | undefined;

export function jvmFlag(name: string): JvmFlag | undefined {
  if (!jvmFlags) {
    jvmFlags = new Map();
    for (const f of jvmData as Omit<JvmFlag, 'description'>[]) {
      jvmFlags.set(f.flag, { ...f, description: (jvmDescriptions as Record<string, string>)[f.flag] } as JvmFlag);
    }
  }
  return jvmFlags.get(name);
}

export function allJvmFlags(): JvmFlag[] {
  jvmFlag('');
  return [...jvmFlags!.values()];
}

let releases: Map<string, EmrRelease> | undefined;

function releaseTable(): Map<string, EmrRelease> {
  if (!releases) {
    releases = new Map();
    const data = releasesData as {
      classificationNames: string[];
      releases: Record<string, { spark?: string; hadoop?: string; hive?: string; defaultJava: number; otherJava?: number[]; classifications?: number[] }>;
    };
    for (const [label, r] of Object.entries(data.releases)) {
      releases.set(label, {
        label,
        spark: r.spark,
        hadoop: r.hadoop,
        hive: r.hive,
        defaultJava: r.defaultJava,
        otherJava: r.otherJava ?? [],
        classifications: r.classifications ? new Set(r.classifications.map((i) => data.classificationNames[i])) : undefined,
      });
    }
  }
  return releases;
}

export function emrRelease(label: string): EmrRelease | undefined {
  return releaseTable().get(label);
}

export function releaseLabels(): string[] {
  return [...releaseTable().keys()];
}

let classifications: Map<string, ClassificationInfo> | undefined;

export function classificationInfo(name: string): ClassificationInfo | undefined {
  classifications ??= withNames<ClassificationInfo>(
    classificationsData as unknown as Raw<ClassificationInfo>,
    classificationDescriptions as Record<string, string>,
  );
  return classifications.get(name);
}

export function classificationNames(): string[] {
  classificationInfo('');
  return [...classifications!.keys()];
}

export function classificationDescription(name: string): string | undefined {
  return (classificationDescriptions as Record<string, string>)[name];
}

/** Compares dotted version strings numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

// The same few versions (the catalog's releases, Spark's) are compared again and again: each is split once.
const partsOf = new Map<string, readonly number[]>();

function versionParts(version: string): readonly number[] {
  let parts = partsOf.get(version);
  if (!parts) {
    parts = version.replace(/^emr-/, '').split('.').map((n) => parseInt(n, 10) || 0);
    if (version.length > 100) return parts;
    if (partsOf.size >= 10_000) partsOf.clear();
    partsOf.set(version, parts);
  }
  return parts;
}
