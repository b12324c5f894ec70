import { classificationInfo } from '../catalog';
import { addChildClassification, clearProperties, setProperties } from '../engine/edits';
import type { Fix, TextEdit } from '../engine/findings';
import { allClassifications } from '../engine/model';
import type { Rule } from './types';

export const envNeedsExport: Rule = {
  id: 'EMR008',
  name: 'env-needs-export',
  severity: 'warning',
  summary: 'Variables put directly in the Properties of a *-env classification, where EMR ignores them; they belong in an export child.',
  reads: ['classifications'],
  check({ model, report }) {
    for (const c of allClassifications(model)) {
      if (c.ancestors.length > 0 || !c.name || !c.nameSpan || c.properties.length === 0) continue;
      if (!(classificationInfo(c.name.trim())?.exportSubclassification ?? c.name.trim().endsWith('-env'))) continue;
      const names = c.properties.map((e) => e.key);
      const values = Object.fromEntries(c.properties.filter((e) => e.valueKind === 'string').map((e) => [e.key, e.value]));
      const existing = c.children.find((child) => child.name === 'export');
      const edits: TextEdit[] = [];
      const cleared = clearProperties(model, c);
      if (cleared) edits.push(cleared);
      if (existing) edits.push(...setProperties(model, existing, values));
      else {
        const added = addChildClassification(model, c, { name: 'export', properties: values });
        if (added) edits.push(added);
      }
      const fixes: Fix[] = edits.length > 1 && Object.keys(values).length === names.length ? [{ title: `Move ${names.length === 1 ? names[0] : `${names.length} variables`} into an export classification`, edits, preferred: true }] : [];
      report({
        span: c.propertiesKeySpan ?? c.nameSpan,
        path: [...c.path, c.names.properties],
        message: `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} set directly in the ${c.names.properties} of "${c.name}", which EMR does not write to the environment file; ${c.name} takes its variables from a nested "export" classification.`,
        fixes,
      });
    }
  },
};
