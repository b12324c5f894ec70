import { removeClassification } from '../engine/edits';
import { allClassifications, siblingsOf } from '../engine/model';
import type { Rule } from './types';

export const emptyClassification: Rule = {
  id: 'EMR010',
  name: 'empty-classification',
  severity: 'info',
  summary: 'A classification with no properties and no nested classifications: it changes nothing.',
  reads: ['classifications'],
  check({ model, report }) {
    for (const c of allClassifications(model)) {
      // Members under other names (a misspelled Properties) are the schema's to report: the block may not be empty.
      if (!c.name || !c.nameSpan || c.properties.length > 0 || c.children.length > 0 || (c.otherMembers ?? 0) > 0) continue;
      const { siblings, array } = siblingsOf(c);
      report({
        span: c.nameSpan,
        path: [...c.path, c.names.classification],
        message: `"${c.name}" has no properties and no nested classifications, so it changes nothing. Fill it in or remove it.`,
        fixes: array ? [{ title: `Remove the empty "${c.name}"`, edits: [removeClassification(model, siblings, c, array)] }] : [],
      });
    }
  },
};
