import type { EmrRelease } from '../catalog';
import type { ConfigModel } from '../engine/model';
import { formatMiB } from '../engine/units';
import { resolveCluster, type ClusterOverride } from './cluster';
import { containerFormula, describeFormula } from './containerFormula';
import { containerSizes, evaluate, type ContainerSizes } from './evaluate';
import { guidePlan, yarnPlan } from './plan';
import type { ClusterShape, Plan, SizingReport } from './report';
import { describeOrigin, submissionSettings, type SettingsLayer, type SubmissionSettings } from './submission';

export type { ClusterOverride };

export interface SizingInputs {
  release?: EmrRelease;
  cluster?: ClusterOverride;
  /** Settings layered on top of the document's spark-defaults (a spark-submit step's arguments). */
  layers?: readonly SettingsLayer[];
}

/** Plans (both methods) and the evaluation of the settings that govern a submission, for the cluster the document describes or is given. */
/** Shapes whose executors run in pods or workers, not in YARN containers on EC2 nodes. */
const NOT_YARN: ReadonlySet<string> = new Set(['eks-job-run', 'serverless-job-run', 'serverless-application']);

export function computeSizing(model: ConfigModel, inputs: SizingInputs): SizingReport {
  const governing = submissionSettings(model, inputs.release, inputs.layers);
  const settings = governing.entries;
  if (NOT_YARN.has(model.shape.id)) {
    return { unavailable: `${model.shape.label} runs its executors in pods or workers, not in YARN containers, so YARN sizing does not apply`, unknownTypes: [], settings, governing, assumptions: [] };
  }
  const resolved = resolveCluster(model, inputs.release, inputs.cluster, governing);
  if (!resolved.shape) {
    const containers = containerSizes(governing, containerFormula(inputs.release), inputs.cluster?.application);
    return { unavailable: resolved.unavailable, unknownTypes: resolved.unknownTypes, settings, governing, containers, assumptions: [] };
  }
  const shape = resolved.shape;
  const containers = containerSizes(governing, shape.formula, shape.application, shape.nodes[0].minAllocationMiB);
  const withheld = withheldBecause(shape, governing, containers);
  // The plans and the assumptions are for hovers, the Recompute fix and the sizing views; most keystrokes' rules never
  // read them, so they are worked out when first read (a third of the sizing's time on a small cluster request).
  let plan: Plan | undefined;
  let guide: Plan | undefined;
  let assumed: string[] | undefined;
  return {
    containers,
    cluster: shape,
    get plan() {
      return (plan ??= yarnPlan(shape));
    },
    get guide() {
      return (guide ??= guidePlan(shape));
    },
    evaluation: withheld ? undefined : evaluate(shape, governing, containers),
    withheld,
    settings,
    governing,
    get assumptions() {
      return (assumed ??= assumptions(shape, governing));
    },
    unknownTypes: resolved.unknownTypes,
  };
}

/** Why no capacity is claimed: the executor's size is EMR's own, which AWS does not publish. */
function withheldBecause(shape: ClusterShape, governing: SubmissionSettings, containers: ContainerSizes): string | undefined {
  if (containers.executor.memoryKnown) return undefined;
  const types = [...new Set(shape.nodes.map((n) => n.instanceType))].join(' and ');
  if (governing.get('spark.executor.memory').origin === 'maximize-resource-allocation') {
    const core = [...new Set(shape.nodes.filter((n) => n.role === 'CORE').map((n) => n.instanceType))].join(' or ') || types;
    return `maximizeResourceAllocation is on: EMR computes the executor size from the core nodes' ${core} and publishes no formula (its best-practice guide describes one executor per node using all its cores), so no capacity is claimed`;
  }
  return `spark.executor.memory is not set: EMR writes its own value for ${types} into spark-defaults, and AWS does not publish it, so no capacity is claimed; set spark.executor.memory and spark.executor.cores to size the executors`;
}

/** What the sizing assumed, one line each: deploy mode, release and formula, whose settings and defaults, rounding, scheduler. */
export function assumptions(shape: ClusterShape, governing?: SubmissionSettings): string[] {
  const lines: string[] = [];
  const modeWhy =
    shape.deployModeSource === 'settings'
      ? `from spark.submit.deployMode (${describeOrigin(governing!.get('spark.submit.deployMode'), governing!.layers)})`
      : shape.deployModeSource === 'option'
        ? 'as given'
        : "spark-submit's default, as spark.submit.deployMode is not set";
  lines.push(
    `deploy mode: ${shape.deployMode}, ${modeWhy}: ${shape.deployMode === 'cluster' ? 'the driver runs in a YARN container on a core or task node' : 'the driver runs on the primary node, a small application master on a core or task node'}`,
  );
  const python = shape.application === 'python' ? 'a Python application (spark.executor.pyspark.memory counted)' : 'a JVM application assumed (spark.executor.pyspark.memory would count only for Python)';
  lines.push(`release: ${describeFormula(shape.formula, shape.release)}; ${python}`);
  if (governing) {
    const layers = governing.layers.map((l) => l.label);
    const read = layers.length === 0 ? 'nothing in the document sets spark-defaults' : `spark-defaults from ${layers.join(', then ')}${layers.length > 1 ? ' on top' : ''}`;
    lines.push(
      `settings: ${read}, as spark-submit on the primary node reads them; keys left unset take EMR's values ` +
        `(executor memory and cores from the instance types, not published; dynamic allocation on), Spark's defaults only where EMR writes nothing`,
    );
  } else {
    lines.push("settings: the plan sets every sizing key itself, so neither EMR's nor Spark's defaults size its containers");
  }
  if (governing?.maximizeResourceAllocation) lines.push(`maximizeResourceAllocation: ${describeMaximize(shape)}`);
  lines.push(`rounding: ${describeRounding(shape)}`);
  if (shape.resourceCalculator === 'dominant') {
    const vcores = shape.nodes.map((n) => `${n.instanceType} ${n.yarnVcores} (${n.vcoresSource === 'yarn-site' ? 'yarn-site' : n.vcoresSource === 'observed' ? 'seen on EMR, not published' : 'its vCPUs: EMR does not publish vcores'})`);
    lines.push(`scheduler: DominantResourceCalculator (capacity-scheduler): vcores count as well as memory, and GPUs when requested; vcores per node: ${[...new Set(vcores)].join(', ')}`);
  } else {
    lines.push("scheduler: memory only (Hadoop's DefaultResourceCalculator; capacity-scheduler does not change it): vcores and GPUs do not limit packing");
  }
  const fleets = shape.nodes.filter((n) => n.fleet);
  if (fleets.length > 0) lines.push('fleets: each instance type judged as if the fleet launched only it (ceil(target / weight) nodes); the worst case is reported');
  return lines;
}

/** What EMR computes with maximizeResourceAllocation (Release Guide), with what can be figured from it. */
function describeMaximize(shape: ClusterShape): string {
  const core = shape.nodes.filter((n) => n.role === 'CORE');
  const basis = core.length > 0 ? core : shape.nodes;
  const types = [...new Set(basis.map((n) => n.instanceType))].join(' or ');
  const vcores = basis.filter((n) => !n.fleet || n === basis.find((b) => b.fleet === n.fleet)).reduce((sum, n) => sum + n.yarnVcores * n.nodes, 0);
  const counted = basis.every((n) => n.vcoresSource === 'yarn-site') ? '' : ' with the vcores assumed here; EMR does not publish them';
  const driver = shape.primary ? `the smaller of the primary ${shape.primary.instanceType} and the core ${types}` : `the smaller of the primary and the core ${types}`;
  return (
    `EMR writes executor memory and cores from ${types} (no formula published), the driver's memory from ${driver}, ` +
    `spark.default.parallelism = 2 x the YARN vcores of the core nodes (2 x ${vcores} = ${2 * vcores}${counted}), and spark.executor.instances unless dynamic allocation is turned on explicitly`
  );
}

function describeRounding(shape: ClusterShape): string {
  // One phrase per kind of step, naming the instance types it applies to.
  const byStep = new Map<string, { types: string[]; node: ClusterShape['nodes'][number] }>();
  for (const n of shape.nodes) {
    const key = `${n.roundingSource}:${n.minAllocationMiB}:${n.planStepMiB}`;
    const found = byStep.get(key);
    if (found) {
      if (!found.types.includes(n.instanceType)) found.types.push(n.instanceType);
    } else byStep.set(key, { types: [n.instanceType], node: n });
  }
  const parts = [...byStep.values()].map(({ types, node: n }) => {
    const on = types.join(', ');
    switch (n.roundingSource) {
      case 'yarn-site':
        return `${formatMiB(n.minAllocationMiB)} steps (yarn.scheduler.minimum-allocation-mb in yarn-site)`;
      case 'option':
        return `${formatMiB(n.minAllocationMiB)} steps (as given)`;
      case 'archived-2022':
        return `${on}: ${formatMiB(n.minAllocationMiB)} steps (AWS's 2022 table, which covered ${shape.release?.label})`;
      case 'between':
        return (
          `${on}: ${formatMiB(n.minAllocationMiB)} steps in AWS's current table, ${formatMiB(n.planStepMiB)} in its 2022 table; ` +
          `${shape.release ? `${shape.release.label} came after the 2022 table, and AWS does not say when the step changed` : 'no release given'}, so findings use ${formatMiB(n.minAllocationMiB)} and plans ${formatMiB(n.planStepMiB)} steps`
        );
      default:
        return `${on}: ${formatMiB(n.minAllocationMiB)} steps (AWS's current table)`;
    }
  });
  return `YARN rounds each request up to yarn.scheduler.minimum-allocation-mb: ${parts.join('; ')}`;
}
