import type { EmrRelease } from '../catalog';
import type { Finding, RelatedLocation, Severity } from '../engine/findings';
import type { FixesOrLater } from '../engine/lazyFixes';
import type { ConfigModel, ModelPart, ModelPath, PropertyEntry, ScopeKind } from '../engine/model';
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
  /** Written out, or as a function when they take long to write (engine/lazyFixes.ts). */
  fixes?: FixesOrLater;
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
  /**
   * Set on rules that judge one property at a time (analysis/entryChecks.ts): the analysis calls it for every entry
   * of every classification, and keeps what it reported for an entry whose text and place are unchanged in the next
   * version of the document instead of asking again. So it must read nothing but its arguments: the entry, its
   * place, the release, and of the model only what is the same for the whole document (format, shape, parts, the
   * writer, the entry's own text). A rule that compares an entry with others (duplicates, keys set elsewhere) is a
   * whole-document rule.
   */
  checkEntry?(entry: PropertyEntry, place: EntryPlace, context: RuleContext): void;
}

/** Where an entry is: all an entry rule may know of its surroundings (each field is part of the memo's key). */
export interface EntryPlace {
  /** The classification's name, trimmed. */
  name: string | undefined;
  /** Names of the enclosing classifications, outermost first (empty at top level). */
  ancestors: readonly string[];
  scopeKind: ScopeKind;
  /** The member name of the classification's properties (Properties, properties). */
  propertiesName: string;
  /** No later entry of the same classification sets the same key (a later one is EMR006's, and is what counts). */
  live: boolean;
  /** The entry is template syntax rather than a setting (engine/templates.ts isTemplateEntry). */
  template: boolean;
}

export type { Finding };
