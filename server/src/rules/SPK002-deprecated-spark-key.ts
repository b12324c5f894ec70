import { sparkOption } from '../catalog';
import { removeEntry, renameKey } from '../engine/edits';
import { entriesOf, keysOf } from '../engine/effective';
import type { Fix } from '../engine/findings';
import type { Rule } from './types';

export const deprecatedSparkKey: Rule = {
  id: 'SPK002',
  name: 'deprecated-spark-key',
  severity: 'warning',
  summary: 'A deprecated or renamed Spark key, with its replacement.',
  reads: ['properties'],
  check({ model, report }) {
    for (const { entry, classification } of entriesOf(model, 'spark-defaults')) {
      const option = sparkOption(entry.key);
      if (!option?.deprecated || option.name !== entry.key) continue;
      // The EMR decommissioning keys keep their old spark.blacklist.* names on EMR; a rule of its own covers that family.
      if (option.emrOnly) continue;
      // The spark.blacklist.* family (renamed to spark.excludeOnFailure.*) is reported once, by ELA002.
      if (entry.key.startsWith('spark.blacklist.')) continue;
      const since = option.deprecatedSince ? ` since Spark ${option.deprecatedSince}` : '';
      const replacement = option.replacement;
      const fixes: Fix[] = [];
      let message: string;
      if (replacement && keysOf(model, 'spark-defaults').has(replacement)) {
        message = `"${entry.key}" is deprecated${since} and "${replacement}" is also set, so this one is ignored. Remove it.`;
        fixes.push({ title: `Remove "${entry.key}"`, edits: [removeEntry(model, classification, entry)], preferred: true });
      } else if (replacement) {
        const honored = option.stillHonored ? 'Spark still reads it for now, with a warning' : 'Spark no longer reads it';
        message = `"${entry.key}" is deprecated${since}; ${honored}. Use "${replacement}".`;
        fixes.push({ title: `Rename to "${replacement}"`, edits: [renameKey(model, entry, replacement)], preferred: true });
      } else {
        message = `"${entry.key}" is deprecated${since} and has no effect in current Spark versions.`;
        fixes.push({ title: `Remove "${entry.key}"`, edits: [removeEntry(model, classification, entry)] });
      }
      report({ span: entry.keySpan, path: entry.path, message, fixes });
    }
  },
};
