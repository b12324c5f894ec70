import { compareVersions, emrRelease, releaseLabels, type EmrRelease } from '../catalog';
import { setValue } from '../engine/edits';
import { clusterScope } from '../engine/effective';
import type { Fix } from '../engine/findings';
import type { ConfigurationScope } from '../engine/model';
import type { Rule } from './types';
import { classificationsByName } from '../engine/effective';
import { setProperties } from '../engine/edits';
import { JAVA_PATHS, javaFor, javaHomeSettings, type JavaHomeSetting } from './jvmSupport';

function supportedJava(release: EmrRelease): number[] {
  return [release.defaultJava, ...release.otherJava.filter((j) => j !== release.defaultJava)];
}

const firstReleases = new Map<number, string | undefined>();

/** The first release of the catalog that offers a Java version. */
function firstReleaseWith(java: number): string | undefined {
  if (!firstReleases.has(java)) {
    const first = releaseLabels()
      .filter((label) => {
        const r = emrRelease(label);
        return r !== undefined && supportedJava(r).includes(java);
      })
      .sort(compareVersions)[0];
    firstReleases.set(java, first);
  }
  return firstReleases.get(java);
}

function describe(s: JavaHomeSetting): string {
  return s.version === undefined ? s.path : `${s.path}, Java ${s.version}`;
}

/** The path without trailing slashes (a loop: /\/+$/ is quadratic on a long run of slashes followed by something else). */
function normalize(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

export const javaHomeMismatch: Rule = {
  id: 'JVM006',
  name: 'java-home-mismatch',
  severity: 'warning',
  summary: 'A JAVA_HOME for a Java the release does not offer, or spark-env and hadoop-env pointing to different Javas.',
  reads: ['properties'],
  check({ model, release, report }) {
    const settings = javaHomeSettings(model);
    if (release) {
      const supported = supportedJava(release);
      for (const s of settings) {
        if (s.version === undefined || supported.includes(s.version) || !s.entry.valueSpan) continue;
        const others = supported.slice(1);
        const offered = others.length > 0 ? `Java ${release.defaultJava} by default and also Java ${others.join(' and ')}` : `Java ${release.defaultJava} only`;
        const first = firstReleaseWith(s.version);
        const elsewhere = !first
          ? ''
          : compareVersions(first, release.label) > 0
            ? `, or pick a release that offers Java ${s.version} (from ${first} on)`
            : `, or pick a release that offers Java ${s.version}`;
        const fixes: Fix[] = supported
          .filter((j) => JAVA_PATHS[j])
          .map((j) => ({ title: `Point JAVA_HOME to Java ${j} (${JAVA_PATHS[j]})`, edits: [setValue(model, s.entry, JAVA_PATHS[j])] }));
        const advice = JAVA_PATHS[release.defaultJava] ? `Point it to ${JAVA_PATHS[release.defaultJava]}` : 'Point it to a Java the release offers';
        report({
          span: s.entry.valueSpan,
          path: s.entry.path,
          message:
            `${s.label} points to Java ${s.version} (${s.path}), but ${release.label} offers ${offered}: ` +
            `Java ${s.version} may not be installed on its nodes, and the release's applications are not supported on it, so they may fail to start. ` +
            `${advice}${elsewhere}.`,
          fixes,
        });
      }
    }

    // A Java switch in spark-env alone moves spark-submit and a client-mode driver, while the YARN containers
    // (executors, the application master, a cluster-mode driver) keep the release's Java.
    if (release) {
      const client = javaFor(model, release, 'driver', 'client');
      const executors = javaFor(model, release, 'executor', 'client');
      const spark = client?.setting;
      if (spark?.source === 'spark-env' && spark.entry.valueSpan && executors && !executors.setting && executors.version !== client!.version) {
        const target = classificationsByName(model, 'spark-defaults').filter((c) => c.scope === spark.scope).pop();
        const keys = { 'spark.executorEnv.JAVA_HOME': spark.path, 'spark.yarn.appMasterEnv.JAVA_HOME': spark.path };
        report({
          span: spark.entry.valueSpan,
          path: spark.entry.path,
          message:
            `JAVA_HOME in spark-env switches spark-submit and a client-mode driver to Java ${client!.version} (${spark.path}), but nothing switches the YARN containers: ` +
            `the executors, the application master and a cluster-mode driver keep Java ${executors.version}, the default of ${release.label}, and classes built for the newer Java fail on them. ` +
            'Set the same JAVA_HOME in the export of hadoop-env, or spark.executorEnv.JAVA_HOME and spark.yarn.appMasterEnv.JAVA_HOME in spark-defaults.',
          fixes: target ? [{ title: 'Set spark.executorEnv.JAVA_HOME and spark.yarn.appMasterEnv.JAVA_HOME to the same Java', edits: setProperties(model, target, keys) }] : [],
        });
      }
    }

    // spark-env and hadoop-env should agree: spark-submit and a client-mode driver take spark-env's Java, the YARN
    // containers (executors, a cluster-mode driver) the NodeManager's, which hadoop-env sets.
    const cluster = clusterScope(model);
    const lastIn = (scope: ConfigurationScope | undefined, source: string) => [...settings].reverse().find((s) => s.scope === scope && s.source === source);
    const seen = new Set<string>();
    for (const scope of model.scopes) {
      const spark = lastIn(scope, 'spark-env') ?? lastIn(cluster, 'spark-env');
      const hadoop = lastIn(scope, 'hadoop-env') ?? lastIn(cluster, 'hadoop-env');
      if (!spark || !hadoop || !spark.entry.valueSpan || !hadoop.entry.valueSpan) continue;
      const key = `${spark.entry.keySpan.start}:${hadoop.entry.keySpan.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const differ =
        spark.version !== undefined && hadoop.version !== undefined
          ? spark.version !== hadoop.version
          : spark.version === undefined && hadoop.version === undefined && normalize(spark.path) !== normalize(hadoop.path);
      if (!differ) continue;
      const alignHadoop: Fix = { title: `Use ${spark.path} in hadoop-env too`, edits: [setValue(model, hadoop.entry, spark.entry.value)] };
      const alignSpark: Fix = { title: `Use ${hadoop.path} in spark-env too`, edits: [setValue(model, spark.entry, hadoop.entry.value)] };
      const ok = (s: JavaHomeSetting) => !release || (s.version !== undefined && supportedJava(release).includes(s.version));
      const fixes = !ok(spark) && ok(hadoop) ? [alignSpark, alignHadoop] : [alignHadoop, alignSpark];
      report({
        span: spark.entry.valueSpan,
        path: spark.entry.path,
        message:
          `JAVA_HOME in spark-env (${describe(spark)}) and in hadoop-env (${describe(hadoop)}) disagree: spark-submit and a client-mode driver ` +
          `run on the first, while YARN starts the executors and a cluster-mode driver on the second, and classes built for the newer Java fail on the older one. ` +
          'Set the same JAVA_HOME in both.',
        related: [{ span: hadoop.entry.valueSpan, message: `JAVA_HOME in hadoop-env: ${describe(hadoop)}.` }],
        fixes,
      });
    }
  },
};
