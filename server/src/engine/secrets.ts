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
  let credential = credentialKeys.get(key);
  if (credential === undefined) {
    credential = mayBeCredentialKey(key) && namesCredential(keyWords(key));
    // Asked of every key of every analysis: the same keys recur in every group and every edit.
    if (key.length <= 200) {
      if (credentialKeys.size >= 10_000) credentialKeys.clear();
      credentialKeys.set(key, credential);
    }
  }
  return credential;
}

const credentialKeys = new Map<string, boolean>();

function namesCredential(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (PASSWORD_WORDS.has(last) || last.endsWith('password')) return true;
  if (last === 'key' && (words.includes('secret') || words.includes('private'))) return true;
  if (last === 'token' && words.length > 1 && TOKEN_KINDS.has(words[words.length - 2])) return true;
  const account = words.indexOf('account');
  return words[0] === 'fs' && words[1] === 'azure' && account >= 0 && words[account + 1] === 'key';
}

/**
 * False when isCredentialKey is false for certain, judged from the key's last word alone: most keys end in a word
 * like "memory" or "enabled". Keys that start with "fs" (the Azure account keys) always go on to the full test, and
 * so do keys with one of the two characters that lower-case to ASCII letters (U+0130 and the Kelvin sign): any other
 * character outside ASCII letters and digits separates words both here and in keyWords.
 */
function mayBeCredentialKey(key: string): boolean {
  if (LOWER_CASES_TO_ASCII.test(key)) return true;
  let first = 0;
  while (first < key.length && !isAsciiAlphanumeric(key.charCodeAt(first))) first++;
  // ASCII letters only: `| 32` lower-cases them.
  if ((key.charCodeAt(first) | 32) === 102 /* f */ && (key.charCodeAt(first + 1) | 32) === 115 /* s */) return true;
  let end = key.length;
  while (end > 0 && !isAsciiAlphanumeric(key.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isAsciiAlphanumeric(key.charCodeAt(start - 1))) {
    start--;
    // "keyStorePassword": a capital after a small letter or digit starts a word.
    if (isUpper(key.charCodeAt(start)) && start > 0 && (isLower(key.charCodeAt(start - 1)) || isDigit(key.charCodeAt(start - 1)))) break;
  }
  const last = key.slice(start, end).toLowerCase();
  return last === 'key' || last === 'token' || PASSWORD_WORDS.has(last) || last.endsWith('password');
}

const LOWER_CASES_TO_ASCII = /[\u0130\u212a]/;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isAsciiAlphanumeric = (c: number) => isDigit(c) || isUpper(c) || isLower(c);

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
  // A secret access key is 40 characters: shorter values need no look at the key's name.
  if (key !== undefined && value.length >= 40 && isAwsSecretKeyName(key)) {
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
