import type { TreeNode } from '../formats/tree';
import type { Finding, Fix } from './findings';
import { transformFixes } from './lazyFixes';
import { oncePer } from './memo';
import { movedSpan } from './movedReports';
import { SubtreeMemo } from './subtreeMemo';
import { allClassifications, type ConfigModel, type ModelPath } from './model';
import { detached, type Span } from './text';

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

/** A credential written inside a longer value. */
export interface EmbeddedSecret {
  /** `parameter`: the value of a name=value pair whose name is a credential; `url-password`: the password of a URL. */
  kind: 'parameter' | 'url-password';
  /** For parameters: the name, as written. */
  name?: string;
  /** Offset and length in the decoded value. */
  index: number;
  length: number;
}

/** Characters that end a name=value pair's name (going back) or its value (going on). */
const isPairBoundary = (c: string) => c === ',' || c === ';' || c === '&' || c === '?' || c === '"' || c === "'" || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isUrlUserInfoEnd = (c: string) => c === '/' || c === '?' || c === '#' || c === '@' || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '"' || c === "'";

/** A value that is no literal secret: empty, a switch, or a reference to where the secret lives. */
function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === 'false' || isSecretReference(value);
}

/**
 * Credentials written inside a value, found in one pass each (no regular expression: values may be megabytes):
 * - a name=value pair whose name is a credential key (isCredentialKey): JDBC and URL parameters (`;password=`,
 *   `?password=`, `&pwd=`), Java system properties (`-Djavax.net.ssl.keyStorePassword=`), and the pairs of a servlet
 *   filter's `spark.<filter>.params` (`user=x,password=y`);
 * - the password of a URL with user information, `scheme://user:password@host` (LDAP, JDBC and other URLs), and of
 *   Oracle's `jdbc:oracle:thin:user/password@host`.
 */
export function embeddedSecretsIn(value: string): EmbeddedSecret[] {
  const found: EmbeddedSecret[] = [];
  // name=value pairs. A name runs back from `=` to a boundary or the previous `=`, so each character is read twice at most.
  // A secret's value runs to the next boundary, `=` included (base64 ends in =): pairs inside it are part of it.
  let previousEquals = -1;
  let coveredUntil = -1;
  for (let eq = value.indexOf('='); eq >= 0; previousEquals = eq, eq = value.indexOf('=', eq + 1)) {
    if (eq < coveredUntil) continue;
    let start = eq;
    while (start > previousEquals + 1 && !isPairBoundary(value[start - 1])) start--;
    const name = value.slice(start, eq);
    if (name === '' || name.length > 200 || !isCredentialKey(name)) continue;
    let end = eq + 1;
    while (end < value.length && !isPairBoundary(value[end])) end++;
    coveredUntil = end;
    const secret = value.slice(eq + 1, end);
    if (!isPlaceholder(secret)) found.push({ kind: 'parameter', name, index: eq + 1, length: end - eq - 1 });
  }
  // scheme://user:password@host: user information runs from `://` to `@`, before any `/`, `?` or `#`.
  for (let at = value.indexOf('://'); at >= 0; at = value.indexOf('://', at + 3)) {
    let end = at + 3;
    let colon = -1;
    for (; end < value.length && !isUrlUserInfoEnd(value[end]); end++) if (colon < 0 && value[end] === ':') colon = end;
    if (value[end] !== '@' || colon < 0) continue;
    const secret = value.slice(colon + 1, end);
    if (!isPlaceholder(secret)) found.push({ kind: 'url-password', index: colon + 1, length: end - colon - 1 });
  }
  // jdbc:oracle:thin:user/password@host (each character read once: a scan resumes where the last one stopped).
  const lower = /thin:/i.test(value) ? value.toLowerCase() : '';
  let scannedTo = -1;
  for (let at = lower.indexOf('jdbc:oracle:thin:'); at >= 0; at = lower.indexOf('jdbc:oracle:thin:', at + 1)) {
    const start = at + 'jdbc:oracle:thin:'.length;
    if (start < scannedTo) continue;
    let end = start;
    let slash = -1;
    for (; end < value.length && value[end] !== '@' && !isPairBoundary(value[end]); end++) if (slash < 0 && value[end] === '/') slash = end;
    scannedTo = end;
    if (value[end] !== '@' || slash < 0) continue;
    const secret = value.slice(slash + 1, end);
    if (!isPlaceholder(secret)) found.push({ kind: 'url-password', index: slash + 1, length: end - slash - 1 });
  }
  return found;
}

/** A secret written in a document: what SEC001 reports (and SEC002, for `aws`), and what no output may repeat. */
export interface DocumentSecret {
  /** `credential`: the whole value of a key named for a credential; the others: a credential inside a value. */
  kind: 'credential' | EmbeddedSecret['kind'];
  /** The key or member the value belongs to (undefined for an array element). */
  key?: string;
  /** For parameters: the parameter's name. */
  name?: string;
  /** Where it is: a classification's Properties, elsewhere in a JSON document (a cluster request), a properties file. */
  place: 'properties' | 'request' | 'properties-file';
  span: Span;
  path: ModelPath;
  /** The secret as the application reads it. Never to be shown. */
  value: string;
  /** Also a literal AWS key, which SEC002 reports. */
  aws: boolean;
}

/** Where a part of a value lies in the document: exactly, when the written value maps onto it character by character, else the whole value. */
function spanInValue(model: ConfigModel, value: string, valueSpan: Span, index: number, length: number): Span {
  const decoded = model.writer.decode(model.text.slice(valueSpan.start, valueSpan.end), valueSpan.start);
  if (!decoded || decoded.text !== value) return valueSpan;
  return { start: decoded.offsets[index], end: decoded.offsets[index + length] };
}

function secretsOfValue(
  out: DocumentSecret[],
  model: ConfigModel,
  where: { key: string | undefined; place: DocumentSecret['place']; path: ModelPath; valueSpan: Span },
  value: string,
  kind: 'string' | 'number',
): void {
  const { key } = where;
  if (key !== undefined && isCredentialKey(key)) {
    const trimmed = value.trim();
    if (isPlaceholder(trimmed)) return;
    out.push({ kind: 'credential', key, place: where.place, span: where.valueSpan, path: where.path, value: trimmed, aws: awsKeysIn(key, value).length > 0 });
    return;
  }
  if (kind !== 'string' || value.length < 6) return;
  for (const found of embeddedSecretsIn(value)) {
    const secret = value.slice(found.index, found.index + found.length);
    out.push({
      kind: found.kind,
      key,
      name: found.name,
      place: where.place,
      span: spanInValue(model, value, where.valueSpan, found.index, found.length),
      path: where.path,
      value: secret,
      aws: awsKeysIn(undefined, secret).length > 0,
    });
  }
}

/** Members of a JSON or YAML tree that the model does not read as properties: a cluster request's own fields, step arguments. */
function requestSecrets(out: DocumentSecret[], model: ConfigModel, node: TreeNode, path: ModelPath, key: string | undefined, skip: ReadonlySet<number>, skipObjects: ReadonlySet<number>): void {
  if (node.opaque) return;
  if (node.type === 'object' && skipObjects.has(node.offset)) return;
  if (node.type === 'object' || node.type === 'array') {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      if (node.type === 'array') {
        path.push(i);
        requestSecrets(out, model, children[i], path, undefined, skip, skipObjects);
      } else {
        const [keyNode, valueNode] = children[i].children ?? [];
        if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
        path.push(keyNode.value);
        requestSecrets(out, model, valueNode, path, keyNode.value, skip, skipObjects);
      }
      path.pop();
    }
    return;
  }
  // Resolved later by someone else (a CloudFormation !Ref, a Step Functions path): no literal value.
  if ((node.type !== 'string' && node.type !== 'number') || node.opaque || skip.has(node.offset)) return;
  const value = node.type === 'string' ? String(node.value) : model.text.slice(node.offset, node.offset + node.length);
  const valueSpan = { start: node.offset, end: node.offset + node.length };
  secretsOfValue(out, model, { key, place: 'request', path: [...path], valueSpan }, value, node.type);
}

/**
 * The secrets of the classifications read whole from a syntax tree, kept across edits: a classification no edit
 * changed inside has the same ones, moved. Their texts are kept as copies (a number's value is a slice of the text
 * of the version it was read from).
 */
const classificationSecrets = new SubtreeMemo<readonly DocumentSecret[]>((secrets, by) =>
  secrets.map((secret) => ({ ...secret, span: movedSpan(secret.span, by), value: detached(secret.value) })),
);

function findDocumentSecrets(model: ConfigModel): DocumentSecret[] {
  const out: DocumentSecret[] = [];
  const read = new Set<number>();
  // Properties objects read whole as entries, which the tree walk below leaves out: the values of their entries
  // are searched here, and an object or array value from its own node (a 20,000-line cluster: 1.5 ms, not 7).
  const readObjects = new Set<number>();
  const place = model.parts.has('classifications') ? 'properties' : 'properties-file';
  for (const c of allClassifications(model)) {
    const whole = c.propertiesSpan !== undefined && c.properties.every((e) => e.source !== undefined && !e.argument);
    if (!whole) {
      for (const entry of c.properties) {
        if (!entry.valueSpan || (entry.valueKind !== 'string' && entry.valueKind !== 'number')) continue;
        read.add(entry.valueSpan.start);
        secretsOfValue(out, model, { key: entry.key, place, path: entry.path, valueSpan: entry.valueSpan }, entry.value, entry.valueKind);
      }
      continue;
    }
    readObjects.add(c.propertiesSpan!.start);
    const found = classificationSecrets.get(model, c.source, c.span, () => `${model.format}\u0000${place}\u0000${c.path.join('\u0000')}`, () => {
      const inClassification: DocumentSecret[] = [];
      for (const entry of c.properties) {
        if (entry.valueKind === 'object' || entry.valueKind === 'array') {
          const valueNode = (entry.source as TreeNode).children?.[1];
          if (valueNode) requestSecrets(inClassification, model, valueNode, [...entry.path], entry.key, read, readObjects);
        }
        if (!entry.valueSpan || (entry.valueKind !== 'string' && entry.valueKind !== 'number')) continue;
        secretsOfValue(inClassification, model, { key: entry.key, place, path: entry.path, valueSpan: entry.valueSpan }, entry.value, entry.valueKind);
      }
      return inClassification;
    });
    for (const secret of found) out.push(secret);
  }
  if (model.tree) requestSecrets(out, model, model.tree, [], undefined, read, readObjects);
  // A setting given in a spark-submit string is found both as a setting and inside the string: once is enough.
  const seen = new Set<string>();
  return out.filter((secret) => {
    const at = `${secret.span.start}:${secret.span.end}`;
    if (seen.has(at)) return false;
    seen.add(at);
    return true;
  });
}

/** The secrets written in a document, found once per model. */
export const documentSecrets: (model: ConfigModel) => readonly DocumentSecret[] = oncePer(findDocumentSecrets);

/** Texts of secrets shorter than this are not searched for in messages: they would match ordinary words and numbers. */
const MIN_HIDDEN_LENGTH = 4;
export const HIDDEN = '(value hidden)';

/** Every text that must not appear in an output: the secrets as read and as written, and literal AWS keys. */
function secretTexts(model: ConfigModel): string[] {
  const texts = new Set<string>();
  const add = (t: string) => {
    if (t.length >= MIN_HIDDEN_LENGTH) texts.add(t);
  };
  for (const secret of documentSecrets(model)) {
    add(secret.value);
    const written = model.text.slice(secret.span.start, secret.span.end);
    add(written.startsWith('"') && written.endsWith('"') && written.length >= 2 ? written.slice(1, -1).trim() : written.trim());
  }
  const aws = (value: string) => {
    for (const m of awsKeysIn(undefined, value)) add(value.slice(m.index, m.index + m.length));
  };
  // Access key IDs anywhere in the text (keys, classification names, arguments, comments), and in decoded values.
  aws(model.text);
  for (const c of allClassifications(model)) for (const entry of c.properties) if (entry.value.length >= 20) aws(entry.value);
  // Longest first: a secret that contains another is hidden whole.
  return [...texts].sort((a, b) => b.length - a.length);
}

/**
 * The last guard before any output: a finding's message, related messages and fix titles never contain a secret of
 * the document (each rule already avoids quoting one; this catches what a rule did not foresee), and a fix whose
 * edits would write one is marked, so that machine output (JSON, SARIF) leaves those edits out.
 */
export function hideSecrets(model: ConfigModel, findings: Finding[]): void {
  if (findings.length === 0) return;
  const texts = secretTexts(model);
  if (texts.length === 0) return;
  const hide = texts.length <= 64 ? hideEach(texts) : hideByPrefix(texts);
  const contains = (text: string) => hide(text) !== text;
  // Several findings share one fix (Recompute): each is looked at once.
  const seen = new Set<Fix>();
  const hideInFixes = (fixes: Fix[]) => {
    for (const fix of fixes) {
      if (seen.has(fix)) continue;
      seen.add(fix);
      fix.title = hide(fix.title);
      if (!fix.carriesSecret && fix.edits.some((e) => contains(e.newText))) fix.carriesSecret = true;
    }
    return fixes;
  };
  for (const finding of findings) {
    finding.message = hide(finding.message);
    for (const related of finding.related) related.message = hide(related.message);
    // Fixes not written yet are looked at when they are.
    transformFixes(finding, hideInFixes);
  }
}

/** A few secrets: the engine's own string search for each, longest first (a secret that contains another is hidden whole). */
function hideEach(texts: readonly string[]): (text: string) => string {
  return (text) => {
    let out = text;
    for (const secret of texts) if (out.includes(secret)) out = out.split(secret).join(HIDDEN);
    return out;
  };
}

/** Many secrets: one pass over the text, looking each position's first characters up. */
function hideByPrefix(texts: readonly string[]): (text: string) => string {
  const byPrefix = new Map<string, string[]>();
  for (const t of texts) {
    const prefix = t.slice(0, MIN_HIDDEN_LENGTH);
    const list = byPrefix.get(prefix);
    if (list) list.push(t);
    else byPrefix.set(prefix, [t]);
  }
  return (text) => {
    let out = '';
    let copied = 0;
    for (let i = 0; i + MIN_HIDDEN_LENGTH <= text.length; ) {
      const match = byPrefix.get(text.slice(i, i + MIN_HIDDEN_LENGTH))?.find((t) => text.startsWith(t, i));
      if (match === undefined) {
        i++;
        continue;
      }
      out += text.slice(copied, i) + HIDDEN;
      i += match.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
