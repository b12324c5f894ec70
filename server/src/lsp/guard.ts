import type { CancellationToken, Connection } from 'vscode-languageserver';

/**
 * Runs a handler so that an exception becomes one logged error and the fallback answer, never a dead server;
 * a cancelled request gets the fallback too.
 */
export function guarded<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P, token?: CancellationToken) => R) {
  return (params: P, token?: CancellationToken): R => {
    if (token?.isCancellationRequested) return fallback;
    try {
      return handler(params, token);
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

const isUinteger = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2 ** 31 - 1;

/**
 * A position as LSP defines it (two uintegers). Anything else (a fraction, null, a string, a missing field) gets
 * the handler's empty answer: arithmetic on it gave ranges with `character: null`.
 */
export function isValidPosition(position: unknown): position is { line: number; character: number } {
  const p = position as { line?: unknown; character?: unknown } | null | undefined;
  return typeof p === 'object' && p !== null && isUinteger(p.line) && isUinteger(p.character);
}

export function isValidRange(range: unknown): range is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = range as { start?: unknown; end?: unknown } | null | undefined;
  return typeof r === 'object' && r !== null && isValidPosition(r.start) && isValidPosition(r.end);
}
