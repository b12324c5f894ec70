// Spark's keys per Spark version: every key's own default passes on a release with that Spark, and keys of a later
// Spark are reported on an earlier release with the version that added them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emrRelease,
  releaseLabels,
  sparkCatalog,
  sparkKeyStatusOf,
  sparkTableDefaults,
  sparkTableKeys,
  SPARK_TABLE_VERSIONS,
  compareVersions,
} from '../../server/src/catalog';
import { sparkVersionView } from '../../server/src/catalog/spark';
import { analyzeText } from '../../server/src/analysis/analyze';
import { checkSparkValue } from '../../server/src/engine/valueCheck';

/** The first release whose Spark is exactly this version (the tables were chosen so that one exists, 4.1.1 apart). */
function releaseWithSpark(version: string): string | undefined {
  return releaseLabels()
    .filter((l) => emrRelease(l)!.spark === version)
    .sort(compareVersions)[0];
}

/** A spark-defaults.conf that sets each key to a value, written so java.util.Properties reads it back unchanged. */
function propertiesFile(entries: readonly [string, string][]): string {
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/^\s/, '\\$&');
  return entries.map(([k, v]) => `${k} ${escape(v)}`).join('\n') + '\n';
}

for (const version of SPARK_TABLE_VERSIONS) {
  const label = releaseWithSpark(version);
  test(`Spark ${version}: every documented key set to its own default draws no SPK001, SPK003 or SPK004${label ? ` on ${label}` : ''}`, () => {
    const entries = sparkTableDefaults(version)
      .filter((d) => !d.internal)
      .map((d): [string, string] => [d.key, d.default]);
    assert.ok(entries.length > 150, `${entries.length} keys with a default`);
    if (label) {
      const findings = analyzeText(propertiesFile(entries), 'spark-defaults.conf', { release: label }).findings.filter((f) => ['SPK001', 'SPK003', 'SPK004'].includes(f.ruleId));
      assert.deepEqual(findings.map((f) => f.message), []);
    } else {
      // No EMR release ships this Spark yet: the same question asked of the version's view directly.
      const view = sparkVersionView(version);
      const problems = entries.flatMap(([key, value]) => {
        const option = view.option(key);
        if (!option) return [`${key}: not a key of the view`];
        const problem = checkSparkValue(option, value);
        return problem ? [`${key} = ${value}: ${problem.problem}`] : [];
      });
      assert.deepEqual(problems, []);
    }
  });
}

for (const label of ['emr-5.27.0', 'emr-6.5.0', 'emr-6.10.0', 'emr-7.0.0']) {
  test(`${label}: keys a later Spark added are each reported with the version that added them`, () => {
    const release = emrRelease(label)!;
    const catalog = sparkCatalog(release);
    const newer = new Map<string, string>();
    for (const version of SPARK_TABLE_VERSIONS) {
      if (compareVersions(version, release.spark!) <= 0) continue;
      for (const { key, since, internal } of sparkTableKeys(version)) {
        if (internal || !since || compareVersions(since, release.spark!) <= 0 || newer.has(key) || catalog.option(key) || catalog.deprecation(key)) continue;
        if (sparkKeyStatusOf(catalog, key).kind !== 'other-version') continue;
        newer.set(key, since);
      }
    }
    assert.ok(newer.size > 50, `${newer.size} later keys`);
    const findings = analyzeText(propertiesFile([...newer.keys()].map((k) => [k, ''])), 'spark-defaults.conf', { release: label }).findings.filter((f) => f.ruleId === 'SPK001');
    const reported = new Map(findings.map((f) => [/^"([^"]+)"/.exec(f.message)![1], f]));
    for (const [key, since] of newer) {
      const finding = reported.get(key);
      assert.ok(finding, `${key} (Spark ${since}) is reported on ${label}`);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, new RegExp(`Spark ${since.replace(/\./g, '\\.')} added it`), key);
      assert.ok(finding.message.includes(`Spark ${release.spark} on ${label}`), finding.message);
    }
  });
}

test('every Spark that an EMR release ships, between the tables too: its keys at their defaults draw no SPK001, SPK003 or SPK004', () => {
  const bySpark = new Map<string, string>();
  for (const label of [...releaseLabels()].sort(compareVersions)) {
    const spark = emrRelease(label)!.spark;
    if (spark && !bySpark.has(spark)) bySpark.set(spark, label);
  }
  assert.ok(bySpark.size >= 30, `${bySpark.size} Spark versions`);
  for (const [spark, label] of bySpark) {
    const catalog = sparkCatalog(emrRelease(label));
    const entries = new Map<string, string>();
    for (const version of SPARK_TABLE_VERSIONS) {
      for (const d of sparkTableDefaults(version)) {
        const option = catalog.option(d.key);
        // The key as this Spark has it, at the default this Spark's facts give (or, between tables, either table's).
        if (d.internal || !option || option.internal || entries.has(d.key)) continue;
        entries.set(d.key, option.default !== '' ? option.default : d.default);
      }
    }
    const findings = analyzeText(propertiesFile([...entries]), 'spark-defaults.conf', { release: label }).findings.filter((f) => ['SPK001', 'SPK003', 'SPK004'].includes(f.ruleId));
    assert.deepEqual(findings.map((f) => f.message), [], `Spark ${spark} (${label}, ${entries.size} keys)`);
  }
});
