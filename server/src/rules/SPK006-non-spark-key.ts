import { hadoopOption, sparkCatalog } from '../catalog';
import { renameKey } from '../engine/edits';
import type { Rule } from './types';
import { entryRule, isLiveSparkDefault } from './entryRule';

export const nonSparkKey: Rule = entryRule({
  id: 'SPK006',
  name: 'non-spark-key',
  severity: 'warning',
  summary: 'A key in spark-defaults that does not start with spark.: spark-submit drops it with only a log line.',
  reads: ['properties'],
  checkEntry(entry, place, { model, release, report }) {
    if (!isLiveSparkDefault(place)) return;
    const key = entry.key;
    // Hadoop keys and maximizeResourceAllocation have a rule of their own (key-in-wrong-classification).
    if (key === '' || key.startsWith('spark.') || key === 'maximizeResourceAllocation' || hadoopOption(key)) return;
    // Template markup (Jinja, Helm, Terraform ...) that a tool replaces before Spark reads the file.
    if (place.template) return;
    const catalog = sparkCatalog(release);
    const prefixed = `spark.${key}`;
    const known = catalog.option(prefixed) !== undefined;
    report({
      span: entry.keySpan,
      path: entry.path,
      message: `"${key}" does not start with spark., so spark-submit ignores it ("Ignoring non-Spark config property").${known ? ` Did you mean "${prefixed}"?` : ''}`,
      fixes: known ? [{ title: `Rename to "${prefixed}"`, edits: [renameKey(model, entry, prefixed)], preferred: true }] : [],
    });
  },
});
