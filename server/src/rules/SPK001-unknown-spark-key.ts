import { sparkOption, sparkOptionNames } from '../catalog';
import { renameKey } from '../engine/edits';
import { entriesOf } from '../engine/effective';
import { didYouMean } from '../engine/suggest';
import { inOpenNamespace } from './openNamespaces';
import type { Rule } from './types';

export const unknownSparkKey: Rule = {
  id: 'SPK001',
  name: 'unknown-spark-key',
  severity: 'warning',
  summary: 'A spark.* key that Spark does not define; Spark ignores it without a word.',
  reads: ['properties'],
  check({ model, report }) {
    for (const { entry } of entriesOf(model, 'spark-defaults')) {
      const key = entry.key;
      if (!key.startsWith('spark.') || sparkOption(key) || inOpenNamespace(key)) continue;
      const suggestion = didYouMean(key, sparkOptionNames());
      report({
        span: entry.keySpan,
        path: entry.path,
        severity: suggestion ? 'warning' : 'info',
        message: suggestion
          ? `Unknown Spark property "${key}": Spark ignores it. Did you mean "${suggestion}"?`
          : `"${key}" is not a Spark property; Spark ignores it unless your own code reads it.`,
        fixes: suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [renameKey(model, entry, suggestion)], preferred: true }] : [],
      });
    }
  },
};
