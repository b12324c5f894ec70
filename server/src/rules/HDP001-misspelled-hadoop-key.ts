import { sparkCatalog, sparkKeyStatusOf } from '../catalog';
import { hadoopKeyStatus, HADOOP_KEY_SOURCE } from '../catalog/hadoopKeys';
import { renameKey } from '../engine/edits';
import type { Fix } from '../engine/findings';
import type { Rule } from './types';
import { entryRule } from './entryRule';

/** The classifications EMR writes to Hadoop's own files. */
const HADOOP_CLASSIFICATIONS: ReadonlySet<string> = new Set(['yarn-site', 'core-site', 'hdfs-site', 'mapred-site', 'capacity-scheduler']);

export const misspelledHadoopKey: Rule = entryRule({
  id: 'HDP001',
  name: 'misspelled-hadoop-key',
  severity: 'warning',
  summary: 'A key in a Hadoop classification (or after spark.hadoop.) that is a misspelling of a Hadoop key: Hadoop ignores it.',
  reads: ['properties'],
  checkEntry(entry, place, { model, release, report }) {
    // An entry set again later is EMR006's.
    if (!place.live || place.template || place.ancestors.length > 0 || !place.name) return;
    let hadoopKey: string;
    let prefix = '';
    let where: string;
    if (place.name === 'spark-defaults') {
      if (!entry.key.startsWith('spark.hadoop.')) return;
      const status = sparkKeyStatusOf(sparkCatalog(release), entry.key);
      if (status.kind !== 'hadoop') return;
      hadoopKey = status.hadoopKey;
      prefix = 'spark.hadoop.';
      where = "Spark's Hadoop configuration";
    } else {
      // Spark keys in a Hadoop file are EMR011's.
      if (!HADOOP_CLASSIFICATIONS.has(place.name) || entry.key.startsWith('spark.')) return;
      hadoopKey = entry.key;
      where = `Hadoop (${place.name}.xml)`;
    }
    const status = hadoopKeyStatus(hadoopKey);
    if (status.kind !== 'misspelled') return;
    const hadoop = release?.hadoop ? `${release.label} runs Hadoop ${release.hadoop}` : 'the file names no release';
    const target = `${prefix}${status.suggestion.name}`;
    const fixes: Fix[] = [{ title: `Rename to "${target}"`, edits: [renameKey(model, entry, target)], preferred: status.suggestion.unambiguous }];
    report({
      span: entry.keySpan,
      path: entry.path,
      message: `"${entry.key}" is not a Hadoop setting, so ${where} ignores it. Did you mean "${target}"? (key names of ${HADOOP_KEY_SOURCE}; ${hadoop})`,
      fixes,
    });
  },
});
