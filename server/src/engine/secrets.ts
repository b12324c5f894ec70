// Names of properties whose values are credentials. A value found under such a key is never repeated in a message.
const SECRET_KEY = /(password|passwd|secret|token|credential|private[._-]?key|access[._-]?key|secret[._-]?key|bind_pw|keystore\.pass|truststore\.pass)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || isCredentialKey(key);
}

/** The value quoted for a message, or a placeholder when it may be a secret. */
export function showValue(key: string, value: string): string {
  return isSecretKey(key) ? '(value hidden)' : JSON.stringify(value);
}

/** The words of a key, lower-cased: split at anything but letters and digits and at camelCase humps ("keyStorePassword" -> key, store, password). */
export function keyWords(key: string): readonly string[] {
  let words = wordsOfKey.get(key);
  if (words === undefined) {
    words = key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
    // Every rule that looks at secrets asks about every key, and the same keys recur in every group and every edit.
    if (wordsOfKey.size >= 10_000) wordsOfKey.clear();
    wordsOfKey.set(key, words);
  }
  return words;
}

const wordsOfKey = new Map<string, readonly string[]>();

const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'pw', 'bindpw', 'passphrase', 'pass', 'keypass', 'storepass', 'secret']);
const TOKEN_KINDS: ReadonlySet<string> = new Set(['session', 'access', 'auth', 'bearer', 'refresh', 'api', 'oauth', 'secret']);

/**
 * A key whose value is itself a credential: it ends in a password word ("bind_password", "ConnectionPassword",
 * "keyStorePassword", "keystore.pass", "spark.authenticate.secret"), in a secret or private key ("fs.s3a.secret.key",
 * "awsSecretAccessKey", "private_key"), in a session or access token, or is an Azure storage account key.
 * Keys that only point at a credential (a file, a path, a provider class) end in another word and do not count,
 * and neither do AWS access key IDs ("fs.s3a.access.key"), which are identifiers rather than secrets.
 */
export function isCredentialKey(key: string): boolean {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (PASSWORD_WORDS.has(last) || last.endsWith('password')) return true;
  if (last === 'key' && (words.includes('secret') || words.includes('private'))) return true;
  if (last === 'token' && words.length > 1 && TOKEN_KINDS.has(words[words.length - 2])) return true;
  const account = words.indexOf('account');
  return words[0] === 'fs' && words[1] === 'azure' && account >= 0 && words[account + 1] === 'key';
}

/** A key that holds an AWS secret access key: "fs.s3a.secret.key", "fs.s3.awsSecretAccessKey", "aws_secret_access_key". */
export function isAwsSecretKeyName(key: string): boolean {
  const words = keyWords(key);
  if (words[words.length - 1] !== 'key' || !words.includes('secret')) return false;
  return words.some((w) => w === 'access' || w === 'aws' || w === 's3' || w === 's3a' || w === 's3n');
}

/** A literal AWS access key ID: AKIA (an IAM user's long-term key) or ASIA (temporary STS credentials) and 16 more characters. */
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;
/** An AWS secret access key: exactly 40 base64 characters. */
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;

export interface AwsKeyMatch {
  kind: 'access-key-id' | 'secret-access-key';
  /** For access key IDs: AKIA or ASIA. */
  prefix?: string;
  /** Offset and length in the decoded value. */
  index: number;
  length: number;
}

/** The AWS keys written literally in a value: access key IDs anywhere in it, and a secret access key as the whole value of a key named for one. */
export function awsKeysIn(key: string | undefined, value: string): AwsKeyMatch[] {
  const found: AwsKeyMatch[] = [];
  // The literal prefixes first: a regular expression iterator for every string of a large document costs.
  if (value.includes('AKIA') || value.includes('ASIA')) for (const m of value.matchAll(ACCESS_KEY_ID)) found.push({ kind: 'access-key-id', prefix: m[1], index: m.index ?? 0, length: m[0].length });
  if (key !== undefined && isAwsSecretKeyName(key)) {
    const trimmed = value.trim();
    if (SECRET_ACCESS_KEY.test(trimmed)) found.push({ kind: 'secret-access-key', index: value.indexOf(trimmed), length: trimmed.length });
  }
  return found;
}

/**
 * A value that names where a secret lives instead of holding it: a ${...} substitution, a CloudFormation
 * {{resolve:...}} reference, a Secrets Manager or Parameter Store ARN or reference, or a masked placeholder.
 */
export function isSecretReference(value: string): boolean {
  const v = value.trim();
  if (v.includes('${') || v.includes('{{resolve:')) return true;
  if (/^arn:aws[a-z-]*:(secretsmanager|ssm):/i.test(v)) return true;
  if (/^(ssm|secretsmanager|aws-secretsmanager|aws-ssm):/i.test(v)) return true;
  return /^\*+$/.test(v);
}
