import { getLocation } from 'jsonc-parser';
import {
  classificationInfo,
  classificationNames,
  compareVersions,
  emrRelease,
  hadoopOption,
  hadoopOptionNames,
  instanceType,
  instanceTypeNames,
  releaseLabels,
  sparkOption,
  type SparkOption,
} from '../catalog';
import { sparkCatalogForLabel, sparkKeyItems } from '../catalog/sparkDocs';
import { allClassifications, type Classification, type ConfigModel, type ModelPath } from '../engine/model';
import { span, type Span } from '../engine/text';
import { formatMiB } from '../engine/units';
import type { TreeNode } from '../formats/tree';

// Completion as a pure function of the model and a cursor offset: where the cursor is (a property key or value of
// a classification, a classification name, an instance type, a release label), then what fits there. The editor
// layer only converts the items.

export type CompletionKind = 'property' | 'value' | 'classification' | 'skeleton' | 'instance-type' | 'release';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  deprecated?: boolean;
  /** The text that replaces `span`; with `snippet`, in snippet syntax ($0 is where the cursor goes). */
  edit: { span: Span; newText: string };
  snippet?: boolean;
  filterText?: string;
  sortText?: string;
}

/** Class names people set, offered as values of class-typed keys. */
const KNOWN_CLASSES: Record<string, string[]> = {
  'spark.serializer': ['org.apache.spark.serializer.KryoSerializer', 'org.apache.spark.serializer.JavaSerializer'],
  'spark.sql.extensions': ['io.delta.sql.DeltaSparkSessionExtension', 'org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions'],
  'spark.sql.catalog.spark_catalog': ['org.apache.spark.sql.delta.catalog.DeltaCatalog', 'org.apache.iceberg.spark.SparkSessionCatalog'],
};

const HADOOP_CLASSIFICATIONS = ['yarn-site', 'core-site', 'hdfs-site', 'mapred-site'];

/** Where the cursor is, in terms of the model. */
type Place =
  | { kind: 'property-key'; classification?: string; token: Span }
  | { kind: 'property-value'; key: string; token: Span }
  | { kind: 'classification-name'; parent?: string; token: Span }
  | { kind: 'configuration-member'; parent?: string; token: Span; classification?: Classification }
  | { kind: 'instance-type'; token: Span }
  | { kind: 'release'; token: Span };

function sparkDoc(option: SparkOption): string {
  const facts = [`type: ${option.type}`, `default: ${option.default}`];
  if (option.unit) facts.push(`bare number: ${option.unit}`);
  return `${option.description ?? ''}\n\n${facts.join(' · ')}`.trim();
}

interface Item {
  label: string;
  documentation?: string;
  detail?: string;
  deprecated?: boolean;
}

function keyItems(classification: string | undefined, model: ConfigModel): Item[] {
  if (classification === 'spark-defaults') return sparkKeyItems(sparkCatalogForLabel(model.cluster.releaseLabel?.value));
  if (classification === 'spark') {
    const option = sparkOption('maximizeResourceAllocation')!;
    return [{ label: option.name, documentation: sparkDoc(option), detail: 'EMR switch' }];
  }
  if (classification && HADOOP_CLASSIFICATIONS.includes(classification)) {
    return hadoopOptionNames(classification).map((name) => {
      const option = hadoopOption(name)!;
      return { label: name, documentation: `${option.description ?? ''}\n\ntype: ${option.type} · default: ${option.default}`.trim(), detail: option.type, deprecated: option.deprecated };
    });
  }
  return [];
}

function valueItems(key: string, model: ConfigModel): Item[] {
  const option = sparkCatalogForLabel(model.cluster.releaseLabel?.value).option(key);
  if (!option) {
    const hadoop = hadoopOption(key);
    return hadoop?.type === 'boolean' ? [{ label: 'true' }, { label: 'false' }] : [];
  }
  if (option.type === 'boolean') return [{ label: 'true' }, { label: 'false' }];
  if (option.type === 'enum') return (option.allowedValues ?? []).map((v) => ({ label: v }));
  if (KNOWN_CLASSES[key]) return KNOWN_CLASSES[key].map((v) => ({ label: v }));
  if (option.type === 'bytes' && option.unit === 'MiB') return ['1g', '2g', '4g', '8g', '16g', '512m'].map((v) => ({ label: v, detail: 'size' }));
  if (option.type === 'duration') return ['30s', '60s', '120s', '800s', '5min', '1h'].map((v) => ({ label: v, detail: 'duration' }));
  return [];
}

function classificationItems(model: ConfigModel, parent: string | undefined): Item[] {
  if (parent && parent.endsWith('-env')) return [{ label: 'export', documentation: classificationInfo('export')?.description }];
  const release = model.cluster.releaseLabel ? emrRelease(model.cluster.releaseLabel.value) : undefined;
  const names = release?.classifications ? [...release.classifications] : classificationNames();
  return names.sort().map((name) => ({ label: name, documentation: classificationInfo(name)?.description }));
}

// ---- Where the cursor is ----

function samePrefix(path: ModelPath, prefix: ModelPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}

/** The classification object that a path is inside (the innermost one). */
function classificationAtPath(model: ConfigModel, path: ModelPath): Classification | undefined {
  let found: Classification | undefined;
  for (const c of allClassifications(model)) if (samePrefix(path, c.path) && (!found || c.path.length > found.path.length)) found = c;
  return found;
}

/** A place from a path into the tree, whether the cursor is on a member's key, and the token under the cursor. */
function placeFromPath(model: ConfigModel, path: ModelPath, atKey: boolean, token: Span): Place | undefined {
  const last = path[path.length - 1];
  const c = classificationAtPath(model, path);
  if (c) {
    const rest = path.slice(c.path.length);
    const name = c.name?.trim();
    if (rest.length === 2 && rest[0] === c.names.properties && typeof rest[1] === 'string') {
      return atKey ? { kind: 'property-key', classification: name, token } : { kind: 'property-value', key: rest[1], token };
    }
    if (rest.length === 1 && atKey && rest[0] === c.names.properties) return { kind: 'property-key', classification: name, token };
    // YAML reads the first key typed under an empty properties member as that member's string value.
    if (rest.length === 1 && !atKey && rest[0] === c.names.properties && model.format === 'yaml') return { kind: 'property-key', classification: name, token };
    if (rest.length === 1 && !atKey && rest[0] === c.names.classification) return { kind: 'classification-name', parent: c.parent?.name?.trim(), token };
    if (rest.length === 1 && atKey) return { kind: 'configuration-member', parent: c.parent?.name?.trim(), token, classification: c };
  }
  if (!atKey && (last === 'InstanceType' || last === 'MasterInstanceType' || last === 'SlaveInstanceType')) return { kind: 'instance-type', token };
  if (!atKey && (last === 'ReleaseLabel' || last === 'releaseLabel')) return { kind: 'release', token };
  return undefined;
}

function jsonPlace(model: ConfigModel, offset: number): Place | undefined {
  // No tree: a document nested too deep to read.
  if (!model.tree) return undefined;
  const location = getLocation(model.text, offset);
  const node = location.previousNode;
  // jsonc-parser reports a key being typed as a 'property' node, a value as a 'string' one.
  const inToken = node && (node.type === 'string' || node.type === 'property') && offset >= node.offset && offset <= node.offset + node.length;
  const token = inToken ? span(node.offset, node.offset + node.length) : span(offset, offset);
  return placeFromPath(model, location.path, location.isAtPropertyKey, token);
}

/** The path to the innermost node of the tree that holds `offset`, and whether that is a member's key. */
function treeLocation(root: TreeNode, offset: number): { path: ModelPath; node?: TreeNode; atKey: boolean } {
  const path: ModelPath = [];
  let current: TreeNode = root;
  for (;;) {
    const children = current.children ?? [];
    let next: TreeNode | undefined;
    if (current.type === 'object') {
      for (const property of children) {
        const [key, value] = property.children ?? [];
        if (!key) continue;
        if (offset >= key.offset && offset <= key.offset + key.length) return { path: [...path, String(key.value)], node: key, atKey: true };
        if (value && offset >= value.offset && offset <= value.offset + value.length) {
          path.push(String(key.value));
          next = value;
          break;
        }
      }
    } else if (current.type === 'array') {
      children.forEach((item, index) => {
        if (!next && offset >= item.offset && offset <= item.offset + item.length) {
          path.push(index);
          next = item;
        }
      });
    }
    if (!next || next.type === 'property') return { path, node: current === root ? undefined : current, atKey: false };
    if (next.type !== 'object' && next.type !== 'array') return { path, node: next, atKey: false };
    current = next;
  }
}

/** The column of `offset` and whether only blanks precede it on its line. */
function lineFacts(text: string, offset: number): { column: number; blankBefore: boolean } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return { column: offset - start, blankBefore: /^[ \t]*$/.test(text.slice(start, offset)) };
}

function columnOf(text: string, offset: number): number {
  return lineFacts(text, offset).column;
}

function yamlPlace(model: ConfigModel, offset: number): Place | undefined {
  const text = model.text;
  const { column, blankBefore } = lineFacts(text, offset);
  // On a blank line: a new key of the innermost properties mapping (or configuration) above whose keys sit in this column.
  if (blankBefore) {
    let best: Place | undefined;
    let bestStart = -1;
    for (const c of allClassifications(model)) {
      if (c.span.start > offset) continue;
      const first = c.properties[0];
      const keyColumn = first ? columnOf(text, first.keySpan.start) : c.propertiesKeySpan ? columnOf(text, c.propertiesKeySpan.start) + 1 : undefined;
      if (c.propertiesKeySpan && c.propertiesKeySpan.start < offset && keyColumn !== undefined && (first ? column === keyColumn : column >= keyColumn) && c.propertiesKeySpan.start > bestStart) {
        best = { kind: 'property-key', classification: c.name?.trim(), token: span(offset, offset) };
        bestStart = c.propertiesKeySpan.start;
      }
      if (c.nameKeySpan && c.nameKeySpan.start < offset && column === columnOf(text, c.nameKeySpan.start) && c.nameKeySpan.start > bestStart) {
        best = { kind: 'configuration-member', parent: c.parent?.name?.trim(), token: span(offset, offset), classification: c };
        bestStart = c.nameKeySpan.start;
      }
    }
    if (best) return best;
  }
  if (!model.tree) return undefined;
  const { path, node, atKey } = treeLocation(model.tree, offset);
  const token = node && node.type !== 'object' && node.type !== 'array' ? span(node.offset, node.offset + node.length) : span(offset, offset);
  return placeFromPath(model, path, atKey, token);
}

function propertiesPlace(model: ConfigModel, offset: number): Place | undefined {
  const text = model.text;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const before = text.slice(lineStart, offset);
  if (/^\s*[#!]/.test(before)) return undefined;
  const keyMatch = /^\s*([^\s=:]*)$/.exec(before);
  if (keyMatch) return { kind: 'property-key', classification: 'spark-defaults', token: span(offset - keyMatch[1].length, offset) };
  // The separator is blanks around = or :, or blanks alone; `[ \t]*[=: \t][ \t]*` read the same but was quadratic in the blanks.
  const valueMatch = /^\s*([^\s=:]+)(?:[ \t]*[=:][ \t]*|[ \t]+)(\S*)$/.exec(before);
  if (!valueMatch) return undefined;
  return { kind: 'property-value', key: valueMatch[1], token: span(offset - valueMatch[2].length, offset) };
}

// ---- What fits there ----

/** The label as the document's syntax writes it in place of the token. */
function written(model: ConfigModel, label: string, token: Span): string {
  const raw = model.text.slice(token.start, token.end);
  if (model.format === 'json') return raw.startsWith('"') || token.start === token.end ? JSON.stringify(label) : label;
  if (model.format === 'yaml') return model.writer.value(label, raw);
  return label;
}

/** The skeleton of a new configuration object, in the document's syntax and the shape's member names. */
function skeleton(model: ConfigModel, name: string, names: Classification['names']): string {
  if (model.format === 'yaml') return `${names.classification}: ${model.writer.value(name)}\n${names.properties}:\n\t$0`;
  return `"${names.classification}": "${name}",\n"${names.properties}": {\n\t$0\n}`;
}

export function completions(model: ConfigModel, offset: number): CompletionEntry[] {
  const place = model.format === 'json' ? jsonPlace(model, offset) : model.format === 'yaml' ? yamlPlace(model, offset) : propertiesPlace(model, offset);
  if (!place) return [];
  const token = place.token;
  const entry = (item: Item, kind: CompletionKind, extra: Partial<CompletionEntry> = {}): CompletionEntry => ({
    label: item.label,
    kind,
    detail: item.detail,
    documentation: item.documentation,
    deprecated: item.deprecated || undefined,
    edit: { span: token, newText: written(model, item.label, token) },
    filterText: model.format === 'json' ? `"${item.label}"` : undefined,
    ...extra,
  });
  switch (place.kind) {
    case 'property-key':
      return keyItems(place.classification, model).map((item) => entry(item, 'property'));
    case 'property-value':
      return valueItems(place.key, model).map((item) => entry(item, 'value'));
    case 'classification-name':
      return classificationItems(model, place.parent).map((item) => entry(item, 'classification'));
    case 'configuration-member': {
      const names = place.classification?.names ?? model.scopes[0]?.names;
      if (!names) return [];
      return classificationItems(model, place.parent).map((item) =>
        entry(item, 'skeleton', { detail: `classification with ${names.properties}`, edit: { span: token, newText: skeleton(model, item.label, names) }, snippet: true }),
      );
    }
    case 'instance-type':
      return instanceTypeNames().map((name) => {
        const type = instanceType(name)!;
        return entry({ label: name, detail: `${type.vcpu} vCPU · ${formatMiB(type.memoryMiB)}${type.yarn ? ` · YARN ${formatMiB(type.yarn.nodemanagerMemoryMiB)}` : ''}` }, 'instance-type');
      });
    case 'release': {
      const labels = [...releaseLabels()].sort((a, b) => compareVersions(b, a));
      return labels.map((label, i) => {
        const r = emrRelease(label)!;
        return entry({ label, detail: `Spark ${r.spark ?? '?'} · Java ${r.defaultJava}` }, 'release', { sortText: String(i).padStart(4, '0') });
      });
    }
  }
}
