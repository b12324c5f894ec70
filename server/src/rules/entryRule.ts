import { allClassifications, type Classification, type ConfigModel, type PropertyEntry } from '../engine/model';
import { isTemplateEntry } from '../engine/templates';
import type { EntryPlace, Rule, RuleContext, RuleMeta } from './types';

/** A rule that judges one property at a time; its whole-document `check` visits every entry in document order. */
export function entryRule(rule: RuleMeta & { checkEntry(entry: PropertyEntry, place: EntryPlace, context: RuleContext): void }): Rule {
  return {
    ...rule,
    check(context) {
      forEachEntry(context.model, (entry, place) => rule.checkEntry(entry, place, context));
    },
  };
}

/**
 * Every entry of every classification (nested ones included), in document order, with its place. The place is one
 * object per classification, its `live` and `template` set for each entry in turn: `visit` must not keep it.
 */
export function forEachEntry(model: ConfigModel, visit: (entry: PropertyEntry, place: EntryPlace, classification: Classification) => void): void {
  for (const classification of allClassifications(model)) forEachEntryOf(model, classification, placeOf(classification), visit);
}

/** Where the classification's entries are, before `live` and `template` are set for one of them. */
export function placeOf(classification: Classification): EntryPlace {
  return {
    name: classification.name?.trim(),
    ancestors: classification.ancestors,
    scopeKind: classification.scope.kind,
    propertiesName: classification.names.properties,
    live: false,
    template: false,
  };
}

/** The classification's own entries in document order, with `place` (from placeOf) set for each in turn. */
export function forEachEntryOf(
  model: ConfigModel,
  classification: Classification,
  place: EntryPlace,
  visit: (entry: PropertyEntry, place: EntryPlace, classification: Classification) => void,
): void {
  const last = new Map<string, PropertyEntry>();
  for (const entry of classification.properties) last.set(entry.key, entry);
  for (const entry of classification.properties) {
    place.live = last.get(entry.key) === entry;
    place.template = isTemplateEntry(model, entry);
    visit(entry, place, classification);
  }
}

/**
 * The entry is one that spark-defaults readers take: in a top-level spark-defaults classification, and not set again
 * later in it (what liveEntriesOf gives a whole-document rule).
 */
export function isLiveSparkDefault(place: EntryPlace): boolean {
  return place.name === 'spark-defaults' && place.ancestors.length === 0 && place.live;
}
