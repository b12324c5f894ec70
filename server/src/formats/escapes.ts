/** The escapes of a double-quoted string syntax: one character after the backslash, or hexadecimal digits. */
export interface EscapeSyntax {
  single: Readonly<Record<string, string>>;
  /** Escape letters followed by a fixed number of hexadecimal digits naming a code point (`u` with 4). */
  hex: Readonly<Record<string, number>>;
}

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Decodes a double-quoted string's raw text (quotes included), recording the document offset where each decoded
 * character starts, plus one for the end; undefined when the raw text is not such a string or holds an escape
 * the syntax does not have.
 */
export function decodeQuoted(raw: string, base: number, syntax: EscapeSyntax): { text: string; offsets: number[] } | undefined {
  if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    offsets.push(base + i);
    if (raw[i] !== '\\') {
      text += raw[i];
      continue;
    }
    const e = raw[i + 1];
    const digits = syntax.hex[e];
    if (digits) {
      const hex = raw.slice(i + 2, i + 2 + digits);
      if (hex.length !== digits || !HEX.test(hex)) return undefined;
      text += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + digits;
    } else if (e !== undefined && e in syntax.single) {
      text += syntax.single[e];
      i += 1;
    } else return undefined;
  }
  offsets.push(base + raw.length - 1);
  return { text, offsets };
}
