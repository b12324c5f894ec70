import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { ConfigError, PROJECT_FILE_NAME, readProjectConfig, type ProjectConfig } from './projectConfig';

/** The nearest project file at or above `directory`, if any. */
export function findProjectFile(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    const candidate = path.join(current, PROJECT_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and validates a project file (comments allowed); a problem is a ConfigError naming the file. */
export function loadProjectFile(file: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new ConfigError(`${file}: is not valid JSON`);
  try {
    return readProjectConfig(value, file);
  } catch (error) {
    throw new ConfigError(error instanceof ConfigError && error.message.startsWith(file) ? error.message : `${file}: ${(error as Error).message}`);
  }
}
