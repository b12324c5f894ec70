import type { ClusterDescription, ConfigurationScope, ModelPart, SchemaTarget, ShapeId, Submission } from '../../engine/model';
import { firstMember, itemsOf, member, memberKey, propertiesOf, stringOf, type TreeNode } from '../tree';
import { ShapeBuilder } from './builder';
import { isConfigurationObject, NAMES } from './configurations';
import type { ShapeContext } from './context';
import { readInstanceFleet, readInstanceGroup, readInstances, readInstanceGroups } from './instances';

// An EMR shape is a map of where, in a JSON or YAML tree, configurations, the cluster and spark-submit arguments
// live. Each shape below is such a map; the syntax that produced the tree does not matter here.

export interface ShapeResult {
  shape: { id: ShapeId; label: string };
  parts: Set<ModelPart>;
  recognized: boolean;
  unrecognized?: string;
  scopes: ConfigurationScope[];
  cluster: ClusterDescription;
  submissions: Submission[];
  schemaTargets: SchemaTarget[];
}

const BASE_PARTS: readonly ModelPart[] = ['syntax', 'schema', 'classifications', 'properties'];

function result(builder: ShapeBuilder, id: ShapeId, label: string, extra: readonly ModelPart[]): ShapeResult {
  const parts = new Set<ModelPart>([...BASE_PARTS, ...extra]);
  if (builder.cluster.releaseLabel) parts.add('release-label');
  if (builder.cluster.groups.length > 0) parts.add('cluster');
  if (builder.submissions.length > 0) parts.add('submit-arguments');
  return { shape: { id, label }, parts, recognized: true, scopes: builder.scopes, cluster: builder.cluster, submissions: builder.submissions, schemaTargets: builder.schemaTargets };
}

function unrecognized(why: string): ShapeResult {
  return {
    shape: { id: 'configurations', label: 'not an EMR configuration' },
    parts: new Set(['syntax']),
    recognized: false,
    unrecognized: why,
    scopes: [],
    cluster: { applications: [], groups: [], notLiteral: [], serverlessWorkers: [] },
    submissions: [],
    schemaTargets: [],
  };
}

/** Marks a node as not literal data (see TreeNode.opaque); the syntax layer built it, the shape knows what it means. */
function markOpaque(node: TreeNode, what: string): void {
  (node as { opaque?: string }).opaque = what;
}

// ---- Configurations arrays and single configuration objects (console, CLI --configurations) ----

function readConfigurationsDocument(root: TreeNode, context: ShapeContext): ShapeResult {
  const builder = new ShapeBuilder(context);
  const single = root.type === 'object';
  const scope = builder.configurations('bare', root, [], 'either');
  // Cut out of a CloudFormation template: CloudFormation turns numbers and booleans into strings.
  const cloudFormation = scope?.names === NAMES.cloudFormation;
  const label = single ? 'a configuration object' : cloudFormation ? 'a CloudFormation Configurations list' : 'a Configurations array';
  return result(builder, single ? 'configuration' : 'configurations', label, cloudFormation ? [] : ['string-values']);
}

// ---- RunJobFlow cluster requests (create-cluster --cli-input-json, boto3 run_job_flow) ----

function readClusterRequest(builder: ShapeBuilder, request: TreeNode, path: (string | number)[]): void {
  builder.releaseLabel(member(request, 'ReleaseLabel'), [...path, 'ReleaseLabel']);
  builder.applications(member(request, 'Applications'));
  builder.configurations('cluster', member(request, 'Configurations'), [...path, 'Configurations'], NAMES.api, { validate: false });
  const topGroups = member(request, 'InstanceGroups');
  if (topGroups) readInstanceGroups(builder, topGroups, [...path, 'InstanceGroups']);
  readInstances(builder, member(request, 'Instances'), [...path, 'Instances']);
  builder.steps(member(request, 'Steps'), [...path, 'Steps']);
}

function readRunJobFlow(root: TreeNode, context: ShapeContext): ShapeResult {
  const builder = new ShapeBuilder(context);
  readClusterRequest(builder, root, []);
  builder.validate('cluster-request', root, []);
  return result(builder, 'cluster-request', 'a cluster request (RunJobFlow)', ['string-values']);
}

// ---- Step Functions: elasticmapreduce:createCluster / addStep task states ----

const EMR_TASK = /^arn:aws[a-z-]*:states:::elasticmapreduce:(createCluster|addStep)(\.sync)?$/;

function isEmrTask(state: TreeNode | undefined): boolean {
  return EMR_TASK.test(stringOf(member(state, 'Resource')) ?? '');
}

/** Step Functions marks a parameter whose value is a path with a `.$` suffix: its value is not data. */
function markPathParameters(node: TreeNode): void {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const child of current.children ?? []) {
      if (current.type === 'object') {
        const key = child.children?.[0]?.value;
        const value = child.children?.[1];
        if (typeof key === 'string' && key.endsWith('.$') && value) markOpaque(value, 'a Step Functions path');
        else if (value) stack.push(value);
      } else stack.push(child);
    }
  }
}

function readStepFunctions(root: TreeNode, context: ShapeContext): ShapeResult {
  const builder = new ShapeBuilder(context);
  builder.stepFunctionsPaths = true;
  builder.markedOpaque = true;
  const states = member(root, 'States');
  const tasks: { state: TreeNode; path: (string | number)[] }[] = states ? propertiesOf(states).map((p) => ({ state: p.children?.[1] as TreeNode, path: ['States', p.children?.[0]?.value as string] })) : [{ state: root, path: [] }];
  for (const { state, path } of tasks) {
    if (!state || !isEmrTask(state)) continue;
    const parameters = member(state, 'Parameters');
    if (!parameters || parameters.type !== 'object') continue;
    markPathParameters(parameters);
    const parametersPath = [...path, 'Parameters'];
    if (/:createCluster/.test(stringOf(member(state, 'Resource'))!)) {
      readClusterRequest(builder, parameters, parametersPath);
      builder.validate('cluster-request', parameters, parametersPath);
    } else builder.step(member(parameters, 'Step'), [...parametersPath, 'Step']);
  }
  return result(builder, 'step-functions', 'a Step Functions state machine', ['string-values']);
}

// ---- CloudFormation: AWS::EMR::* and AWS::EMRServerless::Application resources ----

/** `{"Ref": ...}`, `{"Fn::Sub": ...}` and the other intrinsic functions: their value is resolved at deploy time. */
function markIntrinsics(node: TreeNode): void {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.opaque) continue;
    if (current.type === 'object' && current.children?.length === 1) {
      const key = current.children[0].children?.[0]?.value;
      if (typeof key === 'string' && (key === 'Ref' || key.startsWith('Fn::'))) {
        markOpaque(current, key);
        continue;
      }
    }
    for (const child of current.children ?? []) stack.push(current.type === 'object' ? (child.children?.[1] ?? child) : child);
  }
}

const CLOUDFORMATION_TYPES = ['AWS::EMR::Cluster', 'AWS::EMR::InstanceGroupConfig', 'AWS::EMR::InstanceFleetConfig', 'AWS::EMR::Step', 'AWS::EMRServerless::Application'];

function readCloudFormation(root: TreeNode, context: ShapeContext): ShapeResult {
  const builder = new ShapeBuilder(context);
  builder.groupStyle = NAMES.cloudFormation;
  builder.cloudFormation = true;
  builder.validateGroupConfigurations = true;
  builder.markedOpaque = true;
  markIntrinsics(root);
  let found = 0;
  let serverless = false;
  for (const resource of propertiesOf(member(root, 'Resources'))) {
    const name = resource.children?.[0]?.value as string;
    const body = resource.children?.[1];
    const type = stringOf(member(body, 'Type'));
    const properties = member(body, 'Properties');
    if (!type || !CLOUDFORMATION_TYPES.includes(type) || !properties || properties.type !== 'object') continue;
    found++;
    const path = ['Resources', name, 'Properties'];
    switch (type) {
      case 'AWS::EMR::Cluster':
        builder.releaseLabel(member(properties, 'ReleaseLabel'), [...path, 'ReleaseLabel']);
        builder.applications(member(properties, 'Applications'));
        builder.configurations('cluster', member(properties, 'Configurations'), [...path, 'Configurations'], NAMES.cloudFormation);
        readInstances(builder, member(properties, 'Instances'), [...path, 'Instances']);
        builder.steps(member(properties, 'Steps'), [...path, 'Steps']);
        break;
      case 'AWS::EMR::InstanceGroupConfig':
        readInstanceGroup(builder, properties, path);
        break;
      case 'AWS::EMR::InstanceFleetConfig':
        readInstanceFleet(builder, properties, path);
        break;
      case 'AWS::EMR::Step':
        builder.step(properties, path);
        break;
      case 'AWS::EMRServerless::Application':
        serverless = true;
        builder.releaseLabel(member(properties, 'ReleaseLabel'), [...path, 'ReleaseLabel']);
        builder.configurations('application', member(properties, 'RuntimeConfiguration'), [...path, 'RuntimeConfiguration'], NAMES.api);
        builder.serverlessCapacity(member(properties, 'InitialCapacity'), member(properties, 'MaximumCapacity'), path, true);
        break;
    }
  }
  if (found === 0) return unrecognized('a CloudFormation template without AWS::EMR or AWS::EMRServerless::Application resources');
  return result(builder, 'cloudformation', 'a CloudFormation template', serverless ? ['job-run-limits', 'serverless'] : []);
}

// ---- EMR on EKS and EMR Serverless: StartJobRun requests, configuration overrides, CreateApplication ----

function readJobRun(root: TreeNode, context: ShapeContext): ShapeResult {
  const builder = new ShapeBuilder(context);
  const overrides = member(root, 'configurationOverrides') ?? root;
  builder.releaseLabel(member(root, 'releaseLabel'), ['releaseLabel']);
  builder.configurations('job-run', member(overrides, 'applicationConfiguration'), member(root, 'configurationOverrides') ? ['configurationOverrides', 'applicationConfiguration'] : ['applicationConfiguration'], NAMES.lowercase);
  const driver = member(root, 'jobDriver');
  const eks = firstMember(driver, ['sparkSubmitJobDriver']);
  const serverless = firstMember(driver, ['sparkSubmit']);
  const submit = eks ?? serverless;
  if (submit) builder.submitParameters(member(submit.node, 'sparkSubmitParameters'), ['jobDriver', submit.name, 'sparkSubmitParameters']);
  const isEks = eks !== undefined || memberKey(root, 'virtualClusterId') !== undefined;
  const isServerless = serverless !== undefined || memberKey(root, 'applicationId') !== undefined;
  if (isEks && !isServerless) return result(builder, 'eks-job-run', 'an EMR on EKS job run', ['string-values', 'job-run-limits']);
  if (isServerless && !isEks) return result(builder, 'serverless-job-run', 'an EMR Serverless job run', ['string-values', 'job-run-limits', 'serverless']);
  return result(builder, 'serverless-job-run', 'job run configuration overrides (EMR on EKS or EMR Serverless)', ['string-values', 'job-run-limits']);
}

function readServerlessApplication(root: TreeNode, context: ShapeContext): ShapeResult {
  const builder = new ShapeBuilder(context);
  builder.releaseLabel(member(root, 'releaseLabel'), ['releaseLabel']);
  builder.configurations('application', member(root, 'runtimeConfiguration'), ['runtimeConfiguration'], NAMES.lowercase);
  builder.serverlessCapacity(member(root, 'initialCapacity'), member(root, 'maximumCapacity'), [], false);
  return result(builder, 'serverless-application', 'an EMR Serverless application', ['string-values', 'job-run-limits', 'serverless']);
}

// ---- Detection ----

function isCloudFormation(root: TreeNode): boolean {
  if (memberKey(root, 'AWSTemplateFormatVersion')) return true;
  const resources = member(root, 'Resources');
  return propertiesOf(resources).some((r) => typeof stringOf(member(r.children?.[1], 'Type')) === 'string');
}

function isStepFunctions(root: TreeNode): boolean {
  const states = member(root, 'States');
  if (states) return propertiesOf(states).some((p) => isEmrTask(p.children?.[1]));
  return isEmrTask(root);
}

const JOB_RUN_MEMBERS = ['applicationConfiguration', 'configurationOverrides', 'jobDriver', 'virtualClusterId', 'applicationId'];
const CLUSTER_MEMBERS = ['Instances', 'InstanceGroups', 'ReleaseLabel', 'Steps', 'Applications'];

/** Which EMR shape a JSON or YAML tree has, read with that shape's map; or why it is none. */
export function readShape(root: TreeNode | undefined, context: ShapeContext): ShapeResult {
  if (!root) return unrecognized('the document is empty');
  if (root.type === 'array') {
    if (itemsOf(root).some(isConfigurationObject)) return readConfigurationsDocument(root, context);
    return unrecognized('a list whose items are not configurations (objects with a Classification)');
  }
  if (root.type !== 'object') return unrecognized('the document is a single value, not an object or a list');
  if (isCloudFormation(root)) return readCloudFormation(root, context);
  if (isStepFunctions(root)) return readStepFunctions(root, context);
  if (JOB_RUN_MEMBERS.some((name) => memberKey(root, name))) return readJobRun(root, context);
  if (memberKey(root, 'runtimeConfiguration') || (memberKey(root, 'releaseLabel') && (memberKey(root, 'initialCapacity') || memberKey(root, 'maximumCapacity')))) {
    return readServerlessApplication(root, context);
  }
  if (member(root, 'Configurations')?.type === 'array' || CLUSTER_MEMBERS.some((name) => memberKey(root, name))) return readRunJobFlow(root, context);
  if (isConfigurationObject(root)) return readConfigurationsDocument(root, context);
  return unrecognized('none of the members EMR configurations have (Configurations, Instances, ReleaseLabel, Classification, Resources, applicationConfiguration, jobDriver)');
}
