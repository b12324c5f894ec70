import type { EmrRelease } from '../catalog';
import type { Finding, Fix, RelatedLocation, Severity } from '../engine/findings';
import type { ConfigModel, ModelPart, ModelPath } from '../engine/model';
import type { Span } from '../engine/text';
import type { SizingReport } from '../sizing/report';

export interface RuleMeta {
  /** Stable identifier: area prefix and number, e.g. SPK001. Never reused. */
  id: string;
  /** Stable kebab-case name, part of the public interface (settings, suppressions). */
  name: string;
  severity: Severity;
  /** One line: what the rule catches. */
  summary: string;
  /** The parts of the model the rule reads: it runs on every document that provides them all, whatever its format. */
  reads: readonly ModelPart[];
  /** Advice that runs only when a severity is set for it (settings, project file): off by default. */
  optIn?: boolean;
}

export interface Report {
  span: Span;
  path: ModelPath;
  message: string;
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext {
  model: ConfigModel;
  /** The release the file targets: its ReleaseLabel, else the one given by the caller. */
  release?: EmrRelease;
  /** The release label as written, when it is not in the catalog. */
  releaseLabel?: string;
  /** Sizing of the cluster the file describes (or the caller supplied), computed once per analysis. */
  sizing(): SizingReport;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export type { Finding };
