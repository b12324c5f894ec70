import { classificationNames, classificationInfo } from '../catalog';
import { replaceScalar } from '../engine/edits';
import { allClassifications } from '../engine/model';
import { didYouMean } from '../engine/suggest';
import { jobRunClassification, type JobRunService } from '../catalog/jobRuns';
import type { ConfigModel } from '../engine/model';
import type { Rule } from './types';

/** What happens to a document with a classification nobody knows, in the words of where it is sent. */
function rejection(model: ConfigModel): string {
  if (model.shape.id === 'cloudformation') return 'EMR rejects it and the stack fails';
  if (model.parts.has('job-run-limits')) return 'the request is rejected';
  return 'EMR rejects the request';
}

/** The services a document's job runs or applications are for; both when it does not say. */
function jobRunServices(model: ConfigModel): JobRunService[] {
  if (model.shape.id === 'eks-job-run') return ['eks'];
  if (model.parts.has('serverless')) return ['serverless'];
  return ['eks', 'serverless'];
}

// One list for every analysis, so that the suggestions made for it are kept.
let names: readonly string[] | undefined;

export const unknownClassification: Rule = {
  id: 'EMR003',
  name: 'unknown-classification',
  severity: 'error',
  summary: 'A top-level Classification that EMR does not know, including names with stray spaces or wrong case.',
  reads: ['classifications'],
  check({ model, report }) {
    const services = jobRunServices(model);
    for (const c of allClassifications(model)) {
      if (c.ancestors.length > 0 || c.name === undefined || !c.nameSpan) continue;
      if (classificationInfo(c.name)) continue;
      if ((c.scope.kind === 'job-run' || c.scope.kind === 'application') && jobRunClassification(c.name.trim(), services)) continue;
      const trimmed = c.name.trim();
      if (trimmed !== c.name && classificationInfo(trimmed)) {
        report({
          span: c.nameSpan,
          path: [...c.path, c.names.classification],
          message: `Classification "${c.name}" has ${c.name.startsWith(' ') || c.name.startsWith('\t') ? 'leading' : 'trailing'} white space; EMR compares names exactly and rejects it. Use "${trimmed}".`,
          fixes: [{ title: `Change to "${trimmed}"`, edits: [replaceScalar(model, c.nameSpan, trimmed)], preferred: true }],
        });
        continue;
      }
      const suggestion = didYouMean(trimmed, (names ??= classificationNames()));
      report({
        span: c.nameSpan,
        path: [...c.path, c.names.classification],
        message: `Unknown classification "${c.name}": ${rejection(model)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceScalar(model, c.nameSpan, suggestion)], preferred: true }] : [],
      });
    }
  },
};
