import type { PropertyEntry } from '../engine/model';
import type { Fix } from '../engine/findings';
import { hasUnreadableSizingKeys } from '../sizing/evaluate';
import { recomputeFix } from '../sizing/recompute';
import type { Evaluation, SizingReport } from '../sizing/report';
import type { RuleContext } from './types';

type Settings = ReadonlyMap<string, PropertyEntry>;

export interface SizedContext {
  report: SizingReport;
  evaluation: Evaluation;
  settings: Settings;
  /** The first executor node type, for messages. */
  typeName: string;
}

export interface SettingsContext {
  report: SizingReport;
  containers: NonNullable<SizingReport['containers']>;
  settings: Settings;
}

// Sizing findings stay silent while a sizing value is unreadable: the value rules report that first.
// A report belongs to one analysis, and a dozen rules ask the same of it: the answers are kept per report.
const sizedOf = new WeakMap<SizingReport, SizedContext | null>();
const settingsContextOf = new WeakMap<SizingReport, SettingsContext | null>();

/** The sizing of the document when there is a cluster and settings to evaluate; undefined otherwise. */
export function sized(context: RuleContext): SizedContext | undefined {
  const report = context.sizing();
  let s = sizedOf.get(report);
  if (s === undefined) sizedOf.set(report, (s = sizedContext(report)));
  return s ?? undefined;
}

function sizedContext(report: SizingReport): SizedContext | null {
  const { evaluation, settings, cluster } = report;
  if (!evaluation || !settings || !cluster || hasUnreadableSizingKeys(settings)) return null;
  return { report, evaluation, settings, typeName: cluster.nodes[0].instanceType };
}

/** The document's spark-defaults and the containers they ask for, with or without a cluster. */
export function settingsOf(context: RuleContext): SettingsContext | undefined {
  const report = context.sizing();
  let s = settingsContextOf.get(report);
  if (s === undefined) settingsContextOf.set(report, (s = settingsContext(report)));
  return s ?? undefined;
}

function settingsContext(report: SizingReport): SettingsContext | null {
  const { settings, containers } = report;
  if (!settings || !containers || hasUnreadableSizingKeys(settings)) return null;
  return { report, containers, settings };
}

/** The rule's own fixes followed by "Recompute executors for <type>" when the cluster is known and its plan fits. */
export function withRecompute(context: RuleContext, report: SizingReport, fixes: Fix[]): Fix[] {
  const recompute = recomputeFix(context.model, report);
  return recompute ? [...fixes, recompute] : fixes;
}

/** Where a finding about one of these settings goes: the first of them that the document sets. */
export function firstSet(settings: Settings, ...keys: string[]): PropertyEntry | undefined {
  for (const key of keys) {
    const entry = settings.get(key);
    if (entry) return entry;
  }
  return undefined;
}
