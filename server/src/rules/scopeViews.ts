import { effectiveValue } from '../engine/effective';
import type { Classification, ConfigModel, InstanceGroup, PropertyEntry } from '../engine/model';

/** One set of nodes that may see their own values: the whole cluster, an instance group, or one type of a fleet. */
export interface ScopeView {
  group?: InstanceGroup;
  instanceType?: string;
}

/** The cluster-wide view first, then every instance group and every instance type of every fleet. */
export function scopeViews(model: ConfigModel): ScopeView[] {
  const views: ScopeView[] = [{}];
  for (const group of model.cluster.groups) {
    if (group.kind === 'fleet') for (const t of group.types) views.push({ group, instanceType: t.instanceType });
    else views.push({ group });
  }
  return views;
}

/** The entry of a key of a classification as the nodes of the view see it (later entries and inner scopes win). */
export function viewValue(model: ConfigModel, name: string, view: ScopeView, key: string): PropertyEntry | undefined {
  return effectiveValue(model, name, key, view.group, view.instanceType);
}

/** The classification that holds an entry. */
export function classificationOf(model: ConfigModel, entry: PropertyEntry): Classification | undefined {
  for (const scope of model.scopes) {
    const found = find(scope.classifications, entry);
    if (found) return found;
  }
  return undefined;
}

function find(list: Classification[], entry: PropertyEntry): Classification | undefined {
  for (const c of list) {
    if (c.properties.includes(entry)) return c;
    const inner = find(c.children, entry);
    if (inner) return inner;
  }
  return undefined;
}

/** A whole number as Hadoop's Configuration.getInt/getLong reads it (trimmed, decimal); undefined otherwise. */
export function hadoopWholeNumber(entry: PropertyEntry | undefined): number | undefined {
  if (!entry || entry.valueKind !== 'string') return undefined;
  const raw = entry.value.trim();
  return /^[+-]?[0-9]{1,15}$/.test(raw) ? Number(raw) : undefined;
}
