// Shared by SPK003 and SPK004, which report the two kinds of problem that one check of each value finds.
import { sparkCatalog, type EmrRelease, type SparkOption } from '../catalog';
import { oncePerPair } from '../engine/memo';
import type { ConfigModel, PropertyEntry } from '../engine/model';
import { hasTemplateValue, isTemplateEntry } from '../engine/templates';
import type { Span } from '../engine/text';
import { checkSparkValue, type ValueProblem } from '../engine/valueCheck';
import { liveEntriesOf } from './liveEntries';

export interface SparkValueProblem {
  entry: PropertyEntry;
  valueSpan: Span;
  problem: ValueProblem;
  /** The key whose type the value was checked against (an old name's value is read as its new key's). */
  option: SparkOption;
}

/** The spark-defaults values the release's Spark cannot read for their key's type, in document order (shared: do not modify). */
export const sparkValueProblems: (model: ConfigModel, release: EmrRelease | undefined) => readonly SparkValueProblem[] = oncePerPair(findProblems);

function findProblems(model: ConfigModel, release: EmrRelease | undefined): SparkValueProblem[] {
  const catalog = sparkCatalog(release);
  const problems: SparkValueProblem[] = [];
  for (const { entry } of liveEntriesOf(model, 'spark-defaults')) {
    const valueSpan = entry.valueSpan;
    if (entry.valueKind !== 'string' || !valueSpan || hasTemplateValue(entry) || isTemplateEntry(model, entry)) continue;
    let option = catalog.option(entry.key);
    if (!option) {
      // An old name Spark forwards is parsed as the key it forwards to (unless Spark converts it on the way).
      const deprecation = catalog.deprecation(entry.key);
      if (deprecation?.read === 'forwarded' && !deprecation.translated) option = catalog.option(deprecation.target!);
    }
    if (!option) continue;
    const problem = checkSparkValue(option, entry.value);
    if (problem) problems.push({ entry, valueSpan, problem, option });
  }
  return problems;
}
