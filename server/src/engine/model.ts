import type { FormatWriter } from '../formats/types';
import type { TreeNode } from '../formats/tree';
import type { Span } from './text';

/** A path into the document's structure: object keys and array indexes, as in a JSON pointer. */
export type ModelPath = (string | number)[];

export function samePath(a: ModelPath, b: ModelPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The syntax a document is written in; each has one reader and one writer (formats/). */
export type FormatId = 'json' | 'yaml' | 'properties';

/** What a document is, whatever its syntax: the EMR shape its reader found. */
export type ShapeId =
  | 'configurations'
  | 'configuration'
  | 'cluster-request'
  | 'step-functions'
  | 'cloudformation'
  | 'eks-job-run'
  | 'serverless-job-run'
  | 'serverless-application'
  | 'spark-defaults';

/**
 * The parts of the neutral model a document can provide; a rule states the parts it reads and runs on every
 * document that provides them, whatever its format.
 */
export type ModelPart =
  /** syntaxProblems: the text could be read, or where it could not. */
  | 'syntax'
  /** The document can be checked against a JSON Schema of its shape (schema validation). */
  | 'schema'
  /** Named classifications written in the document (a properties file has one implicit classification only). */
  | 'classifications'
  /** Key/value properties of classifications (spark-defaults and the like). */
  | 'properties'
  /** Values must be written as strings: the API rejects numbers and booleans (CloudFormation converts them). */
  | 'string-values'
  /** A release label written in the document. */
  | 'release-label'
  /** Instance groups or fleets. */
  | 'cluster'
  /** spark-submit arguments (steps, job drivers). */
  | 'submit-arguments'
  /** Configurations sent through the EMR on EKS or EMR Serverless API, which limits their size. */
  | 'job-run-limits'
  /** Runs on EMR Serverless, whose workers come in fixed sizes. */
  | 'serverless';

export type JsonValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'missing' | 'opaque';

/** One key/value pair from a classification's Properties or from a properties file. */
export interface PropertyEntry {
  key: string;
  /** The value as the application will read it (decoded string), or the raw JSON text when it is not a string. */
  value: string;
  valueKind: JsonValueKind;
  keySpan: Span;
  /** Absent when the value has not been typed yet. */
  valueSpan?: Span;
  /** Key through value (JSON: the whole member; properties: the logical line without its terminator). */
  entrySpan: Span;
  path: ModelPath;
  /** Source text of the key exactly as written (quotes and escapes included). */
  rawKey: string;
  /** Source text of the value exactly as written. */
  rawValue: string;
  /** Properties files: spans of each physical line the entry covers (continuations). */
  lineSpan?: Span;
  /** Set when the entry comes from spark-submit arguments rather than from a Properties member. */
  argument?: SubmitArgumentEntry;
  /**
   * The syntax node the entry was read from (JSON and YAML). Reading the next version of a document after an edit
   * hands the subtrees the edit did not touch on as the same objects, moved (formats/json/incremental.ts): an entry
   * with a scalar value read from the same node in two versions has the same text. (The member of an object value
   * is kept, longer or shorter, when the edit is inside that object.)
   */
  source?: object;
}

/** Where a setting given on a spark-submit command line is written. */
export interface SubmitArgumentEntry {
  /** The option that set it: `--conf`, `--executor-memory`, ... */
  option: string;
  /** The whole tokens that make up the setting (option and value), in document order, as removing it must take them. */
  tokens: Span[];
  /** The string holding the tokens when several arguments share one string (sparkSubmitParameters). */
  host?: Span;
  /** The argument list whose items the tokens are (HadoopJarStep.Args), with the index of the first token's item. */
  list?: { span: Span; items: readonly Span[]; first: number };
}

/** The member names a configuration object is written with: they differ between APIs and CloudFormation. */
export interface ConfigurationNames {
  classification: string;
  properties: string;
  configurations: string;
}

export const API_NAMES: ConfigurationNames = { classification: 'Classification', properties: 'Properties', configurations: 'Configurations' };

export interface Classification {
  name: string | undefined;
  /** The span of the Classification value (the string token, quotes included). */
  nameSpan?: Span;
  /** The span of the Classification member's key. */
  nameKeySpan?: Span;
  /** The whole configuration object. */
  span: Span;
  path: ModelPath;
  properties: PropertyEntry[];
  /** The Properties object, when present. */
  propertiesSpan?: Span;
  propertiesKeySpan?: Span;
  children: Classification[];
  /** The Configurations array of the children, when present. */
  childrenSpan?: Span;
  /** Names of the enclosing classifications, outermost first (empty at top level). */
  ancestors: string[];
  /** The enclosing classification, for nested ones. */
  parent?: Classification;
  scope: ConfigurationScope;
  /** The member names this configuration object uses (fixes that add members write the same ones). */
  names: ConfigurationNames;
  /** How many members it has besides those three (misspelled or foreign ones, which the schema reports). */
  otherMembers?: number;
  /** YAML: the object, and its properties, written in flow style (`{...}`); a block mapping may start with `{` too. */
  flow?: boolean;
  propertiesFlow?: boolean;
  /** The syntax node the configuration object was read from (as PropertyEntry.source; see formats/editStamps.ts). */
  source?: object;
}

export type ScopeKind =
  | 'cluster'
  | 'instance-group'
  | 'instance-fleet-type'
  | 'bare'
  | 'properties-file'
  /** An EMR on EKS or EMR Serverless job run's applicationConfiguration. */
  | 'job-run'
  /** An EMR Serverless application's runtimeConfiguration. */
  | 'application'
  /** The settings a spark-submit command line gives. */
  | 'submit';

/** One Configurations array (or a whole properties file) and where it applies. */
export interface ConfigurationScope {
  kind: ScopeKind;
  path: ModelPath;
  span?: Span;
  classifications: Classification[];
  /** For instance-group and instance-fleet-type scopes: the group it belongs to. */
  group?: InstanceGroup;
  /** For instance-fleet-type scopes: the instance type it belongs to. */
  instanceType?: string;
  /** The member names configurations in this scope are written with. */
  names: ConfigurationNames;
}

export type InstanceRole = 'MASTER' | 'CORE' | 'TASK';

export interface InstanceTypeChoice {
  instanceType: string;
  span: Span;
  /** Path of the InstanceType member. */
  path: ModelPath;
  weightedCapacity?: number;
  scope?: ConfigurationScope;
}

export interface InstanceGroup {
  kind: 'group' | 'fleet' | 'uniform';
  role?: InstanceRole;
  name?: string;
  span: Span;
  path: ModelPath;
  types: InstanceTypeChoice[];
  /** Instance groups: InstanceCount. */
  count?: number;
  countSpan?: Span;
  /** Fleets: TargetOnDemandCapacity + TargetSpotCapacity. */
  targetCapacity?: number;
  scope?: ConfigurationScope;
}

export interface ClusterDescription {
  releaseLabel?: { value: string; span: Span; path: ModelPath };
  applications: string[];
  groups: InstanceGroup[];
  /** Numbers sizing needs that the document gives as something other than a literal (an intrinsic function). */
  notLiteral: { what: string; span: Span }[];
  /** EMR Serverless: the worker sizes an application declares (initialCapacity per worker type, maximumCapacity). */
  serverlessWorkers: ServerlessWorker[];
}

/** One worker size of an EMR Serverless application, as written (cpu "4 vCPU", memory "16 GB"). */
export interface ServerlessWorker {
  /** DRIVER, EXECUTOR, TEZ_TASK...; `maximum` for maximumCapacity, which bounds the whole application. */
  role: string;
  span: Span;
  path: ModelPath;
  cpu?: { value: string; span: Span };
  memory?: { value: string; span: Span };
}

/** One spark-submit invocation: a cluster step's arguments or a job driver's parameters. */
export interface Submission {
  /** For messages: `step "Load"`, `sparkSubmitParameters`. */
  label: string;
  span: Span;
  path: ModelPath;
  /** Every option with its value as spark-submit parses it, up to the application's own arguments. */
  options: SubmitOption[];
  /** The jar or Python file spark-submit runs, when the arguments name it. */
  primaryResource?: { value: string; span: Span };
  /** The settings the options give, as one spark-defaults classification in a scope of kind 'submit'. */
  scope: ConfigurationScope;
}

export interface SubmitOption {
  /** As written: `--executor-memory`, `--conf`, `-c`. */
  name: string;
  nameSpan: Span;
  value?: string;
  valueSpan?: Span;
  /** Where the option and its value are written, for removal. */
  argument: SubmitArgumentEntry;
  /** Not an option spark-submit knows. */
  unknown?: boolean;
}

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ConfigModel {
  format: FormatId;
  /** The EMR shape the reader found, and how to name it in messages ("a CloudFormation template"). */
  shape: { id: ShapeId; label: string };
  /** What the document provides (see ModelPart); rules run on the documents that provide what they read. */
  parts: ReadonlySet<ModelPart>;
  text: string;
  /** True when the text has the shape of an EMR configuration (always true for properties files). */
  recognized: boolean;
  /** Why a document was not recognised, in one sentence. */
  unrecognized?: string;
  scopes: ConfigurationScope[];
  cluster: ClusterDescription;
  submissions: Submission[];
  syntaxProblems: SyntaxProblem[];
  /** JSON and YAML: the syntax tree, for locating paths and for completion. */
  tree?: TreeNode;
  /** JSON and YAML: the places validated against a JSON Schema, with the plain value to validate. */
  schemaTargets: SchemaTarget[];
  /** Comments (properties files and YAML), for suppression directives and secret checks. */
  comments: { text: string; span: Span }[];
  /** Writes fix edits in the document's own syntax. */
  writer: FormatWriter;
  /**
   * Read from the last version's tree after an edit (formats/json/incremental.ts): the document is being edited, so
   * results kept per subtree for its next version are worth keeping (engine/subtreeMemo.ts).
   */
  readAfterEdit?: boolean;
}

/** A subtree validated against one of the project's schemas. */
export interface SchemaTarget {
  schema: SchemaId;
  /** Where the subtree is. */
  path: ModelPath;
  /** The subtree's plain value; opaque values (intrinsic functions, paths) replaced by OPAQUE_VALUE. */
  value: unknown;
}

export type SchemaId = 'configurations' | 'configurations-lowercase' | 'configurations-cloudformation' | 'configuration' | 'configuration-lowercase' | 'configuration-cloudformation' | 'cluster-request';

export function allClassifications(model: ConfigModel): Classification[] {
  const out: Classification[] = [];
  const visit = (list: Classification[]) => {
    for (const c of list) {
      out.push(c);
      visit(c.children);
    }
  };
  for (const scope of model.scopes) visit(scope.classifications);
  return out;
}

/** The classification's siblings and the span of the Configurations array holding them. */
export function siblingsOf(c: Classification): { siblings: Classification[]; array?: Span } {
  return c.parent ? { siblings: c.parent.children, array: c.parent.childrenSpan } : { siblings: c.scope.classifications, array: c.scope.span };
}

/** Top-level classifications with the given name in a scope, in document order. */
export function classificationsNamed(scope: ConfigurationScope, name: string): Classification[] {
  return scope.classifications.filter((c) => c.name === name);
}
