import { removeEntry } from '../engine/edits';
import { showValue } from '../engine/secrets';
import { allClassifications, type PropertyEntry } from '../engine/model';
import { isTemplateEntry } from '../engine/templates';
import { LineIndex } from '../engine/text';
import type { Rule } from './types';

export const duplicateKey: Rule = {
  id: 'EMR006',
  name: 'duplicate-key',
  severity: 'warning',
  summary: 'The same key twice in one Properties object or properties file: only the last one counts.',
  reads: ['properties'],
  check({ model, report }) {
    // One line table for the document, built at the first duplicate (counting lines per finding was quadratic).
    let lines: LineIndex | undefined;
    // The last entry of each key, for one classification at a time: each pass first sets every key it reads, so
    // what earlier classifications left behind is never read (one table for the document, not one per object).
    const last = new Map<string, PropertyEntry>();
    for (const c of allClassifications(model)) {
      if (c.properties.length < 2) continue;
      for (const entry of c.properties) last.set(entry.key, entry);
      for (const entry of c.properties) {
        const winner = last.get(entry.key)!;
        // Template statements ({% if %} ... {% endif %}) read as keys repeat by nature.
        if (winner === entry || isTemplateEntry(model, entry)) continue;
        const line = (lines ??= new LineIndex(model.text)).positionAt(winner.keySpan.start).line + 1;
        report({
          span: entry.keySpan,
          path: entry.path,
          message: `"${entry.key}" is set again on line ${line}; that later value (${showValue(entry.key, winner.value)}) wins and this one (${showValue(entry.key, entry.value)}) is ignored.`,
          related: [{ span: winner.keySpan, message: `The value of "${entry.key}" that takes effect.` }],
          fixes: [{ title: `Remove this ignored "${entry.key}"`, edits: [removeEntry(model, c, entry)], preferred: true }],
        });
      }
    }
  },
};
