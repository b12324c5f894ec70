import { compareVersions, sparkOption } from '../catalog';
import { removeEntry, renameKey } from '../engine/edits';
import { entriesOf, keysOf } from '../engine/effective';
import type { Fix } from '../engine/findings';
import type { Rule } from './types';

const PREFIX = 'spark.blacklist.';
/** EMR's own decommissioning keys keep the old prefix on purpose; only EMR's Spark reads them. */
const EMR_KEYS: ReadonlySet<string> = new Set(['spark.blacklist.decommissioning.enabled', 'spark.blacklist.decommissioning.timeout']);

/** The spark.excludeOnFailure.* name of an old key: the catalog's replacement, else the same suffix when Spark knows it. */
function replacementOf(key: string): string | undefined {
  const option = sparkOption(key);
  if (option?.replacement) return option.replacement;
  const candidate = `spark.excludeOnFailure.${key.slice(PREFIX.length)}`;
  return sparkOption(candidate)?.name === candidate ? candidate : undefined;
}

export const excludeOnFailureRenamed: Rule = {
  id: 'ELA002',
  name: 'excludeonfailure-renamed',
  severity: 'warning',
  summary: 'A spark.blacklist.* key that Spark 3.1 renamed to spark.excludeOnFailure.*; Spark 4 no longer reads it.',
  reads: ['properties'],
  check({ model, release, report }) {
    // Before Spark 3.1 the old names are the only ones: nothing to rename.
    if (release?.spark && compareVersions(release.spark, '3.1.0') < 0) return;
    for (const { entry, classification } of entriesOf(model, 'spark-defaults')) {
      if (!entry.key.startsWith(PREFIX) || EMR_KEYS.has(entry.key)) continue;
      const replacement = replacementOf(entry.key);
      // Keys Spark never defined under either name are SPK001's to report.
      if (!replacement) continue;
      const reads = release?.spark
        ? `Spark ${release.spark} on ${release.label} still reads it, with a deprecation warning, but Spark 4 ignores it`
        : 'Spark 3.x still reads it, with a deprecation warning, but Spark 4 ignores it';
      const fixes: Fix[] = [];
      let message: string;
      if (keysOf(model, 'spark-defaults').has(replacement)) {
        message = `"${entry.key}" is the name "${replacement}" had before Spark 3.1, and "${replacement}" is set as well, so Spark uses that one and ignores this. Remove it.`;
        fixes.push({ title: `Remove "${entry.key}"`, edits: [removeEntry(model, classification, entry)], preferred: true });
      } else {
        message = `"${entry.key}" was renamed to "${replacement}" in Spark 3.1: ${reads}, so the setting silently stops working on a later release. Use "${replacement}".`;
        fixes.push({ title: `Rename to "${replacement}"`, edits: [renameKey(model, entry, replacement)], preferred: true });
      }
      report({ span: entry.keySpan, path: entry.path, message, fixes });
    }
  },
};
