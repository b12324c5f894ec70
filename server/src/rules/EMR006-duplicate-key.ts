import { removeEntry } from '../engine/edits';
import { movedReports, reportsWithin, type MovableReport } from '../engine/movedReports';
import { showValue } from '../engine/secrets';
import { allClassifications, type Classification, type ConfigModel, type PropertyEntry } from '../engine/model';
import { SubtreeMemo } from '../engine/subtreeMemo';
import { isTemplateEntry } from '../engine/templates';
import { detached, LineIndex } from '../engine/text';
import type { Rule } from './types';

/** A classification's reports, and the line it starts on (its messages name lines) when there are any. */
interface Duplicates {
  reports: MovableReport[];
  firstLine?: number;
}

/**
 * Each classification's reports kept across edits (engine/subtreeMemo.ts): a classification no edit changed inside
 * has the same duplicates, moved, and the same lines if it starts on the same one.
 */
const keptDuplicates = new SubtreeMemo<Duplicates>(
  (kept, by) => ({ reports: movedReports(kept.reports, by), firstLine: kept.firstLine }),
  (kept, span) => reportsWithin(kept.reports, span),
);

/** The classification's duplicate keys: every entry a later one of the same key overrides. */
function duplicatesIn(model: ConfigModel, c: Classification, lines: () => LineIndex): Duplicates {
  const reports: MovableReport[] = [];
  const last = new Map<string, PropertyEntry>();
  for (const entry of c.properties) last.set(entry.key, entry);
  for (const entry of c.properties) {
    const winner = last.get(entry.key)!;
    // Template statements ({% if %} ... {% endif %}) read as keys repeat by nature.
    if (winner === entry || isTemplateEntry(model, entry)) continue;
    const line = lines().positionAt(winner.keySpan.start).line + 1;
    reports.push({
      span: entry.keySpan,
      path: entry.path,
      message: `"${entry.key}" is set again on line ${line}; that later value (${showValue(entry.key, winner.value)}) wins and this one (${showValue(entry.key, entry.value)}) is ignored.`,
      related: [{ span: winner.keySpan, message: `The value of "${entry.key}" that takes effect.` }],
      fixes: [{ title: `Remove this ignored "${entry.key}"`, edits: [removeEntry(model, c, entry)], preferred: true }],
    });
  }
  return reports.length === 0 ? { reports } : { reports: movedReports(reports, 0, detached), firstLine: lines().positionAt(c.span.start).line };
}

export const duplicateKey: Rule = {
  id: 'EMR006',
  name: 'duplicate-key',
  severity: 'warning',
  summary: 'The same key twice in one Properties object or properties file: only the last one counts.',
  reads: ['properties'],
  check({ model, report }) {
    // One line table for the document, built when a duplicate needs it (counting lines per finding was quadratic).
    let table: LineIndex | undefined;
    const lines = () => (table ??= new LineIndex(model.text));
    for (const c of allClassifications(model)) {
      if (c.properties.length < 2) continue;
      const found = keptDuplicates.get(model, c.source, c.span, () => `${model.format}\u0000${c.path.join('\u0000')}`, () => duplicatesIn(model, c, lines), (kept) =>
        kept.reports.length === 0 || kept.firstLine === lines().positionAt(c.span.start).line,
      );
      for (const r of found.reports) report(r);
    }
  },
};
