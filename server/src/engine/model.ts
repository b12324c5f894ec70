import type { Node as JsonNode } from 'jsonc-parser';
import type { Span } from './text';

/** A path into the document's structure: object keys and array indexes, as in a JSON pointer. */
export type ModelPath = (string | number)[];

export type DocumentFormat = 'emr-json' | 'spark-properties';

export type JsonValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'missing';

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
}

export interface Classification {
  name: string | undefined;
  /** The span of the Classification value (the string token, quotes included). */
  nameSpan?: Span;
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
}

export type ScopeKind = 'cluster' | 'instance-group' | 'instance-fleet-type' | 'bare' | 'properties-file';

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
  releaseLabel?: { value: string; span: Span };
  applications: string[];
  groups: InstanceGroup[];
}

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ConfigModel {
  format: DocumentFormat;
  text: string;
  /** True when the text has the shape of an EMR configuration (always true for properties files). */
  recognized: boolean;
  scopes: ConfigurationScope[];
  cluster: ClusterDescription;
  syntaxProblems: SyntaxProblem[];
  /** The plain value of the JSON document (what parses of it), for schema validation. */
  jsonValue?: unknown;
  /** The JSON syntax tree, for locating paths. */
  jsonRoot?: JsonNode;
  /** Properties files: comment lines, for suppression directives. */
  comments: { text: string; span: Span }[];
}

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
