// Spark's keys as one Spark version defines them, from the per-version tables extracted from Spark's source
// (generated/spark-keys.json) and the facts around them (generated/spark-extras.json). A view is built once per
// Spark version, on first use, and its options are made on first lookup.
import keysData from './generated/spark-keys.json';
import extrasData from './generated/spark-extras.json';
import sparkDescriptions from './descriptions/spark.json';
import { compareVersions } from './versions';

export type OptionType =
  | 'bytes'
  | 'duration'
  | 'int'
  | 'long'
  | 'double'
  | 'boolean'
  | 'string'
  | 'enum'
  | 'class'
  | 'list'
  | 'longList'
  | 'regex'
  | 'javaOptions';

export interface OptionRange {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Where a key's facts come from. */
export type OptionOrigin = 'spark' | 'docs' | 'emr' | 'runtime';

export interface SparkOption {
  name: string;
  type: OptionType;
  /** The default as Spark's source writes it; empty when there is none or it is computed. */
  default: string;
  /** How the default is given when it is not a literal: computed, none (unset) or fallback (another key's value). */
  defaultKind?: 'computed' | 'none' | 'fallback';
  /** The key whose value this one takes when unset. */
  fallback?: string;
  /** Unit of a bare number: B, KiB, MiB, GiB for sizes; ns, us, ms, s, min for durations. */
  unit?: string;
  since?: string;
  internal?: boolean;
  /** Older names Spark still reads for this key (ConfigBuilder.withAlternative). */
  alternatives?: string[];
  allowedValues?: string[];
  /** How Spark folds the value before comparing it with the allowed values. */
  caseNorm?: 'upper' | 'lower';
  /** Values outside allowedValues are taken as a class name. */
  allowsClassName?: boolean;
  range?: OptionRange;
  /** Which Spark check enforces the range. */
  rangeCheckedBy?: string;
  /** Where in Spark's source tree the key is defined. */
  file?: string;
  origin: OptionOrigin;
  /** For EMR-only keys: the EMR classification they belong to, when it is not spark-defaults. */
  emrClassification?: string;
  /** Where the facts of an EMR or run-time key come from. */
  source?: string;
  /**
   * For a version between two tables: the next table's facts of this key, when they differ. The version may already
   * have them, so a value either accepts is accepted.
   */
  or?: SparkOption;
  description?: string;
}

/** How one Spark version treats an old key name (SparkConf.deprecatedConfigs, configsWithAlternatives, ...). */
export interface SparkDeprecation {
  name: string;
  kind: string;
  /** The replacement as Spark's message names it (may be a pattern such as spark.{driver,executor}.userClassPathFirst). */
  replacement?: string;
  /** forwarded: Spark reads the value for `target` when that is unset; defined: still a key of its own;
   *  warning: Spark only logs a warning; removed: a removed SQL setting (a non-default value fails). */
  read: 'forwarded' | 'defined' | 'warning' | 'removed';
  /** The key the value is forwarded to. */
  target?: string;
  since?: string;
  /** For removed SQL settings: the only value Spark still accepts. */
  removedDefault?: string;
  /** Spark converts the value on the way (the old key took another unit). */
  translated?: boolean;
}

export interface SparkNamespace {
  prefix: string;
  kind: 'open' | 'hadoop' | 'emr' | 'vendor';
  source: string;
}

/** Which tables know a key: where it is defined, where it is read by name, and the version Spark gives for it. */
export interface KeyHistory {
  definedIn: string[];
  literalIn: string[];
  since?: string;
  /** Tables that lack part of Spark's source tree where the key is defined: their silence proves nothing. */
  unknownIn: string[];
}

interface RawFacts {
  type: string;
  unit?: string;
  default?: string;
  shown?: string;
  defaultKind?: string;
  since?: string;
  internal?: boolean;
  alternatives?: string[];
  allowed?: string[];
  caseNorm?: string;
  checked?: boolean;
  fallback?: string;
  file?: number;
}

interface RawDeprecation {
  kind: string;
  replacement?: string;
  target?: string;
  since?: string;
  read: SparkDeprecation['read'];
  removedDefault?: string;
  translated?: boolean;
}

interface RawRefinement {
  range?: OptionRange;
  rangeCheckedBy?: string;
  kind?: 'class' | 'javaOptions';
  allowed?: string[];
  caseNorm?: string;
  allowsClassName?: boolean;
}

interface RawExtra {
  type: string;
  unit?: string;
  default?: string;
  since?: string;
  allowed?: string[];
  classification?: string;
  source?: string;
}

type Variants<T> = [number, T][];

const data = keysData as unknown as {
  tables: { version: string; source: string; missingPaths?: string[] }[];
  files: string[];
  keys: Record<string, Variants<RawFacts>>;
  literals: Record<string, number>;
  prefixes: Record<string, number>;
  deprecations: Record<string, Variants<RawDeprecation>>;
};
const extras = extrasData as unknown as {
  refinements: Record<string, RawRefinement>;
  documented: Record<string, RawExtra>;
  emr: Record<string, RawExtra>;
  emrBackports: Record<string, { from: string; source: string }>;
  runtime: Record<string, RawExtra>;
  namespaces: SparkNamespace[];
};
const descriptions = sparkDescriptions as Record<string, string>;

/** The Spark versions of the tables, oldest first. */
export const SPARK_TABLE_VERSIONS: readonly string[] = data.tables.map((t) => t.version);

const NAMESPACES: readonly SparkNamespace[] = [...extras.namespaces].sort((a, b) => b.prefix.length - a.prefix.length);

/** The namespace a key falls in (the longest matching prefix), if any. */
export function sparkNamespace(key: string): SparkNamespace | undefined {
  return NAMESPACES.find((n) => key.startsWith(n.prefix));
}

let owned: ReadonlySet<string> | undefined;

/**
 * Whether Spark owns the namespace `spark.<segment>.` of a key: some table defines or reads a key there, and it is not
 * a vendor namespace. Keys elsewhere belong to plugins, connectors or the user's code.
 */
export function sparkOwnsNamespace(key: string): boolean {
  if (!owned) {
    const segments = new Set<string>();
    const add = (name: string) => {
      const second = name.split('.')[1];
      if (name.startsWith('spark.') && second) segments.add(second);
    };
    for (const name of Object.keys(data.keys)) add(name);
    for (const name of Object.keys(data.literals)) add(name);
    for (const name of Object.keys(data.prefixes)) add(name);
    for (const n of extras.namespaces) if (n.kind === 'vendor' && n.prefix.split('.').length === 3) segments.delete(n.prefix.split('.')[1]);
    // Names that appear in Spark's source only as examples in documentation strings.
    segments.delete('some');
    owned = segments;
  }
  const second = key.split('.')[1];
  return key.startsWith('spark.') && second !== undefined && owned.has(second);
}

function mask(bit: number): number {
  return 1 << bit;
}

function tableIndex(version: string): number {
  return SPARK_TABLE_VERSIONS.indexOf(version);
}

/** The history of a key over every table. */
export function sparkKeyHistory(key: string): KeyHistory | undefined {
  const variants = data.keys[key];
  const literalMask = data.literals[key] ?? 0;
  if (!variants && !literalMask) return undefined;
  const definedMask = variants ? variants.reduce((m, [bits]) => m | bits, 0) : 0;
  const files = variants ? variants.map(([, f]) => (f.file !== undefined ? data.files[f.file] : undefined)).filter((f): f is string => !!f) : [];
  const since = variants?.map(([, f]) => f.since).find((s) => s) ?? extras.documented[key]?.since;
  const definedIn: string[] = [];
  const literalIn: string[] = [];
  const unknownIn: string[] = [];
  // A name a table lists only as removed or ignored is a string in Spark's source, not a key of that version.
  const retiredMask = (data.deprecations[key] ?? []).filter(([, d]) => d.read === 'removed' || d.read === 'warning').reduce((m, [bits]) => m | bits, 0);
  data.tables.forEach((table, i) => {
    if (definedMask & mask(i)) definedIn.push(table.version);
    else if (literalMask & mask(i) & ~retiredMask) literalIn.push(table.version);
    else if (table.missingPaths && files.some((f) => table.missingPaths!.some((p) => f.startsWith(p)))) unknownIn.push(table.version);
  });
  return { definedIn, literalIn, since, unknownIn };
}

/** One Spark version's keys. */
export class SparkVersionView {
  readonly version: string;
  private readonly floor: number;
  private readonly ceil: number;
  /** Below the oldest table: the oldest table, without what came later. */
  private readonly belowOldest: boolean;
  private readonly options = new Map<string, SparkOption | null>();
  private readonly deprecations = new Map<string, SparkDeprecation | null>();
  private nameList?: string[];
  private optionList?: SparkOption[];

  constructor(version: string) {
    this.version = version;
    let floor = -1;
    for (let i = 0; i < data.tables.length; i++) if (compareVersions(data.tables[i].version, version) <= 0) floor = i;
    this.belowOldest = floor < 0;
    this.floor = Math.max(floor, 0);
    this.ceil = floor + 1 < data.tables.length ? floor + 1 : -1;
  }

  /** The table the view starts from. */
  get tableVersion(): string {
    return data.tables[this.floor].version;
  }

  private factsOf(variants: Variants<RawFacts> | undefined, key: string): { facts: RawFacts; next?: RawFacts } | undefined {
    if (!variants) return undefined;
    const at = (i: number) => (i >= 0 ? variants.find(([bits]) => bits & mask(i))?.[1] : undefined);
    const floorFacts = at(this.floor);
    const ceilFacts = at(this.ceil);
    const sinceOf = (f: RawFacts | undefined) => f?.since ?? variants.map(([, v]) => v.since).find((s) => s);
    if (floorFacts) {
      // Below the oldest table a key is kept unless Spark dates it after the version.
      if (this.belowOldest) {
        const since = sinceOf(floorFacts);
        if (since && compareVersions(since, this.version) > 0) return undefined;
      }
      const exact = data.tables[this.floor].version === this.version;
      // Between two tables: a key the newer table no longer has, because that table's Spark deprecated or removed
      // it in a version not later than this one, is an old name here too.
      if (!exact && !this.belowOldest && !ceilFacts && this.ceil >= 0) {
        const retired = data.deprecations[key]?.find(([bits]) => bits & mask(this.ceil))?.[1];
        if (retired?.since && compareVersions(retired.since, this.version) <= 0) return undefined;
      }
      // The generator keeps one record per distinct set of facts, so another record means other facts.
      const next = !exact && !this.belowOldest && ceilFacts && ceilFacts !== floorFacts ? ceilFacts : undefined;
      return { facts: floorFacts, next };
    }
    if (!ceilFacts) return undefined;
    // The next table's key, if Spark dates it no later than this version: either new since the older table, or a
    // key the older table's version already read by name (so only its facts were missing).
    const since = ceilFacts.since;
    if (!since || compareVersions(since, this.version) > 0) return undefined;
    const newSinceFloor = this.belowOldest || compareVersions(since, data.tables[this.floor].version) > 0;
    const readByName = ((data.literals[key] ?? 0) & mask(this.floor)) !== 0;
    return newSinceFloor || readByName ? { facts: ceilFacts } : undefined;
  }

  /** The facts of a key this version defines: Spark's own, EMR's build, or built at run time. */
  option(key: string): SparkOption | undefined {
    let option = this.options.get(key);
    if (option === undefined) {
      option = this.makeOption(key) ?? null;
      if (key.length <= 200) {
        if (this.options.size >= 20_000) this.options.clear();
        this.options.set(key, option);
      }
    }
    return option ?? undefined;
  }

  private makeOption(key: string): SparkOption | undefined {
    const found = this.factsOf(data.keys[key], key);
    if (found) {
      const option = toOption(key, found.facts);
      if (found.next) option.or = toOption(key, found.next);
      return option;
    }
    const documented = extras.documented[key];
    if (documented && (!documented.since || compareVersions(documented.since, this.version) <= 0)) return extraOption(key, documented, 'docs');
    const runtime = extras.runtime[key];
    if (runtime) return extraOption(key, runtime, 'runtime');
    const emr = extras.emr[key];
    if (emr) return extraOption(key, emr, 'emr');
    return undefined;
  }

  /** How this version treats an old name, if it is one. */
  deprecation(key: string): SparkDeprecation | undefined {
    let found = this.deprecations.get(key);
    if (found === undefined) {
      const variants = data.deprecations[key];
      let raw: RawDeprecation | undefined;
      if (variants) {
        raw = mergeDeprecations(variants.filter(([bits]) => bits & mask(this.floor)).map(([, d]) => d));
        if (raw && this.belowOldest && raw.since && compareVersions(raw.since, this.version) > 0) raw = undefined;
        if (!raw && this.ceil >= 0 && !this.belowOldest) {
          const next = mergeDeprecations(variants.filter(([bits]) => bits & mask(this.ceil)).map(([, d]) => d));
          if (next?.since && compareVersions(next.since, this.version) <= 0) raw = next;
        }
        // A name some table lists as ignored or removed since a version not later than this one, that this version
        // does not define: an extraction that missed the entry in this version's list does not make it a key again.
        if (!raw && !this.makeOption(key)) {
          const retired = variants
            .map(([, d]) => d)
            .filter((d) => (d.read === 'warning' || d.read === 'removed') && d.kind !== 'ConfigBuilder.withAlternative' && d.since && compareVersions(d.since, this.version) <= 0);
          raw = mergeDeprecations(retired);
        }
      }
      found = raw ? { name: key, ...raw } : null;
      if (key.length <= 200) this.deprecations.set(key, found);
    }
    return found ?? undefined;
  }

  /** Whether this version's source reads the key by name (SparkConf.get("...") without a ConfigBuilder entry). */
  knownLiteral(key: string): boolean {
    const bits = data.literals[key] ?? 0;
    if (bits & mask(this.floor)) return true;
    return false;
  }

  /** Concrete key names this version documents (no internal keys), plus EMR's: the candidates for "did you mean". */
  names(): readonly string[] {
    if (!this.nameList) {
      const list: string[] = [];
      for (const name of Object.keys(data.keys)) {
        const found = this.factsOf(data.keys[name], name);
        if (found && !found.facts.internal) list.push(name);
      }
      for (const name of Object.keys(extras.documented)) if (this.option(name)?.origin === 'docs') list.push(name);
      for (const name of Object.keys(extras.runtime)) list.push(name);
      for (const [name, e] of Object.entries(extras.emr)) if (!e.classification) list.push(name);
      this.nameList = list;
    }
    return this.nameList;
  }

  /** Every option of this version that a user sets in spark-defaults (documented Spark keys and EMR's). */
  allOptions(): readonly SparkOption[] {
    return (this.optionList ??= this.names().map((n) => this.option(n)!));
  }
}

const LIVELINESS: Record<SparkDeprecation['read'], number> = { forwarded: 3, defined: 2, warning: 1, removed: 0 };

/**
 * One version's rows about an old name, as one answer: Spark lists some names in two tables (deprecatedConfigs and
 * configsWithAlternatives, or withAlternative), and reads the name if any of them says so; a value translation in
 * any of them applies.
 */
function mergeDeprecations(rows: RawDeprecation[]): RawDeprecation | undefined {
  if (rows.length <= 1) return rows[0];
  const alive = [...rows].sort((a, b) => LIVELINESS[b.read] - LIVELINESS[a.read])[0];
  // withAlternative rows carry the new entry's version; the deprecation lists say when the old name was deprecated.
  const listed = rows.filter((r) => r.kind !== 'ConfigBuilder.withAlternative');
  const sinces = (listed.length > 0 ? listed : rows).map((r) => r.since).filter((v): v is string => !!v).sort(compareVersions);
  return {
    ...alive,
    target: alive.target ?? rows.find((r) => r.target)?.target,
    replacement: alive.replacement ?? rows.find((r) => r.replacement)?.replacement,
    since: sinces[0],
    translated: rows.some((r) => r.translated) || undefined,
  };
}

function toOption(name: string, f: RawFacts): SparkOption {
  const refinement = extras.refinements[name];
  const allowed = f.allowed ?? refinement?.allowed;
  let type = f.type as OptionType;
  if (type === 'string' && refinement?.kind) type = refinement.kind;
  if (type === 'string' && allowed) type = 'enum';
  return {
    name,
    type,
    default: f.shown ?? f.default ?? '',
    defaultKind: f.defaultKind as SparkOption['defaultKind'],
    fallback: f.fallback,
    unit: f.unit,
    since: f.since,
    internal: f.internal,
    alternatives: f.alternatives,
    allowedValues: allowed,
    caseNorm: (f.caseNorm ?? refinement?.caseNorm) as SparkOption['caseNorm'],
    allowsClassName: refinement?.allowsClassName,
    range: f.checked || refinement?.rangeCheckedBy !== 'ConfigBuilder.checkValue' ? refinement?.range : undefined,
    rangeCheckedBy: refinement?.range ? refinement.rangeCheckedBy : undefined,
    file: f.file !== undefined ? data.files[f.file] : undefined,
    origin: 'spark',
    description: descriptions[name],
  };
}

function extraOption(name: string, e: RawExtra, origin: OptionOrigin): SparkOption {
  return {
    name,
    type: e.type as OptionType,
    default: e.default ?? '',
    unit: e.unit,
    since: e.since,
    allowedValues: e.allowed,
    origin,
    emrClassification: e.classification,
    source: e.source,
    description: descriptions[name],
  };
}

/** The literal default of a key in a table (what the table says, unparsed), for tests and hover. */
export function sparkTableDefaults(version: string): { key: string; default: string; internal: boolean }[] {
  const i = tableIndex(version);
  if (i < 0) return [];
  const out: { key: string; default: string; internal: boolean }[] = [];
  for (const [key, variants] of Object.entries(data.keys)) {
    const facts = variants.find(([bits]) => bits & mask(i))?.[1];
    if (facts && facts.default !== undefined) out.push({ key, default: facts.default, internal: !!facts.internal });
  }
  return out;
}

/** Every key a table defines, with its `since`. */
export function sparkTableKeys(version: string): { key: string; since?: string; internal: boolean }[] {
  const i = tableIndex(version);
  if (i < 0) return [];
  const out: { key: string; since?: string; internal: boolean }[] = [];
  for (const [key, variants] of Object.entries(data.keys)) {
    const facts = variants.find(([bits]) => bits & mask(i))?.[1];
    if (facts) out.push({ key, since: facts.since, internal: !!facts.internal });
  }
  return out;
}

/** Where the tables come from (repository and commit of each Spark source tree). */
export function sparkTableSources(): readonly { version: string; source: string }[] {
  return data.tables;
}

const views = new Map<string, SparkVersionView>();

/** The view of one Spark version, built on first use. */
export function sparkVersionView(version: string): SparkVersionView {
  let view = views.get(version);
  if (!view) {
    view = new SparkVersionView(version);
    views.set(version, view);
  }
  return view;
}

/** The view of the newest table's Spark version (what Spark's future holds for a key). */
export function newestSparkView(): SparkVersionView {
  return sparkVersionView(SPARK_TABLE_VERSIONS[SPARK_TABLE_VERSIONS.length - 1]);
}

/**
 * A key Apache Spark has only from a later version that EMR's build of Spark reads from an earlier release on
 * (EMR Runtime for Spark), with the facts of the newest table that has it; undefined before that release.
 */
export function emrBackport(key: string, releaseLabel: string): SparkOption | undefined {
  const backport = extras.emrBackports[key];
  if (!backport || compareVersions(releaseLabel, backport.from) < 0) return undefined;
  for (let i = data.tables.length - 1; i >= 0; i--) {
    const facts = data.keys[key]?.find(([bits]) => bits & mask(i))?.[1];
    if (facts) return { ...toOption(key, facts), origin: 'emr', source: backport.source };
  }
  return undefined;
}
