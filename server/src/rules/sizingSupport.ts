import type { PropertyEntry } from '../engine/model';
import type { Fix } from '../engine/findings';
import { unreadableSizingKeys } from '../sizing/evaluate';
import { recomputeFix } from '../sizing/recompute';
import type { Evaluation, SizingReport } from '../sizing/report';
import type { RuleContext } from './types';

export interface SizedContext {
  report: SizingReport;
  evaluation: Evaluation;
  settings: Map<string, PropertyEntry>;
  /** The first executor node type, for messages. */
  typeName: string;
}

// Sizing findings stay silent while a sizing value is unreadable: the value rules report that first.

/** The sizing of the document when there is a cluster and settings to evaluate; undefined otherwise. */
export function sized(context: RuleContext): SizedContext | undefined {
  const report = context.sizing();
  if (!report.evaluation || !report.settings || !report.cluster || unreadableSizingKeys(report.settings).length > 0) return undefined;
  return { report, evaluation: report.evaluation, settings: report.settings, typeName: report.cluster.nodes[0].instanceType };
}

export interface SettingsContext {
  report: SizingReport;
  containers: NonNullable<SizingReport['containers']>;
  settings: Map<string, PropertyEntry>;
}

/** The document's spark-defaults and the containers they ask for, with or without a cluster. */
export function settingsOf(context: RuleContext): SettingsContext | undefined {
  const report = context.sizing();
  if (!report.settings || !report.containers || unreadableSizingKeys(report.settings).length > 0) return undefined;
  return { report, containers: report.containers, settings: report.settings };
}

/** The rule's own fixes followed by "Recompute executors for <type>" when the cluster is known and its plan fits. */
export function withRecompute(context: RuleContext, report: SizingReport, fixes: Fix[]): Fix[] {
  const recompute = recomputeFix(context.model, report);
  return recompute ? [...fixes, recompute] : fixes;
}

/** Where a finding about one of these settings goes: the first of them that the document sets. */
export function firstSet(settings: Map<string, PropertyEntry>, ...keys: string[]): PropertyEntry | undefined {
  for (const key of keys) {
    const entry = settings.get(key);
    if (entry) return entry;
  }
  return undefined;
}
