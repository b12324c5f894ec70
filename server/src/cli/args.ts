export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  options: Map<string, string>;
  flags: Set<string>;
  files: string[];
}

/** Splits argv into a command, --name value options, bare --flags and operands. */
export function parseArgs(argv: string[], valueOptions: ReadonlySet<string>, flagOptions: ReadonlySet<string>, commands: ReadonlySet<string>): ParsedArgs {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const files: string[] = [];
  let command = 'check';
  let i = 0;
  if (argv[0] !== undefined && commands.has(argv[0])) {
    command = argv[0];
    i = 1;
  }
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (flagOptions.has(name)) {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        flags.add(name);
        continue;
      }
      if (!valueOptions.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (arg === '-h') {
        flags.add('help');
        continue;
      }
      throw new UsageError(`unknown option ${arg}`);
    }
    files.push(arg);
  }
  return { command, options, flags, files };
}

export function positiveInteger(name: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max.toLocaleString('en-US')}, not "${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`);
  }
  return Number(value);
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}
