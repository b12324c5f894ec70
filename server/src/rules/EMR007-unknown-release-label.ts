import { releaseLabels } from '../catalog';
import { replaceScalar } from '../engine/edits';
import { didYouMean } from '../engine/suggest';
import type { Rule } from './types';

export const unknownReleaseLabel: Rule = {
  id: 'EMR007',
  name: 'unknown-release-label',
  severity: 'warning',
  summary: 'A ReleaseLabel that is not a known EMR release, so release-specific checks are skipped.',
  reads: ['release-label'],
  check({ model, release, report }) {
    const label = model.cluster.releaseLabel;
    if (!label || release || !/^emr-\d+\.\d+\.\d+$/.test(label.value)) return;
    const labels = releaseLabels();
    // A patch release the catalog lacks is best matched by the newest known one of the same line.
    const line = label.value.replace(/\.\d+$/, '.');
    const sameLine = labels.filter((l) => l.startsWith(line));
    const suggestion = sameLine.length > 0 ? sameLine[sameLine.length - 1] : didYouMean(label.value, labels);
    report({
      span: label.span,
      path: label.path,
      message: `"${label.value}" is not a known EMR release (the catalog covers ${labels[0]} to ${labels[labels.length - 1]}); checks that depend on the release are skipped.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceScalar(model, label.span, suggestion)] }] : [],
    });
  },
};
