// What a key in a Hadoop classification (or after spark.hadoop.) is to Hadoop: a key it defines, one named at run
// time, a likely misspelling of one, or a key of a namespace Hadoop does not own (EMRFS's fs.s3.*, vendors').
// Key names come from Hadoop 3.3.6's *-default.xml files (../shared/data/yarn-properties.json), hadoop-aws's
// Constants and the CapacityScheduler's keys (data/hadoop-keys.tsv).
import extraData from './generated/hadoop-extra.json';
import { hadoopOption, hadoopOptionNames } from './index';
import { suggestKey, type KeySuggestion } from '../engine/suggest';

const extra = extraData as { keys: Record<string, string>; prefixes: Record<string, string>; queueProperties: string[] };

export const HADOOP_KEY_SOURCE = 'Hadoop 3.3.6';

const CAPACITY = 'yarn.scheduler.capacity.';
const QUEUES = `${CAPACITY}root.`;

let names: string[] | undefined;
let owned: Set<string> | undefined;
let queueProperties: ReadonlySet<string> | undefined;

/** Every Hadoop key name known (one shared list: do not modify it). */
export function hadoopKeyNames(): readonly string[] {
  return (names ??= [...hadoopOptionNames(), ...Object.keys(extra.keys)]);
}

/**
 * The namespace of a key: its first two parts ("yarn.nodemanager", "fs.s3a"), or its first part for a key of two
 * ("dfs" for dfs.replication). Hadoop owns the namespaces its own keys are in.
 */
function namespacesOf(key: string): string[] {
  const parts = key.split('.');
  return parts.length > 2 ? [parts.slice(0, 2).join('.')] : [parts[0]];
}

function hadoopOwns(key: string): boolean {
  if (!owned) {
    owned = new Set<string>();
    for (const name of [...hadoopKeyNames(), ...Object.keys(extra.prefixes)]) {
      const parts = name.split('.').filter((p) => p !== '');
      owned.add(parts[0]);
      if (parts.length > 2) owned.add(parts.slice(0, 2).join('.'));
    }
  }
  return namespacesOf(key).every((n) => owned!.has(n));
}

export type HadoopKeyStatus =
  | { kind: 'known' }
  /** In a namespace Hadoop owns, no key of that name, and one known key is close enough to be the one meant. */
  | { kind: 'misspelled'; suggestion: KeySuggestion }
  /** Nothing to say: a namespace Hadoop does not own, a key named at run time, or nothing close. */
  | { kind: 'quiet' };

const known = (key: string) => hadoopOption(key) !== undefined || extra.keys[key] !== undefined;

export function hadoopKeyStatus(key: string): HadoopKeyStatus {
  if (known(key)) return { kind: 'known' };
  if (Object.keys(extra.prefixes).some((p) => key.startsWith(p))) return { kind: 'quiet' };
  // Per-queue CapacityScheduler settings: yarn.scheduler.capacity.root.<queue path>.<property>.
  if (key.startsWith(QUEUES)) {
    queueProperties ??= new Set(extra.queueProperties);
    const property = key.slice(key.lastIndexOf('.') + 1);
    if (queueProperties.has(property)) return { kind: 'known' };
    const suggestion = suggestKey(property, extra.queueProperties);
    if (!suggestion || suggestion.name === property) return { kind: 'quiet' };
    return { kind: 'misspelled', suggestion: { name: `${key.slice(0, key.lastIndexOf('.') + 1)}${suggestion.name}`, unambiguous: suggestion.unambiguous } };
  }
  if (!hadoopOwns(key)) return { kind: 'quiet' };
  // A known key with more parts after it is one named at run time (per name service, per bucket, per scheme ...).
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 2; i--) if (known(parts.slice(0, i).join('.'))) return { kind: 'quiet' };
  const suggestion = suggestKey(key, hadoopKeyNames());
  return suggestion ? { kind: 'misspelled', suggestion } : { kind: 'quiet' };
}
