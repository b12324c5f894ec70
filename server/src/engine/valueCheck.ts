import type { OptionRange, SparkOption } from '../catalog';
import { didYouMean } from './suggest';
import {
  isClassName,
  parseBoolean,
  parseBytes,
  parseDouble,
  parseDuration,
  parseFraction,
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

function outside(value: number, range: OptionRange | undefined): string | undefined {
  if (!range) return undefined;
  if (range.minimum !== undefined && value < range.minimum) return `is below the minimum of ${range.minimum}`;
  if (range.exclusiveMinimum !== undefined && value <= range.exclusiveMinimum) return `must be greater than ${range.exclusiveMinimum}`;
  if (range.maximum !== undefined && value > range.maximum) return `is above the maximum of ${range.maximum}`;
  if (range.exclusiveMaximum !== undefined && value >= range.exclusiveMaximum) return `must be less than ${range.exclusiveMaximum}`;
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

/** Checks a value the way Spark parses it for the option's type; undefined when Spark accepts it. */
export function checkSparkValue(option: SparkOption, raw: string): ValueProblem | undefined {
  if (raw.includes('${')) return undefined; // Spark substitutes ${...} references before parsing.
  switch (option.type) {
    case 'bytes': {
      const parsed = parseBytes(raw, bareByteUnit(option));
      if (parsed.ok) return undefined;
      const corrected = wholeEquivalent(raw);
      return { problem: parsed.problem, corrected, fractional: /^\s*[0-9]+\.[0-9]+[a-zA-Z]*\s*$/.test(raw) };
    }
    case 'duration': {
      const parsed = parseDuration(raw, bareDurationUnit(option));
      if (parsed.ok) return outside(parsed.value.ms, option.range) ? { problem: outside(parsed.value.ms, option.range)! } : undefined;
      return { problem: parsed.problem, corrected: wholeEquivalent(raw), fractional: /^\s*-?[0-9]+\.[0-9]+[a-zA-Z]*\s*$/.test(raw) };
    }
    case 'int':
    case 'long': {
      const parsed = parseInteger(raw, option.type === 'long');
      if (!parsed.ok && /^\s*[0-9]+\.[0-9]+\s*$/.test(raw)) {
        const n = Number(raw);
        return { problem: parsed.problem, fractional: true, corrected: Number.isInteger(n) ? String(n) : undefined };
      }
      return numeric(parsed, option.range);
    }
    case 'double':
      return numeric(parseDouble(raw), option.range);
    case 'fraction':
      return numeric(parseFraction(raw), option.range);
    case 'boolean': {
      const parsed = parseBoolean(raw);
      if (parsed.ok) return undefined;
      const lower = raw.trim().toLowerCase();
      const corrected = ['yes', 'on', '1', 'y'].includes(lower) ? 'true' : ['no', 'off', '0', 'n'].includes(lower) ? 'false' : didYouMean(lower, BOOLEANS);
      return { problem: parsed.problem, corrected };
    }
    case 'enum': {
      const allowed = option.allowedValues ?? [];
      const value = raw.trim();
      if (allowed.length === 0 || allowed.includes(value)) return undefined;
      const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
      if (caseMatch && option.caseInsensitive) return undefined;
      if (option.allowsClassName && isClassName(value) && value.includes('.')) return undefined;
      return {
        problem: `is not one of ${allowed.join(', ')}${option.allowsClassName ? ' (or a fully qualified class name)' : ''}`,
        corrected: caseMatch,
      };
    }
    case 'class': {
      const names = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (names.length === 0 || names.every(isClassName)) return undefined;
      return { problem: 'is not a fully qualified Java class name' };
    }
    default:
      return undefined;
  }
}
