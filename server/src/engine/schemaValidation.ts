import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import configurationsSchema from '../../../schemas/emr-configurations.schema.json';
import clusterSchema from '../../../schemas/emr-cluster.schema.json';
import type { ConfigModel, ModelPath } from './model';
import { didYouMean } from './suggest';
import { span, type Span } from './text';

export interface SchemaProblem {
  path: ModelPath;
  span: Span;
  message: string;
  keyword: string;
  /** For unknown properties: the property and the closest allowed one. */
  unknownProperty?: { name: string; suggestion?: string };
}

let validators: { configurations: ValidateFunction; cluster: ValidateFunction } | undefined;

function compile() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    ajv.addSchema(configurationsSchema);
    validators = {
      configurations: ajv.compile(configurationsSchema),
      cluster: ajv.compile(clusterSchema),
    };
  }
  return validators;
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

/** Structural problems found by validating the document against the project's JSON Schemas. */
export function validateAgainstSchema(model: ConfigModel): SchemaProblem[] {
  const root = model.jsonRoot;
  if (model.format !== 'emr-json' || !model.recognized || !root) return [];
  const data = model.jsonValue;
  const { configurations, cluster } = compile();
  const validate = Array.isArray(data) ? configurations : cluster;
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const path = pointerToPath(error.instancePath, data);
    if (error.data === undefined) continue;
    if (error.keyword === 'additionalProperties') {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const object = findNodeAtLocation(root, path);
      const key = memberKey(object, name);
      if (!key) continue;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const candidate = didYouMean(name, allowed);
      // Renaming onto a member that is already there would only trade one problem for another.
      const suggestion = candidate && !memberKey(object, candidate) ? candidate : undefined;
      const where = path.length === 0 ? 'at the top level' : `in ${describePlace(path)}`;
      problems.push({
        path: [...path, name],
        span: nodeRange(key),
        keyword: error.keyword,
        message: `Unknown property "${name}" ${where}: EMR rejects the request.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
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
    problems.push({ path, span: anchor, keyword: error.keyword, message: describe(error, describePath(path)) });
  }
  return problems;
}
