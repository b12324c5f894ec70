// The meta-test: every rule has a stable, well-formed identity, a doc page and fixtures that fire and pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { repoRoot } from '../helpers';

test('rule IDs and names are unique and well formed', () => {
  const ids = RULES.map((r) => r.id);
  const names = RULES.map((r) => r.name);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(new Set(names).size, names.length);
  for (const rule of RULES) {
    assert.match(rule.id, /^(EMR|SPK|SZ|JVM|YRN|SEC|ELA|SUB|HDP)\d{3}$/, rule.id);
    // Kebab case; a dot is allowed between digits for release numbers (emr-6.1-gc-conflict).
    assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+|\.[0-9]+)*$/, rule.name);
    assert.ok(rule.summary.length > 10, `${rule.id} has a summary`);
  }
});

test('each rule lives in its own file named after its ID and name', () => {
  const files = readdirSync(path.join(repoRoot, 'server', 'src', 'rules')).filter((f) => /^[A-Z]+\d{3}-/.test(f));
  assert.deepEqual(files.sort(), RULES.map((r) => `${r.id}-${r.name}.ts`).sort());
});

/** fires.json, passes.conf, fires.cfn.yaml, fires.eks.json: the word in between names the variant. */
const FIXTURE = /^(fires|passes)(\.[a-z]+)?\.(json|jsonc|conf|yaml)$/;

/** The variants a fixture may be: a CloudFormation template, an EMR on EKS or an EMR Serverless job run. */
const VARIANTS = ['cfn', 'eks', 'serverless'];

/**
 * Rules that read classifications or properties run on CloudFormation templates, so each has a fires.cfn.yaml;
 * a rule that cannot fire there is listed with the reason.
 */
const NO_CLOUDFORMATION_VARIANT: Record<string, string> = {
  EMR005: 'CloudFormation turns numbers and booleans into the strings EMR receives, so a template has no value of the wrong type for this rule (it reads string-values, which templates do not provide)',
};

/**
 * Rules that read properties check EMR on EKS and EMR Serverless job runs too (their applicationConfiguration and
 * sparkSubmitParameters), so each has a fires.eks.json or fires.serverless.json; the rules that cannot, or do not
 * yet, are listed with the reason.
 */
const NO_JOB_RUN_VARIANT: Record<string, string> = {
  // Needs YARN or instance types: a job run has neither (Kubernetes pods or Serverless workers run the executors).
  ELA001: 'needs YARN: compares with the graceful decommission timeout of YARN on EMR on EC2 nodes',
  SZ001: 'needs a YARN cluster: containers against yarn.scheduler.maximum-allocation-mb of instance types',
  SZ002: 'needs a YARN cluster: executors per node against the YARN memory of instance types',
  SZ003: 'needs a YARN cluster: executor instances against what the instance types hold',
  SZ007: 'needs instance types: executor cores against the vCPUs of a node',
  SZ008: 'needs instance types: executors per node against its vCPUs',
  SZ011: 'needs a YARN cluster: parallelism against the executors the cluster holds',
  SZ013: 'needs a YARN cluster: the share of YARN memory the settings use',
  SZ017: "needs instance types: a client-mode driver against the primary node's memory",
  // Needs a release job runs do not offer.
  JVM004: 'a problem of emr-6.1 only: EMR on EKS starts at emr-6.2.0 (and 5.32.0), EMR Serverless at emr-6.6.0',
  // Runs on job runs, but what it checks and writes is EMR on EC2's.
  JVM006: "the JAVA_HOME paths and Java versions it checks and offers are EMR on EC2's; EMR Serverless documents /usr/lib/jvm/java-17-amazon-corretto.<arch>/, so no fixture pins its advice for job runs until that is checked",
  // Not read on job runs yet: these read spark-defaults through the cluster-wide scope (engine/effective.ts
  // clusterScope), which a job run's applicationConfiguration and a Serverless application's runtimeConfiguration
  // are not. The rules are about Spark itself and apply there once that scope is read.
  SPK005: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  SZ004: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  SZ005: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  SZ006: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  SZ009: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps); on EMR Serverless its advice of 5 cores is not a worker size (1, 2, 4, 8 or 16 vCPUs)',
  SZ010: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  SZ012: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  SZ014: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
  JVM005: 'not yet read on job runs (it reads the cluster-wide spark-defaults and steps)',
};

const readsAny = (rule: (typeof RULES)[number], ...parts: string[]) => rule.reads.some((part) => parts.includes(part));

test('every exemption names a rule that would otherwise need the variant', () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const id of Object.keys(NO_CLOUDFORMATION_VARIANT)) assert.ok(ids.has(id) && readsAny(RULES.find((r) => r.id === id)!, 'classifications', 'properties'), id);
  for (const id of Object.keys(NO_JOB_RUN_VARIANT)) assert.ok(ids.has(id) && readsAny(RULES.find((r) => r.id === id)!, 'properties'), id);
});

for (const rule of RULES) {
  test(`${rule.id} has a doc page and fixtures`, () => {
    const doc = path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(existsSync(doc), `docs/rules/${rule.id}.md exists`);
    assert.ok(readFileSync(doc, 'utf8').startsWith(`# ${rule.id} ${rule.name}`), 'the doc page starts with the ID and the name');
    const dir = path.join(repoRoot, 'test', 'fixtures', rule.id);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const fires = files.filter((f) => FIXTURE.test(f) && f.startsWith('fires.'));
    assert.ok(fires.length > 0, 'a fixture that must fire');
    assert.ok(files.some((f) => FIXTURE.test(f) && f.startsWith('passes.')), 'a fixture that must not fire');
    for (const f of fires) assert.ok(files.includes(`${f}.expected.json`), `${f}.expected.json beside it`);
    for (const f of files.filter((name) => FIXTURE.test(name))) {
      const variant = FIXTURE.exec(f)![2]?.slice(1);
      assert.ok(variant === undefined || VARIANTS.includes(variant), `${f}: the variant is one of ${VARIANTS.join(', ')}`);
    }
  });

  test(`${rule.id}'s doc page says what the rule does on each release`, () => {
    // Issue 10: every rule doc says what the rule does on each release where it differs, or that nothing does.
    const doc = readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    const sections = doc.split(/^(?=## )/m);
    const onEachRelease = sections.findIndex((s) => s.startsWith('## On each release\n'));
    assert.ok(onEachRelease > 0, `docs/rules/${rule.id}.md has a "## On each release" section`);
    assert.equal(onEachRelease, 1, 'the section comes right after the opening description');
    assert.ok(sections[onEachRelease].slice('## On each release\n'.length).trim().length > 0, 'the section is not empty');
  });

  test(`${rule.id} has a fixture for every format it reads, and its doc says so`, () => {
    const dir = path.join(repoRoot, 'test', 'fixtures', rule.id);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const cloudFormation = files.includes('fires.cfn.yaml');
    const jobRun = files.includes('fires.eks.json') || files.includes('fires.serverless.json');
    // The doc's table: | Severity | Applies to | Quick fix |, then its one row.
    const appliesTo = readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8').split('\n')[4]?.split('|')[2] ?? '';
    if (cloudFormation) assert.match(appliesTo, /CloudFormation/, `docs/rules/${rule.id}.md: Applies to names CloudFormation`);
    if (files.includes('fires.eks.json')) assert.match(appliesTo, /EMR on EKS/, `docs/rules/${rule.id}.md: Applies to names EMR on EKS`);
    if (files.includes('fires.serverless.json')) assert.match(appliesTo, /EMR Serverless/, `docs/rules/${rule.id}.md: Applies to names EMR Serverless`);
    if (files.some((f) => /^fires(\.[a-z]+)?\.conf$/.test(f))) assert.match(appliesTo, /spark-defaults\.conf/, `docs/rules/${rule.id}.md: Applies to names spark-defaults.conf`);
    if (readsAny(rule, 'classifications', 'properties')) {
      const exempt = NO_CLOUDFORMATION_VARIANT[rule.id];
      if (exempt) assert.ok(!cloudFormation, `${rule.id} has fires.cfn.yaml: drop it from NO_CLOUDFORMATION_VARIANT`);
      else assert.ok(cloudFormation, `${rule.id} reads ${rule.reads.join(', ')}: it needs test/fixtures/${rule.id}/fires.cfn.yaml, or a reason in NO_CLOUDFORMATION_VARIANT`);
    }
    if (readsAny(rule, 'properties')) {
      const exempt = NO_JOB_RUN_VARIANT[rule.id];
      if (exempt) assert.ok(!jobRun, `${rule.id} has a job-run fixture: drop it from NO_JOB_RUN_VARIANT`);
      else assert.ok(jobRun, `${rule.id} reads properties: it needs test/fixtures/${rule.id}/fires.eks.json or fires.serverless.json, or a reason in NO_JOB_RUN_VARIANT`);
    }
  });
}
