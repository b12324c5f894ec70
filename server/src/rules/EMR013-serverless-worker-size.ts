import { SERVERLESS_SPARK_DEFAULTS, SERVERLESS_WORKERS, workerRange } from '../catalog/serverless';
import type { ConfigModel, PropertyEntry, ScopeKind } from '../engine/model';
import { formatMiB, parseBytes, parseDouble, parseInteger, toMiB } from '../engine/units';
import type { Report, Rule } from './types';

// Worker sizes as the EMR Serverless API writes them: "4", "4 vCPU", "16", "16 GB".
const CPU = /^([1-9][0-9]{0,5}) ?(?:vCPU|vcpu|VCPU)?$/;
const MEMORY = /^([1-9][0-9]{0,6}) ?(?:GB|gb|gB|Gb)?$/;
const GIB = 1024;
const OVERHEAD_MINIMUM_MIB = 384;

/** Later scopes win: an application's runtime configuration, then the job's overrides, then spark-submit arguments. */
const PRECEDENCE: readonly ScopeKind[] = ['application', 'job-run', 'submit'];

function sparkSetting(model: ConfigModel, key: string): PropertyEntry | undefined {
  let found: PropertyEntry | undefined;
  for (const kind of PRECEDENCE) {
    for (const scope of model.scopes) {
      if (scope.kind !== kind) continue;
      for (const c of scope.classifications) if (c.name?.trim() === 'spark-defaults') for (const e of c.properties) if (e.key === key && e.valueKind === 'string') found = e;
    }
  }
  return found;
}

const range = (vcpu: number) => {
  const w = workerRange(vcpu)!;
  return `${w.minGB} to ${w.maxGB} GB of memory${w.stepGB > 1 ? ` in steps of ${w.stepGB} GB` : ''}`;
};

const SIZES = `${SERVERLESS_WORKERS.slice(0, -1).map((w) => w.vcpu).join(', ')} or ${SERVERLESS_WORKERS[SERVERLESS_WORKERS.length - 1].vcpu}`;

const capitalized = (text: string) => text[0].toUpperCase() + text.slice(1);

/** "a 4-vCPU", "an 8-vCPU", "an executor". */
const article = (word: string) => (/^(8|11|18|[aeiou])/i.test(word) ? `an ${word}` : `a ${word}`);

/** The worker sizes written in the application: vCPU one of the sizes, memory in that size's range and step. */
function checkWorkers(model: ConfigModel, report: (r: Report) => void): void {
  for (const worker of model.cluster.serverlessWorkers) {
    if (worker.role === 'maximum') continue; // a cap on the whole application, not a worker size
    const cpuMatch = worker.cpu ? CPU.exec(worker.cpu.value.trim()) : null;
    if (worker.cpu && !cpuMatch) {
      report({ span: worker.cpu.span, path: [...worker.path, 'cpu'], message: `"${worker.cpu.value}" is not a vCPU count the EMR Serverless API reads (a number, optionally followed by vCPU).` });
      continue;
    }
    const vcpu = cpuMatch ? Number(cpuMatch[1]) : undefined;
    if (vcpu !== undefined && !workerRange(vcpu)) {
      report({ span: worker.cpu!.span, path: [...worker.path, 'cpu'], message: `EMR Serverless workers have ${SIZES} vCPU; ${vcpu} is not one of them, so the ${worker.role.toLowerCase()} workers cannot be created.` });
      continue;
    }
    if (!worker.memory) continue;
    const memoryMatch = MEMORY.exec(worker.memory.value.trim());
    if (!memoryMatch) {
      report({ span: worker.memory.span, path: [...worker.path, 'memory'], message: `"${worker.memory.value}" is not a memory size the EMR Serverless API reads (a whole number of GB).` });
      continue;
    }
    if (vcpu === undefined) continue;
    const gb = Number(memoryMatch[1]);
    const limits = workerRange(vcpu)!;
    if (gb < limits.minGB || gb > limits.maxGB || (gb - limits.minGB) % limits.stepGB !== 0) {
      report({
        span: worker.memory.span,
        path: [...worker.path, 'memory'],
        message: `${capitalized(article(`${vcpu}-vCPU`))} EMR Serverless worker has ${range(vcpu)}; ${gb} GB is not one of them, so the ${worker.role.toLowerCase()} workers cannot be created.`,
      });
    }
  }
}

/** What one executor or driver needs from its worker: memory plus overhead, in MiB. */
function needs(model: ConfigModel, role: 'executor' | 'driver'): { cores: number; memoryMiB: number; overheadMiB: number; anchor?: PropertyEntry } | undefined {
  const coresEntry = sparkSetting(model, `spark.${role}.cores`);
  const memoryEntry = sparkSetting(model, `spark.${role}.memory`);
  const cores = coresEntry ? parseInteger(coresEntry.value) : { ok: true as const, value: SERVERLESS_SPARK_DEFAULTS.cores };
  const memory = parseBytes(memoryEntry?.value ?? SERVERLESS_SPARK_DEFAULTS.memory, 'MiB');
  if (!cores.ok || !memory.ok) return undefined; // the value rules report what cannot be read
  const memoryMiB = toMiB(memory.value.bytes);
  const explicit = sparkSetting(model, `spark.${role}.memoryOverhead`);
  const explicitMiB = explicit ? parseBytes(explicit.value, 'MiB') : undefined;
  if (explicitMiB && !explicitMiB.ok) return undefined;
  const factorEntry = sparkSetting(model, 'spark.emr-serverless.memoryOverheadFactor');
  const factor = factorEntry ? parseDouble(factorEntry.value) : { ok: true as const, value: SERVERLESS_SPARK_DEFAULTS.overheadFactor };
  if (!factor.ok) return undefined;
  const overheadMiB = explicitMiB ? toMiB(explicitMiB.value.bytes) : Math.max(OVERHEAD_MINIMUM_MIB, Math.ceil(memoryMiB * factor.value));
  return { cores: cores.value, memoryMiB, overheadMiB, anchor: memoryEntry ?? coresEntry };
}

export const serverlessWorkerSize: Rule = {
  id: 'EMR013',
  name: 'serverless-worker-size',
  severity: 'error',
  summary: 'An EMR Serverless worker size that does not exist, or an executor or driver larger than the largest worker with its number of cores.',
  reads: ['serverless'],
  check({ model, report }) {
    checkWorkers(model, report);
    for (const role of ['executor', 'driver'] as const) {
      const need = needs(model, role);
      if (!need) continue;
      const limits = workerRange(need.cores);
      const total = need.memoryMiB + need.overheadMiB;
      const anchor = need.anchor;
      if (anchor && !limits) {
        report({
          span: anchor.valueSpan ?? anchor.keySpan,
          path: anchor.path,
          severity: 'warning',
          message: `spark.${role}.cores = ${need.cores}: EMR Serverless workers have ${SIZES} vCPU, so each ${role} gets a worker with more cores than it uses. Use one of those counts.`,
        });
        continue;
      }
      if (!limits) continue;
      if (anchor && total > limits.maxGB * GIB) {
        const fits = Math.floor((limits.maxGB * GIB) / (1 + SERVERLESS_SPARK_DEFAULTS.overheadFactor) / GIB);
        report({
          span: anchor.valueSpan ?? anchor.keySpan,
          path: anchor.path,
          message:
            `${capitalized(article(role))} of ${need.cores} cores needs ${formatMiB(need.memoryMiB)} + ${formatMiB(need.overheadMiB)} overhead = ${formatMiB(total)}, ` +
            `more than the ${limits.maxGB} GB the largest ${need.cores}-vCPU EMR Serverless worker has: the job fails to start its ${role}s. ` +
            `Use at most ${fits}g with the default overhead, or more cores per ${role}.`,
        });
        continue;
      }
      // Pre-initialized workers are used only by jobs whose containers fit in them.
      const initial = model.cluster.serverlessWorkers.find((w) => w.role === role.toUpperCase());
      const workerMemory = initial?.memory ? MEMORY.exec(initial.memory.value.trim()) : null;
      const workerCpu = initial?.cpu ? CPU.exec(initial.cpu.value.trim()) : null;
      if (initial && workerMemory && workerCpu && (Number(workerMemory[1]) * GIB < total || Number(workerCpu[1]) < need.cores)) {
        report({
          span: initial.memory!.span,
          path: [...initial.path, 'memory'],
          severity: 'warning',
          message:
            `The pre-initialized ${role} workers (${workerCpu[1]} vCPU, ${workerMemory[1]} GB) are smaller than this application's ${role}s ` +
            `(${need.cores} cores, ${formatMiB(total)} with overhead${anchor ? '' : `, EMR Serverless's default of ${SERVERLESS_SPARK_DEFAULTS.cores} cores and ${SERVERLESS_SPARK_DEFAULTS.memory}`}), so jobs cannot use them and wait for new workers. Size the initial capacity to the ${role}s.`,
        });
      }
    }
  },
};
