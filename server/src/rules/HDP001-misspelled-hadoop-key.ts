import { sparkCatalog, sparkKeyStatusOf } from '../catalog';
import { hadoopKeyStatus, HADOOP_KEY_SOURCE } from '../catalog/hadoopKeys';
import { renameKey } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { allClassifications, type PropertyEntry } from '../engine/model';
import { isTemplateEntry } from '../engine/templates';
import type { Report, Rule } from './types';
import { liveEntriesOf } from './liveEntries';

/** The classifications EMR writes to Hadoop's own files. */
const HADOOP_CLASSIFICATIONS: ReadonlySet<string> = new Set(['yarn-site', 'core-site', 'hdfs-site', 'mapred-site', 'capacity-scheduler']);

export const misspelledHadoopKey: Rule = {
  id: 'HDP001',
  name: 'misspelled-hadoop-key',
  severity: 'warning',
  summary: 'A key in a Hadoop classification (or after spark.hadoop.) that is a misspelling of a Hadoop key: Hadoop ignores it.',
  reads: ['properties'],
  check({ model, release, report }) {
    const hadoop = release?.hadoop ? `${release.label} runs Hadoop ${release.hadoop}` : 'the file names no release';
    const check = (entry: PropertyEntry, hadoopKey: string, prefix: string, where: string) => {
      if (isTemplateEntry(model, entry)) return;
      const status = hadoopKeyStatus(hadoopKey);
      if (status.kind !== 'misspelled') return;
      const target = `${prefix}${status.suggestion.name}`;
      const fixes: Fix[] = [{ title: `Rename to "${target}"`, edits: [renameKey(model, entry, target)], preferred: status.suggestion.unambiguous }];
      const finding: Report = {
        span: entry.keySpan,
        path: entry.path,
        message: `"${entry.key}" is not a Hadoop setting, so ${where} ignores it. Did you mean "${target}"? (key names of ${HADOOP_KEY_SOURCE}; ${hadoop})`,
        fixes,
      };
      report(finding);
    };
    for (const c of allClassifications(model)) {
      const name = c.name?.trim();
      if (!name || c.ancestors.length > 0 || !HADOOP_CLASSIFICATIONS.has(name)) continue;
      const last = new Map(c.properties.map((e) => [e.key, e]));
      for (const entry of c.properties) {
        // Spark keys in a Hadoop file are EMR011's; an entry set again later is EMR006's.
        if (entry.key.startsWith('spark.') || last.get(entry.key) !== entry) continue;
        check(entry, entry.key, '', `Hadoop (${name}.xml)`);
      }
    }
    const catalog = sparkCatalog(release);
    for (const { entry } of liveEntriesOf(model, 'spark-defaults')) {
      if (!entry.key.startsWith('spark.hadoop.')) continue;
      const status = sparkKeyStatusOf(catalog, entry.key);
      if (status.kind === 'hadoop') check(entry, status.hadoopKey, 'spark.hadoop.', "Spark's Hadoop configuration");
    }
  },
};
