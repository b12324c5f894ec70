import { replaceInsideScalar } from '../engine/edits';
import type { Fix } from '../engine/findings';
import { didYouMean } from '../engine/suggest';
import { SUBMIT_OPTIONS } from '../formats/shapes/submit';
import type { Rule } from './types';

const KNOWN = [...SUBMIT_OPTIONS.keys(), '--help', '--supervise', '--usage-error', '--verbose', '--version', '--load-spark-defaults'];

export const invalidSubmitArgument: Rule = {
  id: 'SUB001',
  name: 'invalid-submit-argument',
  severity: 'error',
  summary: 'spark-submit arguments that spark-submit refuses: an unknown option, an option without its value, a --conf without "=".',
  reads: ['submit-arguments'],
  check({ model, report }) {
    for (const submission of model.submissions) {
      for (const option of submission.options) {
        if (option.unknown) {
          const suggestion = didYouMean(option.name, KNOWN);
          const host = option.argument.host ?? option.argument.tokens[0];
          const fixes: Fix[] = suggestion ? [{ title: `Change to ${suggestion}`, edits: [replaceInsideScalar(model, host, option.nameSpan, suggestion)], preferred: true }] : [];
          report({
            span: option.nameSpan,
            path: submission.path,
            message: `spark-submit does not know the option "${option.name}" in ${submission.label} and stops with "Unrecognized option" before the application starts.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
            fixes,
          });
          continue;
        }
        if (!SUBMIT_OPTIONS.has(option.name === '-c' ? '--conf' : option.name)) continue;
        if (option.value === undefined) {
          report({ span: option.nameSpan, path: submission.path, message: `"${option.name}" in ${submission.label} has no value after it: spark-submit stops with "Missing argument for option".` });
          continue;
        }
        if ((option.name === '--conf' || option.name === '-c') && option.value.indexOf('=') <= 0) {
          report({
            span: option.valueSpan ?? option.nameSpan,
            path: submission.path,
            message: `--conf takes key=value, but "${option.value}" in ${submission.label} has no "=" after a key: spark-submit refuses it ("Spark config without '='").`,
          });
        }
      }
    }
  },
};

