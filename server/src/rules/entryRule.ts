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

/** Every entry of every classification (nested ones included), in document order, with its place. */
export function forEachEntry(model: ConfigModel, visit: (entry: PropertyEntry, place: EntryPlace, classification: Classification) => void): void {
  for (const classification of allClassifications(model)) {
    const last = new Map<string, PropertyEntry>();
    for (const entry of classification.properties) last.set(entry.key, entry);
    const name = classification.name?.trim();
    for (const entry of classification.properties) {
      visit(
        entry,
        {
          name,
          ancestors: classification.ancestors,
          scopeKind: classification.scope.kind,
          propertiesName: classification.names.properties,
          live: last.get(entry.key) === entry,
          template: isTemplateEntry(model, entry),
        },
        classification,
      );
    }
  }
}
