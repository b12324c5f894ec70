import { newestSparkView, sparkCatalog, type SparkCatalog } from '../catalog';
import { removeEntry, renameKey } from '../engine/edits';
import { keysOf } from '../engine/effective';
import type { Fix } from '../engine/findings';
import { isTemplateEntry } from '../engine/templates';
import type { Rule } from './types';
import { liveEntriesOf } from './liveEntries';

const PREFIX = 'spark.blacklist.';

/** The spark.excludeOnFailure.* name of an old key on this version: where Spark forwards it, else the same suffix. */
function replacementOf(catalog: SparkCatalog, key: string): string | undefined {
  const deprecation = catalog.deprecation(key);
  const named = deprecation?.target ?? deprecation?.replacement;
  if (named && catalog.option(named)) return named;
  const candidate = `spark.excludeOnFailure.${key.slice(PREFIX.length)}`;
  return catalog.option(candidate)?.origin === 'spark' ? candidate : undefined;
}

/** What the newest Spark the tables cover does with the old name: "Spark 4.1.1 only warns and ignores it". */
function laterFate(key: string): string {
  const newest = newestSparkView();
  const fate = newest.deprecation(key);
  if (fate?.read === 'warning') return `Spark ${newest.version} only warns and ignores it`;
  if (!fate && !newest.option(key)) return `Spark ${newest.version} no longer knows it`;
  return '';
}

export const excludeOnFailureRenamed: Rule = {
  id: 'ELA002',
  name: 'excludeonfailure-renamed',
  severity: 'warning',
  summary: 'A spark.blacklist.* key that Spark 3.1 renamed to spark.excludeOnFailure.*; Spark 4 no longer reads it.',
  reads: ['properties'],
  check({ model, release, report }) {
    const catalog = sparkCatalog(release);
    for (const { entry, classification } of liveEntriesOf(model, 'spark-defaults')) {
      if (!entry.key.startsWith(PREFIX) || isTemplateEntry(model, entry)) continue;
      // EMR's own decommissioning keys keep the old prefix on purpose, and Spark before 3.1 knows only the old names:
      // both are keys of their own there.
      if (catalog.option(entry.key)) continue;
      const replacement = replacementOf(catalog, entry.key);
      // Keys Spark never defined under either name are SPK001's to report.
      if (!replacement) continue;
      const fate = laterFate(entry.key);
      const fixes: Fix[] = [];
      let message: string;
      if (keysOf(model, 'spark-defaults').has(replacement)) {
        message = `"${entry.key}" is the name "${replacement}" had before Spark 3.1, and "${replacement}" is set as well, so ${catalog.describe} uses that one and ignores this. Remove it.`;
        fixes.push({ title: `Remove "${entry.key}"`, edits: [removeEntry(model, classification, entry)], preferred: true });
      } else {
        const reads = catalog.deprecation(entry.key)?.read === 'warning' ? `${catalog.describe} only warns and ignores it` : `${catalog.describe} still reads it, with a deprecation warning`;
        const later = fate && !reads.includes('ignores') ? `, but ${fate}, so the setting silently stops working on a later release` : '';
        message = `"${entry.key}" was renamed to "${replacement}" in Spark 3.1: ${reads}${later}. Use "${replacement}".`;
        fixes.push({ title: `Rename to "${replacement}"`, edits: [renameKey(model, entry, replacement)], preferred: true });
      }
      report({ span: entry.keySpan, path: entry.path, message, fixes });
    }
  },
};
