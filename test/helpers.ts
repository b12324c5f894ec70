import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { LineIndex, type Span } from '../server/src/engine/text';

/** The repository root, whether tests run from out/test or from sources. */
export const repoRoot = path.resolve(__dirname, '..', '..');

export function fixturePath(...parts: string[]): string {
  return path.join(repoRoot, 'test', 'fixtures', ...parts);
}

/** "line:col-line:col", 1-based, as the CLI prints positions. */
export function rangeLabel(text: string, span: Span): string {
  const lines = new LineIndex(text);
  const s = lines.positionAt(span.start);
  const e = lines.positionAt(span.end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

export function slice(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

/** The seeded generator the fuzzer and the benchmark documents use (scripts/prng.mjs), so a failure can be replayed. */
export async function seededRandom(seed: number): Promise<() => number> {
  const specifier = pathToFileURL(path.join(repoRoot, 'scripts', 'prng.mjs')).href;
  const { prng } = (await import(specifier)) as { prng(seed: number): () => number };
  return prng(seed);
}
