// What the MCP tools compute, as pure functions of their arguments: no file, no project file, no network.
// The JSON they return is the CLI's own (`check --format json`, `size --format json`), built by the same functions.
import { emrRelease, instanceType, instanceTypeNames, releaseLabels } from '../catalog';
import { analyzeText, MAX_DOCUMENT_BYTES, type SeverityOverride } from '../analysis/analyze';
import { didYouMean } from '../engine/suggest';
import { readDocument } from '../formats';
import { checkedFile } from '../output/checkResult';
import { formatJson } from '../output/json';
import { planJson } from '../output/plan';
import { RULES, ruleByIdOrName, ruleDocUrl } from '../rules';
import type { Rule } from '../rules/types';
import { resolveCluster } from '../sizing/cluster';
import { makePlan } from '../sizing/plan';
import { assumptions } from '../sizing/compute';

/** A tool argument the catalog does not know: reported to the agent as a tool error, in one line. */
export class ToolInputError extends Error {}

function knownRelease(label: string | undefined): string | undefined {
  if (label === undefined || emrRelease(label)) return label;
  const suggestion = didYouMean(label, releaseLabels());
  throw new ToolInputError(`release "${label}" is not a known EMR release${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

function knownInstanceType(argument: string, value: string | undefined): string | undefined {
  if (value === undefined || instanceType(value)) return value;
  const suggestion = didYouMean(value, instanceTypeNames());
  throw new ToolInputError(`${argument} "${value}" is not a known instance type${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

export interface CheckInput {
  text: string;
  /** Tells the format (*.json, *.yaml, spark-defaults.conf, *.conf); also the `path` in the report. */
  fileName?: string;
  release?: string;
  instanceType?: string;
  instanceCount?: number;
  taskInstanceType?: string;
  taskInstanceCount?: number;
  rules?: Record<string, SeverityOverride>;
}

/** The name a text without a file name is reported under; the format then comes from the content. */
export const UNNAMED_INPUT = 'input';

/** `emr-spark-lint check --format json` for one text. */
export function checkTool(input: CheckInput): string {
  if (Buffer.byteLength(input.text, 'utf8') > MAX_DOCUMENT_BYTES) {
    throw new ToolInputError(`the text is over ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB; larger configurations are not checked`);
  }
  for (const name of Object.keys(input.rules ?? {})) {
    if (!ruleByIdOrName(name)) throw new ToolInputError(`rules: "${name}" is not a rule ID or name`);
  }
  const release = knownRelease(input.release);
  const type = knownInstanceType('instanceType', input.instanceType);
  const cluster = type
    ? {
        instanceType: type,
        instanceCount: input.instanceCount,
        taskInstanceType: knownInstanceType('taskInstanceType', input.taskInstanceType),
        taskInstanceCount: input.taskInstanceCount,
      }
    : undefined;
  const path = input.fileName ?? UNNAMED_INPUT;
  const analysis = analyzeText(input.text, input.fileName ?? '', { release, cluster, severities: input.rules ?? {} });
  return formatJson([checkedFile(path, analysis)]);
}

export interface SizeInput {
  instanceType: string;
  instanceCount?: number;
  taskInstanceType?: string;
  taskInstanceCount?: number;
  method?: 'yarn' | 'guide';
  release?: string;
  deployMode?: 'cluster' | 'client';
  yarnMemoryMb?: number;
  maxAllocationMb?: number;
  minAllocationMb?: number;
}

/** `emr-spark-lint size --format json` for one cluster. */
export function sizeTool(input: SizeInput): string {
  const release = knownRelease(input.release);
  const override = {
    instanceType: knownInstanceType('instanceType', input.instanceType),
    instanceCount: input.instanceCount ?? 1,
    taskInstanceType: knownInstanceType('taskInstanceType', input.taskInstanceType),
    taskInstanceCount: input.taskInstanceCount,
    deployMode: input.deployMode,
    yarnMemoryMiB: input.yarnMemoryMb,
    maxAllocationMiB: input.maxAllocationMb,
    minAllocationMiB: input.minAllocationMb,
  };
  const { shape } = resolveCluster(readDocument({ text: '', languageId: 'spark-properties' }), release ? emrRelease(release) : undefined, override);
  if (!shape) throw new ToolInputError('no cluster to size');
  return JSON.stringify(planJson(makePlan(shape, input.method ?? 'yarn'), shape, assumptions(shape)), null, 2) + '\n';
}

/** A rule by ID (any case) or name. */
export function findRule(idOrName: string): Rule {
  const wanted = idOrName.trim();
  const rule = ruleByIdOrName(wanted) ?? ruleByIdOrName(wanted.toUpperCase()) ?? ruleByIdOrName(wanted.toLowerCase());
  if (rule) return rule;
  const suggestion = didYouMean(wanted, RULES.flatMap((r) => [r.id, r.name]));
  throw new ToolInputError(`"${idOrName}" is not a rule ID or name${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

/** The rule's documentation page, as docs/rules/<ID>.md has it, and where it is published. */
export function explainTool(idOrName: string, docs: Readonly<Record<string, string>>): { text: string; rule: Rule; url: string } {
  const rule = findRule(idOrName);
  const text = docs[rule.id];
  if (text === undefined) throw new ToolInputError(`${rule.id} has no documentation page in this build`);
  return { text, rule, url: ruleDocUrl(rule) };
}
