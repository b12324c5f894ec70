// Shared by the JVM rules: which keys hold Java options, which flag each argument is, which Java the cluster runs.
import { allJvmFlags, compareVersions, jvmFlag, type EmrRelease, type JdkStatus, type JvmFlag } from '../catalog';
import { clusterScope } from '../engine/effective';
import { tokenizeJavaOptions, type JavaOptionToken } from '../engine/javaOptions';
import { oncePer, oncePerPair } from '../engine/memo';
import type { Classification, ConfigModel, ConfigurationScope, PropertyEntry } from '../engine/model';
import { deployModeOf, submissionSettings } from '../sizing/submission';

export type JvmRole = 'executor' | 'driver' | 'am';

/** The keys whose values become JVM arguments, in the order Spark puts them on the command line. */
export const JAVA_OPTION_KEYS: readonly { key: string; role: JvmRole; kind: 'default' | 'extra' }[] = [
  { key: 'spark.executor.defaultJavaOptions', role: 'executor', kind: 'default' },
  { key: 'spark.executor.extraJavaOptions', role: 'executor', kind: 'extra' },
  { key: 'spark.driver.defaultJavaOptions', role: 'driver', kind: 'default' },
  { key: 'spark.driver.extraJavaOptions', role: 'driver', kind: 'extra' },
  { key: 'spark.yarn.am.extraJavaOptions', role: 'am', kind: 'extra' },
];

export const MEMORY_KEY: Record<JvmRole, string> = {
  executor: 'spark.executor.memory',
  driver: 'spark.driver.memory',
  am: 'spark.yarn.am.memory',
};

/** One argument of an option string, recognised as a flag of the catalog. */
export interface ParsedFlag {
  flag: JvmFlag;
  /** Boolean -XX flags: true for +, false for -. */
  enabled?: boolean;
  /** What follows '=' (-XX:Name=value) or the option's name (-Xmx8g, -Xloggc:file). */
  value?: string;
}

let xFlags: JvmFlag[] | undefined;

/** Which catalog flag an argument sets, if any. */
export function identifyFlag(argument: string): ParsedFlag | undefined {
  if (argument.startsWith('-XX:')) {
    const rest = argument.slice(4);
    if (rest.startsWith('+') || rest.startsWith('-')) {
      const flag = jvmFlag(rest.slice(1));
      return flag?.optionClass === 'XX' ? { flag, enabled: rest[0] === '+' } : undefined;
    }
    const eq = rest.indexOf('=');
    const flag = jvmFlag(eq < 0 ? rest : rest.slice(0, eq));
    return flag?.optionClass === 'XX' ? { flag, value: eq < 0 ? undefined : rest.slice(eq + 1) } : undefined;
  }
  if (argument.startsWith('-X')) {
    xFlags ??= allJvmFlags()
      .filter((f) => f.optionClass === 'X')
      .sort((a, b) => b.flag.length - a.flag.length);
    for (const flag of xFlags) {
      // The argument starts with "-": the flag's name follows it.
      if (!argument.startsWith(flag.flag, 1)) continue;
      const rest = argument.slice(flag.flag.length + 1);
      if (rest === '' || !/^[A-Za-z]/.test(rest)) return { flag, value: rest === '' ? undefined : rest };
    }
    return undefined;
  }
  const flag = argument.startsWith('-') ? jvmFlag(argument.slice(1)) : undefined;
  return flag?.optionClass === 'standard' ? { flag } : undefined;
}

/** The flag's status on a Java major version ("ok (8u20+)" counts as ok); undefined when the catalog does not say. */
export function statusOn(flag: JvmFlag, java: number): JdkStatus | undefined {
  const status = flag.statusByJdk[String(java)] as string | undefined;
  if (!status) return undefined;
  return status.startsWith('ok') ? 'ok' : (status as JdkStatus);
}

/** Whether the JVM of that Java version accepts the flag as a setting it applies. */
export function worksOn(flag: JvmFlag, java: number | undefined): boolean {
  if (java === undefined) return true;
  const status = statusOn(flag, java);
  return status === undefined || status === 'ok' || status === 'deprecated-warning';
}

/** How the argument appears in messages. */
export function quoted(text: string): string {
  return `"${text}"`;
}

export interface JavaOptionsEntry {
  key: string;
  role: JvmRole;
  kind: 'default' | 'extra';
  entry: PropertyEntry;
  classification: Classification;
  tokens: { token: JavaOptionToken; parsed?: ParsedFlag }[];
}

/** The option strings of one JVM in one Configurations scope (or properties file), in command-line order. */
export interface JavaOptionsGroup {
  role: JvmRole;
  scope: ConfigurationScope;
  entries: JavaOptionsEntry[];
}

// Entries, models and their derived lists do not change once parsed; several JVM rules read the same ones.
/** The arguments of a string entry's option value, each with the catalog flag it sets (shared: do not modify). */
export const parsedOptions: (entry: PropertyEntry) => JavaOptionsEntry['tokens'] = oncePer((entry: PropertyEntry) =>
  tokenizeJavaOptions(entry.value).map((token) => ({ token, parsed: identifyFlag(token.text) })),
);

const ROLES: readonly JvmRole[] = ['executor', 'driver', 'am'];
const OPTION_KEYS: ReadonlySet<string> = new Set(JAVA_OPTION_KEYS.map((k) => k.key));

/** The option strings that take effect in each scope, grouped by the JVM they go to (shared: do not modify). */
export const javaOptionGroups: (model: ConfigModel) => readonly JavaOptionsGroup[] = oncePer(findJavaOptionGroups);

function findJavaOptionGroups(model: ConfigModel): JavaOptionsGroup[] {
  const groups: JavaOptionsGroup[] = [];
  for (const scope of model.scopes) {
    const options = optionEntriesIn(scope);
    if (options.size === 0) continue;
    for (const role of ROLES) {
      const entries: JavaOptionsEntry[] = [];
      for (const k of JAVA_OPTION_KEYS) {
        if (k.role !== role) continue;
        const found = options.get(k.key);
        if (!found || found.entry.valueKind !== 'string') continue;
        const { entry, classification } = found;
        entries.push({ key: k.key, role: k.role, kind: k.kind, entry, classification, tokens: parsedOptions(entry) });
      }
      if (entries.length > 0) groups.push({ role, scope, entries });
    }
  }
  return groups;
}

/** The entry of each Java option key that takes effect in the scope's spark-defaults (the last), and where it is. */
function optionEntriesIn(scope: ConfigurationScope): Map<string, { entry: PropertyEntry; classification: Classification }> {
  const found = new Map<string, { entry: PropertyEntry; classification: Classification }>();
  for (const classification of scope.classifications) {
    if (classification.name?.trim() !== 'spark-defaults') continue;
    for (const entry of classification.properties) if (OPTION_KEYS.has(entry.key)) found.set(entry.key, { entry, classification });
  }
  return found;
}

// ---- Which Java runs ----------------------------------------------------------------------------------------

/** Where EMR installs each Java it ships. */
export const JAVA_PATHS: Record<number, string> = {
  8: '/usr/lib/jvm/java-1.8.0',
  11: '/usr/lib/jvm/jre-11',
  17: '/usr/lib/jvm/jre-17',
};

/** The Java major version a JAVA_HOME path names (java-1.8.0, jre-11, java-17-amazon-corretto, jdk1.8.0_292). */
export function javaVersionOfPath(path: string): number | undefined {
  const match = /(?:java|jre|jdk|corretto)[-_]?(?:1\.(\d+)|(\d+))(?!\d)/i.exec(path);
  if (!match) return undefined;
  const version = parseInt(match[1] ?? match[2], 10);
  return version >= 5 && version <= 99 ? version : undefined;
}

export interface JavaHomeSetting {
  /** Where the setting lives, for messages: "spark-env", "hadoop-env" or the spark-defaults key. */
  source: string;
  /** How messages name it: "JAVA_HOME in spark-env" or "spark.executorEnv.JAVA_HOME". */
  label: string;
  entry: PropertyEntry;
  classification: Classification;
  scope: ConfigurationScope;
  path: string;
  version?: number;
}

const ENV_KEYS = ['spark.executorEnv.JAVA_HOME', 'spark.yarn.appMasterEnv.JAVA_HOME'] as const;

/** Every JAVA_HOME the file sets: exports of spark-env and hadoop-env, and Spark's own environment keys (shared: do not modify). */
export const javaHomeSettings: (model: ConfigModel) => readonly JavaHomeSetting[] = oncePer(findJavaHomeSettings);

function findJavaHomeSettings(model: ConfigModel): JavaHomeSetting[] {
  const out: JavaHomeSetting[] = [];
  const add = (source: string, entry: PropertyEntry, classification: Classification, scope: ConfigurationScope) => {
    if (entry.valueKind !== 'string') return;
    const path = entry.value.trim().replace(/^(["'])(.*)\1$/, '$2');
    const label = source.startsWith('spark.') ? source : `JAVA_HOME in ${source}`;
    out.push({ source, label, entry, classification, scope, path, version: javaVersionOfPath(path) });
  };
  for (const scope of model.scopes) {
    for (const c of scope.classifications) {
      const name = c.name?.trim();
      if (name === 'spark-env' || name === 'hadoop-env') {
        for (const child of c.children.filter((ch) => ch.name?.trim() === 'export')) {
          for (const entry of child.properties.filter((e) => e.key === 'JAVA_HOME')) add(name, entry, child, scope);
        }
      } else if (name === 'spark-defaults') {
        for (const entry of c.properties.filter((e) => (ENV_KEYS as readonly string[]).includes(e.key))) add(entry.key, entry, c, scope);
      }
    }
  }
  return out;
}

export interface JavaInUse {
  version: number;
  /** Why this Java: "the default of emr-7.0.0", "JAVA_HOME in spark-env" or "spark.executorEnv.JAVA_HOME". */
  origin: string;
  setting?: JavaHomeSetting;
}

/** Java versions the flag catalog has a status for. */
let catalogJavas: ReadonlySet<string> | undefined;

function knownJava(setting: JavaHomeSetting): boolean {
  catalogJavas ??= new Set(allJvmFlags().flatMap((f) => Object.keys(f.statusByJdk).filter((java) => f.statusByJdk[java] !== undefined)));
  return setting.version !== undefined && catalogJavas.has(String(setting.version));
}

/**
 * Where each JVM takes its JAVA_HOME from, most specific first. spark-submit and a client-mode driver run on the
 * primary node with spark-env's. Executors and the application master (the driver itself in cluster mode) are YARN
 * containers: Spark's own environment key for them, else the NodeManager's Java, which hadoop-env sets.
 */
const JAVA_SOURCES: Record<JvmRole | 'client-driver', readonly string[]> = {
  'client-driver': ['spark-env'],
  driver: ['spark.yarn.appMasterEnv.JAVA_HOME', 'hadoop-env'],
  am: ['spark.yarn.appMasterEnv.JAVA_HOME', 'hadoop-env'],
  executor: ['spark.executorEnv.JAVA_HOME', 'hadoop-env'],
};

/** The scopes whose settings reach a JVM: the primary node's (cluster-wide and MASTER group), and for hadoop-env any group's too. */
function reaches(model: ConfigModel, setting: JavaHomeSetting): boolean {
  if (setting.scope === clusterScope(model)) return true;
  const group = setting.scope.group;
  return group?.role === 'MASTER' || (setting.source === 'hadoop-env' && (group?.role === 'CORE' || group?.role === 'TASK'));
}

/**
 * The Java a JVM of the role runs: the JAVA_HOME that reaches it (see JAVA_SOURCES) when its version can be read, else
 * the release's default. `deployMode` decides where the driver runs. Undefined without a release, or when the
 * JAVA_HOME names a Java the catalog has no flag data for.
 */
export function javaFor(model: ConfigModel, release: EmrRelease | undefined, role: JvmRole, deployMode: 'client' | 'cluster'): JavaInUse | undefined {
  if (!release) return undefined;
  const sources = JAVA_SOURCES[role === 'driver' && deployMode === 'client' ? 'client-driver' : role];
  const settings = javaHomeSettings(model).filter((s) => reaches(model, s));
  for (const source of sources) {
    // The last setting of the source wins; the MASTER group's lies over the cluster's.
    const candidates = settings.filter((s) => s.source === source);
    const chosen = candidates.find((s) => s.scope.group?.role === 'MASTER') ?? candidates[candidates.length - 1];
    if (!chosen || chosen.version === undefined) continue;
    if (!knownJava(chosen)) return undefined;
    return { version: chosen.version, origin: chosen.label, setting: chosen };
  }
  return { version: release.defaultJava, origin: `the default of ${release.label}` };
}

/** The Java of a role's JVMs in the deploy mode the settings that govern a submission choose (client unless they say). */
export function javaOfRole(model: ConfigModel, release: EmrRelease | undefined, role: JvmRole): JavaInUse | undefined {
  if (!release) return undefined;
  return javaFor(model, release, role, deployModeOf(submissionSettings(model, release)).mode);
}

/**
 * The Java the cluster runs Spark on, as most rules ask it: the executors' (see javaFor). Undefined without a release.
 */
export function javaInUse(model: ConfigModel, release: EmrRelease | undefined): JavaInUse | undefined {
  return release ? javaInUseOn(model, release) : undefined;
}

const javaInUseOn = oncePerPair((model: ConfigModel, release: EmrRelease) => javaFor(model, release, 'executor', 'client'));

/** Whether Spark adds -XX:+IgnoreUnrecognizedVMOptions to the JVMs it starts (Spark 3.3 and later). */
export function sparkIgnoresUnknownFlags(release: EmrRelease | undefined): boolean | undefined {
  if (!release?.spark) return undefined;
  return compareVersions(release.spark, '3.3.0') >= 0;
}
