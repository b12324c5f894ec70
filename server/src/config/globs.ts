import picomatch from 'picomatch';
import { groupDigits } from '../engine/units';

/**
 * Bounds on the `clusters[].files` globs of a project file, which may come from an untrusted repository and are
 * matched on every analysis. They keep the worst case of one match small (see fileGlob).
 */
export const GLOB_LIMITS = {
  /** `clusters` entries in one project file. */
  globs: 100,
  /** Characters in one glob. */
  length: 256,
  /** Runs of `*` inside one folder or file name of a glob (`**` alone as a name does not count). */
  starsPerName: 3,
  /** Names in a path that is matched at all; a deeper path matches no glob. */
  pathNames: 512,
  /** Characters in one name of a path that is matched at all (the common file-system limit). */
  nameLength: 255,
};

export class GlobError extends Error {}

/** One name of a glob: `**` (any number of folders) or a test of a single folder or file name. */
type GlobName = { globstar: true } | { globstar: false; test: (name: string) => boolean };

/**
 * picomatch's reading of one name: `*` (within the name, dot files included), `?`, `[...]` classes and `\` escapes.
 * Braces, extglobs and negation are off: `{`, `(` and `!` are literal, as they always were in this file, and
 * extglobs such as `+(a|aa)` are where a glob turns into an exponential regular expression.
 */
const PICOMATCH_OPTIONS = { dot: true, nobrace: true, noextglob: true, nonegate: true } as const;

function compileName(name: string, glob: string): GlobName {
  if (name === '**') return { globstar: true };
  if (!/[*?[\\]/.test(name)) return { globstar: false, test: (candidate) => candidate === name };
  // picomatch compiles a name to a backtracking regular expression: k runs of `*` cost up to about n^(k-1)
  // steps on an n-character name that almost matches, so k is bounded (3 gives 65,000 steps on 255 characters).
  const stars = name.match(/\*+/g)?.length ?? 0;
  if (stars > GLOB_LIMITS.starsPerName) throw new GlobError(`"${glob}" has more than ${GLOB_LIMITS.starsPerName} * in one name`);
  let regex: RegExp;
  try {
    regex = picomatch.makeRe(name, PICOMATCH_OPTIONS);
  } catch (error) {
    throw new GlobError(`"${glob}" is not a valid glob (${(error as Error).message})`);
  }
  return { globstar: false, test: (candidate) => regex.test(candidate) };
}

/**
 * A glob compiled once: picomatch matches each name, and `**` is matched here, name by name, in one pass over the
 * path for each name of the glob. A whole-path regular expression backtracks over every character once per `**`
 * (1,000 globs like `**` /x/ `**` /y.json took seconds on a deep path); this way a match costs at most
 * (names in the glob) x (names in the path) name tests.
 */
export class FileGlob {
  private readonly names: GlobName[];

  constructor(readonly source: string) {
    if (source.length > GLOB_LIMITS.length) throw new GlobError(`a glob has at most ${GLOB_LIMITS.length} characters; this one has ${groupDigits(source.length)}`);
    const names: GlobName[] = [];
    for (const name of source.replace(/^\.?\//, '').split('/')) {
      if (name === '' && names.length > 0) continue;
      const compiled = compileName(name, source);
      // `**/**` reads the same as `**`.
      if (compiled.globstar && names.at(-1)?.globstar) continue;
      names.push(compiled);
    }
    this.names = names;
  }

  /** Whether a path relative to the project's root (`/` between names) matches; paths outside it never do. */
  matches(relativePath: string): boolean {
    const names = relativePath.split('/');
    if (names.length > GLOB_LIMITS.pathNames || names[0] === '..' || names[0] === '' || names.some((n) => n.length > GLOB_LIMITS.nameLength)) return false;
    // reached[j]: the glob names so far match the first j names of the path.
    let reached = new Uint8Array(names.length + 1);
    reached[0] = 1;
    for (const glob of this.names) {
      const next = new Uint8Array(names.length + 1);
      let any = false;
      for (let j = 0; j <= names.length; j++) {
        if (glob.globstar) next[j] = reached[j] || (j > 0 ? next[j - 1] : 0);
        else if (j > 0 && reached[j - 1] && glob.test(names[j - 1])) next[j] = 1;
        any ||= next[j] === 1;
      }
      if (!any) return false;
      reached = next;
    }
    return reached[names.length] === 1;
  }
}

/** The globs of a project file's `clusters`, compiled once, with the answer per path remembered. */
export class ClusterGlobs {
  private readonly globs: FileGlob[];
  private readonly answers = new Map<string, number>();

  constructor(sources: readonly string[]) {
    this.globs = sources.map((source, i) => {
      try {
        return new FileGlob(source);
      } catch (error) {
        throw new GlobError(`clusters[${i}].files: ${(error as Error).message}`);
      }
    });
  }

  /** The index of the first glob matching the path, or -1. */
  firstMatch(relativePath: string): number {
    const path = relativePath.replace(/\\/g, '/');
    let index = this.answers.get(path);
    if (index === undefined) {
      index = this.globs.findIndex((glob) => glob.matches(path));
      if (this.answers.size >= 1000) this.answers.clear();
      this.answers.set(path, index);
    }
    return index;
  }
}
