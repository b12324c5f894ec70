import type { JvmFlag } from '../catalog';
import type { Fix } from '../engine/findings';
import { removeToken, replaceInValue, spanInValue, type JavaOptionToken } from '../engine/javaOptions';
import { isEmrOwnValue } from '../sizing/submission';
import type { Rule } from './types';
import {
  JAVA_PATHS,
  identifyFlag,
  javaOfRole,
  javaOptionGroups,
  quoted,
  sparkIgnoresUnknownFlags,
  statusOn,
  worksOn,
  type JavaOptionsGroup,
  type JvmRole,
  type ParsedFlag,
} from './jvmSupport';

const START_FAILURE: Record<JvmRole, string> = {
  executor: 'no executor can start',
  driver: 'the driver cannot start',
  am: 'the YARN application master cannot start',
};

/** Values of the <placeholders> of the flag's syntax, read from the argument as written. */
function placeholderValues(flag: JvmFlag, argument: string): Map<string, string> {
  const names: string[] = [];
  const pattern = flag.syntax
    .split(/(<[^>]+>)/)
    .map((part) => {
      const name = /^<([^>]+)>$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '(.+)';
    })
    .join('');
  const values = new Map<string, string>();
  const match = new RegExp(`^${pattern}$`).exec(argument);
  if (match) names.forEach((name, i) => values.set(name, match[i + 1]));
  return values;
}

/**
 * The flag to write instead, when the catalog names one that can be written as it stands: the unified-logging
 * form (with the argument's own values filled in, e.g. the log file of -Xloggc) or the replacement flag, which
 * must work on the Java in use. Undefined when the replacement is a description rather than a flag.
 */
function concreteReplacement(parsed: ParsedFlag, argument: string, java: number): string | undefined {
  const source = parsed.flag.unifiedLogging ?? parsed.flag.replacement;
  if (!source || parsed.enabled === false) return undefined;
  const values = placeholderValues(parsed.flag, argument);
  let usable = true;
  const filled = source.replace(/<([^>]+)>/g, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || !/^[^\s:,'"<>]+$/.test(value)) {
      usable = false;
      return whole;
    }
    return value;
  });
  if (!usable) return undefined;
  // "-XX:+UseParallelGC (includes the parallel old-generation collector)": the flag before a remark in parentheses.
  let text = /^(-[^\s'"<>]+)(?:\s+\(.*\))?$/.exec(filled.trim())?.[1];
  if (!text) return undefined;
  const target = identifyFlag(text);
  if (!target || statusOn(target.flag, java) !== 'ok') return undefined;
  if (target.flag.optionClass === 'XX' && target.flag.kind !== 'bool' && target.value === undefined) {
    // A bare -XX:Name for a flag that takes a value: keep the argument's value when both mean the same kind of thing.
    if (parsed.value === undefined || target.flag.kind !== parsed.flag.kind) return undefined;
    text = `${text}=${parsed.value}`;
  }
  return text;
}

/** The catalog's own words for the replacement, for the message when no flag can be written for it. */
function replacementDescription(parsed: ParsedFlag): string | undefined {
  if (parsed.enabled === false) return undefined;
  return parsed.flag.unifiedLogging ?? parsed.flag.replacement;
}

/** Another argument of the same JVM that already does what the replacement would. */
function alreadyCovered(group: JavaOptionsGroup, token: JavaOptionToken, replacement: string, java: number): string | undefined {
  const target = identifyFlag(replacement);
  for (const e of group.entries) {
    for (const other of e.tokens) {
      if (other.token === token) continue;
      if (other.token.text === replacement) return other.token.text;
      const p = other.parsed;
      if (target?.flag.category === 'gc-selection' && p?.flag.category === 'gc-selection' && p.enabled && worksOn(p.flag, java)) return other.token.text;
    }
  }
  return undefined;
}

export const jvmFlagUnsupported: Rule = {
  id: 'JVM001',
  name: 'jvm-flag-unsupported',
  severity: 'warning',
  summary: 'A JVM flag in Spark\'s Java options that the cluster\'s Java deprecates, ignores or does not know.',
  reads: ['properties'],
  check({ model, release, report }) {
    if (!release) return;
    const sparkIgnores = sparkIgnoresUnknownFlags(release);
    for (const group of javaOptionGroups(model)) {
      // Each JVM's flags against the Java that JVM runs: executors and the application master follow the YARN
      // containers' JAVA_HOME, a client-mode driver spark-env's.
      const java = javaOfRole(model, release, group.role);
      if (!java) continue;
      const v = java.version;
      const onJava = `Java ${v} (${java.origin})`;
      let selfIgnores = false;
      for (const e of group.entries) {
        for (const { parsed } of e.tokens) if (parsed?.flag.flag === 'IgnoreUnrecognizedVMOptions') selfIgnores = parsed.enabled === true;
      }
      for (const e of group.entries) {
        // The options EMR itself writes are not the file's choice: a copy of EMR's own spark-defaults draws nothing.
        if (isEmrOwnValue(e.key, e.entry)) continue;
        for (const { token, parsed } of e.tokens) {
          if (!parsed) continue;
          const status = statusOn(parsed.flag, v);
          if (!status || status === 'ok') continue;
          const flag = parsed.flag;
          const arg = quoted(token.text);
          const where = `${arg} in ${e.key}`;
          const works = status === 'deprecated-warning';
          let severity: 'error' | undefined;
          let message: string;
          if (status === 'deprecated-warning') {
            message = `${where} is deprecated${flag.deprecatedIn ? ` since Java ${flag.deprecatedIn}` : ''}: on ${onJava} the JVM still applies it but warns about it at every start.`;
          } else if (status === 'obsolete-ignored') {
            message = `${where} has no effect on ${onJava}: it is obsolete${flag.obsoletedIn ? ` since Java ${flag.obsoletedIn}` : ''}, and the JVM ignores it with a warning.`;
          } else {
            const why =
              status === 'not-available'
                ? flag.introducedIn !== undefined
                  ? ` (it exists only from Java ${String(flag.introducedIn)} on)`
                  : ''
                : (flag.expiredIn ?? flag.obsoletedIn) !== undefined
                  ? ` (removed in Java ${flag.expiredIn ?? flag.obsoletedIn})`
                  : '';
            message = `${onJava} does not know ${where}${why}.`;
            if (flag.optionClass !== 'XX') {
              message += ` -XX:+IgnoreUnrecognizedVMOptions does not cover -X options, so the JVM stops with "Unrecognized option" and ${START_FAILURE[group.role]}.`;
              severity = 'error';
            } else if (selfIgnores) {
              message += ' These options set -XX:+IgnoreUnrecognizedVMOptions, so the JVM drops the flag without a word: the setting you expect is not in effect.';
            } else if (sparkIgnores === true) {
              message += ` ${release.label} runs Spark ${release.spark}, which starts the JVM with -XX:+IgnoreUnrecognizedVMOptions, so the flag is dropped without a word: the setting you expect is not in effect.`;
            } else if (sparkIgnores === false) {
              message += ` ${release.label} runs Spark ${release.spark}, which does not add -XX:+IgnoreUnrecognizedVMOptions (Spark 3.3 and later do), so the JVM stops with "Unrecognized VM option" and ${START_FAILURE[group.role]}.`;
              severity = 'error';
            } else {
              message += ' Up to Spark 3.2 the JVM stops with "Unrecognized VM option"; Spark 3.3 and later start it with -XX:+IgnoreUnrecognizedVMOptions, so the flag is dropped without a word.';
            }
          }

          const fixes: Fix[] = [];
          const remove: Fix = { title: `Remove ${arg}`, edits: [removeToken(model, e.entry, token)], preferred: !works };
          const replacement = concreteReplacement(parsed, token.text, v);
          const covered = replacement ? alreadyCovered(group, token, replacement, v) : undefined;
          const description = replacementDescription(parsed);
          if (replacement && covered) {
            message += ` Remove it; ${quoted(covered)} is already set.`;
            fixes.push({ ...remove, preferred: true });
          } else if (replacement) {
            message += ` Use ${quoted(replacement)} instead.`;
            fixes.push({
              title: `Replace with ${quoted(replacement)}`,
              edits: [replaceInValue(model, e.entry, token.start, token.end, replacement)],
              // Switching the garbage collector is a decision the user makes, not one to apply unasked.
              preferred: flag.category !== 'gc-selection',
            });
            if (!works) fixes.push({ ...remove, preferred: false });
          } else {
            if (description) message += works ? ` On Java ${v} the equivalent is: ${description}.` : ` Remove it; on Java ${v} the equivalent is: ${description}.`;
            else if (works) message += ' Remove it when you can: later Java versions drop it.';
            else {
              const newer = status === 'not-available' ? release.otherJava.filter((j) => statusOn(flag, j) === 'ok' && JAVA_PATHS[j]) : [];
              message += newer.length > 0 ? ` Remove it, or run the cluster on Java ${newer[0]} (JAVA_HOME ${JAVA_PATHS[newer[0]]}), which ${release.label} supports.` : ' Remove it.';
            }
            fixes.push(remove);
          }
          report({ span: spanInValue(model, e.entry, token.start, token.end), path: e.entry.path, message, severity, fixes });
        }
      }
    }
  },
};
