// The settings that govern a Spark submission on EMR, each with where its value comes from.
//
// spark-submit runs on the primary node and reads that node's spark-defaults.conf: the cluster-wide Configurations
// with the MASTER instance group's (or fleet's) own on top. Executors take their settings from the driver, never from
// their own node's file, and a cluster-mode driver gets the configuration the submitting client staged, so a CORE or
// TASK group's spark-defaults govern nothing that is submitted from the primary node. A key no layer sets takes the
// value EMR writes into that file (some of which AWS does not publish), and only a key EMR leaves alone falls back on
// Spark's own default. More layers (the arguments of a spark-submit step) go on top through `extraLayers`.
import { sparkOption, type EmrRelease } from '../catalog';
import { clusterScope, scopeValues, type Values } from '../engine/effective';
import { oncePerPair } from '../engine/memo';
import type { ConfigModel, ConfigurationScope, InstanceGroup, PropertyEntry } from '../engine/model';
import { parseBoolean } from '../engine/units';
import { emrJavaOptionValues, emrSparkDefault, maximizeResourceAllocationKeys, type FactStatus } from './emrFacts';

/** Where an effective value comes from, lowest layer first. */
export type SettingOrigin =
  | 'spark-default'
  | 'emr-default'
  | 'maximize-resource-allocation'
  | 'file'
  | 'cluster-configurations'
  | 'primary-group'
  | 'submit-arguments';

/** One layer of settings taken from a document: a Configurations scope, a properties file, or submit arguments. */
export interface SettingsLayer {
  origin: SettingOrigin;
  /** How messages name it: "the cluster's Configurations", "the MASTER group's Configurations". */
  label: string;
  /** Its entries by key, later ones winning. */
  entries: Values;
}

export interface EffectiveSetting {
  key: string;
  /** The value that runs; undefined when EMR derives it from the instance types and AWS publishes neither number nor formula. */
  value?: string;
  origin: SettingOrigin;
  /** The document entry that sets it, for document layers. */
  entry?: PropertyEntry;
  /** For EMR's own values: how far the statement that EMR writes it can be trusted. */
  status?: FactStatus;
  /** A document entry that holds the very value EMR itself wrote there (e.g. beside its spark.emr.default.* twin). */
  writtenByEmr?: boolean;
}

export interface SubmissionSettings {
  /** The document entries that take effect, top layer winning: where findings about them belong. */
  entries: Values;
  /** The document layers, lowest first. */
  layers: readonly SettingsLayer[];
  /** EMR's maximizeResourceAllocation is on for the cluster. */
  maximizeResourceAllocation: boolean;
  /** The `spark` classification entry that turns it on. */
  maximizeEntry?: PropertyEntry;
  release?: EmrRelease;
  /** The effective value of a key and its origin (memoized per key). */
  get(key: string): EffectiveSetting;
}

/** EMR writes these beside the executor size it chose, with the same value. */
const EMR_TWINS: Readonly<Record<string, string>> = {
  'spark.executor.memory': 'spark.emr.default.executor.memory',
  'spark.executor.cores': 'spark.emr.default.executor.cores',
};

const JAVA_OPTION_KEYS = new Set(['spark.driver.defaultJavaOptions', 'spark.executor.defaultJavaOptions', 'spark.driver.extraJavaOptions', 'spark.executor.extraJavaOptions']);

const squeeze = (text: string) => text.trim().split(/\s+/).join(' ');

/** Whether an entry of Java options holds exactly what EMR itself writes for that key (as seen in published dumps). */
export function isEmrOwnValue(key: string, entry: PropertyEntry): boolean {
  return JAVA_OPTION_KEYS.has(key) && emrJavaOptionValues(key).some((v) => squeeze(v) === squeeze(entry.value));
}

/** The MASTER instance group or fleet of the cluster the document describes. */
export function primaryGroup(model: ConfigModel): InstanceGroup | undefined {
  return model.cluster.groups.find((g) => g.role === 'MASTER');
}

/** The scopes a primary node reads, lowest first: the cluster-wide Configurations, then the MASTER group's own. */
export function primaryNodeScopes(model: ConfigModel): { scope: ConfigurationScope; origin: SettingOrigin; label: string }[] {
  const out: { scope: ConfigurationScope; origin: SettingOrigin; label: string }[] = [];
  const cluster = clusterScope(model);
  if (cluster) {
    const origin: SettingOrigin = cluster.kind === 'properties-file' ? 'file' : 'cluster-configurations';
    out.push({ scope: cluster, origin, label: origin === 'file' ? 'this file' : "the cluster's Configurations" });
  }
  const primary = primaryGroup(model);
  const scopes = primary?.kind === 'fleet' ? primary.types.map((t) => t.scope) : [primary?.scope];
  for (const scope of scopes) if (scope) out.push({ scope, origin: 'primary-group', label: `the ${primary?.kind === 'fleet' ? 'MASTER fleet' : 'MASTER group'}'s Configurations` });
  return out;
}

/** The value of a key of a classification as the primary node reads it (the ResourceManager's yarn-site, the submitting client's spark-env). */
export function primaryNodeValue(model: ConfigModel, classification: string, key: string): PropertyEntry | undefined {
  let found: PropertyEntry | undefined;
  for (const { scope } of primaryNodeScopes(model)) found = scopeValues(scope, classification).get(key) ?? found;
  return found;
}

function documentLayers(model: ConfigModel): SettingsLayer[] {
  return primaryNodeScopes(model)
    .map(({ scope, origin, label }) => ({ origin, label, entries: scopeValues(scope, 'spark-defaults') }))
    .filter((layer) => layer.entries.size > 0);
}

function maximizeEntryOf(model: ConfigModel): PropertyEntry | undefined {
  return primaryNodeValue(model, 'spark', 'maximizeResourceAllocation');
}

function build(model: ConfigModel, release: EmrRelease | undefined, extraLayers: readonly SettingsLayer[]): SubmissionSettings {
  const layers = [...documentLayers(model), ...extraLayers];
  let entries: Values;
  if (layers.length === 0) entries = new Map();
  else if (layers.length === 1) entries = layers[0].entries;
  else {
    const merged = new Map<string, PropertyEntry>();
    for (const layer of layers) for (const [key, entry] of layer.entries) merged.set(key, entry);
    entries = merged;
  }
  const maximizeEntry = maximizeEntryOf(model);
  const parsed = maximizeEntry ? parseBoolean(maximizeEntry.value) : undefined;
  const maximize = parsed?.ok === true && parsed.value;
  const cache = new Map<string, EffectiveSetting>();

  const resolve = (key: string): EffectiveSetting => {
    for (let i = layers.length - 1; i >= 0; i--) {
      const entry = layers[i].entries.get(key);
      if (!entry) continue;
      return { key, value: entry.value, origin: layers[i].origin, entry, writtenByEmr: writtenByEmr(key, entry) };
    }
    const maximized = maximize ? maximizeResourceAllocationKeys()[key] : undefined;
    // EMR skips spark.executor.instances when dynamic allocation is explicitly turned on beside maximizeResourceAllocation.
    const skipped = key === 'spark.executor.instances' && entries.get('spark.dynamicAllocation.enabled')?.value.trim().toLowerCase() === 'true';
    if (maximized && !skipped) return { key, origin: 'maximize-resource-allocation', status: maximized };
    const emr = emrSparkDefault(key, release);
    if (emr) return { key, value: emr.value, origin: 'emr-default', status: emr.status };
    const spark = sparkOption(key);
    return { key, value: spark && spark.default !== '' && spark.default !== '(none)' ? spark.default : undefined, origin: 'spark-default' };
  };

  function writtenByEmr(key: string, entry: PropertyEntry): boolean {
    const twin = EMR_TWINS[key];
    if (twin) return entries.get(twin)?.value.trim() === entry.value.trim();
    return isEmrOwnValue(key, entry);
  }

  return {
    entries,
    layers,
    maximizeResourceAllocation: maximize,
    maximizeEntry: maximize ? maximizeEntry : undefined,
    release,
    get(key) {
      let setting = cache.get(key);
      if (!setting) cache.set(key, (setting = resolve(key)));
      return setting;
    },
  };
}

const memo = oncePerPair((model: ConfigModel, release: EmrRelease | null) => build(model, release ?? undefined, []));

/**
 * The settings that govern a submission from the primary node: document layers (the cluster's Configurations, the
 * MASTER group's on top; or the properties file), then EMR's own values, then Spark's defaults. `extraLayers` go on
 * top of the document's, in order (a spark-submit step's arguments).
 */
export function submissionSettings(model: ConfigModel, release: EmrRelease | undefined, extraLayers: readonly SettingsLayer[] = []): SubmissionSettings {
  return extraLayers.length === 0 ? memo(model, release ?? null) : build(model, release, extraLayers);
}

export type DeployModeSource = 'settings' | 'option' | 'assumed';

/** The deploy mode a submission uses: the caller's, else spark.submit.deployMode, else spark-submit's own default, client. */
export function deployModeOf(settings: SubmissionSettings, override?: 'client' | 'cluster'): { mode: 'client' | 'cluster'; source: DeployModeSource } {
  if (override) return { mode: override, source: 'option' };
  const value = settings.get('spark.submit.deployMode').entry?.value.trim();
  if (value === 'client' || value === 'cluster') return { mode: value, source: 'settings' };
  return { mode: 'client', source: 'assumed' };
}

/** How a message names where a value comes from. */
export function describeOrigin(setting: EffectiveSetting, layers: readonly SettingsLayer[]): string {
  switch (setting.origin) {
    case 'spark-default':
      return "Spark's default";
    case 'emr-default':
      return setting.value === undefined ? "EMR's value for the instance types (not published)" : "EMR's default";
    case 'maximize-resource-allocation':
      return 'computed by maximizeResourceAllocation';
    default:
      return layers.find((l) => l.origin === setting.origin)?.label ?? setting.origin;
  }
}
