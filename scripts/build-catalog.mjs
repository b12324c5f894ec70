#!/usr/bin/env node
// Derives the product's compact catalogs from the shared fact tables.
// Usage: node scripts/build-catalog.mjs <folder with the fact tables>
// Writes server/src/catalog/generated/*.json (facts only; descriptions live in catalog/descriptions/).
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'server', 'src', 'catalog', 'generated');

const sourceDir = process.argv[2];
if (!sourceDir || !existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) {
  console.error('usage: node scripts/build-catalog.mjs <folder with ec2-instance-specs.json, emr-yarn-defaults.json, ...>');
  process.exit(2);
}

const load = (name) => JSON.parse(readFileSync(join(sourceDir, name), 'utf8'));
const write = (name, value) => {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, name), JSON.stringify(value) + '\n');
  console.log(`wrote ${name}`);
};
const dropEmpty = (object) =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && v !== false));

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

function optionFacts(p) {
  return dropEmpty({
    type: p.type,
    default: p.default,
    unit: p.unit ?? undefined,
    since: p.since ?? undefined,
    deprecated: p.deprecated || undefined,
    deprecatedSince: p.deprecatedSince,
    replacement: p.replacement ?? undefined,
    stillHonored: p.stillHonored,
    removedIn: p.removedIn,
    minSparkVersion: p.minSparkVersion,
    defaultSpark4: p.defaultSpark4,
    internal: p.internal || undefined,
    category: p.category,
    allowedValues: p.allowedValues ? p.allowedValues.map(String) : undefined,
    allowsClassName: p.allowsClassName,
    caseInsensitive: p.caseInsensitive,
    range: p.range
      ? dropEmpty({
          minimum: p.range.minimum,
          maximum: p.range.maximum,
          exclusiveMinimum: p.range.exclusiveMinimum,
          exclusiveMaximum: p.range.exclusiveMaximum,
          minimumBytes: p.range.minimumBytes,
        })
      : undefined,
    namePattern: p.isPattern ? p.namePattern : undefined,
    emrOnly: p.source === 'emr' || undefined,
    emrClassification: p.emrClassification,
  });
}

function buildSpark() {
  const { properties } = load('spark-properties.json');
  const options = {};
  for (const p of properties) options[p.name] = optionFacts(p);
  write('spark.json', options);
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
  const names = new Set();
  for (const r of Object.values(releases)) for (const c of r.classifications ?? []) names.add(c);
  const classificationNames = [...names].sort();
  const index = new Map(classificationNames.map((n, i) => [n, i]));
  const out = {};
  for (const [label, r] of Object.entries(releases)) {
    out[label] = dropEmpty({
      spark: r.spark,
      hadoop: r.hadoop,
      hive: r.hive,
      defaultJava: r.defaultJava,
      otherJava: r.otherJavaDocumented && r.otherJavaDocumented.length ? r.otherJavaDocumented : undefined,
      classifications: r.classifications ? r.classifications.map((c) => index.get(c)) : undefined,
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
buildSpark();
buildYarn();
buildJvm();
buildReleases();
buildClassifications();
