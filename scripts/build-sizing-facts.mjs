#!/usr/bin/env node
// Derives the facts the sizing engine needs about what EMR itself sets, from the shared fact tables:
// the 2022 YARN table per instance type and the releases it covered, GPUs per type, the YARN vcores seen on EMR,
// and EMR's own Spark defaults with their trust tags (only `documented` facts may drive an error).
// Usage: node scripts/build-sizing-facts.mjs <folder with emr-yarn-defaults.json, emr-releases.json, ...>
// Writes server/src/sizing/generated/emr-facts.json (facts only, no prose).
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'server', 'src', 'sizing', 'generated', 'emr-facts.json');

const sourceDir = process.argv[2];
if (!sourceDir || !existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) {
  console.error('usage: node scripts/build-sizing-facts.mjs <folder with emr-yarn-defaults.json, emr-releases.json, emr-runtime-facts.json, ec2-instance-specs.json>');
  process.exit(2);
}
const load = (name) => JSON.parse(readFileSync(join(sourceDir, name), 'utf8'));

/** Fails the build when a table no longer has the shape this script reads. */
function need(value, what) {
  if (value === undefined || value === null) {
    console.error(`build-sizing-facts: ${what} is missing from the fact tables`);
    process.exit(1);
  }
  return value;
}

function yarnTriple(row) {
  return row ? [row['yarn.nodemanager.resource.memory-mb'], row['yarn.scheduler.maximum-allocation-mb'], row['yarn.scheduler.minimum-allocation-mb']].map((n) => Math.floor(n)) : undefined;
}

// The YARN table AWS published until 2022 (archived page, last changed 2022-01-24), per instance type.
const yarn = load('emr-yarn-defaults.json');
const archivedYarn = {};
const archivedYarnHBase = {};
for (const [type, row] of Object.entries(yarn)) {
  if (!row.archived2022) continue;
  archivedYarn[type] = yarnTriple(row.archived2022.default);
  if (row.archived2022.hbase) archivedYarnHBase[type] = yarnTriple(row.archived2022.hbase);
}

// Releases the 2022 archive of the Release Guide has pages for: the ones that table was current for.
const releases = load('emr-releases.json');
const archiveEraReleases = Object.entries(releases)
  .filter(([, r]) => r.classificationsSource === 'archived2022' || r.versionsSource === 'archived2022')
  .map(([label]) => label);

const specs = load('ec2-instance-specs.json');
const gpus = Object.fromEntries(Object.entries(specs).filter(([, s]) => s.gpuCount).map(([type, s]) => [type, s.gpuCount]));

const runtime = load('emr-runtime-facts.json');
const onEc2 = need(runtime.emrOnEc2, 'emrOnEc2');
const statusOf = (fact) => need(fact.status, 'a fact status');

// spark-defaults keys EMR writes with a fixed value (one key per fact), with trust tag and release range.
const sparkDefaults = {};
const keyFacts = [...need(onEc2.sparkDefaults?.keys, 'emrOnEc2.sparkDefaults.keys'), ...need(onEc2.sparkDefaults?.decommissioning?.keys, 'emrOnEc2.sparkDefaults.decommissioning.keys')];
for (const fact of keyFacts) {
  if (typeof fact.key !== 'string' || !/^spark\.[^\s,]+$/.test(fact.key) || typeof fact.value !== 'string') continue;
  const since = /^>=\s*(\d+\.\d+\.\d+)$/.exec(fact.releases ?? '')?.[1];
  sparkDefaults[fact.key] = { value: fact.value, status: statusOf(fact), ...(since ? { since: `emr-${since}` } : {}) };
}

// Keys AWS documents as derived from the core and task instance types, without a number or formula.
const fromInstanceTypes = [];
for (const fact of need(onEc2.sparkDefaultsByInstanceType?.whatAwsSays, 'emrOnEc2.sparkDefaultsByInstanceType.whatAwsSays')) {
  if (fact.status !== 'documented' || typeof fact.key !== 'string') continue;
  for (const key of fact.key.split(',').map((k) => k.trim())) if (/^spark\./.test(key) && !fromInstanceTypes.includes(key)) fromInstanceTypes.push(key);
}

// The Java options EMR itself writes (values seen in published dumps), per release line.
const javaOptions = need(onEc2.sparkDefaults?.javaOptions, 'emrOnEc2.sparkDefaults.javaOptions')
  .filter((fact) => fact.value && typeof fact.value === 'object')
  .map((fact) => ({ releases: fact.releases, status: statusOf(fact), values: fact.value }));

// maximizeResourceAllocation: what EMR writes and the trust tag of each statement.
const maximize = need(onEc2.maximizeResourceAllocation, 'emrOnEc2.maximizeResourceAllocation');
const maximizeKeys = Object.fromEntries(need(maximize.settings, 'maximizeResourceAllocation.settings').map((s) => [s.key, statusOf(s)]));

// YARN vcores EMR registers per instance type: never published, only observed.
const yarnOnEmr = need(runtime.yarnOnEmr, 'yarnOnEmr');
const observedVcores = {};
for (const fact of need(yarnOnEmr.nodemanagerCpuVcores?.observed, 'yarnOnEmr.nodemanagerCpuVcores.observed')) Object.assign(observedVcores, fact.value);

const decommission = need(yarnOnEmr.gracefulDecommission, 'yarnOnEmr.gracefulDecommission');
const defaultSeconds = Number(/^(\d+)\s*s\b/.exec(need(decommission.default?.value, 'gracefulDecommission.default'))?.[1]);
const gracefulDecommission = {
  key: need(decommission.key?.value, 'gracefulDecommission.key'),
  defaultSeconds: need(Number.isFinite(defaultSeconds) ? defaultSeconds : undefined, 'gracefulDecommission default seconds'),
  defaultStatus: statusOf(decommission.default),
  minusOneMeansImmediate: statusOf(need(decommission.minusOne, 'gracefulDecommission.minusOne')),
};

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  JSON.stringify({
    yarnFields: ['nodemanagerMemoryMiB', 'maximumAllocationMiB', 'minimumAllocationMiB'],
    archivedYarn,
    archivedYarnHBase,
    archiveEraReleases,
    gpus,
    observedVcores,
    sparkDefaults,
    fromInstanceTypes,
    javaOptions,
    maximizeKeys,
    gracefulDecommission,
  }) + '\n',
);
console.log(`wrote ${outFile}: ${Object.keys(archivedYarn).length} types in the 2022 YARN table, ${archiveEraReleases.length} releases of its era`);
