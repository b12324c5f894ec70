import { sparkCatalog, type SparkCatalog, type SparkDeprecation } from '../catalog';
import { removeEntry, renameKey } from '../engine/edits';
import { keysOf } from '../engine/effective';
import type { Fix, Severity } from '../engine/findings';
import type { Classification, ConfigModel, PropertyEntry } from '../engine/model';
import { showValue } from '../engine/secrets';
import { isTemplateEntry } from '../engine/templates';
import type { Rule } from './types';
import { liveEntriesOf } from './liveEntries';

interface Verdict {
  message: string;
  severity?: Severity;
  fixes: Fix[];
}

function since(d: SparkDeprecation): string {
  return d.since ? ` since Spark ${d.since}` : '';
}

/** A removed SQL setting's value compared as Spark compares it with the old default (booleans in any case). */
function isOldDefault(value: string, removedDefault: string): boolean {
  const a = value.trim();
  const b = removedDefault.trim();
  return a === b || ((b === 'true' || b === 'false') && a.toLowerCase() === b);
}

function judge(model: ConfigModel, catalog: SparkCatalog, classification: Classification, entry: PropertyEntry, d: SparkDeprecation): Verdict | undefined {
  const key = entry.key;
  const setKeys = keysOf(model, 'spark-defaults');
  const remove: Fix = { title: `Remove "${key}"`, edits: [removeEntry(model, classification, entry)], preferred: true };
  const spark = catalog.describe;
  switch (d.read) {
    case 'forwarded': {
      const target = d.target!;
      if (setKeys.has(target)) {
        return { message: `"${key}" is an old name of "${target}" (deprecated${since(d)}), and "${target}" is set as well: ${spark} uses "${target}" and ignores this one. Remove it.`, fixes: [remove] };
      }
      if (d.translated) {
        return {
          message: `"${key}" is deprecated${since(d)}: ${spark} still reads it, with a warning, and converts its value for "${target}", which takes the value in another form. Set "${target}" instead, in that key's own unit.`,
          fixes: [],
        };
      }
      const exists = catalog.option(target) !== undefined;
      return {
        message: `"${key}" is deprecated${since(d)}: ${spark} still reads it, with a warning, as "${target}". Use "${target}".`,
        fixes: exists ? [{ title: `Rename to "${target}"`, edits: [renameKey(model, entry, target)], preferred: true }] : [],
      };
    }
    case 'defined': {
      const replacement = d.replacement && catalog.option(d.replacement) ? catalog.option(d.replacement)! : undefined;
      const own = catalog.option(key);
      // The replacement takes this key's value when it is unset (fallbackConf): the same setting under a new name.
      const sameSetting = replacement && replacement.fallback === key && (!own || own.type === replacement.type);
      if (replacement && sameSetting) {
        if (setKeys.has(replacement.name)) {
          return { message: `"${key}" is deprecated${since(d)} in favour of "${replacement.name}", which is set as well: ${spark} uses "${replacement.name}" and this one no longer counts. Remove it.`, fixes: [remove] };
        }
        return {
          message: `"${key}" is deprecated${since(d)}: ${spark} still reads it, as the fallback of "${replacement.name}". Use "${replacement.name}".`,
          fixes: [{ title: `Rename to "${replacement.name}"`, edits: [renameKey(model, entry, replacement.name)], preferred: true }],
        };
      }
      const instead = d.replacement ? ` Spark points to "${d.replacement}" instead, which is a setting of its own.` : '';
      return { severity: 'info', message: `"${key}" is deprecated${since(d)}, but ${spark} still reads it.${instead}`, fixes: [] };
    }
    case 'warning': {
      const named = d.replacement && catalog.option(d.replacement) ? ` Spark names "${d.replacement}" in its place.` : '';
      return { message: `"${key}" has no effect: it was deprecated${since(d).replace(' since', ' in')}, and ${spark} only logs a warning about it.${named} Remove it.`, fixes: [remove] };
    }
    case 'removed': {
      const old = d.removedDefault ?? '';
      if (entry.valueKind === 'string' && isOldDefault(entry.value, old)) {
        return { severity: 'info', message: `"${key}" was removed${since(d).replace(' since', ' in')}; ${spark} accepts it only because it is set to its old default (${JSON.stringify(old)}), and it does nothing. Remove it.`, fixes: [remove] };
      }
      return {
        severity: 'error',
        message: `"${key}" was removed${since(d).replace(' since', ' in')}, and ${spark} refuses any value but its old default ${JSON.stringify(old)}: the SQL session fails to start with ${showValue(key, entry.value)}. Remove it.`,
        fixes: [remove],
      };
    }
  }
}

export const deprecatedSparkKey: Rule = {
  id: 'SPK002',
  name: 'deprecated-spark-key',
  severity: 'warning',
  summary: 'A deprecated, renamed or removed Spark key, with what the release\'s Spark does with it.',
  reads: ['properties'],
  check({ model, release, report }) {
    const catalog = sparkCatalog(release);
    for (const { entry, classification } of liveEntriesOf(model, 'spark-defaults')) {
      if (!entry.key.startsWith('spark.') || isTemplateEntry(model, entry)) continue;
      // The spark.blacklist.* family (renamed to spark.excludeOnFailure.*) is reported once, by ELA002.
      if (entry.key.startsWith('spark.blacklist.')) continue;
      const deprecation = catalog.deprecation(entry.key);
      if (!deprecation) continue;
      const verdict = judge(model, catalog, classification, entry, deprecation);
      if (verdict) report({ span: entry.keySpan, path: entry.path, message: verdict.message, severity: verdict.severity, fixes: verdict.fixes });
    }
  },
};
