import type { PropertyEntry } from '../engine/model';
import type { Fix } from '../engine/findings';
import { oncePer } from '../engine/memo';
import { hasUnreadableSizingKeys } from '../sizing/evaluate';
import { recomputeFix } from '../sizing/recompute';
import type { Evaluation, SizingReport } from '../sizing/report';
import type { SubmissionSettings } from '../sizing/submission';
import type { RuleContext } from './types';

type Settings = ReadonlyMap<string, PropertyEntry>;

export interface SizedContext {
  report: SizingReport;
  evaluation: Evaluation;
  /** The spark-defaults entries that govern a submission from the primary node. */
  settings: Settings;
  /** The same with origins, and EMR's and Spark's defaults for unset keys. */
  governing: SubmissionSettings;
  /** The first executor node type, for messages. */
  typeName: string;
}

export interface SettingsContext {
  report: SizingReport;
  containers: NonNullable<SizingReport['containers']>;
  settings: Settings;
  governing: SubmissionSettings;
}

// Sizing findings stay silent while a sizing value is unreadable: the value rules report that first.
// A report belongs to one analysis, and a dozen rules ask the same of it: the answers are kept per report.
const sizedContext = oncePer((report: SizingReport): SizedContext | undefined => {
  const { evaluation, settings, cluster, governing } = report;
  if (!evaluation || !settings || !governing || !cluster || hasUnreadableSizingKeys(settings)) return undefined;
  return { report, evaluation, settings, governing, typeName: cluster.nodes[0].instanceType };
});

const settingsContext = oncePer((report: SizingReport): SettingsContext | undefined => {
  const { settings, containers, governing } = report;
  if (!settings || !containers || !governing || hasUnreadableSizingKeys(settings)) return undefined;
  return { report, containers, settings, governing };
});

/** The sizing of the document when there is a cluster and settings to evaluate; undefined otherwise. */
export function sized(context: RuleContext): SizedContext | undefined {
  return sizedContext(context.sizing());
}

/** The document's spark-defaults and the containers they ask for, with or without a cluster. */
export function settingsOf(context: RuleContext): SettingsContext | undefined {
  return settingsContext(context.sizing());
}

/**
 * The rule's own fixes followed by "Recompute executors for <type>" when the cluster is known and its plan fits,
 * written when the finding's fixes are first read: the plan behind Recompute is not worked out on every keystroke.
 */
export function withRecompute(context: RuleContext, report: SizingReport, fixes: Fix[]): () => Fix[] {
  const { model } = context;
  return () => {
    const recompute = recomputeFix(model, report);
    return recompute ? [...fixes, recompute] : fixes;
  };
}

/** Where a finding about one of these settings goes: the first of them that the document sets. */
export function firstSet(settings: Settings, ...keys: string[]): PropertyEntry | undefined {
  for (const key of keys) {
    const entry = settings.get(key);
    if (entry) return entry;
  }
  return undefined;
}
