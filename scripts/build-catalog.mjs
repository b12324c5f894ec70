#!/usr/bin/env node
// Derives the product's compact catalogs from the shared fact tables and the project's own facts in data/.
// Usage: node scripts/build-catalog.mjs <folder with the shared fact tables> [--out <folder>]
// Writes server/src/catalog/generated/*.json (facts only; descriptions live in catalog/descriptions/).
// The output depends on the inputs only (sorted keys, no dates), so a rebuild from the same tables gives the same bytes.
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectData = join(here, '..', 'data');

const args = process.argv.slice(2);
const outFlag = args.indexOf('--out');
const outDir = outFlag >= 0 ? args[outFlag + 1] : join(here, '..', 'server', 'src', 'catalog', 'generated');
const sourceDir = args.find((a, i) => !a.startsWith('--') && (outFlag < 0 || i !== outFlag + 1));
if (!sourceDir || !existsSync(sourceDir) || !statSync(sourceDir).isDirectory() || !outDir) {
  console.error('usage: node scripts/build-catalog.mjs <folder with ec2-instance-specs.json, emr-yarn-defaults.json, spark-keys/, ...> [--out <folder>]');
  process.exit(2);
}
const quiet = args.includes('--quiet');

const load = (name) => JSON.parse(readFileSync(join(sourceDir, name), 'utf8'));
const write = (name, value) => {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, name), JSON.stringify(value) + '\n');
  if (!quiet) console.log(`wrote ${name}`);
};
const dropEmpty = (object) =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && v !== false && v !== ''));
const sortedObject = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Rows of a tab-separated file whose first non-comment line names the columns; `#` lines are comments. */
function readTsv(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  const columns = header.split('\t');
  return rows.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The `# key=value` and `# source=...` comment lines at the top of a shared table. */
function tsvHeaderComments(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('#')).map((l) => l.slice(1).trim());
}

function compareVersions(a, b) {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function yarnTriple(row) {
  if (!row) return undefined;
  return [
    row['yarn.nodemanager.resource.memory-mb'],
    row['yarn.scheduler.maximum-allocation-mb'],
    row['yarn.scheduler.minimum-allocation-mb'],
  ];
}

function buildInstances() {
  const specs = load('ec2-instance-specs.json');
  const yarn = load('emr-yarn-defaults.json');
  const types = {};
  for (const [name, spec] of Object.entries(specs)) {
    const defaults = yarn[name];
    types[name] = dropEmpty({
      vcpu: spec.vcpu,
      memoryMiB: spec.memoryMiB,
      arch: spec.arch,
      family: spec.family,
      localDiskGB: spec.instanceStorage ? spec.instanceStorage.totalGB : undefined,
      yarn: yarnTriple(defaults),
      yarnHBase: defaults ? yarnTriple(defaults.hbase) : undefined,
      yarnSource: defaults ? defaults.source : undefined,
    });
  }
  write('instances.json', { fields: { yarn: ['nodemanagerMemoryMiB', 'maximumAllocationMiB', 'minimumAllocationMiB'] }, types });
}

// ---------------------------------------------------------------------------------------------------------------
// Spark: one record per key over every table of ../shared/data/spark-keys, with the tables each fact holds in.

const SPARK_UNITS = { BYTE: 'B', KiB: 'KiB', MiB: 'MiB', GiB: 'GiB', NANOSECONDS: 'ns', MICROSECONDS: 'us', MILLISECONDS: 'ms', SECONDS: 's', MINUTES: 'min', HOURS: 'h', DAYS: 'd' };

/** The table's type in the catalog's words. */
function sparkType(row) {
  switch (row.type) {
    case 'time':
      return 'duration';
    case 'string/enum':
    case 'enum':
      return 'enum';
    case 'seq<string>':
      return 'list';
    case 'seq<long>':
      return 'longList';
    default:
      return row.type; // boolean, int, long, double, bytes, string, regex
  }
}

/** Facts of one key as one table states them (the catalog's vocabulary; only what a rule, completion or hover uses). */
function sparkFacts(row, fileIndex) {
  const allowed = row.allowed_values && !row.allowed_values.startsWith('?') ? row.allowed_values.split('|') : undefined;
  const defaultKind = row.default_kind.startsWith('fallback:') ? 'fallback' : row.default_kind;
  const hasDefault = row.default_kind === 'literal' || row.default_kind === 'fallback:literal';
  return dropEmpty({
    type: sparkType(row),
    unit: SPARK_UNITS[row.unit] ?? (row.unit || undefined),
    default: hasDefault ? row.default : undefined,
    shown: hasDefault && row.default_spark && row.default_spark !== row.default ? row.default_spark : undefined,
    defaultKind: defaultKind === 'literal' ? undefined : defaultKind,
    since: row.version || undefined,
    internal: row.internal === 'true' || undefined,
    alternatives: row.alternatives ? row.alternatives.split('|') : undefined,
    allowed,
    caseNorm: row.case_norm || undefined,
    checked: row.has_check_value === 'true' || undefined,
    fallback: row.fallback || undefined,
    file: fileIndex(row.file),
  });
}

/**
 * The source folders a partial table lacks, from its source note ("PARTIAL: core, sql, ...; no resource-managers
 * (yarn/k8s), no common/"): a key defined under one of them in another table says nothing by its absence here.
 */
function partialPaths(source) {
  const note = /\(PARTIAL: ?(.*)\)\s*$/.exec(source ?? '')?.[1];
  if (!note) return undefined;
  return [...note.matchAll(/\bno ([A-Za-z][\w-]*)\/?/g)].map((m) => `${m[1]}/`);
}

function readSparkTables() {
  const folder = join(sourceDir, 'spark-keys');
  const versions = [];
  for (const name of ['2.4.4', '3.3.1', '3.5.0', '3.5.5', '4.1.1']) if (existsSync(join(folder, `spark-keys-${name}.tsv`))) versions.push(name);
  versions.sort(compareVersions);
  return versions.map((version) => {
    const base = join(folder, `spark-keys-${version}`);
    const comments = tsvHeaderComments(`${base}.tsv`);
    const source = comments.find((c) => c.startsWith('source='))?.slice('source='.length);
    return {
      version,
      source,
      partial: partialPaths(source),
      keys: readTsv(`${base}.tsv`),
      deprecations: readTsv(`${base}.deprecations.tsv`),
      literals: readFileSync(`${base}.literals.txt`, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')),
    };
  });
}

/** How Spark treats an old name, in a word, from the read_by_spark column; the key it forwards to, when it does. */
function deprecationRead(row) {
  const read = row.read_by_spark;
  const forwarded = /^yes: value forwarded to (\S+)/.exec(read);
  if (forwarded) return { read: 'forwarded', target: forwarded[1] };
  if (read.startsWith('yes: still a defined entry')) return { read: 'defined' };
  if (read.startsWith('no: removed')) return { read: 'removed' };
  if (read.startsWith('no: warning only')) return { read: 'warning' };
  throw new Error(`unknown read_by_spark value: ${read}`);
}

/**
 * The version that introduced a key, for rows whose table does not record it (Spark 2.4 had no .version(); a few
 * later entries lack it too): the version a later table's entry gives, else Spark's documentation's "Since Version".
 */
function fillSince(tables) {
  const recorded = new Map();
  for (const table of tables) for (const row of table.keys) if (row.version && !recorded.has(row.key)) recorded.set(row.key, row.version);
  const documented = new Map(load('spark-properties.json').properties.filter((p) => p.since).map((p) => [p.name, p.since]));
  for (const table of tables) for (const row of table.keys) if (!row.version) row.version = recorded.get(row.key) ?? documented.get(row.key) ?? '';
}

function buildSpark() {
  const tables = readSparkTables();
  fillSince(tables);
  const files = [];
  const fileIndex = (path) => {
    if (!path) return undefined;
    let i = files.indexOf(path);
    if (i < 0) i = files.push(path) - 1;
    return i;
  };
  // keys: name -> [[mask, facts], ...], one entry per distinct set of facts.
  const keys = {};
  tables.forEach((table, t) => {
    for (const row of table.keys) {
      const facts = sparkFacts(row, fileIndex);
      const text = JSON.stringify(facts);
      const variants = (keys[row.key] ??= []);
      const same = variants.find((v) => JSON.stringify(v[1]) === text);
      if (same) same[0] |= 1 << t;
      else variants.push([1 << t, facts]);
    }
  });
  // Names Spark reads by name in a table's version without a ConfigBuilder entry; prefixes (ending in '.') apart.
  const literals = {};
  const prefixes = {};
  tables.forEach((table, t) => {
    const defined = new Set(table.keys.map((r) => r.key));
    for (const name of table.literals) {
      if (name.endsWith('.')) prefixes[name] = (prefixes[name] ?? 0) | (1 << t);
      else if (!defined.has(name)) literals[name] = (literals[name] ?? 0) | (1 << t);
    }
  });
  // deprecations: old name -> [[mask, facts], ...]
  const deprecations = {};
  tables.forEach((table, t) => {
    for (const row of table.deprecations) {
      const { read, target } = deprecationRead(row);
      const removedDefault = /removed default=(.*)$/.exec(row.note)?.[1];
      const facts = dropEmpty({
        kind: row.kind,
        replacement: row.new || undefined,
        target,
        since: row.version || undefined,
        read,
        removedDefault: read === 'removed' ? removedDefault ?? '' : undefined,
        translated: /value translation/.test(row.note) || undefined,
      });
      const text = JSON.stringify(facts);
      const variants = (deprecations[row.old] ??= []);
      const same = variants.find((v) => JSON.stringify(v[1]) === text);
      if (same) same[0] |= 1 << t;
      else variants.push([1 << t, facts]);
    }
  });
  write('spark-keys.json', {
    about: 'Spark configuration keys per Spark version, generated by scripts/build-catalog.mjs from ../shared/data/spark-keys (facts extracted from Spark\'s source). A mask has bit i set for tables[i].',
    tables: tables.map((t) => dropEmpty({ version: t.version, source: t.source, missingPaths: t.partial })),
    files,
    keys: sortedObject(keys),
    literals: sortedObject(literals),
    prefixes: sortedObject(prefixes),
    deprecations: sortedObject(deprecations),
  });
  return { tables, keys, literals, prefixes, deprecations };
}

/**
 * Facts about Spark keys that are not in the per-version tables: value checks Spark makes outside checkValues
 * (ranges enforced elsewhere, codec names), the product's finer types (class names, JVM options), the keys EMR's
 * build of Spark reads, keys built at run time, and the namespaces of open-ended keys.
 */
function buildSparkExtras(spark) {
  const { properties } = load('spark-properties.json');
  const byName = new Map(properties.map((p) => [p.name, p]));
  const newest = spark.tables.filter((t) => !t.partial).at(-1);
  const newestRows = new Map(newest.keys.map((r) => [r.key, r]));

  // Ranges: from spark-properties.json (Spark 3.5.5 code), only where Spark enforces them unconditionally.
  const refinements = {};
  for (const p of properties) {
    const row = newestRows.get(p.name);
    if (!row) continue;
    const range = p.range;
    const checkedBy = range?.checkedBy;
    const enforced = range && (row.has_check_value === 'true' || (checkedBy && !/only when/.test(checkedBy)));
    const facts = dropEmpty({
      range: enforced
        ? dropEmpty({ minimum: range.minimum, maximum: range.maximum, exclusiveMinimum: range.exclusiveMinimum, exclusiveMaximum: range.exclusiveMaximum })
        : undefined,
      rangeCheckedBy: enforced ? checkedBy ?? 'ConfigBuilder.checkValue' : undefined,
      kind: p.type === 'class' || p.type === 'javaOptions' ? p.type : undefined,
    });
    if (facts.range && Object.keys(facts.range).length === 0) delete facts.range;
    if (!facts.range) delete facts.rangeCheckedBy;
    if (Object.keys(facts).length > 0) refinements[p.name] = facts;
  }
  for (const row of readTsv(join(projectData, 'spark-value-refinements.tsv'))) {
    refinements[row.key] = dropEmpty({
      ...refinements[row.key],
      allowed: row.allowed.split('|'),
      caseNorm: row.case === 'exact' ? undefined : row.case,
      allowsClassName: row.class === 'yes' || undefined,
      source: row.source,
    });
  }

  // Keys of EMR's build of Spark: spark-properties.json (source=emr), every spark.* key the EMR facts name that no
  // Spark table defines, and the project's own list.
  const emr = {};
  const definedAnywhere = (key) => spark.keys[key] !== undefined;
  for (const p of properties) {
    if (p.source !== 'emr') continue;
    emr[p.name] = dropEmpty({
      type: p.type === 'fraction' ? 'double' : p.type,
      unit: p.unit ?? undefined,
      default: p.emrDefault ?? (p.default && !p.default.startsWith('(') ? p.default : undefined),
      classification: p.emrClassification,
      source: p.sourceRef,
    });
  }
  const facts = load('emr-runtime-facts.json');
  // Keys Apache Spark defines only in a later version that EMR's build reads from an earlier release on
  // (EMR Runtime for Spark): key -> the first release, from the fact's `releases` (">= 5.30.0 ...").
  const emrBackports = {};
  const visit = (node, path) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    if (typeof node.key === 'string') {
      for (const key of node.key.split(/\s*(?:,|\/)\s*/)) {
        const range = /^>=\s*(\d+\.\d+\.\d+)|\((\d+\.\d+\.\d+)\+/.exec(node.releases ?? '');
        const from = range?.[1] ?? range?.[2];
        if (definedAnywhere(key) && from && compareVersions(from, '6.0.0') < 0) {
          emrBackports[key] = { from: `emr-${from}`, source: `emr-runtime-facts.json ${path} (${node.status}: ${node.releases})` };
        }
        if (!/^spark\.[A-Za-z0-9_.\-]+$/.test(key) || definedAnywhere(key) || spark.literals[key] !== undefined || emr[key]) continue;
        emr[key] = dropEmpty({ type: 'string', default: typeof node.value === 'string' && !/ /.test(node.value) ? node.value : undefined, source: `emr-runtime-facts.json ${path} (${node.status})` });
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'meta') visit(v, path ? `${path}.${k}` : k);
  };
  visit({ emrOnEc2: facts.emrOnEc2, emrServerless: facts.emrServerless }, '');
  for (const row of readTsv(join(projectData, 'emr-spark-keys.tsv'))) {
    emr[row.key] = dropEmpty({ type: sparkType({ type: row.type }), unit: SPARK_UNITS[row.unit] ?? (row.unit || undefined), default: row.default, source: row.source });
  }
  // EMR's own keys whose type the Spark vocabulary of spark-properties.json gives.
  for (const [key, e] of Object.entries(emr)) if (e.type === 'duration' && !e.unit && byName.get(key)?.unit === 's') e.unit = 's';

  // Keys Spark's documentation (and code read by name) describes that no table defines: read by name in Scala
  // (spark.master), in PySpark's Python code (spark.python.worker.memory), or built at run time (spark.shuffle.io.*,
  // spark.scheduler.listenerbus.eventqueue.<queue>.capacity). Old names are left to the deprecation tables.
  const documented = {};
  const docTypes = { duration: 'duration', fraction: 'double', list: 'list', enum: 'enum', class: 'class', javaOptions: 'javaOptions', string: 'string', int: 'int', long: 'long', bytes: 'bytes', boolean: 'boolean', double: 'double' };
  for (const p of properties) {
    if (p.source === 'emr' || p.isPattern || p.deprecated || definedAnywhere(p.name) || spark.deprecations[p.name] || p.minSparkVersion) continue;
    if (!p.name.startsWith('spark.') || !docTypes[p.type]) continue;
    // The documentation calls some long settings int (spark.shuffle.maxChunksBeingTransferred, read with getLong).
    const longDefault = p.type === 'int' && /^[0-9]{10,}/.test(p.default ?? '') && Number(p.default.split(' ')[0]) > 2 ** 31 - 1;
    documented[p.name] = dropEmpty({
      type: longDefault ? 'long' : docTypes[p.type],
      unit: p.unit ?? undefined,
      default: p.default && !/^\(|^value of /.test(p.default) ? p.default.replace(/ \(.*\)$/, '') : undefined,
      since: p.since ?? undefined,
      allowed: p.allowedValues ? p.allowedValues.map(String) : undefined,
      source: `spark-properties.json (${p.source}, Spark 3.5.5)`,
    });
  }

  // Keys Spark's network layer builds at run time (TransportConf).
  const runtime = {};
  const transportSource = 'TransportConf.getConfKey (common/network-common/.../network/util/TransportConf.java)';
  for (const row of readTsv(join(projectData, 'spark-transport-keys.tsv'))) {
    const entry = dropEmpty({ type: sparkType({ type: row.type }), unit: SPARK_UNITS[row.unit] ?? undefined, default: row.default.startsWith('(') ? undefined : row.default, source: transportSource });
    for (const module of ['shuffle', 'rpc', 'files']) {
      const key = `spark.${module}.${row.suffix}`;
      if (!definedAnywhere(key) && !documented[key]) runtime[key] = entry;
      for (const role of row.roles ? row.roles.split(',') : []) {
        const roleKey = `spark.${role}.${module}.${row.suffix}`;
        if (!definedAnywhere(roleKey) && !documented[roleKey]) runtime[roleKey] = { ...entry, source: 'SparkTransportConf.fromSparkConf: role-specific thread counts' };
      }
    }
  }

  // Namespaces: an `open` prefix must be one Spark's source names (a literal of some table) unless marked otherwise.
  const namespaces = readTsv(join(projectData, 'spark-namespaces.tsv')).map((row) => {
    if (row.kind === 'open' && row.literal === 'yes' && spark.prefixes[row.prefix] === undefined) {
      throw new Error(`data/spark-namespaces.tsv: ${row.prefix} is marked as a literal prefix, but no Spark table names it`);
    }
    return { prefix: row.prefix, kind: row.kind, source: row.source };
  });

  write('spark-extras.json', {
    about: 'Facts about Spark keys beyond the per-version tables: value checks made outside checkValues (../shared/data/spark-properties.json, data/spark-value-refinements.tsv), keys of EMR\'s build (spark-properties.json source=emr, emr-runtime-facts.json, data/emr-spark-keys.tsv), keys built at run time (data/spark-transport-keys.tsv) and namespaces (data/spark-namespaces.tsv).',
    refinements: sortedObject(refinements),
    documented: sortedObject(documented),
    emr: sortedObject(emr),
    emrBackports: sortedObject(emrBackports),
    runtime: sortedObject(runtime),
    namespaces,
  });
}

function buildYarn() {
  const { properties } = load('yarn-properties.json');
  const options = {};
  for (const p of properties) {
    options[p.name] = dropEmpty({
      file: p.file,
      type: p.type,
      default: p.default,
      unit: p.unit ?? undefined,
      deprecated: p.deprecated || undefined,
      replacement: p.replacement ?? undefined,
      typeTrusted: p.curated || undefined,
    });
  }
  write('yarn.json', options);
  // Key names beyond the *-default.xml files: hadoop-aws and the CapacityScheduler (data/hadoop-keys.tsv).
  const extra = { keys: {}, prefixes: {}, queueProperties: [] };
  for (const row of readTsv(join(projectData, 'hadoop-keys.tsv'))) {
    if (row.kind === 'key') {
      if (!options[row.name]) extra.keys[row.name] = row.file;
    } else if (row.kind === 'prefix') extra.prefixes[row.name] = row.file;
    else if (row.kind === 'queue-property') extra.queueProperties.push(row.name);
    else throw new Error(`data/hadoop-keys.tsv: unknown kind ${row.kind}`);
  }
  extra.keys = sortedObject(extra.keys);
  extra.prefixes = sortedObject(extra.prefixes);
  extra.queueProperties.sort();
  write('hadoop-extra.json', extra);
}

function buildJvm() {
  const { flags } = load('jvm-flags.json');
  write(
    'jvm.json',
    flags.map((f) =>
      dropEmpty({
        flag: f.flag,
        syntax: f.syntax,
        optionClass: f.optionClass,
        kind: f.kind,
        category: f.category,
        introducedIn: f.introducedIn,
        deprecatedIn: f.deprecatedIn,
        obsoletedIn: f.obsoletedIn,
        expiredIn: f.expiredIn ?? f.expiredBy,
        statusByJdk: f.statusByJdk,
        replacement: f.replacement,
        unifiedLogging: f.unifiedLogging,
      }),
    ),
  );
}

function buildReleases() {
  const releases = load('emr-releases.json');
  // Every release's classification list, as its release page gives it (the file covers all releases, including the
  // ones emr-releases.json still has as null).
  const perRelease = load('emr-release-classifications.json').releases;
  const listOf = (label) => perRelease[label] ?? releases[label].classifications ?? undefined;
  const names = new Set();
  for (const label of Object.keys(releases)) for (const c of listOf(label) ?? []) names.add(c);
  const classificationNames = [...names].sort();
  const index = new Map(classificationNames.map((n, i) => [n, i]));
  const out = {};
  for (const [label, r] of Object.entries(releases)) {
    const list = listOf(label);
    out[label] = dropEmpty({
      spark: r.spark,
      hadoop: r.hadoop,
      hive: r.hive,
      defaultJava: r.defaultJava,
      otherJava: r.otherJavaDocumented && r.otherJavaDocumented.length ? r.otherJavaDocumented : undefined,
      classifications: list ? list.map((c) => index.get(c)) : undefined,
    });
  }
  write('releases.json', { classificationNames, releases: out });
}

function buildClassifications() {
  const table = load('emr-classifications.json');
  const out = {};
  for (const [name, c] of Object.entries(table)) {
    out[name] = dropEmpty({
      application: c.application,
      configFile: c.configFile,
      kind: c.kind,
      exportSubclassification: c.exportSubclassification,
      firstSeen: c.firstSeen,
      lastSeen: c.lastSeen,
      inLatest: c.inLatestScanned,
    });
  }
  write('classifications.json', out);
}

buildInstances();
const spark = buildSpark();
buildSparkExtras(spark);
buildYarn();
buildJvm();
buildReleases();
buildClassifications();
