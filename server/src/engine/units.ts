// Value syntax as Spark reads it (JavaUtils.byteStringAs / timeStringAs and ConfigHelpers).

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const BYTE_SUFFIXES: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  p: 1024 ** 5,
  pb: 1024 ** 5,
};

export type ByteUnit = 'B' | 'KiB' | 'MiB' | 'GiB';

export const BYTES_PER_UNIT: Record<ByteUnit, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

const DURATION_SUFFIXES: Record<string, number> = {
  ns: 1e-6,
  us: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export type DurationUnit = 'ns' | 'us' | 'ms' | 's' | 'min';

export const MS_PER_UNIT: Record<DurationUnit, number> = { ns: 1e-6, us: 0.001, ms: 1, s: 1000, min: 60_000 };

export interface ByteSize {
  bytes: number;
  /** True when the value had no suffix and took the key's own unit. */
  bare: boolean;
}

/**
 * Where the digits of "<digits><lower-case letters>" end (a `-` in front allowed when `signed`), or -1 when the
 * value is not of that form: the shape every valid size and duration has, checked without a regular expression.
 */
function numberThenLetters(value: string, signed: boolean): number {
  let i = signed && value.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const digitsStart = i;
  while (i < value.length && isDigit(value.charCodeAt(i))) i++;
  if (i === digitsStart) return -1;
  const digitsEnd = i;
  while (i < value.length && isLowerLetter(value.charCodeAt(i))) i++;
  return i === value.length ? digitsEnd : -1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLowerLetter = (c: number) => c >= 97 && c <= 122;

/**
 * A size as JavaUtils.byteStringAs reads it: lower-cased and trimmed, digits, then an optional binary unit.
 * With `signed`, a leading '-' is taken off first and the result negated, as ConfigHelpers.byteFromString does for every
 * size key (so spark.sql.autoBroadcastJoinThreshold=-1 is valid); sizes read by byteStringAs alone take no sign.
 */
export function parseBytes(raw: string, bareUnit: ByteUnit, options: { signed?: boolean } = {}): ParseResult<ByteSize> {
  const trimmed = raw.trim();
  if (options.signed && trimmed.startsWith('-')) {
    const magnitude = parseBytes(trimmed.slice(1), bareUnit);
    return magnitude.ok ? { ok: true, value: { bytes: -magnitude.value.bytes, bare: magnitude.value.bare } } : magnitude;
  }
  const value = trimmed.toLowerCase();
  const split = numberThenLetters(value, false);
  if (split >= 0) return sizeOf(value.slice(0, split), value.slice(split), bareUnit);
  if (value === '') return { ok: false, problem: 'is empty; a size such as 4g or 512m is expected' };
  if (/^[0-9]+\.[0-9]+[a-z]*$/.test(value)) {
    return { ok: false, problem: 'has a fraction, which Spark does not accept in sizes; use a whole number in a smaller unit (for example 1536m instead of 1.5g)' };
  }
  if (/^[0-9]+\s+[a-z]+$/.test(value)) return { ok: false, problem: 'has a space between the number and the unit, which Spark does not accept' };
  return { ok: false, problem: 'is not a size: expected a whole number with an optional unit b, k, m, g, t or p (binary)' };
}

function sizeOf(digits: string, suffix: string, bareUnit: ByteUnit): ParseResult<ByteSize> {
  if (suffix === '') return { ok: true, value: { bytes: Number(digits) * BYTES_PER_UNIT[bareUnit], bare: true } };
  const factor = BYTE_SUFFIXES[suffix];
  if (factor === undefined) return { ok: false, problem: `has an unknown size unit '${suffix}'; use b, k, m, g, t or p` };
  return { ok: true, value: { bytes: Number(digits) * factor, bare: false } };
}

export interface Duration {
  ms: number;
  bare: boolean;
}

export function parseDuration(raw: string, bareUnit: DurationUnit): ParseResult<Duration> {
  const value = raw.trim().toLowerCase();
  const split = numberThenLetters(value, true);
  if (split >= 0) return durationOf(value.slice(0, split), value.slice(split), bareUnit);
  if (value === '') return { ok: false, problem: 'is empty; a duration such as 60s or 5min is expected' };
  if (/^-?[0-9]+\.[0-9]+[a-z]*$/.test(value)) {
    return { ok: false, problem: 'has a fraction, which Spark does not accept in durations; use a whole number in a smaller unit' };
  }
  return { ok: false, problem: 'is not a duration: expected a whole number with an optional unit us, ms, s, m, min, h or d' };
}

function durationOf(digits: string, suffix: string, bareUnit: DurationUnit): ParseResult<Duration> {
  if (suffix === '') return { ok: true, value: { ms: Number(digits) * MS_PER_UNIT[bareUnit], bare: true } };
  const factor = DURATION_SUFFIXES[suffix];
  if (factor === undefined || suffix === 'ns') return { ok: false, problem: `has an unknown time unit '${suffix}'; use us, ms, s, m, min, h or d` };
  return { ok: true, value: { ms: Number(digits) * factor, bare: false } };
}

export function parseBoolean(raw: string): ParseResult<boolean> {
  const value = raw.trim().toLowerCase();
  if (value === 'true') return { ok: true, value: true };
  if (value === 'false') return { ok: true, value: false };
  return { ok: false, problem: 'is not a boolean: only true or false is accepted' };
}

const INT_MAX = 2n ** 31n - 1n;
const LONG_MAX = 2n ** 63n - 1n;

/** A whole number as Integer.parseInt (or, with `long`, Long.parseLong) reads the trimmed text: optional sign, digits. */
export function parseInteger(raw: string, long = false): ParseResult<number> {
  const value = raw.trim();
  if (!/^[+-]?[0-9]+$/.test(value)) {
    if (/^[+-]?[0-9]*\.[0-9]+$/.test(value)) return { ok: false, problem: 'has a fraction; a whole number is expected' };
    return { ok: false, problem: `is not ${long ? 'a whole number' : 'an integer'}` };
  }
  // Exact bounds: a long's limits are beyond what a double holds exactly.
  const big = value.length > 15 ? BigInt(value) : undefined;
  const max = long ? LONG_MAX : INT_MAX;
  if (big !== undefined ? big > max || big < -max - 1n : !long && Math.abs(Number(value)) > Number(INT_MAX) + (value.startsWith('-') ? 1 : 0)) {
    return { ok: false, problem: long ? 'is larger than a Java long can hold' : 'is larger than a Java int can hold' };
  }
  return { ok: true, value: Number(value) };
}

/** A number as Double.parseDouble reads the trimmed text (decimal or exponent form, NaN, Infinity, a d/f suffix). */
export function parseDouble(raw: string): ParseResult<number> {
  const value = raw.trim();
  const special = /^([+-]?)(NaN|Infinity)$/.exec(value);
  if (special) return { ok: true, value: special[2] === 'NaN' ? NaN : special[1] === '-' ? -Infinity : Infinity };
  // `[0-9]+(\.[0-9]*)?`, not `[0-9]+\.?[0-9]*`: two digit runs side by side made a long failing number quadratic.
  if (!/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?[dDfF]?$/.test(value)) return { ok: false, problem: 'is not a number' };
  return { ok: true, value: Number(value.replace(/[dDfF]$/, '')) };
}

export function parseFraction(raw: string): ParseResult<number> {
  const parsed = parseDouble(raw);
  if (!parsed.ok) return parsed;
  if (parsed.value < 0 || parsed.value > 1) return { ok: false, problem: 'is outside the range 0 to 1' };
  return parsed;
}

const JAVA_IDENTIFIER = '[A-Za-z_$][A-Za-z0-9_$]*';
const CLASS_NAME = new RegExp(`^${JAVA_IDENTIFIER}(\\.${JAVA_IDENTIFIER})*$`);

export function isClassName(raw: string): boolean {
  return CLASS_NAME.test(raw.trim());
}

export const MiB = 1024 * 1024;

/** Whole MiB, rounded down as Spark's byteStringAsMb does. */
export function toMiB(bytes: number): number {
  return Math.floor(bytes / MiB);
}

/** "385,024 MiB (376 GiB)" for whole GiB, else "4,892 MiB". */
export function formatMiB(mib: number): string {
  const text = `${groupDigits(mib)} MiB`;
  return mib >= 1024 && mib % 1024 === 0 ? `${text} (${mib / 1024} GiB)` : text;
}

/** Spark-style memory value for a number of MiB: whole GiB as "37g", otherwise "1536m". */
export function sparkMemoryValue(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}g` : `${mib}m`;
}

/** The number as toLocaleString('en-US') writes it ("385,024"), without the cost of Intl for whole numbers. */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
