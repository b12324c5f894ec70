// The corpus check: real configuration files from public repositories (../shared/corpus, never copied into the
// project) with a verdict for each finding an earlier build gave (JUDGED.tsv). It lints every judged file the way
// the judged run did (the CLI, with the flags the `run` column names) and compares, by file, line and rule ID:
// a finding judged FP must be gone, one judged TP must still be there, and anything else is new and printed for a
// person to judge. One module for both folders, so other readers of the corpus (every file of emr-json read as an
// EMR configuration) extend it rather than copy it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';

export type Folder = 'spark-conf' | 'emr-json';
export const FOLDERS: readonly Folder[] = ['spark-conf', 'emr-json'];

export type Verdict = 'TP' | 'FP' | 'DEBATABLE';

export interface JudgedFinding {
  folder: Folder;
  file: string;
  line: number;
  ruleId: string;
  verdict: Verdict;
  /** The `run` column as written: default/plain, release(...), release+cluster(...), with-cluster-flags-only. */
  run: string;
  severity: string;
  reason: string;
  message: string;
}

export interface SourceRow {
  folder: Folder;
  file: string;
  /** Every column of SOURCES.tsv by its header (era_platform, notes, shape, ...). */
  columns: Record<string, string>;
}

export interface LintedFinding {
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

/** The shared folder: $EMR_SPARK_SHARED, else ../shared beside the repository (where the team keeps it). */
export function sharedFolder(repoRoot: string): string {
  return process.env.EMR_SPARK_SHARED ?? path.join(repoRoot, '..', 'shared');
}

export function corpusFolder(repoRoot: string): string | undefined {
  const folder = path.join(sharedFolder(repoRoot), 'corpus');
  return existsSync(path.join(folder, 'spark-conf', 'JUDGED.tsv')) ? folder : undefined;
}

/**
 * Rows of a tab-separated file with a header line. Fields may be quoted ("..."), with "" standing for a quote, as the
 * JUDGED files quote reasons and messages that hold quotes; a quoted field may hold tabs.
 */
export function readTable(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === '\t') {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.some((f) => f !== '')) records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  record.push(field);
  if (record.some((f) => f !== '')) records.push(record);
  const rows = records.filter((r) => !r[0].startsWith('#'));
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/** The verdicts of both folders (their columns differ; the meaning is the same). */
export function readJudged(corpus: string): JudgedFinding[] {
  const out: JudgedFinding[] = [];
  for (const folder of FOLDERS) {
    const file = path.join(corpus, folder, 'JUDGED.tsv');
    if (!existsSync(file)) continue;
    for (const row of readTable(file)) {
      const verdict = row.verdict.toUpperCase();
      out.push({
        folder,
        file: row.file,
        line: Number(row.line),
        ruleId: row.ruleId,
        verdict: verdict === 'TP' || verdict === 'FP' ? verdict : 'DEBATABLE',
        run: row.run,
        severity: row.severity,
        reason: row.reason,
        message: row.message,
      });
    }
  }
  return out;
}

export function readSources(corpus: string): SourceRow[] {
  const out: SourceRow[] = [];
  for (const folder of FOLDERS) {
    const file = path.join(corpus, folder, 'SOURCES.tsv');
    if (!existsSync(file)) continue;
    for (const row of readTable(file)) if (row.file && !row.file.startsWith('(')) out.push({ folder, file: row.file, columns: row });
  }
  return out;
}

const RELEASE = /emr-\d+\.\d+\.\d+/;

/**
 * The CLI flags of a judged run. `default` and `plain` are no flags. A release run uses the release the run names
 * ("release(assumed emr-6.10.0)"), else the one the file's SOURCES row names, else the one the judged messages of
 * that file named. A cluster run uses "(TYPE xN ...)" from the run, else the core (and task) groups the SOURCES
 * notes give ("CORE 2 x m4.4xlarge + TASK 2 x m4.4xlarge"). Throws when a run cannot be resolved: a check that
 * guesses is no check.
 */
export function flagsForRun(run: string, file: { folder: Folder; file: string }, sources: readonly SourceRow[], judged: readonly JudgedFinding[]): string[] {
  const spec = run.trim();
  if (spec === '' || spec === 'default' || spec === 'plain') return [];
  const flags: string[] = [];
  const source = sources.find((s) => s.folder === file.folder && s.file === file.file);
  const sourceText = source ? Object.values(source.columns).join(' ') : '';
  const wantsRelease = /release/.test(spec) || spec === 'with-cluster-flags-only';
  const wantsCluster = /cluster/.test(spec);
  if (wantsRelease) {
    const release =
      RELEASE.exec(spec)?.[0] ??
      RELEASE.exec(sourceText)?.[0] ??
      judged.filter((j) => j.folder === file.folder && j.file === file.file).map((j) => RELEASE.exec(j.message)?.[0]).find((r) => r);
    if (!release && spec !== 'with-cluster-flags-only') throw new Error(`${file.file}: run "${run}" names no release, and neither do its sources or messages`);
    if (release) flags.push('--release', release);
  }
  if (wantsCluster) {
    const inRun = /\(\s*(?:assumed\s+)?([a-z][a-z0-9-]*\.[a-z0-9]+)\s+x\s*(\d+)/.exec(spec);
    if (inRun) flags.push('--instance-type', inRun[1], '--instance-count', inRun[2]);
    else {
      const core = /CORE\s+(\d+)\s*x\s*([a-z][a-z0-9-]*\.[a-z0-9]+)/.exec(sourceText);
      const task = /TASK\s+(\d+)\s*x\s*([a-z][a-z0-9-]*\.[a-z0-9]+)/.exec(sourceText);
      if (!core) throw new Error(`${file.file}: run "${run}" needs a cluster, and the SOURCES notes name none`);
      flags.push('--instance-type', core[2], '--instance-count', core[1]);
      if (task) flags.push('--task-instance-type', task[2], '--task-instance-count', task[1]);
    }
  }
  return flags;
}

/** The findings the CLI gives for a file with the flags (in process: the same code as the command). */
export function lintFile(filePath: string, flags: readonly string[]): LintedFinding[] {
  let out = '';
  let err = '';
  const code = main(['check', '--format', 'json', ...flags, filePath], { out: (t) => (out += t), err: (t) => (err += t) });
  if (code === 2 || out === '') throw new Error(`emr-spark-lint failed on ${filePath}: ${err.trim()}`);
  const report = JSON.parse(out) as { files: { findings: { ruleId: string; severity: string; message: string; range: { start: { line: number } } }[] }[] };
  return report.files[0].findings.map((f) => ({ line: f.range.start.line, ruleId: f.ruleId, severity: f.severity, message: f.message }));
}

/** How a file is read: whether as an EMR configuration, which shape, or why not (the CLI's JSON report). */
export function readAs(filePath: string): { recognized: boolean; shape?: string; unrecognized?: string } {
  let out = '';
  main(['check', '--format', 'json', '--skip-unrecognized', filePath], { out: (t) => (out += t), err: () => undefined });
  const [file] = (JSON.parse(out) as { files: { recognized: boolean; shape?: string; unrecognized?: string }[] }).files;
  return { recognized: file.recognized, shape: file.shape, unrecognized: file.unrecognized };
}

/** The configuration files of a corpus folder (its two tables excluded). */
export function corpusFiles(corpus: string, folder: Folder): string[] {
  return readdirSync(path.join(corpus, folder)).filter((f) => !f.endsWith('.tsv')).sort();
}

export interface RunResult {
  folder: Folder;
  file: string;
  run: string;
  flags: string[];
  findings: LintedFinding[];
}

export interface Outcome {
  judged: JudgedFinding;
  /** The finding is reported again (same file, line and rule in the same run). */
  reported: boolean;
}

export interface CorpusReport {
  runs: RunResult[];
  outcomes: Outcome[];
  /** Findings of the judged runs that no verdict covers: for a person to judge. */
  fresh: (LintedFinding & { folder: Folder; file: string; run: string })[];
}

const matches = (j: { line: number; ruleId: string }, f: LintedFinding) => j.line === f.line && j.ruleId === f.ruleId;

/** Lints every judged file once per judged run and sets the verdicts against what comes out. */
export function checkCorpus(corpus: string): CorpusReport {
  const judged = readJudged(corpus);
  const sources = readSources(corpus);
  const runs: RunResult[] = [];
  const runKey = (j: { folder: string; file: string; run: string }) => `${j.folder}/${j.file}\u0000${j.run}`;
  const byRun = new Map<string, RunResult>();
  // Every file's default run is checked too (judged or not), so its new findings show even if only its flagged runs,
  // or none of its runs, were judged.
  const unjudged = FOLDERS.flatMap((folder) => corpusFiles(corpus, folder).map((file) => ({ folder, file, run: 'default' })));
  const wanted = [...judged, ...judged.map((j) => ({ ...j, run: 'default' })), ...unjudged];
  for (const j of wanted) {
    const key = runKey(j);
    if (byRun.has(key)) continue;
    const flags = flagsForRun(j.run, j, sources, judged);
    const result: RunResult = { folder: j.folder, file: j.file, run: j.run, flags, findings: lintFile(path.join(corpus, j.folder, j.file), flags) };
    byRun.set(key, result);
    runs.push(result);
  }
  const outcomes = judged.map((j) => ({ judged: j, reported: byRun.get(runKey(j))!.findings.some((f) => matches(j, f)) }));
  const fresh: CorpusReport['fresh'] = [];
  for (const run of runs) {
    // A verdict on a finding holds in every run of its file that gives the finding again (the flagged runs were
    // judged only for what they add).
    const covering = judged.filter((j) => j.folder === run.folder && j.file === run.file);
    for (const f of run.findings) {
      if (covering.some((j) => matches(j, f)) || fresh.some((x) => x.folder === run.folder && x.file === run.file && matches(x, f) && x.message === f.message)) continue;
      fresh.push({ ...f, folder: run.folder, file: run.file, run: run.run });
    }
  }
  return { runs, outcomes, fresh };
}

export interface Tally {
  tp: number;
  fp: number;
  debatable: number;
}

/** Judged findings by verdict: as judged (the build the verdicts were made on) and as reported now. */
export function tally(outcomes: readonly Outcome[], folder?: Folder): { judged: Tally; now: Tally } {
  const pick = outcomes.filter((o) => !folder || o.judged.folder === folder);
  const count = (list: readonly Outcome[]): Tally => ({
    tp: list.filter((o) => o.judged.verdict === 'TP').length,
    fp: list.filter((o) => o.judged.verdict === 'FP').length,
    debatable: list.filter((o) => o.judged.verdict === 'DEBATABLE').length,
  });
  return { judged: count(pick), now: count(pick.filter((o) => o.reported)) };
}

/** TP / (TP + FP), in per cent with one decimal; "n/a" when there is neither. */
export function precision(t: Tally): string {
  return t.tp + t.fp === 0 ? 'n/a' : `${((100 * t.tp) / (t.tp + t.fp)).toFixed(1)} %`;
}

/** The human-readable report: figures per folder, then what is wrong, then the new findings to judge. */
export function formatReport(report: CorpusReport): string {
  const lines: string[] = [];
  for (const folder of FOLDERS) {
    const { judged, now } = tally(report.outcomes, folder);
    const fresh = report.fresh.filter((f) => f.folder === folder).length;
    lines.push(
      `${folder}: judged ${judged.tp} TP, ${judged.fp} FP, ${judged.debatable} debatable (precision ${precision(judged)}); ` +
        `now ${now.tp} TP, ${now.fp} FP, ${now.debatable} debatable (precision ${precision(now)}), ${fresh} new`,
    );
  }
  const show = (o: Outcome) => `  ${o.judged.folder}/${o.judged.file}:${o.judged.line} ${o.judged.ruleId} [${o.judged.run || 'default'}] ${o.judged.reason}`;
  const stillFp = report.outcomes.filter((o) => o.judged.verdict === 'FP' && o.reported);
  const lostTp = report.outcomes.filter((o) => o.judged.verdict === 'TP' && !o.reported);
  if (stillFp.length) lines.push('', 'Judged FP, still reported:', ...stillFp.map(show));
  if (lostTp.length) lines.push('', 'Judged TP, no longer reported:', ...lostTp.map(show));
  if (report.fresh.length) {
    lines.push('', 'New findings (neither TP nor FP yet: judge them):');
    for (const f of report.fresh) lines.push(`  ${f.folder}/${f.file}:${f.line} ${f.severity} ${f.ruleId} [${f.run || 'default'}] ${f.message}`);
  }
  return lines.join('\n') + '\n';
}
