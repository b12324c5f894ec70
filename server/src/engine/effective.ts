import type { Classification, ConfigModel, ConfigurationScope, InstanceGroup, PropertyEntry } from './model';

/** Every top-level classification with this name, in every scope of the document. */
export function classificationsByName(model: ConfigModel, name: string): Classification[] {
  return model.scopes.flatMap((scope) => scope.classifications.filter((c) => c.name?.trim() === name));
}

type Entries = readonly { entry: PropertyEntry; classification: Classification }[];
// Most rules ask for the entries of spark-defaults: one list per model and name (a model is not changed once parsed).
const entriesCache = new WeakMap<ConfigModel, Map<string, Entries>>();

/** Every property of every top-level classification with this name, in document order. */
export function entriesOf(model: ConfigModel, name: string): Entries {
  let byName = entriesCache.get(model);
  if (!byName) entriesCache.set(model, (byName = new Map()));
  let entries = byName.get(name);
  if (!entries) {
    entries = classificationsByName(model, name).flatMap((classification) => classification.properties.map((entry) => ({ entry, classification })));
    byName.set(name, entries);
  }
  return entries;
}

/** Values a classification takes in one scope: later entries win, as both EMR and java.util.Properties do. */
export function scopeValues(scope: ConfigurationScope | undefined, name: string): Map<string, PropertyEntry> {
  const values = new Map<string, PropertyEntry>();
  if (!scope) return values;
  for (const classification of scope.classifications) {
    if (classification.name?.trim() !== name) continue;
    for (const entry of classification.properties) values.set(entry.key, entry);
  }
  return values;
}

export function clusterScope(model: ConfigModel): ConfigurationScope | undefined {
  return model.scopes.find((s) => s.kind === 'cluster' || s.kind === 'bare' || s.kind === 'properties-file');
}

/**
 * The values a node of the group sees: the cluster-wide Configurations with the group's own
 * Configurations layered on top (EMR applies instance-group configurations over the cluster's).
 */
export function effectiveValues(model: ConfigModel, name: string, group?: InstanceGroup, instanceType?: string): Map<string, PropertyEntry> {
  const values = scopeValues(clusterScope(model), name);
  if (group) {
    const scopes = group.kind === 'fleet' ? group.types.filter((t) => !instanceType || t.instanceType === instanceType).map((t) => t.scope) : [group.scope];
    for (const scope of scopes) for (const [key, entry] of scopeValues(scope, name)) values.set(key, entry);
  }
  return values;
}
