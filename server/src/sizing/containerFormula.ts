// How Spark on YARN turns its settings into a container request, per Spark version (YarnAllocator / Client and
// ResourceProfile in Apache Spark's source):
//   2.4      heap + max(384 MiB, 10 % of heap) (+ PySpark memory for Python applications); the 10 % is a constant
//   3.0-3.2  the same + off-heap memory when spark.memory.offHeap.enabled
//   3.3+     the 10 % becomes spark.{executor,driver}.memoryOverheadFactor
//   4.0+     the 384 MiB becomes spark.{executor,driver}.minMemoryOverhead
// A client-mode application master asks for spark.yarn.am.memory + max(384 MiB, 10 %), the 10 % fixed in every version.
import { compareVersions, type EmrRelease } from '../catalog';

export type FormulaEra = '2.4' | '3.0' | '3.3' | '4.0';

export interface ContainerFormula {
  era: FormulaEra;
  /** The Spark version it was chosen for; undefined when no release is known. */
  sparkVersion?: string;
  /** Off-heap memory is part of the request. */
  countsOffHeap: boolean;
  /** spark.*.memoryOverheadFactor is read (else the factor is a fixed 0.10). */
  readsFactor: boolean;
  /** spark.*.minMemoryOverhead is read (else the floor is a fixed 384 MiB). */
  readsMinimum: boolean;
}

/** Spark's floor for memory overhead (MEMORY_OVERHEAD_MIN_MIB). */
export const OVERHEAD_MINIMUM_MIB = 384;
export const OVERHEAD_FACTOR = 0.1;

function eraOf(version: string): FormulaEra {
  if (compareVersions(version, '3.0.0') < 0) return '2.4';
  if (compareVersions(version, '3.3.0') < 0) return '3.0';
  if (compareVersions(version, '4.0.0') < 0) return '3.3';
  return '4.0';
}

/** The formula of the release's Spark; without a release, the one of Spark 3.3 to 3.5 (EMR 6.8 and later). */
export function containerFormula(release: EmrRelease | undefined): ContainerFormula {
  const sparkVersion = release?.spark;
  const era = sparkVersion ? eraOf(sparkVersion) : '3.3';
  return { era, sparkVersion, countsOffHeap: era !== '2.4', readsFactor: era === '3.3' || era === '4.0', readsMinimum: era === '4.0' };
}

/** One line: which formula, for which Spark. */
export function describeFormula(formula: ContainerFormula, release: EmrRelease | undefined): string {
  const factor = formula.readsFactor ? 'spark.executor.memoryOverheadFactor (0.1) x heap' : '10 % of heap';
  const floor = formula.readsMinimum ? 'spark.executor.minMemoryOverhead (384 MiB)' : '384 MiB';
  const parts = [`heap + max(${floor}, ${factor})`];
  if (formula.countsOffHeap) parts.push('off-heap when enabled');
  const spark = release ? `${release.label} runs Spark ${formula.sparkVersion ?? '?'}` : 'no release given: Spark 3.3-3.5 assumed';
  return `${spark}; container = ${parts.join(' + ')}`;
}
