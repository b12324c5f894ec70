// The CLI as a CI step over a repository of thousands of files: the real corpus ($EMR_SPARK_SHARED/corpus, else
// ../shared/corpus beside the repository, read where it is,
// only when it is there) repeated to about 5,000 files, in one `emr-spark-lint check` process. The repeated files
// are symbolic links in folders of a temporary directory (a repository's layout: many folders, distinct paths),
// never copies, and the directory is removed afterwards. Without the corpus, the project's examples stand in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const CONFIG_FILE = /\.(json|ya?ml|conf|properties)$/;

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (CONFIG_FILE.test(name)) out.push(full);
  }
  return out;
}

export function cliThroughput(root, { target = 5000 } = {}) {
  // The shared folder as the corpus check finds it: $EMR_SPARK_SHARED, else ../shared beside the repository.
  const corpus = join(process.env.EMR_SPARK_SHARED ?? join(root, '..', 'shared'), 'corpus');
  const fromCorpus = existsSync(corpus);
  const base = fromCorpus ? corpus : join(root, 'examples');
  const sources = filesUnder(base);
  if (sources.length === 0) return undefined;
  const copies = Math.max(1, Math.round(target / sources.length));
  const work = mkdtempSync(join(tmpdir(), 'emr-spark-bench-'));
  try {
    const files = [];
    for (let c = 0; c < copies; c++) {
      for (const source of sources) {
        const path = join(`r${String(c).padStart(3, '0')}`, relative(base, source));
        mkdirSync(join(work, path, '..'), { recursive: true });
        symlinkSync(source, join(work, path));
        files.push(path);
      }
    }
    // Warm the file cache once, then time one process over every file (text output, as a CI log shows it).
    const run = () => {
      const t = performance.now();
      const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--skip-unrecognized', ...files], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      return { ms: performance.now() - t, status: result.status, stderr: result.stderr?.toString().slice(0, 500) };
    };
    run();
    const runs = [run(), run(), run()].sort((a, b) => a.ms - b.ms);
    const median = runs[1];
    return { source: fromCorpus ? `../shared/corpus, ${sources.length} files x ${copies}` : `examples/, ${sources.length} files x ${copies}`, files: files.length, ms: median.ms, runsMs: runs.map((r) => r.ms), filesPerSecond: files.length / (median.ms / 1000), status: median.status, stderr: median.stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
