import { allClassifications, type Classification, type ConfigModel, type InstanceTypeChoice, type PropertyEntry } from './model';
import type { Span } from './text';

export type Target =
  | { kind: 'key' | 'value'; entry: PropertyEntry; classification: Classification }
  | { kind: 'classification'; classification: Classification }
  | { kind: 'instance-type'; choice: InstanceTypeChoice }
  | { kind: 'release'; label: string; span: Span };

const inside = (s: Span | undefined, offset: number) => s !== undefined && offset >= s.start && offset <= s.end;

/** What the cursor at `offset` is on: a key, a value, a classification name, an instance type or the release label. */
export function targetAt(model: ConfigModel, offset: number): Target | undefined {
  for (const classification of allClassifications(model)) {
    if (!inside(classification.span, offset)) continue;
    if (inside(classification.nameSpan, offset)) return { kind: 'classification', classification };
    for (const entry of classification.properties) {
      if (inside(entry.keySpan, offset)) return { kind: 'key', entry, classification };
      if (inside(entry.valueSpan, offset)) return { kind: 'value', entry, classification };
    }
  }
  for (const group of model.cluster.groups) {
    for (const choice of group.types) if (inside(choice.span, offset)) return { kind: 'instance-type', choice };
  }
  const release = model.cluster.releaseLabel;
  if (release && inside(release.span, offset)) return { kind: 'release', label: release.value, span: release.span };
  return undefined;
}
