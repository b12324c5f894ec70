import { sparkCatalog, sparkKeyStatusOf, type SparkCatalog } from '../catalog';
import { renameKey } from '../engine/edits';
import type { Fix } from '../engine/findings';
import type { ConfigModel, PropertyEntry } from '../engine/model';
import { suggestKey } from '../engine/suggest';
import { checkSparkValue } from '../engine/valueCheck';
import type { Report, Rule } from './types';
import { entryRule, isLiveSparkDefault } from './entryRule';

/** A rename that is safe to offer: the target exists on this version and takes the value as it is written. */
function safeRename(catalog: SparkCatalog, entry: PropertyEntry): { name: string; preferred: boolean } | undefined {
  const suggestion = suggestKey(entry.key, catalog.names());
  if (!suggestion) return undefined;
  const target = catalog.option(suggestion.name);
  if (!target) return undefined;
  if (entry.valueKind === 'string' && entry.value.trim() !== '' && checkSparkValue(target, entry.value)) return undefined;
  return { name: suggestion.name, preferred: suggestion.unambiguous };
}

export const unknownSparkKey: Rule = entryRule({
  id: 'SPK001',
  name: 'unknown-spark-key',
  severity: 'warning',
  summary: 'A spark.* key that the release\'s Spark does not define: misspelled, from another Spark version, or no Spark key at all.',
  reads: ['properties'],
  checkEntry(entry, place, { model, release, report }) {
    const key = entry.key;
    if (!isLiveSparkDefault(place) || !key.startsWith('spark.') || place.template) return;
    const catalog = sparkCatalog(release);
    const status = sparkKeyStatusOf(catalog, key);
    const base = { span: entry.keySpan, path: entry.path };
    let finding: Report | undefined;
    switch (status.kind) {
      case 'other-version':
        finding = status.addedIn || status.firstTable
          ? {
              ...base,
              severity: catalog.assumed ? 'info' : 'warning',
              message: status.addedIn
                ? `"${key}" is not a property of ${catalog.describe}: Spark ${status.addedIn} added it, so this Spark ignores it.`
                : `"${key}" is not a property of ${catalog.describe}: a later Spark has it (Spark ${status.firstTable} does), so this Spark ignores it.`,
            }
          : {
              ...base,
              severity: catalog.assumed ? 'info' : 'warning',
              message: `"${key}" is no longer a Spark property: Spark ${status.lastIn} had it, Spark ${status.goneIn} and later do not, so ${catalog.describe} ignores it.`,
            };
        break;
      case 'foreign': {
        if (status.vendor) break;
        const rename = safeRename(catalog, entry);
        finding = rename
          ? typo(model, catalog, entry, rename, base)
          : {
              ...base,
              severity: 'info',
              message: `"${key}" is not a Spark property, and neither ${catalog.describe} nor any other Spark from 2.4.4 on has a setting under "${namespaceOf(key)}": it does something only if a plugin or your own code reads it.`,
            };
        break;
      }
      case 'unknown': {
        const rename = safeRename(catalog, entry);
        finding = rename
          ? typo(model, catalog, entry, rename, base)
          : { ...base, severity: 'info', message: `"${key}" is not a Spark property: neither ${catalog.describe} nor any other Spark from 2.4.4 on defines it, so Spark ignores it unless your own code reads it.` };
        break;
      }
      default:
        break;
    }
    if (finding) report(finding);
  },
});

/** "spark.otel." for spark.otel.service.name. */
function namespaceOf(key: string): string {
  return `${key.split('.').slice(0, 2).join('.')}.`;
}

function typo(model: ConfigModel, catalog: SparkCatalog, entry: PropertyEntry, rename: { name: string; preferred: boolean }, base: Pick<Report, 'span' | 'path'>): Report {
  const fixes: Fix[] = [{ title: `Rename to "${rename.name}"`, edits: [renameKey(model, entry, rename.name)], preferred: rename.preferred }];
  return {
    ...base,
    severity: 'warning',
    message: `Unknown Spark property "${entry.key}": ${catalog.describe} ignores it. Did you mean "${rename.name}"?`,
    fixes,
  };
}
