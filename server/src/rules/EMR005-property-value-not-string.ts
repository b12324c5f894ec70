import { replaceScalar } from '../engine/edits';
import { allClassifications } from '../engine/model';
import type { Fix } from '../engine/findings';
import type { Rule } from './types';

const KIND_WORDS: Record<string, string> = { number: 'a number', boolean: 'a boolean', null: 'null', object: 'an object', array: 'an array' };

export const propertyValueNotString: Rule = {
  id: 'EMR005',
  name: 'property-value-not-string',
  severity: 'error',
  summary: 'A Properties value written as a number, boolean, null, object or array; EMR accepts strings only.',
  reads: ['properties', 'string-values'],
  check({ model, report }) {
    for (const c of allClassifications(model)) {
      for (const entry of c.properties) {
        if (entry.valueKind === 'string' || entry.valueKind === 'missing' || !entry.valueSpan) continue;
        const scalar = entry.valueKind === 'number' || entry.valueKind === 'boolean';
        const fixes: Fix[] = scalar
          ? [{ title: `Quote the value: "${entry.rawValue}"`, edits: [replaceScalar(model, entry.valueSpan, entry.rawValue)], preferred: true }]
          : [];
        report({
          span: entry.valueSpan,
          path: entry.path,
          message: `The value of "${entry.key}" is ${KIND_WORDS[entry.valueKind]}; EMR only accepts strings in Properties and rejects the request.${scalar ? ` Write "${entry.rawValue}".` : ''}`,
          fixes,
        });
      }
    }
  },
};
