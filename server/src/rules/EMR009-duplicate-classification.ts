import { removeClassification, setProperties } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { allClassifications, siblingsOf, type Classification } from '../engine/model';
import type { Rule } from './types';

export const duplicateClassification: Rule = {
  id: 'EMR009',
  name: 'duplicate-classification',
  severity: 'warning',
  summary: 'The same classification twice in one Configurations array: two blocks to keep in step, and for a key in both only one value counts.',
  reads: ['classifications'],
  check({ model, report }) {
    // The first classification of each name in each Configurations array, found in one pass per array.
    const firsts = new Map<readonly Classification[], Map<string, Classification>>();
    const firstNamed = (siblings: readonly Classification[], name: string) => {
      let byName = firsts.get(siblings);
      if (!byName) {
        byName = new Map();
        for (const s of siblings) {
          const trimmed = s.name?.trim();
          if (trimmed !== undefined && !byName.has(trimmed)) byName.set(trimmed, s);
        }
        firsts.set(siblings, byName);
      }
      return byName.get(name);
    };
    for (const c of allClassifications(model)) {
      if (!c.name || !c.nameSpan) continue;
      const { siblings, array } = siblingsOf(c);
      const first = firstNamed(siblings, c.name.trim());
      if (!first || first === c) continue;
      const firstKeys = new Set(first.properties.map((f) => f.key));
      const shared = c.properties.filter((e) => firstKeys.has(e.key)).map((e) => e.key);
      // Written only when asked for: a merge writes every property of the classification.
      const fixes = (): Fix[] =>
        array && c.children.length === 0 && first.propertiesSpan && c.properties.every((e) => e.valueKind === 'string')
          ? [
              {
                title: `Merge into the first "${c.name}"`,
                edits: [...setProperties(model, first, Object.fromEntries(c.properties.map((e) => [e.key, e.value]))), removeClassification(model, siblings, c, array)],
                preferred: true,
              },
            ]
          : [];
      report({
        span: c.nameSpan,
        path: [...c.path, c.names.classification],
        message:
          `"${c.name}" already appears earlier in this Configurations array.` +
          (shared.length > 0 ? ` Both set ${shared.join(', ')}; only one value takes effect.` : ' Keep its properties in one block.'),
        related: [{ span: (first as Classification).nameSpan ?? first.span, message: `The first "${c.name}".` }],
        fixes,
      });
    }
  },
};
