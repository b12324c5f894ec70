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
