import { emrRelease, type EmrRelease } from '../catalog';
import { compareFindings, type Finding, type Severity, type TextEdit } from '../engine/findings';
import type { ConfigModel } from '../engine/model';
import { isSuppressed, suppressionsOf } from '../engine/suppressions';
import { readDocument, type FormatQuery } from '../formats';
import { RULES } from '../rules';
import { withoutSyntaxCascade } from '../rules/syntaxCascade';
import type { Rule, RuleContext } from '../rules/types';
import { computeSizing, type ClusterOverride } from '../sizing/compute';
import type { SizingReport } from '../sizing/report';
import type { SettingsLayer } from '../sizing/submission';
import { scopeValues } from '../engine/effective';
import { capFindings } from '../engine/limits';
import { setFixes, transformFixes } from '../engine/lazyFixes';
import { hideSecrets } from '../engine/secrets';
import { checkEntries, type EntryMemo } from './entryChecks';

/** Documents larger than this are refused rather than parsed (the editor reports one finding, the CLI exits 2). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export type SeverityOverride = Severity | 'off';

export interface AnalysisOptions {
  /** Release to assume when the document has no ReleaseLabel. */
  release?: string;
  /** Cluster to size against when the document does not describe one. */
  cluster?: ClusterOverride;
  /** Per rule ID or name. */
  severities?: Record<string, SeverityOverride>;
  /** Rules to run (defaults to the registry). */
  rules?: readonly Rule[];
  /** Findings kept at most (MAX_FINDINGS_PER_FILE unless given); the rest are counted in omittedFindings. */
  maxFindings?: number;
  /** What the entry rules found in the last analysis of the same document, to reuse for entries that did not change. */
  entryMemo?: EntryMemo;
}

export interface SubmissionSizing {
  /** `step "Load"`, `sparkSubmitParameters`. */
  label: string;
  sizing: SizingReport;
}

export interface Analysis {
  model: ConfigModel;
  findings: Finding[];
  sizing: SizingReport;
  /** The sizing of each spark-submit invocation's own settings (on top of spark-defaults), for those that set any. */
  submissionSizing: SubmissionSizing[];
  /** Rules that threw: the analysis goes on without them. */
  ruleFailures: { ruleId: string; error: string }[];
  /** Findings left out beyond MAX_FINDINGS_PER_FILE. */
  omittedFindings?: number;
}

/**
 * The release a label names. EMR on EKS labels carry a suffix (`emr-6.15.0-latest`, `emr-6.10.0-20230905`) on
 * the release they refresh.
 */
export function releaseOf(label: string): EmrRelease | undefined {
  return emrRelease(label) ?? emrRelease(label.replace(/-(latest|\d{8})$/, ''));
}

function resolveRelease(model: ConfigModel, fallback?: string): { release?: EmrRelease; label?: string } {
  const label = model.cluster.releaseLabel?.value ?? fallback;
  return { release: label ? releaseOf(label) : undefined, label };
}

function effectiveSeverity(rule: Rule, requested: Severity, overrides?: Record<string, SeverityOverride>): SeverityOverride {
  const override = overrides?.[rule.id] ?? overrides?.[rule.name];
  if (!override) return requested;
  return override;
}

/**
 * In JSON that does not parse, the tree past the first syntax problem is the parser's guess, so a fix there could
 * make things worse (fuzzing found insertions after a half-typed member that added a dozen syntax errors): only
 * fixes whose edits all end before the first problem are kept.
 */
function dropFixesPastSyntaxProblems(model: ConfigModel, findings: Finding[]): void {
  if (model.format === 'properties' || model.syntaxProblems.length === 0) return;
  const first = model.syntaxProblems.reduce((min, p) => Math.min(min, p.span.start), Infinity);
  // In YAML a node before the problem may own the lines after it (they are indented under it), so an edit there that
  // spans lines, removing or rewriting a block, could leave them orphaned: only edits within one line are kept.
  const safe = (edit: TextEdit) => edit.span.end < first && (model.format !== 'yaml' || !/[\r\n]/.test(model.text.slice(edit.span.start, edit.span.end)));
  for (const finding of findings) transformFixes(finding, (fixes) => fixes.filter((fix) => fix.edits.every(safe)));
}

/** The rules that run on a document: those whose parts it provides, not turned off, opt-in ones only when asked for. */
function rulesToRun(model: ConfigModel, options: AnalysisOptions): Rule[] {
  return (options.rules ?? RULES).filter(
    (rule) =>
      rule.reads.every((part) => model.parts.has(part)) &&
      !(options.severities && effectiveSeverity(rule, rule.severity, options.severities) === 'off') &&
      !(rule.optIn && !(options.severities?.[rule.id] ?? options.severities?.[rule.name])),
  );
}

/**
 * Each spark-submit invocation starts an application with its own settings on top of spark-defaults. The rules that
 * size run again against those settings, and what they report inside the invocation's arguments (an executor the
 * arguments make too large for YARN) is reported there, once.
 */
function submissionPasses(
  model: ConfigModel,
  options: AnalysisOptions,
  release: EmrRelease | undefined,
  run: (rule: Rule, context: RuleContext) => void,
  base: RuleContext,
  findings: Finding[],
): SubmissionSizing[] {
  const sizings: SubmissionSizing[] = [];
  // Made only for a document with spark-submit settings: most have none, and a keystroke need not key every finding.
  let seen: Set<string> | undefined;
  for (const submission of model.submissions) {
    const entries = scopeValues(submission.scope, 'spark-defaults');
    if (entries.size === 0) continue;
    seen ??= new Set(findings.map((f) => `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`));
    const reported = seen;
    const layer: SettingsLayer = { origin: 'submit-arguments', label: `the spark-submit arguments of ${submission.label}`, entries };
    const sizing = computeSizing(model, { release, cluster: options.cluster, layers: [layer] });
    sizings.push({ label: submission.label, sizing });
    // Entry rules never ask for sizing, so they have nothing to report here.
    for (const rule of rulesToRun(model, options).filter((r) => !r.checkEntry)) {
      let sized = false;
      const context: RuleContext = {
        ...base,
        sizing: () => {
          sized = true;
          return sizing;
        },
        report(report) {
          const inside = report.span.start >= submission.span.start && report.span.end <= submission.span.end;
          const key = `${rule.id}\u0000${report.span.start}\u0000${report.span.end}\u0000${report.message}`;
          if (!sized || !inside || reported.has(key)) return;
          reported.add(key);
          base.report(report);
        },
      };
      run(rule, context);
    }
  }
  return sizings;
}

export function analyzeModel(model: ConfigModel, options: AnalysisOptions = {}): Analysis {
  const findings: Finding[] = [];
  const ruleFailures: Analysis['ruleFailures'] = [];
  const { release, label } = resolveRelease(model, options.release);
  let sizing: SizingReport | undefined;
  const getSizing = () => (sizing ??= computeSizing(model, { release, cluster: options.cluster }));
  if (!model.recognized) return { model, findings, sizing: getSizing(), submissionSizing: [], ruleFailures };
  // One context for every rule: `rule` names the one running, so its reports are filed under it.
  let rule: Rule = RULES[0];
  const context: RuleContext = {
    model,
    release,
    releaseLabel: label,
    sizing: getSizing,
    report(report) {
      const severity = effectiveSeverity(rule, report.severity ?? rule.severity, options.severities);
      if (severity === 'off') return;
      findings.push(
        setFixes(
          {
            ruleId: rule.id,
            rule: rule.name,
            severity,
            message: report.message,
            span: report.span,
            path: report.path,
            related: report.related ?? [],
          },
          report.fixes,
        ),
      );
    },
  };
  const failed = (failing: Rule, error: unknown) => ruleFailures.push({ ruleId: failing.id, error: error instanceof Error ? error.message : String(error) });
  const toRun = rulesToRun(model, options);
  for (const next of toRun) {
    if (next.checkEntry) continue;
    rule = next;
    try {
      rule.check(context);
    } catch (error) {
      failed(rule, error);
    }
  }
  checkEntries(
    toRun.filter((r) => r.checkEntry),
    context,
    options.entryMemo,
    (next, report) => {
      rule = next;
      context.report(report);
    },
    failed,
  );
  const submissionSizing = submissionPasses(model, options, release, (next, context) => {
    rule = next;
    try {
      next.check(context);
    } catch (error) {
      failed(next, error);
    }
  }, context, findings);
  dropFixesPastSyntaxProblems(model, findings);
  const suppressions = suppressionsOf(model);
  const uncascaded = withoutSyntaxCascade(model, findings, 'EMR001');
  const unsuppressed = suppressions.length > 0 ? uncascaded.filter((f) => !isSuppressed(f, suppressions)) : uncascaded;
  unsuppressed.sort(compareFindings);
  const { kept, omitted } = capFindings(unsuppressed, options.maxFindings);
  hideSecrets(model, kept);
  return { model, findings: kept, sizing: getSizing(), submissionSizing, ruleFailures, ...(omitted > 0 ? { omittedFindings: omitted } : {}) };
}

/** Reads and analyses a document (one that no format reads, or that is not an EMR configuration, is not recognized). */
export function analyzeText(text: string, fileName: string, options: AnalysisOptions & Omit<FormatQuery, 'text' | 'fileName'> = {}): Analysis {
  return analyzeModel(readDocument({ text, fileName, languageId: options.languageId }), options);
}
