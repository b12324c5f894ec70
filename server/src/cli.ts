import { emrRelease, instanceType } from './catalog';
import { analyzeText } from './engine/analyze';
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
                 [--instance-type T] [--instance-count N] FILE...

Checks Amazon EMR configuration JSON and spark-defaults.conf files.
Exit status: 0 no errors, 1 at least one error finding, 2 usage or input problem.`;

const VALUE_OPTIONS = new Set(['format', 'release', 'instance-type', 'instance-count', 'task-instance-type', 'task-instance-count']);
const FLAG_OPTIONS = new Set(['help', 'version']);
const COMMANDS = new Set(['check', 'help']);

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

function runCheck(args: ReturnType<typeof parseArgs>, io: Io): number {
  const format = oneOf('format', args.options.get('format'), ['text', 'json', 'sarif'] as const) ?? 'text';
  const release = checkRelease(args.options.get('release'));
  const cluster = {
    instanceType: checkInstanceType('instance-type', args.options.get('instance-type')),
    instanceCount: positiveInteger('instance-count', args.options.get('instance-count')),
    taskInstanceType: checkInstanceType('task-instance-type', args.options.get('task-instance-type')),
    taskInstanceCount: positiveInteger('task-instance-count', args.options.get('task-instance-count')),
  };
  if (args.files.length === 0) throw new UsageError('no files given');
  const texts = args.files.map((path) => ({ path, text: readConfigFile(path) }));
  const files = texts.map(({ path, text }) => checkedFile(path, analyzeText(text, path, { release, cluster })));
  io.out(format === 'json' ? formatJson(files) : format === 'sarif' ? formatSarif(files) : formatText(files));
  for (const file of files) {
    for (const failure of file.analysis.ruleFailures) io.err(`emr-spark-lint: rule ${failure.ruleId} failed on ${file.path}: ${failure.error}\n`);
  }
  return files.some((f) => f.analysis.findings.some((x) => x.severity === 'error')) ? 1 : 0;
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
    return runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`emr-spark-lint: ${error.message} (see --help)\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`emr-spark-lint: ${error.message}\n`);
      return 2;
    }
    io.err(`emr-spark-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  const code = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
