import { oncePerPair } from './memo';
import type { Classification, ConfigModel, ConfigurationScope, InstanceGroup, PropertyEntry } from './model';

// A model does not change once parsed, and the rules ask for the same few views of it again and again (mostly
// spark-defaults and yarn-site, in every scope): each is computed once per model and shared, so never modified.

/** Entries by key, later ones winning; shared between callers, so never modified. */
export type Values = ReadonlyMap<string, PropertyEntry>;

const NO_VALUES: Values = new Map();

/** Every top-level classification with this name, in every scope of the document. */
export const classificationsByName: (model: ConfigModel, name: string) => readonly Classification[] = oncePerPair((model: ConfigModel, name: string) => {
  const list: Classification[] = [];
  for (const scope of model.scopes) for (const c of scope.classifications) if (c.name?.trim() === name) list.push(c);
  return list;
});

type Entries = readonly { entry: PropertyEntry; classification: Classification }[];

/** Every property of every top-level classification with this name, in document order. */
export const entriesOf: (model: ConfigModel, name: string) => Entries = oncePerPair((model: ConfigModel, name: string) => {
  const list: { entry: PropertyEntry; classification: Classification }[] = [];
  for (const classification of classificationsByName(model, name)) for (const entry of classification.properties) list.push({ entry, classification });
  return list;
});

/** The keys that any top-level classification with this name sets, anywhere in the document. */
export const keysOf: (model: ConfigModel, name: string) => ReadonlySet<string> = oncePerPair(
  (model: ConfigModel, name: string) => new Set(entriesOf(model, name).map(({ entry }) => entry.key)),
);

const valuesInScope = oncePerPair((scope: ConfigurationScope, name: string): Values => {
  const map = new Map<string, PropertyEntry>();
  for (const classification of scope.classifications) {
    if (classification.name?.trim() !== name) continue;
    for (const entry of classification.properties) map.set(entry.key, entry);
  }
  return map.size > 0 ? map : NO_VALUES;
});

/** Values a classification takes in one scope: later entries win, as both EMR and java.util.Properties do. */
export function scopeValues(scope: ConfigurationScope | undefined, name: string): Values {
  return scope ? valuesInScope(scope, name) : NO_VALUES;
}

export function clusterScope(model: ConfigModel): ConfigurationScope | undefined {
  return model.scopes.find((s) => s.kind === 'cluster' || s.kind === 'bare' || s.kind === 'properties-file');
}

/**
 * The values a node of the group sees: the cluster-wide Configurations with the group's own
 * Configurations layered on top (EMR applies instance-group configurations over the cluster's).
 * The cluster-wide table itself when the group adds nothing, else a new one.
 */
export function effectiveValues(model: ConfigModel, name: string, group?: InstanceGroup, instanceType?: string): Values {
  const cluster = scopeValues(clusterScope(model), name);
  if (!group) return cluster;
  const scopes = group.kind === 'fleet' ? group.types.filter((t) => !instanceType || t.instanceType === instanceType).map((t) => t.scope) : [group.scope];
  const layers = scopes.map((scope) => scopeValues(scope, name)).filter((layer) => layer.size > 0);
  if (layers.length === 0) return cluster;
  const values = new Map(cluster);
  for (const layer of layers) for (const [key, entry] of layer) values.set(key, entry);
  return values;
}

/**
 * What scopeValues(scope, name).get(key) gives, found by reading the scope's entries from the last: for the few keys
 * asked of an instance group's or fleet type's own Configurations, which need no table of their own.
 */
function scopeValue(scope: ConfigurationScope | undefined, name: string, key: string): PropertyEntry | undefined {
  if (!scope) return undefined;
  const classifications = scope.classifications;
  for (let i = classifications.length - 1; i >= 0; i--) {
    if (classifications[i].name?.trim() !== name) continue;
    const properties = classifications[i].properties;
    for (let j = properties.length - 1; j >= 0; j--) if (properties[j].key === key) return properties[j];
  }
  return undefined;
}

/**
 * What effectiveValues(model, name, group, instanceType).get(key) gives, without building the layered map: the
 * group's own Configurations are read entry by entry, the cluster-wide ones (which every view falls back on) by table.
 */
export function effectiveValue(model: ConfigModel, name: string, key: string, group?: InstanceGroup, instanceType?: string): PropertyEntry | undefined {
  if (group?.kind === 'fleet') {
    // Later types' Configurations lie over earlier ones'.
    for (let i = group.types.length - 1; i >= 0; i--) {
      const type = group.types[i];
      if (instanceType && type.instanceType !== instanceType) continue;
      const entry = scopeValue(type.scope, name, key);
      if (entry) return entry;
    }
  } else if (group) {
    const entry = scopeValue(group.scope, name, key);
    if (entry) return entry;
  }
  return scopeValues(clusterScope(model), name).get(key);
}
