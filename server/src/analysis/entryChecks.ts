import type { EmrRelease } from '../catalog';
import type { Fix, RelatedLocation } from '../engine/findings';
import { fixesNow } from '../engine/lazyFixes';
import { movedReports, reportsWithin } from '../engine/movedReports';
import { allClassifications, samePath, type Classification, type ConfigModel, type ModelPath, type PropertyEntry } from '../engine/model';
import { templateRegions } from '../engine/templates';
import { editStampOf } from '../formats/editStamps';
import type { TreeNode } from '../formats/tree';
import { detached, type Span } from '../engine/text';
import { forEachEntryOf, placeOf } from '../rules/entryRule';
import type { EntryPlace, Report, Rule, RuleContext } from '../rules/types';

/** A report with every offset counted from the start of its entry. */
interface StoredReport {
  rule: Rule;
  span: Span;
  path: ModelPath;
  message: string;
  severity?: Report['severity'];
  fixes: Fix[];
  related: RelatedLocation[];
}

/** What an entry was when its reports were kept: reused only for an entry that is the same in every respect. */
interface StoredEntry {
  place: string;
  live: boolean;
  template: boolean;
  path: ModelPath;
  key: string;
  value: string;
  valueKind: PropertyEntry['valueKind'];
  /** Where the entry's parts are, from its start (-1: absent). */
  offsets: readonly number[];
  reports: readonly StoredReport[];
}

/** A classification whose entries' reports are all kept: reused whole while its syntax node is not edited inside. */
interface StoredClassification {
  stamp: number | undefined;
  place: string;
  path: ModelPath;
  length: number;
  /** The entries that have reports: where each starts, from the classification's start, and its kept reports. */
  parts: readonly { at: number; reports: readonly StoredReport[] }[];
}

/** What an entry's check gave, as checkEntries collects it for its classification. */
interface EntryOutcome {
  at: number;
  reports: readonly StoredReport[];
}

/**
 * What the entry rules reported for each entry of a document's last analysis, so that the next version of the
 * document (a keystroke later) asks them again only about the entries that changed. Entries are found by the syntax
 * node they were read from (PropertyEntry.source): the incremental reader keeps the nodes of the text an edit did
 * not touch, and reuses the member of an object value edited inside, so an entry is reused when its key, value (the
 * raw text of an object or array), path, place and offsets are the same too. Offsets are kept relative to the
 * entry, so an entry moved by an edit above it gets its reports where it now is. Weakly held: the reports of nodes the document no longer has go with them. One memo per
 * document.
 */
export class EntryMemo {
  private documentKey = '';
  private stored = new WeakMap<object, StoredEntry>();
  private classifications = new WeakMap<object, StoredClassification>();
  /** In the last analysis: entries whose reports were reused, and entries the rules were asked about. */
  recalled = 0;
  checked = 0;
  /** Classifications whose reports were reused whole, without a look at their entries. */
  recalledClassifications = 0;

  /** Starts an analysis; what the memo holds is kept only if everything the entries' checks read besides them is unchanged. */
  begin(documentKey: string): void {
    if (documentKey !== this.documentKey) {
      this.stored = new WeakMap();
      this.classifications = new WeakMap();
    }
    this.documentKey = documentKey;
    this.recalled = 0;
    this.checked = 0;
    this.recalledClassifications = 0;
  }

  recall(entry: PropertyEntry, place: EntryPlace, placeKey: string): readonly StoredReport[] | undefined {
    const stored = entry.source && this.stored.get(entry.source);
    if (!stored || !sameEntry(stored, entry, place, placeKey)) {
      this.checked++;
      return undefined;
    }
    this.recalled++;
    return stored.reports;
  }

  /**
   * The kept reports of every entry of a classification whose syntax node is the one read last time and was not
   * edited inside since (formats/editStamps.ts): its text, and so its entries, are the same, moved at most.
   */
  recallClassification(classification: Classification, placeKey: string): StoredClassification | undefined {
    const stored = classification.source && this.classifications.get(classification.source);
    if (
      !stored ||
      stored.stamp !== editStampOf(classification.source!) ||
      stored.place !== placeKey ||
      stored.length !== classification.span.end - classification.span.start ||
      !samePath(stored.path, classification.path)
    ) {
      return undefined;
    }
    this.recalled += classification.properties.length;
    this.recalledClassifications++;
    return stored;
  }

  rememberClassification(classification: Classification, placeKey: string, outcomes: readonly EntryOutcome[]): void {
    if (!classification.source) return;
    const { span, path } = classification;
    const parts = outcomes.filter((o) => o.reports.length > 0).map((o) => ({ at: o.at - span.start, reports: o.reports }));
    this.classifications.set(classification.source, { stamp: editStampOf(classification.source), place: placeKey, path, length: span.end - span.start, parts });
  }

  /** Keeps the entry's reports (offsets from the entry's start); false when the entry cannot be found again. */
  remember(entry: PropertyEntry, place: EntryPlace, placeKey: string, reports: readonly StoredReport[]): boolean {
    if (!entry.source || entry.argument) return false;
    const { path, key, valueKind } = entry;
    // The key and a string value are the node's own (the same string next time: compared at once); a number's value
    // is a slice of the text, kept as a copy.
    const valueNode = (entry.source as TreeNode).children?.[1];
    const value = typeof valueNode?.value === 'string' && valueNode.value === entry.value ? valueNode.value : detached(entry.value);
    const base = entry.entrySpan.start;
    const offsets = [entry.keySpan.start, entry.keySpan.end, entry.valueSpan?.start, entry.valueSpan?.end, entry.entrySpan.end, entry.lineSpan?.start, entry.lineSpan?.end].map((at) => relative(at, base));
    this.stored.set(entry.source, { place: placeKey, live: place.live, template: place.template, path, key, value, valueKind, offsets, reports });
    return true;
  }
}

const relative = (at: number | undefined, base: number) => (at === undefined ? -1 : at - base);

function sameEntry(stored: StoredEntry, entry: PropertyEntry, place: EntryPlace, placeKey: string): boolean {
  if (
    stored.place !== placeKey ||
    stored.live !== place.live ||
    stored.template !== place.template ||
    stored.key !== entry.key ||
    stored.value !== entry.value ||
    stored.valueKind !== entry.valueKind ||
    stored.path.length !== entry.path.length ||
    entry.argument
  ) {
    return false;
  }
  if (!samePath(stored.path, entry.path)) return false;
  const base = entry.entrySpan.start;
  const o = stored.offsets;
  return (
    o[0] === entry.keySpan.start - base &&
    o[1] === entry.keySpan.end - base &&
    o[2] === relative(entry.valueSpan?.start, base) &&
    o[3] === relative(entry.valueSpan?.end, base) &&
    o[4] === entry.entrySpan.end - base &&
    o[5] === relative(entry.lineSpan?.start, base) &&
    o[6] === relative(entry.lineSpan?.end, base)
  );
}

/** What the entry rules read of a classification: the same string for every entry of it. */
function placeKeyOf(place: EntryPlace): string {
  return [place.name ?? '\u0001', place.ancestors.join('\u0002'), place.scopeKind, place.propertiesName].join('\u0000');
}

/** What the entries' checks read besides the entries: the model's document-wide facts, the release and the rules that run. */
function documentKeyOf(model: ConfigModel, release: EmrRelease | undefined, releaseLabel: string | undefined, rules: readonly Rule[]): string {
  return [model.format, model.shape.id, [...model.parts].sort().join(','), release?.label ?? '', releaseLabel ?? '', rules.map((r) => r.id).join(',')].join('\u0000');
}

/** The entry's extent: a report kept for it must fall inside, or moving the entry would misplace it. */
function extentOf(entry: PropertyEntry): Span {
  return { start: Math.min(entry.entrySpan.start, entry.lineSpan?.start ?? Infinity), end: Math.max(entry.entrySpan.end, entry.lineSpan?.end ?? -Infinity) };
}

/**
 * Runs the entry rules (those with checkEntry) over every entry of the model, through the memo when there is one:
 * a classification not edited inside since the last analysis gets all its reports again, and an entry met in the last
 * analysis with the same text and place gets its own, moved to where they are now. `report` files each report under
 * its rule.
 */
export function checkEntries(
  rules: readonly Rule[],
  context: RuleContext,
  memo: EntryMemo | undefined,
  report: (rule: Rule, report: Report) => void,
  failed: (rule: Rule, error: unknown) => void,
): void {
  if (rules.length === 0) return;
  const { model } = context;
  memo?.begin(documentKeyOf(model, context.release, context.releaseLabel, rules));
  // A template block decides which entries are settings across classifications: each entry is then looked at.
  const wholeClassifications = memo !== undefined && templateRegions(model).length === 0;
  // What the rules report about the entry being checked.
  let reports: StoredReport[] = [];
  const contexts = rules.map((rule): RuleContext => ({ ...context, report: (r) => reports.push({ rule, ...r, fixes: fixesNow(r.fixes), related: r.related ?? [] }) }));
  for (const classification of allClassifications(model)) {
    const place = placeOf(classification);
    const placeKey = memo ? placeKeyOf(place) : '';
    const whole = wholeClassifications && memo ? memo.recallClassification(classification, placeKey) : undefined;
    if (whole) {
      for (const part of whole.parts) for (const stored of movedReports(part.reports, classification.span.start + part.at)) report(stored.rule, stored);
      continue;
    }
    // What each entry's check gave, while every one of them can be kept.
    let outcomes: EntryOutcome[] | undefined = wholeClassifications ? [] : undefined;
    forEachEntryOf(model, classification, place, (entry) => {
      const base = entry.entrySpan.start;
      const recalled = memo?.recall(entry, place, placeKey);
      if (recalled) {
        for (const stored of movedReports(recalled, base)) report(stored.rule, stored);
        outcomes?.push({ at: base, reports: recalled });
        return;
      }
      reports = [];
      let complete = true;
      rules.forEach((rule, i) => {
        try {
          rule.checkEntry!(entry, place, contexts[i]);
        } catch (error) {
          complete = false;
          failed(rule, error);
        }
      });
      for (const r of reports) report(r.rule, r);
      const kept = memo && complete && reportsWithin(reports, extentOf(entry)) ? movedReports(reports, -base, detached) : undefined;
      if (memo && kept && memo.remember(entry, place, placeKey, kept)) outcomes?.push({ at: base, reports: kept });
      else outcomes = undefined;
    });
    if (outcomes && memo) memo.rememberClassification(classification, placeKey, outcomes);
  }
}
