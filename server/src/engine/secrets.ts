// Names of properties whose values are credentials. A value found under such a key is never repeated in a message.
const SECRET_KEY = /(password|passwd|secret|token|credential|private[._-]?key|access[._-]?key|secret[._-]?key|bind_pw|keystore\.pass|truststore\.pass)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** The value quoted for a message, or a placeholder when it may be a secret. */
export function showValue(key: string, value: string): string {
  return isSecretKey(key) ? '(value hidden)' : JSON.stringify(value);
}
