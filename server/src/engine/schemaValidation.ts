import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import configurationsSchema from '../../../schemas/emr-configurations.schema.json';
import clusterSchema from '../../../schemas/emr-cluster.schema.json';
import { OPAQUE_VALUE } from '../formats/shapes/plainValue';
import type { TreeNode } from '../formats/tree';
import type { ConfigModel, ModelPath, SchemaId } from './model';
import { didYouMean } from './suggest';
import { movedSpan } from './movedReports';
import { SubtreeMemo } from './subtreeMemo';
import { span, type Span } from './text';

export interface SchemaProblem {
  path: ModelPath;
  span: Span;
  message: string;
  keyword: string;
  /** For unknown properties: the property and the closest allowed one. */
  unknownProperty?: { name: string; suggestion?: string };
  /** For missing required properties: which one. */
  missingProperty?: string;
}

let validators: Record<SchemaId, ValidateFunction> | undefined;

function compile(): Record<SchemaId, ValidateFunction> {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    ajv.addSchema(configurationsSchema);
    const definition = (name: string) => ({ $ref: `${configurationsSchema.$id}#/definitions/${name}` });
    const list = (name: string) => ({ type: 'array', items: definition(name) });
    validators = {
      configurations: ajv.compile(configurationsSchema),
      configuration: ajv.compile(definition('configuration')),
      'configurations-lowercase': ajv.compile(list('configurationLowercase')),
      'configuration-lowercase': ajv.compile(definition('configurationLowercase')),
      'configurations-cloudformation': ajv.compile(list('configurationCloudFormation')),
      'configuration-cloudformation': ajv.compile(definition('configurationCloudFormation')),
      'cluster-request': ajv.compile(clusterSchema),
    };
  }
  return validators;
}

/** Whether the node at a path, or one it is inside, is not literal data: its problems are not known yet. */
function throughOpaque(root: TreeNode, path: ModelPath): boolean {
  for (let node = findNodeAtLocation(root as Node, path) as TreeNode | undefined; node; node = node.parent) if (node.opaque) return true;
  return false;
}

function pointerToPath(pointer: string, data: unknown): ModelPath {
  if (pointer === '') return [];
  const path: ModelPath = [];
  let cursor: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cursor)) {
      const index = Number(segment);
      path.push(index);
      cursor = cursor[index];
    } else {
      path.push(segment);
      cursor = cursor && typeof cursor === 'object' ? (cursor as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function memberKey(object: Node | undefined, key: string): Node | undefined {
  let found: Node | undefined;
  for (const member of object?.children ?? []) if (member.children?.[0]?.value === key) found = member.children[0];
  return found;
}

function nodeRange(node: Node): Span {
  return span(node.offset, node.offset + node.length);
}

/** Where a problem with the value at `path` is best shown: the key naming it, else the value's first character. */
function anchorFor(root: Node, path: ModelPath): Span | undefined {
  const node = findNodeAtLocation(root, path);
  if (!node) return undefined;
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const key = memberKey(node.parent?.parent, last);
    if (key) return nodeRange(key);
  }
  return span(node.offset, node.offset + 1);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  return `a ${typeof value}`;
}

const ARTICLE_TYPES: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  array: 'an array',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function describe(error: ErrorObject, where: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${where} must be ${ARTICLE_TYPES[String(params.type)] ?? String(params.type)}, not ${typeName(error.data)}.`;
    case 'required':
      return `${where} is missing the required property "${String(params.missingProperty)}".`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'pattern':
      return where === 'ReleaseLabel'
        ? `ReleaseLabel ${JSON.stringify(error.data)} is not a release label of the form emr-X.Y.Z.`
        : `${where} ${JSON.stringify(error.data)} does not have the expected form.`;
    case 'minLength':
      return `${where} must not be empty.`;
    case 'minimum':
      return `${where} must be at least ${String(params.limit)}.`;
    case 'maximum':
      return `${where} must be at most ${String(params.limit)}.`;
    default:
      return `${where} is not valid here (${error.keyword}).`;
  }
}

/** The place a path names, as the subject of a sentence: "ReleaseLabel", "An entry of InstanceGroups". */
function describePath(path: ModelPath): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  if (path.length === 0) return 'The document';
  if (typeof path[path.length - 1] === 'number') return last ? `An entry of ${last}` : 'An array entry';
  return String(last);
}

/** The same place after "in": "an entry of Configurations", "Instances". */
function describePlace(path: ModelPath): string {
  const subject = describePath(path);
  return subject.startsWith('An ') ? `an ${subject.slice(3)}` : subject;
}

/** Structural problems found by validating the document's schema targets against the project's JSON Schemas. */
export function validateAgainstSchema(model: ConfigModel): SchemaProblem[] {
  const root = model.tree;
  if (!model.recognized || !root) return [];
  const problems: SchemaProblem[] = [];
  for (const target of model.schemaTargets) {
    const itemSchema = ITEM_SCHEMA[target.schema];
    const list = itemSchema && Array.isArray(target.value) ? findNodeAtLocation(root as Node, target.path) : undefined;
    if (!itemSchema || !list || list.type !== 'array' || list.children?.length !== (target.value as unknown[]).length) {
      problems.push(...validateTarget(root as Node, target.schema, target.path, target.value));
      continue;
    }
    // A list of configurations is its items, each validated on its own: an item no edit changed keeps its problems.
    const items = target.value as unknown[];
    list.children.forEach((node, i) => {
      const path = [...target.path, i];
      const found = itemProblems.get(model, node, { start: node.offset, end: node.offset + node.length }, () => `${itemSchema}\u0000${path.join('\u0000')}`, () => validateTarget(root as Node, itemSchema, path, items[i]));
      for (const problem of found) problems.push(problem);
    });
  }
  return problems;
}

/** The schema of each item of a list schema: the list's own schema asks nothing more of its items. */
const ITEM_SCHEMA: Partial<Record<SchemaId, SchemaId>> = {
  configurations: 'configuration',
  'configurations-lowercase': 'configuration-lowercase',
  'configurations-cloudformation': 'configuration-cloudformation',
};

/** The problems of each item of a Configurations list, kept across edits for the items an edit did not change. */
const itemProblems = new SubtreeMemo<readonly SchemaProblem[]>(
  (problems, by) => problems.map((p) => ({ ...p, span: movedSpan(p.span, by) })),
  (problems, item) => problems.every((p) => p.span.start >= item.start && p.span.end <= item.end),
);

/**
 * The member an API or CloudFormation spells another way: another letter case (the console's `classification`), or
 * the properties member, which CloudFormation calls `ConfigurationProperties` and the APIs `Properties`.
 */
function sameMemberElsewhere(name: string, allowed: readonly string[]): string | undefined {
  const byCase = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
  if (byCase) return byCase;
  const properties = ['Properties', 'properties', 'ConfigurationProperties'];
  return properties.includes(name) ? allowed.find((a) => properties.includes(a)) : undefined;
}

/** Who refuses a document with a structural problem, for messages. */
const REJECTED_BY: Record<SchemaId, string> = {
  configurations: 'EMR rejects the request',
  configuration: 'EMR rejects the request',
  'cluster-request': 'EMR rejects the request',
  'configurations-lowercase': 'the API rejects the request',
  'configuration-lowercase': 'the API rejects the request',
  'configurations-cloudformation': 'CloudFormation rejects the template',
  'configuration-cloudformation': 'CloudFormation rejects the template',
};

function validateTarget(root: Node, schema: SchemaId, base: ModelPath, data: unknown): SchemaProblem[] {
  const validate = compile()[schema];
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (error.data === undefined || error.data === OPAQUE_VALUE) continue;
    const path = [...base, ...pointerToPath(error.instancePath, data)];
    if (throughOpaque(root as TreeNode, path)) continue;
    if (error.keyword === 'required') {
      // Step Functions gives a parameter's value as a path with a `Name.$` member.
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      if (memberKey(findNodeAtLocation(root, path), `${missing}.$`)) continue;
    }
    if (error.keyword === 'additionalProperties') {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const object = findNodeAtLocation(root, path);
      const key = memberKey(object, name);
      if (!key) continue;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const candidate = sameMemberElsewhere(name, allowed) ?? didYouMean(name, allowed);
      // Renaming onto a member that is already there would only trade one problem for another.
      const suggestion = candidate && !memberKey(object, candidate) ? candidate : undefined;
      const where = path.length === 0 ? 'at the top level' : `in ${describePlace(path)}`;
      problems.push({
        path: [...path, name],
        span: nodeRange(key),
        keyword: error.keyword,
        message: `Unknown property "${name}" ${where}: ${REJECTED_BY[schema]}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        unknownProperty: { name, suggestion },
      });
      continue;
    }
    // A oneOf/anyOf/$ref wrapper repeats its children's errors; one message per place and keyword is enough.
    const identity = `${error.instancePath}|${error.keyword}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const anchor = error.keyword === 'required' ? anchorFor(root, path) : (() => {
      const node = findNodeAtLocation(root, path);
      return node ? nodeRange(node) : undefined;
    })();
    if (!anchor) continue;
    problems.push({ path, span: anchor, keyword: error.keyword, message: describe(error, describePath(path)), missingProperty: error.keyword === 'required' ? String((error.params as { missingProperty: string }).missingProperty) : undefined });
  }
  // A member that is there under another spelling is one problem, not two: the unknown one (with its rename) stays.
  const renamedTo = new Set(problems.filter((p) => p.unknownProperty?.suggestion).map((p) => `${JSON.stringify(p.path.slice(0, -1))}\u0000${p.unknownProperty!.suggestion}`));
  return problems.filter((p) => !p.missingProperty || !renamedTo.has(`${JSON.stringify(p.path)}\u0000${p.missingProperty}`));
}
