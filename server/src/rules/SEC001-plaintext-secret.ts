import { documentSecrets, keyWords, type DocumentSecret } from '../engine/secrets';
import type { ConfigModel } from '../engine/model';
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

const EXPOSURE: Record<DocumentSecret['place'], string> = {
  properties:
    'EMR stores configurations as written and displays them in plain text to anyone who may describe the cluster (console, API, CLI history), and writes them into the configuration files on the nodes.',
  'properties-file':
    'The file is plain text on every node and wherever it is copied or committed, and in an EMR configuration EMR stores and displays it in plain text (console, API, CLI history).',
  request: 'The request file keeps it in plain text wherever it is copied, committed or logged.',
};

/** Who keeps the value in plain text, for the document at hand. */
function exposure(model: ConfigModel, place: DocumentSecret['place']): string {
  if (place === 'properties' && model.shape.id === 'cloudformation') {
    return 'The template holds it in plain text wherever it is copied or committed, and EMR stores the configuration as written and displays it to anyone who may describe the cluster.';
  }
  if (place === 'properties' && model.parts.has('job-run-limits')) {
    return "The request holds it in plain text wherever it is copied or committed, and the service keeps a job run's or application's configuration as written, displayed to anyone who may describe it.";
  }
  return EXPOSURE[place];
}

const ADVICE =
  'Keep the secret in a secret store and let the service read it from there: AWS Secrets Manager, a Hadoop credential provider (hadoop.security.credential.provider.path), or an EMR security configuration.';

/** A name from the document, shortened for a message. */
const clip = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}...` : name);

function subject(secret: DocumentSecret): string {
  const owner = secret.key !== undefined ? `The value of "${clip(secret.key)}"` : 'This value';
  if (secret.kind === 'credential') return `"${clip(secret.key ?? '')}" holds ${noun(secret.key ?? '')} in plain text.`;
  if (secret.kind === 'parameter') return `${owner} carries ${noun(secret.name ?? '')} in plain text, in its "${clip(secret.name ?? '')}" setting.`;
  return `${owner} carries a password in plain text, in a URL's user information (user:password@host).`;
}

export const plaintextSecret: Rule = {
  id: 'SEC001',
  name: 'plaintext-secret',
  severity: 'warning',
  summary: 'A password, secret key or token written literally in a configuration, which EMR stores and shows in plain text.',
  reads: ['properties'],
  check({ model, report }) {
    for (const secret of documentSecrets(model)) {
      // A literal AWS key is SEC002's, reported once as the more serious finding.
      if (secret.aws) continue;
      report({ span: secret.span, path: secret.path, message: `${subject(secret)} ${exposure(model, secret.place)} ${ADVICE}` });
    }
  },
};
