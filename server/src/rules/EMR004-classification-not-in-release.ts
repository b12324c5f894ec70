import { classificationInfo, compareVersions, emrRelease, releaseLabelsNewestFirst, type EmrRelease } from '../catalog';
import { allClassifications } from '../engine/model';
import type { Rule } from './types';

/** The releases next to `release` (by version) that do offer the classification: the last before it, the first after. */
function neighbours(name: string, release: EmrRelease): { before?: string; after?: string } {
  let before: string | undefined;
  let after: string | undefined;
  for (const label of releaseLabelsNewestFirst()) {
    if (!emrRelease(label)?.classifications?.has(name)) continue;
    const order = compareVersions(label, release.label);
    if (order < 0 && before === undefined) before = label;
    if (order > 0) after = label;
  }
  return { before, after };
}

/** The classification that took over a logging one on later releases: spark-log4j -> spark-log4j2, *-log4j -> *-logback. */
function successor(name: string, release: EmrRelease): string | undefined {
  if (!name.endsWith('-log4j')) return undefined;
  return [`${name}2`, name.replace(/-log4j$/, '-logback')].find((n) => release.classifications?.has(n));
}

export const classificationNotInRelease: Rule = {
  id: 'EMR004',
  name: 'classification-not-in-release',
  severity: 'warning',
  summary: 'A known classification that the file\'s EMR release does not offer.',
  reads: ['classifications'],
  check({ model, release, report }) {
    const available = release?.classifications;
    if (!release || !available) return;
    for (const c of allClassifications(model)) {
      if (c.ancestors.length > 0 || c.name === undefined || !c.nameSpan) continue;
      const info = classificationInfo(c.name);
      if (!info || available.has(c.name)) continue;
      const { before, after } = neighbours(c.name, release);
      const where = [before ? `up to ${before}` : '', after ? `from ${after}` : ''].filter((s) => s).join(' and ');
      const listed = where ? ` EMR's release pages list it ${where}.` : '';
      const next = successor(c.name, release);
      const instead = next ? ` ${release.label} configures this through "${next}" instead, which takes the newer logging library's own syntax.` : '';
      report({
        span: c.nameSpan,
        path: [...c.path, c.names.classification],
        message: `Classification "${c.name}" is not offered by ${release.label}${info.application ? ` (${info.application} does not ship it there)` : ''}; EMR rejects the request.${listed}${instead}`,
      });
    }
  },
};
