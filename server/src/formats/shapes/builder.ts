import type { ClusterDescription, ConfigurationScope, InstanceGroup, ModelPath, SchemaId, SchemaTarget, ScopeKind, Submission } from '../../engine/model';
import { span } from '../../engine/text';
import { itemsOf, member, nodeSpan, propertiesOf, stringOf, type TreeNode } from '../tree';
import { NAMES, readScope, type NameStyle } from './configurations';
import type { ShapeContext } from './context';
import type { ClusterParts } from './instances';
import { plainValue } from './plainValue';
import { knownArguments, listTokens, readSubmission, stringTokens } from './submit';

function schemaFor(names: ConfigurationScope['names'], single: boolean): SchemaId {
  if (names.properties === NAMES.cloudFormation.properties) return 'configurations-cloudformation';
  const lower = names.classification === NAMES.lowercase.classification;
  if (single) return lower ? 'configuration-lowercase' : 'configuration';
  return lower ? 'configurations-lowercase' : 'configurations';
}

/** Collects what a shape reader finds: scopes, the cluster, spark-submit invocations and what to validate. */
export class ShapeBuilder implements ClusterParts {
  readonly scopes: ConfigurationScope[] = [];
  readonly cluster: ClusterDescription = { applications: [], groups: [], notLiteral: [], serverlessWorkers: [] };
  readonly submissions: Submission[] = [];
  readonly schemaTargets: SchemaTarget[] = [];
  readonly text: string;
  /** How per-group Configurations name their members, and whether each list is validated on its own; set by the shape. */
  groupStyle: NameStyle = NAMES.api;
  validateGroupConfigurations = false;
  /** Step Functions parameters: `Name.$` members carry paths. */
  stepFunctionsPaths = false;
  /** CloudFormation: numbers and booleans where a string is wanted are passed on as strings. */
  cloudFormation = false;

  constructor(readonly context: ShapeContext) {
    this.text = context.text;
  }

  /** Reads a configurations list (or one configuration object) as a scope, and validates it unless told not to. */
  configurations(kind: ScopeKind, node: TreeNode | undefined, path: ModelPath, style: NameStyle, options: { validate?: boolean; group?: InstanceGroup; instanceType?: string } = {}): ConfigurationScope | undefined {
    if (!node || (node.type !== 'array' && node.type !== 'object')) return undefined;
    const scope = readScope({ kind, node, path, style, group: options.group, instanceType: options.instanceType, cloudFormation: this.cloudFormation }, this.text);
    this.scopes.push(scope);
    if (options.validate !== false && !node.opaque) this.validate(schemaFor(scope.names, node.type === 'object'), node, path);
    return scope;
  }

  groupConfigurations(node: TreeNode | undefined, path: ModelPath, group: InstanceGroup, instanceType?: string): ConfigurationScope | undefined {
    if (node?.type !== 'array') return undefined;
    const kind = instanceType ? 'instance-fleet-type' : 'instance-group';
    return this.configurations(kind, node, path, this.groupStyle, { validate: this.validateGroupConfigurations, group, instanceType });
  }

  /** Set when the shape marked nodes of the tree opaque, so the parser's plain value no longer says the same. */
  markedOpaque = false;

  validate(schema: SchemaId, node: TreeNode, path: ModelPath): void {
    const { root, rootValue } = this.context;
    const value = node === root && rootValue !== undefined && !this.markedOpaque ? rootValue : plainValue(node, { stepFunctionsPaths: this.stepFunctionsPaths });
    this.schemaTargets.push({ schema, path, value });
  }

  releaseLabel(node: TreeNode | undefined, path: ModelPath): void {
    const value = stringOf(node);
    if (value !== undefined) this.cluster.releaseLabel = { value, span: nodeSpan(node!), path };
  }

  applications(node: TreeNode | undefined): void {
    for (const app of itemsOf(node)) {
      const name = stringOf(member(app, 'Name')) ?? stringOf(app);
      if (name) this.cluster.applications.push(name);
    }
  }

  /** A step (RunJobFlow Steps entry, AWS::EMR::Step, Step Functions addStep): its spark-submit arguments, if it runs spark-submit. */
  step(stepNode: TreeNode | undefined, path: ModelPath): void {
    if (stepNode?.type !== 'object' || stepNode.opaque) return;
    const jarStep = member(stepNode, 'HadoopJarStep');
    const argsNode = member(jarStep, 'Args');
    if (!argsNode || argsNode.type !== 'array') return;
    const { tokens, complete } = listTokens(argsNode, this.context, this.cloudFormation);
    // Only a step whose command is spark-submit (through command-runner.jar, usually) is read as one.
    if (tokens.length === 0 || !/(^|\/)spark-submit$/.test(tokens[0].text)) return;
    const name = stringOf(member(stepNode, 'Name'));
    const argsPath = [...path, 'HadoopJarStep', 'Args'];
    this.submission(
      readSubmission(
        complete ? tokens.slice(1) : knownArguments(tokens.slice(1)),
        {
          label: name ? `step "${name}"` : 'a step',
          span: nodeSpan(stepNode),
          path: argsPath,
          host: { kind: 'list', list: { span: nodeSpan(argsNode), items: itemsOf(argsNode).map(nodeSpan) } },
          firstIndex: 1,
        },
        this.context,
      ),
    );
  }

  steps(node: TreeNode | undefined, path: ModelPath): void {
    itemsOf(node).forEach((step, index) => this.step(step, [...path, index]));
  }

  /**
   * An EMR Serverless application's worker sizes: initialCapacity (an API map of worker type to
   * {workerConfiguration: {cpu, memory}}, or CloudFormation's list of {Key, Value: {WorkerConfiguration: {Cpu, Memory}}})
   * and maximumCapacity ({cpu, memory} / {Cpu, Memory}).
   */
  serverlessCapacity(initial: TreeNode | undefined, maximum: TreeNode | undefined, path: ModelPath, cloudFormation: boolean): void {
    const size = (node: TreeNode | undefined, role: string, at: ModelPath) => {
      if (!node || node.type !== 'object' || node.opaque) return;
      const cpu = member(node, cloudFormation ? 'Cpu' : 'cpu');
      const memory = member(node, cloudFormation ? 'Memory' : 'memory');
      const scalar = (n: TreeNode | undefined) => (stringOf(n) !== undefined ? { value: stringOf(n)!, span: nodeSpan(n!) } : undefined);
      this.cluster.serverlessWorkers.push({ role, span: nodeSpan(node), path: at, cpu: scalar(cpu), memory: scalar(memory) });
    };
    const capacity = cloudFormation ? 'InitialCapacity' : 'initialCapacity';
    const configuration = cloudFormation ? 'WorkerConfiguration' : 'workerConfiguration';
    if (cloudFormation) {
      itemsOf(initial).forEach((item, index) => {
        const role = stringOf(member(item, 'Key'));
        if (role) size(member(member(item, 'Value'), configuration), role.toUpperCase(), [...path, capacity, index, 'Value', configuration]);
      });
    } else {
      for (const property of propertiesOf(initial)) {
        const role = property.children?.[0]?.value;
        if (typeof role === 'string') size(member(property.children?.[1], configuration), role.toUpperCase(), [...path, capacity, role, configuration]);
      }
    }
    size(maximum, 'maximum', [...path, cloudFormation ? 'MaximumCapacity' : 'maximumCapacity']);
  }

  /** A job driver's sparkSubmitParameters string (EMR on EKS, EMR Serverless). */
  submitParameters(node: TreeNode | undefined, path: ModelPath): void {
    if (!node) return;
    const tokens = stringTokens(node, this.context);
    if (!tokens) return;
    const where = nodeSpan(node);
    this.submission(readSubmission(tokens, { label: 'sparkSubmitParameters', span: where, path, host: { kind: 'string', span: span(where.start, where.end) }, firstIndex: 0 }, this.context));
  }

  /** A submission's settings are a scope like any other, so every rule about keys and values reads them too. */
  private submission(submission: Submission): void {
    this.submissions.push(submission);
    this.scopes.push(submission.scope);
  }
}
