import { readFileSync, statSync } from 'node:fs';
import { MAX_DOCUMENT_BYTES } from '../analysis/analyze';

export class InputError extends Error {}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Reads a file as UTF-8 text, refusing what is not a readable configuration file, with one clear sentence. */
export function readConfigFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory; name the configuration files to check`);
    if (!stat.isFile()) throw new InputError(`${path}: is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EACCES') throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: cannot be read (${code ?? 'unknown error'})`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new InputError(`${path}: is ${mib(size)} MiB; files over ${mib(MAX_DOCUMENT_BYTES)} MiB are not checked`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (bytes.includes(0)) throw new InputError(`${path}: looks like a binary file (it contains NUL bytes), not a configuration`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path}: is not UTF-8 text`);
  }
}
