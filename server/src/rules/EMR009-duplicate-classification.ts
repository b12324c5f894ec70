import { removeClassification, setProperties } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { allClassifications, siblingsOf, type Classification } from '../engine/model';
import type { Rule } from './types';

export const duplicateClassification: Rule = {
  id: 'EMR009',
  name: 'duplicate-classification',
  severity: 'warning',
  summary: 'The same classification twice in one Configurations array: two blocks to keep in step, and for a key in both only one value counts.',
  formats: ['emr-json'],
  check({ model, report }) {
    for (const c of allClassifications(model)) {
      if (!c.name || !c.nameSpan) continue;
      const { siblings, array } = siblingsOf(c);
      const first = siblings.find((s) => s.name?.trim() === c.name!.trim());
      if (!first || first === c) continue;
      const shared = c.properties.filter((e) => first.properties.some((f) => f.key === e.key)).map((e) => e.key);
      const fixes: Fix[] = [];
      if (array && c.children.length === 0 && first.propertiesSpan && c.properties.every((e) => e.valueKind === 'string')) {
        fixes.push({
          title: `Merge into the first "${c.name}"`,
          edits: [...setProperties(model, first, Object.fromEntries(c.properties.map((e) => [e.key, e.value]))), removeClassification(siblings, c, array)],
          preferred: true,
        });
      }
      report({
        span: c.nameSpan,
        path: [...c.path, 'Classification'],
        message:
          `"${c.name}" already appears earlier in this Configurations array.` +
          (shared.length > 0 ? ` Both set ${shared.join(', ')}; only one value takes effect.` : ' Keep its properties in one block.'),
        related: [{ span: (first as Classification).nameSpan ?? first.span, message: `The first "${c.name}".` }],
        fixes,
      });
    }
  },
};
