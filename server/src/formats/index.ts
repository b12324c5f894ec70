import type { ConfigModel } from '../engine/model';
import { readJson, rereadJsonAfterEdit } from './json/reader';
import { jsonWriter } from './json/writer';
import { readProperties } from './properties/reader';
import { propertiesWriter } from './properties/writer';
import type { EditedRange, FormatAdapter, ReadOptions } from './types';
import { readYaml } from './yaml/reader';
import { yamlWriter } from './yaml/writer';

// The one place that knows which formats exist. A format is chosen by the editor's language id, else by the file
// name, else (for names that say nothing) by content; a file none of them claims is refused, never guessed.

const jsonFormat: FormatAdapter = {
  id: 'json',
  label: 'JSON',
  languageIds: ['json', 'jsonc'],
  claimsFileName: (name) => /\.(json|jsonc)$/.test(name),
  claimsContent: (text) => /^\uFEFF?\s*[[{]/.test(text),
  read: readJson,
  rereadAfterEdit: rereadJsonAfterEdit,
  writer: jsonWriter,
};

const yamlFormat: FormatAdapter = {
  id: 'yaml',
  label: 'YAML',
  languageIds: ['yaml'],
  claimsFileName: (name) => /\.(yaml|yml)$/.test(name),
  // YAML is too permissive to be recognised by content: a name or language id must say so.
  claimsContent: () => false,
  read: readYaml,
  writer: yamlWriter,
};

const propertiesFormat: FormatAdapter = {
  id: 'properties',
  label: 'Java properties',
  languageIds: ['spark-properties'],
  claimsFileName: (name) => name === 'spark-defaults.conf' || /\.(conf|properties)$/.test(name),
  claimsContent: () => false,
  read: (text) => readProperties(text),
  writer: propertiesWriter,
};

const FORMATS: readonly FormatAdapter[] = [jsonFormat, yamlFormat, propertiesFormat];

/** The base name of a path or URI, lower case, without a template suffix (`cluster.yaml.tpl` reads as `cluster.yaml`). */
function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  return base.replace(/\.(tpl|tmpl|j2|jinja|jinja2|template)$/, (suffix, _ext, at: number) => (/\.(json|jsonc|yaml|yml|conf|properties)$/.test(base.slice(0, at)) ? '' : suffix));
}

export interface FormatQuery {
  fileName?: string;
  languageId?: string;
  text: string;
}

/** The format that reads a document, or undefined when nothing says which (the document is then refused). */
export function formatOf(query: FormatQuery): FormatAdapter | undefined {
  if (query.languageId) {
    const byLanguage = FORMATS.find((f) => f.languageIds.includes(query.languageId!));
    if (byLanguage) return byLanguage;
  }
  if (query.fileName) {
    const name = baseName(query.fileName);
    const byName = FORMATS.find((f) => f.claimsFileName(name));
    if (byName) return byName;
  }
  return FORMATS.find((f) => f.claimsContent(query.text));
}

/** Names that are spark-defaults files whatever they hold; other `.conf` and `.properties` files must show a spark.* key. */
function isSparkDefaultsName(fileName: string | undefined, languageId: string | undefined): boolean {
  if (languageId === 'spark-properties') return true;
  const name = fileName ? baseName(fileName) : '';
  return name === 'spark-defaults.conf' || name.endsWith('.spark.conf');
}

/** A document no format reads: nothing is modelled, and `unrecognized` says why. */
function unreadModel(text: string): ConfigModel {
  return {
    format: 'properties',
    shape: { id: 'spark-defaults', label: 'a file of unknown format' },
    parts: new Set(),
    text,
    recognized: false,
    unrecognized: 'neither its name nor its content says it is JSON, YAML or a spark-defaults file',
    scopes: [],
    cluster: { applications: [], groups: [], notLiteral: [], serverlessWorkers: [] },
    submissions: [],
    syntaxProblems: [],
    schemaTargets: [],
    comments: [],
    writer: propertiesWriter,
  };
}

/** Reads a document with its format; a document no format claims, or that is not an EMR configuration, is marked so. */
export function readDocument(query: FormatQuery, options: ReadOptions = {}): ConfigModel {
  return readWith(query, options, (format, readOptions) => format.read(query.text, readOptions));
}

/**
 * readDocument for the next version of a document after one edit: the format reads it from what it kept of reading
 * `previous` where it can (JSON parses again only the innermost array or object around the edit), in full otherwise.
 * The model is the one readDocument gives; `previous` must not be used afterwards.
 */
export function readDocumentAfterEdit(previous: ConfigModel, edit: EditedRange, query: FormatQuery, options: ReadOptions = {}): ConfigModel {
  return readWith(query, options, (format, readOptions) =>
    (format.id === previous.format ? format.rereadAfterEdit?.(previous, query.text, edit, readOptions) : undefined) ?? format.read(query.text, readOptions),
  );
}

/** Whether the model's format reads a next version from what it kept (so the syntax nodes of untouched parts stay). */
export function readsAgainAfterEdit(model: ConfigModel): boolean {
  return FORMATS.some((f) => f.id === model.format && f.rereadAfterEdit !== undefined);
}

function readWith(query: FormatQuery, options: ReadOptions, read: (format: FormatAdapter, options: ReadOptions) => ConfigModel): ConfigModel {
  const format = formatOf(query);
  if (!format) return unreadModel(query.text);
  const model = read(format, { allowComments: options.allowComments ?? (query.languageId === 'jsonc' || /\.jsonc$/i.test(query.fileName ?? '')) });
  if (format.id === 'properties' && !isSparkDefaultsName(query.fileName, query.languageId)) {
    const entries = model.scopes[0]?.classifications[0]?.properties ?? [];
    if (entries.length > 0 && !entries.some((e) => e.key.startsWith('spark.'))) {
      model.recognized = false;
      model.unrecognized = 'a properties file with no spark.* key, so not a spark-defaults file';
    }
  }
  return model;
}

export type { EditedRange, FormatAdapter };
