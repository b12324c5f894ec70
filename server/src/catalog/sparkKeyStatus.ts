// What a spark.* key in spark-defaults is to the Spark version a file runs on: the three kinds of "unknown" kept apart.
import { sparkKeyHistory, sparkOwnsNamespace, SPARK_TABLE_VERSIONS, type SparkDeprecation, type SparkOption } from './spark';
import { compareVersions } from './versions';
import type { SparkCatalog } from './index';

export type SparkKeyStatus =
  /** Defined by this version (or EMR's build of it), read by name, or under a prefix Spark reads whole. */
  | { kind: 'known'; option?: SparkOption }
  /** An old name this version still knows about (deprecated, renamed or removed). */
  | { kind: 'deprecated'; deprecation: SparkDeprecation }
  /** Passed on to Hadoop (spark.hadoop.*): a Hadoop key, checked as one. */
  | { kind: 'hadoop'; hadoopKey: string }
  /** A plugin's, connector's or vendor's namespace: Spark does not own it and cannot say what reads it. */
  | { kind: 'foreign'; vendor: boolean }
  /** Another Spark version has the key: a later one added it, or an earlier one had it. */
  | { kind: 'other-version'; addedIn?: string; firstTable?: string; lastIn?: string; goneIn?: string }
  /** In Spark's own namespace, and no version Spark's tables cover defines it. */
  | { kind: 'unknown' };

// JettyUtils reads spark.<filter class>.params and spark.<filter class>.param.<name> for every class in spark.ui.filters.
const UI_FILTER_PARAMETER = /^spark\.(?:[A-Za-z_$][\w$]*\.)+[A-Z][\w$]*\.params?(?:\.|$)/;

export function sparkKeyStatus(catalog: SparkCatalog, key: string): SparkKeyStatus {
  const option = catalog.option(key);
  if (option) return { kind: 'known', option };
  const deprecation = catalog.deprecation(key);
  if (deprecation) return { kind: 'deprecated', deprecation };
  if (catalog.knownLiteral(key)) return { kind: 'known' };
  const namespace = catalog.namespace(key);
  if (namespace) {
    if (namespace.kind === 'hadoop') return { kind: 'hadoop', hadoopKey: key.slice(namespace.prefix.length) };
    if (namespace.kind === 'vendor') return { kind: 'foreign', vendor: true };
    return { kind: 'known' };
  }
  if (UI_FILTER_PARAMETER.test(key)) return { kind: 'known' };
  const history = sparkKeyHistory(key);
  const present = history ? [...history.definedIn, ...history.literalIn].sort(compareVersions) : [];
  if (history && present.length > 0) {
    const version = catalog.sparkVersion;
    const later = present.filter((v) => compareVersions(v, version) > 0);
    if (later.length > 0) {
      // The version Spark gives for the key, when it is later than this one; else only which table has it.
      if (history.since && compareVersions(history.since, version) > 0) return { kind: 'other-version', addedIn: history.since };
      return { kind: 'other-version', firstTable: later[0] };
    }
    const lastIn = present[present.length - 1];
    // The first table after the last one that has it and that covers the part of Spark where it was defined.
    const goneIn = SPARK_TABLE_VERSIONS.find((v) => compareVersions(v, lastIn) > 0 && !history.unknownIn.includes(v));
    if (lastIn && goneIn && compareVersions(goneIn, version) <= 0) return { kind: 'other-version', lastIn, goneIn };
    // Versions between the tables: the key may or may not be there yet; say nothing rather than guess.
    return { kind: 'known' };
  }
  if (!sparkOwnsNamespace(key)) return { kind: 'foreign', vendor: false };
  return { kind: 'unknown' };
}
