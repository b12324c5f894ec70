import { setValue } from '../engine/edits';
import { entriesOf } from '../engine/effective';
import type { Rule } from './types';

const WHY: Record<string, { why: string; advice: string }> = {
  'yarn.nodemanager.vmem-check-enabled': {
    why:
      'the NodeManager then kills any container whose virtual memory exceeds yarn.nodemanager.vmem-pmem-ratio (2.1 unless set) times its allocation. ' +
      'A JVM reserves far more address space than it ever touches (thread stacks, code cache, malloc arenas), so healthy executors die with "running beyond virtual memory limits"',
    advice: 'Set it to "false": virtual memory says nothing about what a container really uses.',
  },
  'yarn.nodemanager.pmem-check-enabled': {
    why:
      'the NodeManager then kills a container as soon as its periodic check finds the resident memory over the allocation, even during a short peak of off-heap or native memory, ' +
      'and Spark sees the executor as lost ("Container killed by YARN for exceeding memory limits") and reruns its tasks',
    advice: 'Set it to "false", and give the executors enough spark.executor.memoryOverhead for the native memory they use.',
  },
};

export const yarnMemoryCheckEnabled: Rule = {
  id: 'YRN001',
  name: 'yarn-memory-check-enabled',
  severity: 'warning',
  summary: 'YARN\'s virtual or physical memory check turned on in yarn-site: containers get killed for spurious overshoots.',
  reads: ['classifications'],
  check({ model, report }) {
    for (const { entry } of entriesOf(model, 'yarn-site')) {
      const reason = WHY[entry.key];
      if (!reason || entry.valueKind !== 'string' || !entry.valueSpan) continue;
      // Hadoop's Configuration.getBoolean trims the value and ignores case.
      if (entry.value.trim().toLowerCase() !== 'true') continue;
      report({
        span: entry.valueSpan,
        path: entry.path,
        message: `${entry.key} is true: ${reason.why}. ${reason.advice}`,
        fixes: [{ title: `Set ${entry.key} to "false"`, edits: [setValue(model, entry, 'false')], preferred: true }],
      });
    }
  },
};
