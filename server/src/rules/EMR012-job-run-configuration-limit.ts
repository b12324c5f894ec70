import { allClassifications } from '../engine/model';
import type { Rule } from './types';

// The limits of the EMR on EKS (emr-containers) and EMR Serverless APIs on a Configuration object, from their API
// references: at most 100 properties and 100 nested configurations; classification, keys and values at most 1,024
// characters; EMR on EKS also refuses empty values. CloudFormation's AWS::EMRServerless::Application restricts keys
// to letters first, then letters, digits, '-', '_' and '.'.
const MAX_PROPERTIES = 100;
const MAX_NESTED = 100;
const MAX_LENGTH = 1024;
// One letter, then the class (which holds the letters): `[a-zA-Z]+[...]*` read the same but was quadratic in letters.
export const CLOUDFORMATION_KEY = /^[a-zA-Z][-a-zA-Z0-9_.]*$/;

export const jobRunConfigurationLimit: Rule = {
  id: 'EMR012',
  name: 'job-run-configuration-limit',
  severity: 'error',
  summary: 'A configuration of an EMR on EKS or EMR Serverless request over the API limits: more than 100 properties or nested configurations, keys or values over 1,024 characters.',
  reads: ['job-run-limits', 'classifications'],
  check({ model, report }) {
    const api = model.shape.id === 'eks-job-run' ? 'the EMR on EKS API' : model.shape.id === 'cloudformation' ? 'CloudFormation' : 'the EMR Serverless API';
    for (const c of allClassifications(model)) {
      if (c.scope.kind !== 'job-run' && c.scope.kind !== 'application') continue;
      const where = `"${c.name ?? 'this configuration'}"`;
      if (c.properties.length > MAX_PROPERTIES) {
        report({ span: c.propertiesKeySpan ?? c.span, path: [...c.path, c.names.properties], message: `${where} has ${c.properties.length} properties; ${api} accepts at most ${MAX_PROPERTIES} per configuration and rejects the request. Split them across the application's runtime configuration and the job's overrides, or drop the defaults.` });
      }
      if (c.children.length > MAX_NESTED) {
        report({ span: c.childrenSpan ?? c.span, path: [...c.path, c.names.configurations], message: `${where} has ${c.children.length} nested configurations; ${api} accepts at most ${MAX_NESTED} and rejects the request.` });
      }
      if (c.name && c.nameSpan && c.name.length > MAX_LENGTH) {
        report({ span: c.nameSpan, path: [...c.path, c.names.classification], message: `The classification name is ${c.name.length} characters long; ${api} accepts at most ${MAX_LENGTH}.` });
      }
      for (const entry of c.properties) {
        if (entry.key.length > MAX_LENGTH) {
          report({ span: entry.keySpan, path: entry.path, message: `This key is ${entry.key.length} characters long; ${api} accepts keys of at most ${MAX_LENGTH} characters and rejects the request.` });
        } else if (model.shape.id === 'cloudformation' && !CLOUDFORMATION_KEY.test(entry.key)) {
          report({ span: entry.keySpan, path: entry.path, message: `CloudFormation accepts AWS::EMRServerless::Application property keys that start with a letter and hold only letters, digits, "-", "_" and "."; "${entry.key}" does not, so the stack fails.` });
        }
        if (entry.valueKind !== 'string' || !entry.valueSpan) continue;
        if (entry.value.length > MAX_LENGTH) {
          report({ span: entry.valueSpan, path: entry.path, message: `The value of "${entry.key}" is ${entry.value.length} characters long; ${api} accepts values of at most ${MAX_LENGTH} characters and rejects the request.` });
        } else if (entry.value === '' && model.shape.id === 'eks-job-run') {
          report({ span: entry.valueSpan, path: entry.path, message: `The value of "${entry.key}" is empty; the EMR on EKS API requires 1 to ${MAX_LENGTH} characters and rejects the request. Remove the key or give it a value.` });
        }
      }
    }
  },
};
