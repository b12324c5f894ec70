// Checks a value the way Spark parses it for the key's type (ConfigBuilder's converters in ConfigHelpers and
// JavaUtils.byteStringAs / timeStringAs, then transform and checkValues / checkValue).
import type { OptionRange, SparkOption } from '../catalog';
import { didYouMean } from './suggest';
import {
  BYTES_PER_UNIT,
  MS_PER_UNIT,
  isClassName,
  parseBoolean,
  parseBytes,
  parseDouble,
  parseDuration,
  parseInteger,
  type ByteUnit,
  type DurationUnit,
  type ParseResult,
} from './units';

export interface ValueProblem {
  /** Completes the sentence "The value ... of <key>". */
  problem: string;
  /** A corrected value when the intent is clear. */
  corrected?: string;
  /** The problem is a fraction in a size or duration (reported by its own rule). */
  fractional?: boolean;
}

const BYTE_UNITS: readonly string[] = ['B', 'KiB', 'MiB', 'GiB'];
const BOOLEANS: readonly string[] = ['true', 'false'];
const DURATION_UNITS: readonly string[] = ['ns', 'us', 'ms', 's', 'min'];

export function bareByteUnit(option: SparkOption): ByteUnit {
  return (BYTE_UNITS.includes(option.unit ?? '') ? option.unit : 'B') as ByteUnit;
}

export function bareDurationUnit(option: SparkOption): DurationUnit {
  return (DURATION_UNITS.includes(option.unit ?? '') ? option.unit : 'ms') as DurationUnit;
}

function outside(value: number, range: OptionRange | undefined, unit = ''): string | undefined {
  if (!range) return undefined;
  const u = unit ? ` ${unit}` : '';
  if (range.minimum !== undefined && value < range.minimum) return `is below the minimum of ${range.minimum}${u}`;
  if (range.exclusiveMinimum !== undefined && value <= range.exclusiveMinimum) return `must be greater than ${range.exclusiveMinimum}${u}`;
  if (range.maximum !== undefined && value > range.maximum) return `is above the maximum of ${range.maximum}${u}`;
  if (range.exclusiveMaximum !== undefined && value >= range.exclusiveMaximum) return `must be less than ${range.exclusiveMaximum}${u}`;
  return undefined;
}

function numeric(parsed: ParseResult<number>, range: OptionRange | undefined): ValueProblem | undefined {
  if (!parsed.ok) return { problem: parsed.problem };
  const out = outside(parsed.value, range);
  return out ? { problem: out } : undefined;
}

/** The whole-number equivalent of a fractional size or duration, in the next smaller unit ("1.5g" -> "1536m"). */
export function wholeEquivalent(raw: string): string | undefined {
  // Blanks, a unit or none, blanks: `\s*([a-zA-Z]*)\s*` read the same but was quadratic in blanks before a stray character.
  const match = /^\s*([0-9]+\.[0-9]+)(?:\s*([a-zA-Z]+))?\s*$/.exec(raw);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const steps: Record<string, [number, string]> = {
    t: [1024, 'g'], tb: [1024, 'g'], g: [1024, 'm'], gb: [1024, 'm'], m: [1024, 'k'], mb: [1024, 'k'], k: [1024, 'b'], kb: [1024, 'b'],
    d: [24, 'h'], h: [60, 'min'], min: [60, 's'], s: [1000, 'ms'], ms: [1000, 'us'],
  };
  const step = steps[unit];
  if (!step) return undefined;
  const converted = amount * step[0];
  return Number.isInteger(converted) ? `${converted}${step[1]}` : String(Math.round(converted)) + step[1];
}

/** The value as Spark's transform leaves it before checkValues compares it (upper- or lower-cased for some keys). */
function folded(option: SparkOption, value: string): string {
  if (option.caseNorm === 'upper') return value.toUpperCase();
  if (option.caseNorm === 'lower') return value.toLowerCase();
  return value;
}

function checkAllowed(option: SparkOption, value: string): ValueProblem | undefined {
  const allowed = option.allowedValues ?? [];
  if (allowed.length === 0 || allowed.map((a) => folded(option, a)).includes(folded(option, value))) return undefined;
  if (option.allowsClassName && isClassName(value) && value.includes('.')) return undefined;
  const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  return {
    problem: `is not one of ${allowed.join(', ')}${option.caseNorm ? ' (in any case)' : ''}${option.allowsClassName ? ' or a fully qualified class name' : ''}`,
    corrected: caseMatch,
  };
}

/**
 * Checks a value as the key's Spark version parses it; undefined when Spark accepts it. For a version between two
 * tables a value that either table's facts accept is accepted.
 */
export function checkSparkValue(option: SparkOption, raw: string): ValueProblem | undefined {
  // Spark substitutes ${...} references before parsing (ConfigReader), so the value is not known here.
  if (raw.includes('${')) return undefined;
  const problem = checkAgainst(option, raw);
  if (problem && option.or && !checkAgainst(option.or, raw)) return undefined;
  return problem;
}

function checkAgainst(option: SparkOption, raw: string): ValueProblem | undefined {
  switch (option.type) {
    case 'bytes': {
      const unit = bareByteUnit(option);
      const parsed = parseBytes(raw, unit, { signed: true });
      if (parsed.ok) {
        // Spark converts to the key's unit (whole units, rounded down) before checkValue.
        const inUnit = Math.trunc(parsed.value.bytes / BYTES_PER_UNIT[unit]);
        const out = outside(inUnit, option.range, unit === 'B' ? 'bytes' : unit);
        return out ? { problem: out } : undefined;
      }
      return { problem: parsed.problem, corrected: wholeEquivalent(raw), fractional: /^\s*-?[0-9]+\.[0-9]+[a-zA-Z]*\s*$/.test(raw) };
    }
    case 'duration': {
      const unit = bareDurationUnit(option);
      const parsed = parseDuration(raw, unit);
      if (parsed.ok) {
        const inUnit = Math.trunc(parsed.value.ms / MS_PER_UNIT[unit]);
        const out = outside(inUnit, option.range, unit);
        return out ? { problem: out } : undefined;
      }
      return { problem: parsed.problem, corrected: wholeEquivalent(raw), fractional: /^\s*-?[0-9]+\.[0-9]+[a-zA-Z]*\s*$/.test(raw) };
    }
    case 'int':
    case 'long': {
      const parsed = parseInteger(raw, option.type === 'long');
      if (!parsed.ok && /^\s*[0-9]+\.[0-9]+\s*$/.test(raw)) {
        const n = Number(raw);
        return { problem: parsed.problem, fractional: true, corrected: Number.isInteger(n) ? String(n) : undefined };
      }
      if (parsed.ok && option.allowedValues) return checkAllowed(option, String(parsed.value));
      return numeric(parsed, option.range);
    }
    case 'double':
      return numeric(parseDouble(raw), option.range);
    case 'boolean': {
      const parsed = parseBoolean(raw);
      if (parsed.ok) return undefined;
      const lower = raw.trim().toLowerCase();
      const corrected = ['yes', 'on', '1', 'y'].includes(lower) ? 'true' : ['no', 'off', '0', 'n'].includes(lower) ? 'false' : didYouMean(lower, BOOLEANS);
      return { problem: parsed.problem, corrected };
    }
    case 'enum':
      return checkAllowed(option, raw.trim());
    case 'class': {
      const names = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (names.length === 0 || names.every(isClassName)) return undefined;
      return { problem: 'is not a fully qualified Java class name' };
    }
    case 'longList': {
      const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const bad = items.find((s) => !parseInteger(s, true).ok);
      return bad === undefined ? undefined : { problem: `has "${bad}", which is not a whole number (each item of the list is read as a Java long)` };
    }
    default:
      return undefined;
  }
}
