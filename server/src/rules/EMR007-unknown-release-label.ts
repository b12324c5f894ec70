import { releaseLabels } from '../catalog';
import { replace } from '../engine/edits';
import { didYouMean } from '../engine/suggest';
import type { Rule } from './types';

export const unknownReleaseLabel: Rule = {
  id: 'EMR007',
  name: 'unknown-release-label',
  severity: 'warning',
  summary: 'A ReleaseLabel that is not a known EMR release, so release-specific checks are skipped.',
  formats: ['emr-json'],
  check({ model, release, report }) {
    const label = model.cluster.releaseLabel;
    if (!label || release || !/^emr-\d+\.\d+\.\d+$/.test(label.value)) return;
    const labels = releaseLabels();
    const suggestion = didYouMean(label.value, labels);
    report({
      span: label.span,
      path: ['ReleaseLabel'],
      message: `"${label.value}" is not a known EMR release (the catalog covers ${labels[0]} to ${labels[labels.length - 1]}); checks that depend on the release are skipped.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replace(label.span, JSON.stringify(suggestion))] }] : [],
    });
  },
};
