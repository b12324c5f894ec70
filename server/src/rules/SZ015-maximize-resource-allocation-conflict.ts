import { instanceType } from '../catalog';
import { setValue } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { groupDigits } from '../engine/units';
import { settingsOf, withRecompute } from './sizingSupport';
import type { Rule } from './types';

const HAND_SIZED = ['spark.executor.memory', 'spark.executor.cores', 'spark.executor.instances', 'spark.driver.memory', 'spark.default.parallelism'];

/** EMR's YARN memory for a type, with or without HBase. */
function yarnMemory(typeName: string, hbase: boolean): number | undefined {
  const type = instanceType(typeName);
  return hbase && type?.yarnWithHBase && type.yarnWithHBase.nodemanagerMemoryMiB > 0 ? type.yarnWithHBase.nodemanagerMemoryMiB : type?.yarn?.nodemanagerMemoryMiB;
}

export const maximizeResourceAllocationConflict: Rule = {
  id: 'SZ015',
  name: 'maximize-resource-allocation-conflict',
  severity: 'warning',
  summary: "EMR's maximizeResourceAllocation is on where it does not work as meant: beside hand-set executor sizes, with instance fleets, HBase, or task nodes of a smaller type.",
  reads: ['classifications'],
  check(context) {
    const s = settingsOf(context);
    const entry = s?.governing.maximizeEntry;
    if (!s || !entry?.valueSpan) return;
    const { model } = context;
    const turnOff: Fix = { title: 'Set maximizeResourceAllocation to false', edits: [setValue(model, entry, 'false')], preferred: true };
    const report = (message: string, related: { span: typeof entry.keySpan; message: string }[] = []) =>
      context.report({ span: entry.valueSpan!, path: entry.path, message, related, fixes: withRecompute(context, s.report, [turnOff]) });

    const handSet = HAND_SIZED.map((k) => s.settings.get(k)).filter((e) => e !== undefined);
    if (handSet.length > 0) {
      report(
        `maximizeResourceAllocation is true, and spark-defaults also sets ${handSet.map((e) => e.key).join(', ')}: EMR computes its own values for the same keys, ` +
          `so which numbers run depends on the order EMR applies them. Choose one: turn it off and keep your sizes, or remove the hand-set ones.`,
        handSet.map((e) => ({ span: e.keySpan, message: `${e.key} is set by hand here.` })),
      );
    }
    // The pitfalls AWS documents for maximizeResourceAllocation (Release Guide, "Using maximizeResourceAllocation").
    const workers = model.cluster.groups.filter((g) => g.role === 'CORE' || g.role === 'TASK');
    // Only a fleet that may launch more than one instance type can get executors sized for a type it did not launch;
    // with one type the computed size fits every node, and AWS's general advice alone is not a problem to report.
    const fleetTypes = [...new Set(workers.filter((g) => g.kind === 'fleet').flatMap((g) => g.types.map((t) => t.instanceType)))];
    if (fleetTypes.length > 1) {
      report(
        `maximizeResourceAllocation is true on a cluster of instance fleets: EMR sizes the executors from one instance type of the core fleet, and the fleets may launch others ` +
          `(here ${fleetTypes.join(', ')}), so the computed size may not fit every node. AWS advises configuring the executors explicitly with fleets.`,
      );
    }
    const hbase = model.cluster.applications.some((a) => a.toLowerCase() === 'hbase');
    if (hbase) {
      const core = workers.find((g) => g.role === 'CORE')?.types[0]?.instanceType;
      const withHBase = core ? yarnMemory(core, true) : undefined;
      const without = core ? yarnMemory(core, false) : undefined;
      const shrink = core && withHBase && without && withHBase < without ? ` (on ${core}, ${groupDigits(withHBase)} MiB for YARN instead of ${groupDigits(without)} MiB)` : '';
      report(
        `maximizeResourceAllocation is true on a cluster with HBase: EMR's YARN settings for HBase${shrink} can conflict with the size it computes, and Spark applications can fail. ` +
          'AWS advises against the setting on clusters that run other distributed applications such as HBase.',
      );
    }
    const core = workers.find((g) => g.role === 'CORE' && g.kind !== 'fleet');
    const coreType = core?.types[0]?.instanceType;
    const coreMemory = coreType ? yarnMemory(coreType, hbase) : undefined;
    if (coreType && coreMemory !== undefined) {
      for (const task of workers.filter((g) => g.role === 'TASK' && g.kind !== 'fleet')) {
        const taskType = task.types[0]?.instanceType;
        const taskMemory = taskType ? yarnMemory(taskType, hbase) : undefined;
        if (!taskType || taskMemory === undefined || taskMemory >= coreMemory) continue;
        report(
          `maximizeResourceAllocation is true, and the task group runs ${taskType} (${groupDigits(taskMemory)} MiB for YARN) beside core nodes of ${coreType} (${groupDigits(coreMemory)} MiB): ` +
            `EMR computes the executor size from the core group only, so executors sized for ${coreType} may not fit on the task nodes at all. Size the executors explicitly for the smaller type.`,
          task.types[0] ? [{ span: task.types[0].span, message: `Task nodes of ${taskType}.` }] : [],
        );
      }
    }
  },
};
