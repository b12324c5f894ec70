// Shared by SPK003 and SPK004, which report the two kinds of problem that one check of each value finds.
import { sparkCatalog, type EmrRelease, type SparkOption } from '../catalog';
import { oncePerPair } from '../engine/memo';
import type { PropertyEntry } from '../engine/model';
import { hasTemplateValue } from '../engine/templates';
import type { Span } from '../engine/text';
import { checkSparkValue, type ValueProblem } from '../engine/valueCheck';
import { isLiveSparkDefault } from './entryRule';
import type { EntryPlace } from './types';

export interface SparkValueProblem {
  valueSpan: Span;
  problem: ValueProblem;
  /** The key whose type the value was checked against (an old name's value is read as its new key's). */
  option: SparkOption;
}

/** What the release's Spark cannot read in a spark-defaults value for its key's type (shared: do not modify). */
export function sparkValueProblem(entry: PropertyEntry, place: EntryPlace, release: EmrRelease | undefined): SparkValueProblem | undefined {
  if (!isLiveSparkDefault(place) || place.template) return undefined;
  return problemOf(entry, release);
}

const problemOf = oncePerPair((entry: PropertyEntry, release: EmrRelease | undefined): SparkValueProblem | undefined => {
  const valueSpan = entry.valueSpan;
  if (entry.valueKind !== 'string' || !valueSpan || hasTemplateValue(entry)) return undefined;
  const catalog = sparkCatalog(release);
  let option = catalog.option(entry.key);
  if (!option) {
    // An old name Spark forwards is parsed as the key it forwards to (unless Spark converts it on the way).
    const deprecation = catalog.deprecation(entry.key);
    if (deprecation?.read === 'forwarded' && !deprecation.translated) option = catalog.option(deprecation.target!);
  }
  if (!option) return undefined;
  const problem = checkSparkValue(option, entry.value);
  return problem ? { valueSpan, problem, option } : undefined;
});
