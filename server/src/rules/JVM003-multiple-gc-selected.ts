import type { Fix } from '../engine/findings';
import { removeTokens, spanInValue, type JavaOptionToken } from '../engine/javaOptions';
import type { ConfigModel } from '../engine/model';
import type { Rule } from './types';
import { javaOfRole, javaOptionGroups, quoted, worksOn, type JavaOptionsEntry } from './jvmSupport';

/** The collector each selection flag chooses; flags of one collector may be combined. */
const COLLECTOR: Record<string, string> = {
  UseSerialGC: 'Serial',
  UseParallelGC: 'Parallel',
  UseParallelOldGC: 'Parallel',
  UseConcMarkSweepGC: 'CMS',
  UseParNewGC: 'CMS',
  UseG1GC: 'G1',
  UseZGC: 'ZGC',
  ZGenerational: 'ZGC',
  UseShenandoahGC: 'Shenandoah',
};

interface Selection {
  entry: JavaOptionsEntry;
  token: JavaOptionToken;
  collector: string;
}

/** Removes every flag of one collector, one edit per option string. */
function removal(model: ConfigModel, selections: Selection[]): Fix {
  const byEntry = new Map<JavaOptionsEntry, JavaOptionToken[]>();
  for (const s of selections) byEntry.set(s.entry, [...(byEntry.get(s.entry) ?? []), s.token]);
  const names = selections.map((s) => quoted(s.token.text));
  return {
    title: `Remove ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}`,
    edits: [...byEntry].map(([e, tokens]) => removeTokens(model, e.entry, tokens)),
  };
}

export const multipleGcSelected: Rule = {
  id: 'JVM003',
  name: 'multiple-gc-selected',
  severity: 'error',
  summary: 'More than one garbage collector selected in the same JVM\'s options: the JVM refuses to start.',
  reads: ['properties'],
  check({ model, release, report }) {
    for (const group of javaOptionGroups(model)) {
      const java = javaOfRole(model, release, group.role)?.version;
      const refusal =
        java === undefined
          ? 'it refuses to start ("Multiple garbage collectors selected" on Java 11 and later, "Conflicting collector combinations in option list" on Java 8)'
          : java >= 11
            ? `Java ${java} refuses to start with "Multiple garbage collectors selected"`
            : `Java ${java} refuses to start with "Conflicting collector combinations in option list"`;
      // Two collectors take two selection flags that turn one on: most JVMs have one at most.
      let turnedOn = 0;
      for (const entry of group.entries) for (const { parsed } of entry.tokens) if (parsed?.flag.category === 'gc-selection' && parsed.enabled) turnedOn++;
      if (turnedOn < 2) continue;
      // The last setting of each flag counts (-XX:+UseG1GC ... -XX:-UseG1GC turns it off again).
      const last = new Map<string, { entry: JavaOptionsEntry; token: JavaOptionToken; enabled: boolean }>();
      for (const entry of group.entries) {
        for (const { token, parsed } of entry.tokens) {
          if (parsed?.flag.category !== 'gc-selection' || parsed.enabled === undefined) continue;
          // A flag this Java does not know is dropped or stops the JVM on its own (JVM001), it selects nothing.
          if (!worksOn(parsed.flag, java)) continue;
          last.delete(parsed.flag.flag);
          last.set(parsed.flag.flag, { entry, token, enabled: parsed.enabled });
        }
      }
      const selections: Selection[] = [...last.entries()]
        .filter(([, s]) => s.enabled)
        .map(([name, s]) => ({ entry: s.entry, token: s.token, collector: COLLECTOR[name] ?? name }))
        .sort((a, b) => group.entries.indexOf(a.entry) - group.entries.indexOf(b.entry) || a.token.start - b.token.start);
      // Flags of one collector go together (-XX:+UseConcMarkSweepGC with -XX:+UseParNewGC).
      const collectors = new Map<string, Selection[]>();
      for (const s of selections) collectors.set(s.collector, [...(collectors.get(s.collector) ?? []), s]);
      const [first, ...others] = [...collectors.values()];
      if (!first) continue;
      const a = quoted(first[0].token.text);
      const firstWhere = (s: Selection) => (first[0].entry === s.entry ? '' : ` in ${first[0].entry.key}`);
      for (const other of others) {
        const head = other[0];
        const b = quoted(head.token.text);
        report({
          span: spanInValue(model, head.entry.entry, head.token.start, head.token.end),
          path: head.entry.entry.path,
          message: `${b} in ${head.entry.key} selects the ${head.collector} collector, but ${a}${firstWhere(head)} already selects ${first[0].collector}: a JVM runs one garbage collector only, and ${refusal}. Keep one of the two.`,
          related: [{ span: spanInValue(model, first[0].entry.entry, first[0].token.start, first[0].token.end), message: `${a} selects the ${first[0].collector} collector.` }],
          fixes: [removal(model, other), removal(model, first)],
        });
      }
    }
  },
};
