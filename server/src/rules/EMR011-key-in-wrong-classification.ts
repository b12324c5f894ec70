import { hadoopOption, sparkCatalog } from '../catalog';
import { removeEntry, renameKey, setProperties } from '../engine/edits';
import { isSecretKey } from '../engine/secrets';
import type { Fix } from '../engine/findings';
import { allClassifications, siblingsOf, type Classification, type ConfigModel, type PropertyEntry } from '../engine/model';
import type { Rule } from './types';

const HADOOP_FILES = ['yarn-site', 'core-site', 'hdfs-site', 'mapred-site'];

/** Spark keys that Spark's shuffle service, running inside the YARN NodeManager, reads from yarn-site. */
const SHUFFLE_SERVICE_PREFIXES = ['spark.shuffle.', 'spark.yarn.shuffle.', 'spark.authenticate', 'spark.network.'];

/** A move into the classification `name` beside `from`, when the document has one there. */
function moveFix(model: ConfigModel, from: Classification, entry: PropertyEntry, name: string, key = entry.key): Fix | undefined {
  const target = siblingsOf(from).siblings.find((s) => s.name?.trim() === name && s !== from);
  if (!target || entry.valueKind !== 'string') return undefined;
  const edits = [...setProperties(model, target, { [key]: entry.value }), removeEntry(model, from, entry)];
  // The value moves as written; a secret one is not shown, and machine output leaves these edits out.
  if (isSecretKey(entry.key)) return { title: `Move to ${name} (the secret value moves with it, not shown)`, edits, carriesSecret: true };
  return { title: `Move to ${name}`, edits };
}

export const keyInWrongClassification: Rule = {
  id: 'EMR011',
  name: 'key-in-wrong-classification',
  severity: 'warning',
  summary: 'A Spark key in a Hadoop classification, a Hadoop key in spark-defaults, or maximizeResourceAllocation outside the spark classification.',
  reads: ['properties'],
  check({ model, release, report }) {
    const catalog = sparkCatalog(release);
    for (const c of allClassifications(model)) {
      const name = c.name?.trim();
      if (!name || c.ancestors.length > 0) continue;
      const hadoopFile = HADOOP_FILES.includes(name);
      if (name !== 'spark-defaults' && !hadoopFile) continue;
      for (const entry of c.properties) {
        const key = entry.key;
        if (name === 'spark-defaults' && key === 'maximizeResourceAllocation') {
          const fix = model.parts.has('classifications') ? moveFix(model, c, entry, 'spark') : undefined;
          report({
            span: entry.keySpan,
            path: entry.path,
            message: 'maximizeResourceAllocation belongs to the EMR "spark" classification; in spark-defaults it is a key without the spark. prefix, which spark-submit drops.',
            fixes: fix ? [{ ...fix, preferred: true }] : [],
          });
          continue;
        }
        const hadoop = name === 'spark-defaults' && !key.startsWith('spark.') ? hadoopOption(key) : undefined;
        if (hadoop) {
          const fixes: Fix[] = [{ title: `Rename to spark.hadoop.${key}`, edits: [renameKey(model, entry, `spark.hadoop.${key}`)], preferred: true }];
          // EMR on EKS and EMR Serverless take no Hadoop classification of their own: spark.hadoop.* is the way there.
          const canMove = model.parts.has('classifications') && !model.parts.has('job-run-limits');
          const move = canMove ? moveFix(model, c, entry, hadoop.file) : undefined;
          if (move) fixes.push(move);
          report({
            span: entry.keySpan,
            path: entry.path,
            message: `"${key}" is a ${hadoop.file} setting; Spark drops keys without the spark. prefix. Use spark.hadoop.${key} to pass it to Spark's Hadoop configuration${canMove ? `, or move it to the ${hadoop.file} classification for the cluster` : ''}.`,
            fixes,
          });
          continue;
        }
        if (!hadoopFile || !key.startsWith('spark.')) continue;
        if (name === 'yarn-site' && SHUFFLE_SERVICE_PREFIXES.some((p) => key.startsWith(p))) continue;
        if (!catalog.option(key)) continue;
        const fix = moveFix(model, c, entry, 'spark-defaults');
        report({
          span: entry.keySpan,
          path: entry.path,
          message: `"${key}" is a Spark setting, but ${name} is written to ${name}.xml, which Spark does not read for it. Move it to spark-defaults.`,
          fixes: fix ? [{ ...fix, preferred: true }] : [],
        });
      }
    }
  },
};
