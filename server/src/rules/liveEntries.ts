// One root cause, one finding: an entry set again later in the same Properties object (or properties file) is
// ignored, and EMR006 says so; the key and value rules look only at the entry that counts, so a misspelled or
// malformed key set twice draws one finding, not two.
import { entriesOf } from '../engine/effective';
import { oncePerPair } from '../engine/memo';
import type { Classification, ConfigModel, PropertyEntry } from '../engine/model';

type Entries = readonly { entry: PropertyEntry; classification: Classification }[];

/** entriesOf without the entries a later one of the same key in the same classification overrides (shared: do not modify). */
export const liveEntriesOf: (model: ConfigModel, name: string) => Entries = oncePerPair((model: ConfigModel, name: string) => {
  const all = entriesOf(model, name);
  const last = new Map<Classification, Map<string, PropertyEntry>>();
  for (const { entry, classification } of all) {
    let keys = last.get(classification);
    if (!keys) last.set(classification, (keys = new Map()));
    keys.set(entry.key, entry);
  }
  const live = all.filter(({ entry, classification }) => last.get(classification)!.get(entry.key) === entry);
  return live.length === all.length ? all : live;
});
