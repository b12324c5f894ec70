import { compareVersions } from '../catalog';
import { removeArgument } from '../engine/edits';
import type { Rule } from './types';

export const propertiesFileReplacesDefaults: Rule = {
  id: 'SUB003',
  name: 'properties-file-replaces-defaults',
  severity: 'warning',
  summary: 'spark-submit --properties-file: spark-submit then reads that file instead of spark-defaults.conf, so the spark-defaults classification does not apply.',
  reads: ['submit-arguments'],
  check({ model, release, report }) {
    // Spark 4.0 added --load-spark-defaults, which reads spark-defaults.conf as well.
    const spark = release?.spark;
    for (const submission of model.submissions) {
      const file = submission.options.find((o) => o.name === '--properties-file' && o.value !== undefined);
      if (!file || submission.options.some((o) => o.name === '--load-spark-defaults')) continue;
      const sparkWords = spark ? `Spark ${spark} (${release!.label})` : 'Spark';
      const later = spark && compareVersions(spark, '4.0.0') >= 0 ? ' Add --load-spark-defaults to read both.' : '';
      report({
        span: file.nameSpan,
        path: submission.path,
        message:
          `--properties-file in ${submission.label}: ${sparkWords} then reads ${file.value} instead of spark-defaults.conf, so nothing of the spark-defaults ` +
          `classification reaches this application, EMR's own executor sizes and settings included. Put the settings in the spark-defaults classification or in --conf options.${later}`,
        fixes: [{ title: 'Remove --properties-file', edits: [removeArgument(model, file.argument)] }],
      });
    }
  },
};
