import { replaceScalar } from '../engine/edits';
import { isSecretKey } from '../engine/secrets';
import type { Fix } from '../engine/findings';
import type { Rule } from './types';
import { entryRule } from './entryRule';

const KIND_WORDS: Record<string, string> = { number: 'a number', boolean: 'a boolean', null: 'null', object: 'an object', array: 'an array' };

export const propertyValueNotString: Rule = entryRule({
  id: 'EMR005',
  name: 'property-value-not-string',
  severity: 'error',
  summary: 'A Properties value written as a number, boolean, null, object or array; EMR accepts strings only.',
  reads: ['properties', 'string-values'],
  checkEntry(entry, place, { model, report }) {
    if (entry.valueKind === 'string' || entry.valueKind === 'missing' || !entry.valueSpan) return;
    const scalar = entry.valueKind === 'number' || entry.valueKind === 'boolean';
    // A number under a password key is the password: the fix quotes it without showing it.
    const secret = isSecretKey(entry.key);
    const fixes: Fix[] = scalar
      ? [{ title: secret ? 'Quote the value (not shown: the key holds a secret)' : `Quote the value: "${entry.rawValue}"`, edits: [replaceScalar(model, entry.valueSpan, entry.rawValue)], preferred: true, ...(secret ? { carriesSecret: true } : {}) }]
      : [];
    report({
      span: entry.valueSpan,
      path: entry.path,
      message: `The value of "${entry.key}" is ${KIND_WORDS[entry.valueKind]}; ${model.parts.has('job-run-limits') ? 'the API' : 'EMR'} only accepts strings in ${place.propertiesName} and rejects the request.${scalar ? (secret ? ' Put the value in double quotes.' : ` Write "${entry.rawValue}".`) : ''}`,
      fixes,
    });
  },
});
