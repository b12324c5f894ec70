import { allClassifications } from '../engine/model';
import { awsKeysIn, isCredentialKey, isSecretReference, keyWords } from '../engine/secrets';
import type { Rule } from './types';

/** What the key holds, for the message. */
function noun(key: string): string {
  const words = keyWords(key);
  const last = words[words.length - 1];
  const account = words.indexOf('account');
  if (account >= 0 && words[account + 1] === 'key') return 'a storage account key';
  if (last === 'token') return 'a token';
  if (last === 'secret') return 'a secret';
  if (last === 'key') return words.includes('private') ? 'a private key' : 'a secret key';
  return 'a password';
}

export const plaintextSecret: Rule = {
  id: 'SEC001',
  name: 'plaintext-secret',
  severity: 'warning',
  summary: 'A password, secret key or token written literally in a configuration, which EMR stores and shows in plain text.',
  reads: ['properties'],
  check({ model, report }) {
    for (const c of allClassifications(model)) {
      for (const entry of c.properties) {
        if (!entry.valueSpan || (entry.valueKind !== 'string' && entry.valueKind !== 'number')) continue;
        if (!isCredentialKey(entry.key)) continue;
        const value = entry.value.trim();
        if (value === '' || value.toLowerCase() === 'true' || value.toLowerCase() === 'false' || isSecretReference(value)) continue;
        // A literal AWS key is SEC002's, reported once as the more serious finding.
        if (awsKeysIn(entry.key, entry.value).length > 0) continue;
        const what = noun(entry.key);
        const exposure =
          model.parts.has('classifications')
            ? 'EMR stores configurations as written and displays them in plain text to anyone who may describe the cluster (console, API, CLI history), and writes them into the configuration files on the nodes.'
            : 'The file is plain text on every node and wherever it is copied or committed, and in an EMR configuration EMR stores and displays it in plain text (console, API, CLI history).';
        report({
          span: entry.valueSpan,
          path: entry.path,
          message:
            `"${entry.key}" holds ${what} in plain text. ${exposure} ` +
            'Keep the secret in a secret store and let the service read it from there: AWS Secrets Manager, a Hadoop credential provider (hadoop.security.credential.provider.path), or an EMR security configuration.',
        });
      }
    }
  },
};
