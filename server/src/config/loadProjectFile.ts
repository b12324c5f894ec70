import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { ConfigError, PROJECT_FILE_NAME, readProjectConfig, type ProjectConfig } from './projectConfig';
import { groupDigits } from '../engine/units';

/** A project file larger than this is refused unread: a real one is a few hundred bytes. */
export const MAX_PROJECT_FILE_BYTES = 64 * 1024;

/** Whether `inner` is `outer` or lies below it (both absolute, resolved). */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function exists(file: string): boolean {
  try {
    // lstat: a link that leads nowhere is found, and reported when it is read.
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The folder that bounds the CLI's search for a project file above `directory`: the nearest folder holding `.git`
 * (a folder, or a file in a worktree), else the current folder when `directory` is below it, else `directory`
 * itself. A project file in a shared parent (/tmp, a home folder) never applies to a repository below it.
 */
export function searchBoundary(directory: string, cwd = process.cwd()): string {
  const start = path.resolve(directory);
  for (let current = start; ; current = path.dirname(current)) {
    if (exists(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) break;
  }
  const here = path.resolve(cwd);
  return isWithin(start, here) ? here : start;
}

/** The nearest project file at or above `directory`, up to `boundary` (inclusive), if any. */
export function findProjectFile(directory: string, boundary = searchBoundary(directory)): string | undefined {
  const stop = path.resolve(boundary);
  let current = path.resolve(directory);
  if (!isWithin(current, stop)) return undefined;
  for (;;) {
    const candidate = path.join(current, PROJECT_FILE_NAME);
    if (exists(candidate)) return candidate;
    if (current === stop) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/**
 * The text of a project file, read only when it is a regular file of at most MAX_PROJECT_FILE_BYTES that lies,
 * links resolved, inside `root`: a project file comes with the repository, so it may be a link to /dev/zero,
 * a named pipe or a 40 MB file. Anything else is one ConfigError naming the file.
 */
export function readProjectFileText(file: string, root: string): string {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(file);
    realRoot = realpathSync(root);
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${errorCode(error)})`);
  }
  if (!isWithin(real, realRoot)) throw new ConfigError(`${file}: leads outside ${root} (to ${real}); a project file there is not read`);
  let fd: number;
  try {
    // Non-blocking: opening a named pipe for reading would otherwise wait for a writer forever.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${errorCode(error)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ConfigError(`${file}: is ${kindOf(stat)}, not a regular file; a project file is not read from it`);
    if (stat.size > MAX_PROJECT_FILE_BYTES) throw new ConfigError(`${file}: is ${groupDigits(stat.size)} bytes; a project file may have at most ${MAX_PROJECT_FILE_BYTES / 1024} KiB`);
    // Read one byte more than allowed: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(MAX_PROJECT_FILE_BYTES + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_PROJECT_FILE_BYTES) throw new ConfigError(`${file}: has more than ${MAX_PROJECT_FILE_BYTES / 1024} KiB; a project file may have at most that`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw new ConfigError(`${file}: is not UTF-8 text`);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${file}: cannot be read (${errorCode(error)})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and validates a project file (comments allowed) that must lie inside `root`; a problem is a ConfigError
 * naming the file.
 */
export function loadProjectFile(file: string, root: string): ProjectConfig {
  const text = readProjectFileText(file, root);
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parse(text, errors, { allowTrailingComma: true });
  } catch {
    // The parser descends once per level: 64 KiB of `[` runs out of stack.
    throw new ConfigError(`${file}: is not valid JSON (nested too deep)`);
  }
  if (errors.length > 0) throw new ConfigError(`${file}: is not valid JSON`);
  try {
    return readProjectConfig(value, file);
  } catch (error) {
    throw new ConfigError(error instanceof ConfigError && error.message.startsWith(file) ? error.message : `${file}: ${(error as Error).message}`);
  }
}
