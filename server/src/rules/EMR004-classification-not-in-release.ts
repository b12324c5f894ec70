import { classificationInfo } from '../catalog';
import { allClassifications } from '../engine/model';
import type { Rule } from './types';

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
      const seen = info.firstSeen && info.lastSeen ? ` It is listed from ${info.firstSeen} to ${info.lastSeen}.` : '';
      report({
        span: c.nameSpan,
        path: [...c.path, c.names.classification],
        message: `Classification "${c.name}" is not offered by ${release.label}${info.application ? ` (${info.application} does not ship it there)` : ''}; EMR rejects the request.${seen}`,
      });
    }
  },
};
