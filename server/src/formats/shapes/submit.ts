import { tokenizeJavaOptions } from '../../engine/javaOptions';
import { didYouMean } from '../../engine/suggest';
import { API_NAMES, type Classification, type ConfigurationScope, type ModelPath, type PropertyEntry, type Submission, type SubmitArgumentEntry, type SubmitOption } from '../../engine/model';
import { span, type Span } from '../../engine/text';
import { itemsOf, nodeSpan, type TreeNode } from '../tree';
import { cloudFormationString } from './configurations';
import type { ShapeContext } from './context';

// spark-submit's command line as Spark's launcher parses it (SparkSubmitOptionParser): `--name value` or
// `--name=value`; switches take no value; the first argument that is not an option is the application (jar or
// Python file) and everything after it belongs to the application. An unknown argument starting with `-` makes
// spark-submit stop with "Unrecognized option".

/** Options that take a value, with the Spark setting each one sets (SparkSubmitArguments reads them over --conf). */
export const SUBMIT_OPTIONS: ReadonlyMap<string, string | undefined> = new Map([
  ['--archives', 'spark.archives'],
  ['--class', undefined],
  ['--conf', undefined],
  ['--deploy-mode', 'spark.submit.deployMode'],
  ['--driver-class-path', 'spark.driver.extraClassPath'],
  ['--driver-cores', 'spark.driver.cores'],
  ['--driver-java-options', 'spark.driver.extraJavaOptions'],
  ['--driver-library-path', 'spark.driver.extraLibraryPath'],
  ['--driver-memory', 'spark.driver.memory'],
  ['--executor-cores', 'spark.executor.cores'],
  ['--executor-memory', 'spark.executor.memory'],
  ['--files', 'spark.files'],
  ['--jars', 'spark.jars'],
  ['--keytab', 'spark.kerberos.keytab'],
  ['--kill', undefined],
  ['--master', 'spark.master'],
  ['--name', 'spark.app.name'],
  ['--num-executors', 'spark.executor.instances'],
  ['--packages', 'spark.jars.packages'],
  ['--exclude-packages', 'spark.jars.excludes'],
  ['--principal', 'spark.kerberos.principal'],
  ['--properties-file', undefined],
  ['--proxy-user', undefined],
  ['--py-files', 'spark.submit.pyFiles'],
  ['--queue', 'spark.yarn.queue'],
  ['--remote', 'spark.remote'],
  ['--repositories', 'spark.jars.repositories'],
  ['--status', undefined],
  ['--total-executor-cores', 'spark.cores.max'],
]);

const ALIASES: ReadonlyMap<string, string> = new Map([
  ['-c', '--conf'],
  ['-h', '--help'],
  ['-v', '--verbose'],
]);

/** Options without a value. */
const SWITCHES: ReadonlySet<string> = new Set(['--help', '--supervise', '--usage-error', '--verbose', '--version', '--load-spark-defaults']);

/** Whether an unknown option is most likely a misspelling of an option that takes a value. */
function misspellsValuedOption(name: string): boolean {
  const suggestion = didYouMean(name, [...SUBMIT_OPTIONS.keys(), ...SWITCHES]);
  return suggestion !== undefined && SUBMIT_OPTIONS.has(suggestion);
}

/** One command-line argument as the document holds it. */
export interface ArgumentToken {
  /** The argument as spark-submit receives it. */
  text: string;
  /** Where the whole argument is written (a list item: the string scalar, quotes included). */
  span: Span;
  /** Document offset of each character of `text` (plus one for its end), when they map exactly. */
  offsets?: number[];
}

/** Where the arguments are written, which decides how a setting is taken out of them. */
export type ArgumentHost = { kind: 'list'; list: { span: Span; items: readonly Span[] } } | { kind: 'string'; span: Span };

function subSpan(token: ArgumentToken, start: number, end: number): Span {
  if (!token.offsets || end >= token.offsets.length) return token.span;
  return span(token.offsets[start], token.offsets[end]);
}

function entry(key: string, value: string, keySpan: Span, valueSpan: Span, path: ModelPath, context: ShapeContext, argument: SubmitArgumentEntry): PropertyEntry {
  const first = argument.tokens[0];
  const last = argument.tokens[argument.tokens.length - 1];
  return {
    key,
    value,
    valueKind: 'string',
    keySpan,
    valueSpan,
    entrySpan: span(first.start, last.end),
    path: [...path, key],
    rawKey: context.text.slice(keySpan.start, keySpan.end),
    rawValue: context.text.slice(valueSpan.start, valueSpan.end),
    argument,
  };
}

/** Reads spark-submit's arguments (without the `spark-submit` word itself) into a submission. */
export function readSubmission(tokens: readonly ArgumentToken[], where: { label: string; span: Span; path: ModelPath; host: ArgumentHost; firstIndex: number }, context: ShapeContext): Submission {
  const options: SubmitOption[] = [];
  const confEntries: PropertyEntry[] = [];
  const optionEntries: PropertyEntry[] = [];
  let primaryResource: Submission['primaryResource'];
  const argumentOf = (index: number, count: number): SubmitArgumentEntry => {
    const spans = tokens.slice(index, index + count).map((t) => t.span);
    return where.host.kind === 'string'
      ? { option: '', tokens: spans, host: where.host.span }
      : { option: '', tokens: spans, list: { ...where.host.list, first: where.firstIndex + index } };
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const equals = token.text.startsWith('--') ? token.text.indexOf('=') : -1;
    const written = equals > 2 ? token.text.slice(0, equals) : token.text;
    const name = ALIASES.get(written) ?? written;
    const nameSpan = subSpan(token, 0, equals > 2 ? equals : token.text.length);
    if (SUBMIT_OPTIONS.has(name)) {
      let value: string | undefined;
      let valueSpan: Span | undefined;
      let valueToken = token;
      let valueStart = 0;
      let count = 1;
      if (equals > 2) {
        value = token.text.slice(equals + 1);
        valueStart = equals + 1;
        valueSpan = subSpan(token, valueStart, token.text.length);
      } else if (i + 1 < tokens.length) {
        valueToken = tokens[i + 1];
        value = valueToken.text;
        valueSpan = subSpan(valueToken, 0, value.length);
        count = 2;
      }
      const argument = { ...argumentOf(i, count), option: written };
      options.push({ name: written, nameSpan, value, valueSpan, argument });
      i += count - 1;
      if (value === undefined || valueSpan === undefined) continue;
      if (name === '--conf') {
        const separator = value.indexOf('=');
        if (separator <= 0) continue;
        const keySpan = subSpan(valueToken, valueStart, valueStart + separator);
        const confValueSpan = subSpan(valueToken, valueStart + separator + 1, valueStart + value.length);
        confEntries.push(entry(value.slice(0, separator), value.slice(separator + 1), keySpan, confValueSpan, where.path, context, argument));
        continue;
      }
      const key = SUBMIT_OPTIONS.get(name);
      if (key) optionEntries.push(entry(key, value, nameSpan, valueSpan, where.path, context, argument));
      continue;
    }
    if (SWITCHES.has(name)) {
      options.push({ name: written, nameSpan, argument: { ...argumentOf(i, 1), option: written } });
      continue;
    }
    if (token.text.startsWith('-')) {
      // spark-submit stops here. To find what else is wrong, read on as if it were the valued option it most
      // likely misspells, taking its value along.
      const next = tokens[i + 1];
      const takesValue = equals < 0 && next !== undefined && !next.text.startsWith('-') && misspellsValuedOption(name);
      const count = takesValue ? 2 : 1;
      const valueSpan = takesValue ? subSpan(next, 0, next.text.length) : undefined;
      options.push({ name: written, nameSpan, value: takesValue ? next.text : undefined, valueSpan, argument: { ...argumentOf(i, count), option: written }, unknown: true });
      i += count - 1;
      continue;
    }
    primaryResource = { value: token.text, span: token.span };
    break;
  }

  const scope: ConfigurationScope = { kind: 'submit', path: where.path, classifications: [], names: API_NAMES };
  // A dedicated option wins over --conf for the same setting (SparkSubmitArguments reads it first): such a --conf
  // is not a setting that takes effect, so it is left out (SUB002 reports it).
  const dedicated = new Set(optionEntries.map((e) => e.key));
  const properties = [...confEntries.filter((e) => !dedicated.has(e.key)), ...optionEntries].sort((a, b) => a.entrySpan.start - b.entrySpan.start);
  if (properties.length > 0) {
    const classification: Classification = { name: 'spark-defaults', span: where.span, path: where.path, properties, children: [], ancestors: [], scope, names: API_NAMES };
    scope.classifications.push(classification);
  }
  return { label: where.label, span: where.span, path: where.path, options, primaryResource, scope };
}

/**
 * Arguments written as list items (HadoopJarStep.Args), each a string scalar. An item that is not a literal (an
 * intrinsic function such as `!Sub "s3://${Bucket}/app.py"`) ends what is known: the arguments before it are read,
 * and `complete` is false.
 */
export function listTokens(list: TreeNode, context: ShapeContext, cloudFormation = false): { tokens: ArgumentToken[]; complete: boolean } {
  const tokens: ArgumentToken[] = [];
  for (const item of itemsOf(list)) {
    // CloudFormation passes numbers and booleans on as strings.
    const text = cloudFormation ? cloudFormationString(item, context.text) : item.type === 'string' && !item.opaque ? (item.value as string) : undefined;
    if (text === undefined) return { tokens, complete: false };
    const itemSpan = nodeSpan(item);
    const decoded = context.decode(context.text.slice(itemSpan.start, itemSpan.end), itemSpan.start);
    tokens.push({ text, span: itemSpan, offsets: decoded && decoded.text === text ? decoded.offsets : undefined });
  }
  return { tokens, complete: true };
}

/**
 * The known arguments of a command line whose next argument is not known: an option that takes a value and stands
 * last is left out, since its value is the unknown argument (it is not an option without a value).
 */
export function knownArguments(tokens: readonly ArgumentToken[]): readonly ArgumentToken[] {
  const last = tokens[tokens.length - 1];
  if (!last || last.text.includes('=')) return tokens;
  const name = ALIASES.get(last.text) ?? last.text;
  return SUBMIT_OPTIONS.has(name) ? tokens.slice(0, -1) : tokens;
}

/** Arguments written in one string (sparkSubmitParameters), split as Spark splits a command string. */
export function stringTokens(node: TreeNode, context: ShapeContext): ArgumentToken[] | undefined {
  if (node.type !== 'string' || node.opaque) return undefined;
  const value = node.value as string;
  const nodeRange = nodeSpan(node);
  const decoded = context.decode(context.text.slice(nodeRange.start, nodeRange.end), nodeRange.start);
  const offsets = decoded && decoded.text === value ? decoded.offsets : undefined;
  return tokenizeJavaOptions(value).map((t) => ({
    text: t.text,
    span: offsets ? span(offsets[t.start], offsets[t.end]) : nodeRange,
    // A token written with quotes does not map character by character onto its text.
    offsets: offsets && t.end - t.start === t.text.length ? offsets.slice(t.start, t.end + 1) : undefined,
  }));
}
