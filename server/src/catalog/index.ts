// The facts the engine looks up. Generated tables (scripts/build-catalog.mjs) hold facts only;
// descriptions/ holds the product's own words.
import instancesData from './generated/instances.json';
import yarnData from './generated/yarn.json';
import jvmData from './generated/jvm.json';
import releasesData from './generated/releases.json';
import classificationsData from './generated/classifications.json';
import yarnDescriptions from './descriptions/yarn.json';
import jvmDescriptions from './descriptions/jvm.json';
import classificationDescriptions from './descriptions/classifications.json';
import { compareVersions } from './versions';
import { emrBackport, sparkNamespace as sparkNamespaceLookup, sparkVersionView, type SparkDeprecation, type SparkNamespace, type SparkOption, type SparkVersionView } from './spark';

export { compareVersions } from './versions';
export { sparkKeyStatus as sparkKeyStatusOf, type SparkKeyStatus } from './sparkKeyStatus';
export {
  newestSparkView,
  sparkKeyHistory,
  sparkNamespace,
  sparkOwnsNamespace,
  sparkTableDefaults,
  sparkTableKeys,
  sparkTableSources,
  SPARK_TABLE_VERSIONS,
  type KeyHistory,
  type OptionRange,
  type OptionType,
  type SparkDeprecation,
  type SparkNamespace,
  type SparkOption,
} from './spark';

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

/**
 * Spark's keys as the file's release has them: the view of the release's Spark version. Without a release (or with
 * one the catalog does not know) the newest release is assumed, and `assumed` says so, for messages to say.
 */
export interface SparkCatalog {
  /** The Spark version the answers are for. */
  readonly sparkVersion: string;
  /** The release the file names, or the newest one when it names none. */
  readonly release: EmrRelease;
  /** True when the file names no release the catalog knows, so the newest one stands in. */
  readonly assumed: boolean;
  /** "Spark 3.4.1 on emr-6.15.0", or "Spark 3.5.6 on emr-7.13.0 (assumed: the file names no release)". */
  readonly describe: string;
  option(key: string): SparkOption | undefined;
  deprecation(key: string): SparkDeprecation | undefined;
  knownLiteral(key: string): boolean;
  names(): readonly string[];
  allOptions(): readonly SparkOption[];
  namespace(key: string): SparkNamespace | undefined;
  readonly view: SparkVersionView;
}

const sparkCatalogs = new Map<string, SparkCatalog>();

/** The newest release the catalog knows (the one assumed for files that name none). */
export function newestRelease(): EmrRelease {
  return emrRelease(releaseLabelsNewestFirst()[0])!;
}

let labelsNewestFirst: string[] | undefined;

export function releaseLabelsNewestFirst(): readonly string[] {
  return (labelsNewestFirst ??= [...releaseLabels()].sort((a, b) => compareVersions(b, a)));
}

export function sparkCatalog(release?: EmrRelease): SparkCatalog {
  const assumed = !release?.spark;
  const base = assumed ? newestRelease() : release!;
  const cacheKey = assumed ? '' : base.label;
  let catalog = sparkCatalogs.get(cacheKey);
  if (!catalog) {
    const view = sparkVersionView(base.spark!);
    const sparkVersion = base.spark!;
    catalog = {
      sparkVersion,
      release: base,
      assumed,
      describe: assumed ? `Spark ${sparkVersion} on ${base.label} (assumed: the file names no release)` : `Spark ${sparkVersion} on ${base.label}`,
      option: (key) => view.option(key) ?? emrBackport(key, base.label),
      deprecation: (key) => view.deprecation(key),
      knownLiteral: (key) => view.knownLiteral(key),
      names: () => view.names(),
      allOptions: () => view.allOptions(),
      namespace: sparkNamespaceOf,
      view,
    };
    sparkCatalogs.set(cacheKey, catalog);
  }
  return catalog;
}

function sparkNamespaceOf(key: string): SparkNamespace | undefined {
  return sparkNamespaceLookup(key);
}

/** A Spark key's facts as the newest release has them (for callers that have no release at hand). */
export function sparkOption(key: string): SparkOption | undefined {
  return sparkCatalog().option(key);
}

/** Every concrete Spark option name of the newest release (one shared list: do not modify it). */
export function sparkOptionNames(): readonly string[] {
  return sparkCatalog().names();
}

export function allSparkOptions(): readonly SparkOption[] {
  return sparkCatalog().allOptions();
}
