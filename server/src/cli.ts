import { dirname, relative, resolve } from 'node:path';
import { emrRelease, instanceType } from './catalog';
import { findProjectFile, loadProjectFile, searchBoundary } from './config/loadProjectFile';
import { ConfigError, MAX_INSTANCE_COUNT, optionsForFile, type ProjectConfig, type ResolvedOptions } from './config/projectConfig';
import { analyzeText } from './analysis/analyze';
import { readDocument } from './formats';
import { resolveCluster } from './sizing/cluster';
import { assumptions } from './sizing/compute';
import { makePlan } from './sizing/plan';
import { planEmrJson, planJson, planProperties, planText } from './output/plan';
import { didYouMean } from './engine/suggest';
import { instanceTypeNames, releaseLabels } from './catalog';
import { oneOf, parseArgs, positiveInteger, UsageError } from './cli/args';
import { InputError, readConfigFile } from './cli/readInput';
import { checkedFile } from './output/checkResult';
import { formatJson } from './output/json';
import { formatSarif } from './output/sarif';
import { formatText } from './output/text';

const USAGE = `Usage:
  emr-spark-lint [check] [--format text|json|sarif] [--release emr-X.Y.Z]
                 [--instance-type T] [--instance-count N] [--skip-unrecognized] FILE...
  emr-spark-lint size --instance-type T --instance-count N
                 [--task-instance-type T --task-instance-count N] [--method yarn|guide]
                 [--release emr-X.Y.Z] [--deploy-mode cluster|client]
                 [--primary-instance-type T] [--yarn-memory-mb N] [--max-allocation-mb N] [--min-allocation-mb N]
                 [--format text|json|properties|emr-json]
  emr-spark-lint mcp

check: lints EMR configurations (JSON or YAML: Configurations arrays, cluster requests,
       CloudFormation templates, Step Functions tasks, EMR on EKS and EMR Serverless
       requests) and spark-defaults.conf files. Files that are none of these are skipped;
       when no file is checked the exit status is 2, unless --skip-unrecognized.
size:  plans Spark executors for a cluster, exactly in MiB.
mcp:   serves the tools check, size and explain over stdio (Model Context Protocol).
Exit status: 0 no errors, 1 at least one error finding, 2 usage or input problem.`;

const VALUE_OPTIONS = new Set([
  'format',
  'release',
  'instance-type',
  'instance-count',
  'task-instance-type',
  'task-instance-count',
  'method',
  'deploy-mode',
  'primary-instance-type',
  'yarn-memory-mb',
  'max-allocation-mb',
  'min-allocation-mb',
]);
const FLAG_OPTIONS = new Set(['help', 'version', 'skip-unrecognized']);
const COMMANDS = new Set(['check', 'size', 'mcp', 'help']);

interface Io {
  out(text: string): void;
  err(text: string): void;
}

function checkRelease(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  if (emrRelease(label)) return label;
  const suggestion = didYouMean(label, releaseLabels());
  throw new UsageError(`--release "${label}" is not a known EMR release${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

function checkInstanceType(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (instanceType(value)) return value;
  const suggestion = didYouMean(value, instanceTypeNames());
  throw new UsageError(`--${name} "${value}" is not a known instance type${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

/**
 * The options the nearest .emrsparkrc.json gives a file (globs relative to the project file's folder), searched
 * up to the repository root, and which file that was. Each project file is read once per run.
 */
function projectOptionsFor(file: string, loaded: Map<string, ProjectConfig>, searched: Map<string, { boundary: string; projectFile?: string }>): ResolvedOptions & { projectFile?: string } {
  const directory = dirname(resolve(file));
  // Files of one folder share the search (a repository's thousands of files are in far fewer folders).
  let search = searched.get(directory);
  if (!search) {
    const boundary = searchBoundary(directory);
    searched.set(directory, (search = { boundary, projectFile: findProjectFile(directory, boundary) }));
  }
  const { boundary, projectFile } = search;
  if (!projectFile) return { severities: {} };
  let project = loaded.get(projectFile);
  if (!project) loaded.set(projectFile, (project = loadProjectFile(projectFile, boundary)));
  return { ...optionsForFile(relative(dirname(projectFile), resolve(file)), {}, project), projectFile };
}

function runCheck(args: ReturnType<typeof parseArgs>, io: Io): number {
  const format = oneOf('format', args.options.get('format'), ['text', 'json', 'sarif'] as const) ?? 'text';
  const release = checkRelease(args.options.get('release'));
  const cluster = {
    instanceType: checkInstanceType('instance-type', args.options.get('instance-type')),
    instanceCount: positiveInteger('instance-count', args.options.get('instance-count'), MAX_INSTANCE_COUNT),
    taskInstanceType: checkInstanceType('task-instance-type', args.options.get('task-instance-type')),
    taskInstanceCount: positiveInteger('task-instance-count', args.options.get('task-instance-count'), MAX_INSTANCE_COUNT),
  };
  if (args.files.length === 0) throw new UsageError('no files given');
  const texts = args.files.map((path) => ({ path, text: readConfigFile(path) }));
  const loaded = new Map<string, ProjectConfig>();
  const searched = new Map<string, { boundary: string; projectFile?: string }>();
  const files = texts.map(({ path, text }) => {
    const project = projectOptionsFor(path, loaded, searched);
    const options = {
      release: release ?? project.release,
      cluster: cluster.instanceType ? cluster : project.cluster,
      severities: project.severities,
    };
    return checkedFile(path, analyzeText(text, path, options), project.projectFile !== undefined ? relative(process.cwd(), project.projectFile) || project.projectFile : undefined);
  });
  io.out(format === 'json' ? formatJson(files) : format === 'sarif' ? formatSarif(files) : formatText(files));
  for (const file of files) {
    for (const failure of file.analysis.ruleFailures) io.err(`emr-spark-lint: rule ${failure.ruleId} failed on ${file.path}: ${failure.error}\n`);
  }
  if (!files.some((f) => f.analysis.model.recognized) && !args.flags.has('skip-unrecognized')) {
    io.err(`emr-spark-lint: none of the ${files.length === 1 ? 'file' : `${files.length} files`} given is an EMR configuration or a spark-defaults file; nothing was checked\n`);
    return 2;
  }
  return files.some((f) => f.analysis.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}

function runSize(args: ReturnType<typeof parseArgs>, io: Io): number {
  const format = oneOf('format', args.options.get('format'), ['text', 'json', 'properties', 'emr-json'] as const) ?? 'text';
  const method = oneOf('method', args.options.get('method'), ['yarn', 'guide'] as const) ?? 'yarn';
  const type = checkInstanceType('instance-type', args.options.get('instance-type'));
  if (!type) throw new UsageError('size needs --instance-type');
  if (args.files.length > 0) throw new UsageError('size takes no files; use check FILE to size a cluster file');
  const release = checkRelease(args.options.get('release'));
  const override = {
    instanceType: type,
    instanceCount: positiveInteger('instance-count', args.options.get('instance-count'), MAX_INSTANCE_COUNT) ?? 1,
    taskInstanceType: checkInstanceType('task-instance-type', args.options.get('task-instance-type')),
    taskInstanceCount: positiveInteger('task-instance-count', args.options.get('task-instance-count'), MAX_INSTANCE_COUNT),
    deployMode: oneOf('deploy-mode', args.options.get('deploy-mode'), ['cluster', 'client'] as const),
    primaryInstanceType: checkInstanceType('primary-instance-type', args.options.get('primary-instance-type')),
    yarnMemoryMiB: positiveInteger('yarn-memory-mb', args.options.get('yarn-memory-mb')),
    maxAllocationMiB: positiveInteger('max-allocation-mb', args.options.get('max-allocation-mb')),
    minAllocationMiB: positiveInteger('min-allocation-mb', args.options.get('min-allocation-mb')),
  };
  const { shape } = resolveCluster(readDocument({ text: '', languageId: 'spark-properties' }), release ? emrRelease(release) : undefined, override);
  if (!shape) throw new UsageError('no cluster to size');
  const plan = makePlan(shape, method);
  const assumed = assumptions(shape);
  if (format === 'json') io.out(JSON.stringify(planJson(plan, shape, assumed), null, 2) + '\n');
  else if (format === 'properties') io.out(planProperties(plan));
  else if (format === 'emr-json') io.out(planEmrJson(plan));
  else io.out(planText(plan, shape, assumed));
  return 0;
}

/** Starts the MCP server; the process then lives as long as its stdin. The SDK loads only on this path. */
function runMcp(args: ReturnType<typeof parseArgs>, io: Io): number {
  if (args.files.length > 0 || args.options.size > 0 || args.flags.size > 0) throw new UsageError('mcp takes no files or options: the agent passes them to the tools');
  import('./mcp/stdio.js')
    .then((mcp) => mcp.serveMcpOverStdio())
    .catch((error: unknown) => {
      io.err(`emr-spark-lint: mcp: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    });
  return 0;
}

export function main(argv: string[], io: Io): number {
  try {
    const args = parseArgs(argv, VALUE_OPTIONS, FLAG_OPTIONS, COMMANDS);
    if (args.flags.has('help') || args.command === 'help') {
      io.out(USAGE + '\n');
      return 0;
    }
    if (args.flags.has('version')) {
      io.out('0.1.0\n');
      return 0;
    }
    if (args.command === 'mcp') return runMcp(args, io);
    return args.command === 'size' ? runSize(args, io) : runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`emr-spark-lint: ${error.message} (see --help)\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof ConfigError) {
      io.err(`emr-spark-lint: ${error.message}\n`);
      return 2;
    }
    io.err(`emr-spark-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** Runs the command line of this process (the npm package's ES module entry calls it; there is no `module` there). */
export function runAsProgram(): void {
  const code = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}

if (typeof module !== 'undefined' && require.main === module) runAsProgram();
