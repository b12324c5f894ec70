import { getLocation, type Location } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import {
  allSparkOptions,
  classificationInfo,
  classificationNames,
  emrRelease,
  hadoopOption,
  hadoopOptionNames,
  instanceType,
  instanceTypeNames,
  releaseLabels,
  sparkOption,
  compareVersions,
  type SparkOption,
} from '../catalog';
import type { ConfigModel } from '../engine/model';
import { formatMiB } from '../engine/units';
import type { LineIndex, Span } from '../engine/text';

/** Class names people set, offered as values of class-typed keys. */
const KNOWN_CLASSES: Record<string, string[]> = {
  'spark.serializer': ['org.apache.spark.serializer.KryoSerializer', 'org.apache.spark.serializer.JavaSerializer'],
  'spark.sql.extensions': ['io.delta.sql.DeltaSparkSessionExtension', 'org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions'],
  'spark.sql.catalog.spark_catalog': ['org.apache.spark.sql.delta.catalog.DeltaCatalog', 'org.apache.iceberg.spark.SparkSessionCatalog'],
};

const HADOOP_CLASSIFICATIONS = ['yarn-site', 'core-site', 'hdfs-site', 'mapred-site'];

interface Context {
  model: ConfigModel;
  lines: LineIndex;
  offset: number;
}

function toRange(lines: LineIndex, s: Span) {
  return { start: lines.positionAt(s.start), end: lines.positionAt(s.end) };
}

function sparkDoc(option: SparkOption): string {
  const facts = [`type: ${option.type}`, `default: ${option.default}`];
  if (option.unit) facts.push(`bare number: ${option.unit}`);
  return `${option.description ?? ''}\n\n${facts.join(' · ')}`.trim();
}

/** Where the token being typed starts and ends: a whole JSON string when the cursor is in one. */
function jsonToken(location: Location, offset: number): Span {
  const node = location.previousNode;
  // jsonc-parser reports a key being typed as a 'property' node, a value as a 'string' one.
  if (node && (node.type === 'string' || node.type === 'property') && offset >= node.offset && offset <= node.offset + node.length) return { start: node.offset, end: node.offset + node.length };
  return { start: offset, end: offset };
}

function keyItems(classification: string | undefined): { label: string; documentation?: string; detail?: string; deprecated?: boolean }[] {
  if (classification === 'spark-defaults') {
    return allSparkOptions()
      .filter((o) => !o.namePattern && !o.internal && !o.emrClassification)
      .map((o) => ({ label: o.name, documentation: sparkDoc(o), detail: o.type, deprecated: o.deprecated }));
  }
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

function valueItems(key: string): { label: string; detail?: string }[] {
  const option = sparkOption(key);
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

function classificationItems(model: ConfigModel, nested: string | undefined): { label: string; documentation?: string }[] {
  if (nested && nested.endsWith('-env')) return [{ label: 'export', documentation: classificationInfo('export')?.description }];
  const release = model.cluster.releaseLabel ? emrRelease(model.cluster.releaseLabel.value) : undefined;
  const names = release?.classifications ? [...release.classifications] : classificationNames();
  return names.sort().map((name) => ({ label: name, documentation: classificationInfo(name)?.description }));
}

/** The classification whose object (or Properties) contains the JSON path, and the nesting above it. */
function classificationAt(model: ConfigModel, path: (string | number)[]): { name?: string; parent?: string } {
  // Walk the path: every `Configurations/<index>` step enters one classification object.
  let node: { name?: string; parent?: string } = {};
  const root = model.jsonValue;
  let cursor: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    cursor = cursor && typeof cursor === 'object' ? (cursor as Record<string | number, unknown>)[step] : undefined;
    const previous = path[i - 1];
    if (typeof step === 'number' && (previous === 'Configurations' || (i === 0 && Array.isArray(root)))) {
      const name = cursor && typeof cursor === 'object' ? (cursor as Record<string, unknown>).Classification : undefined;
      node = { name: typeof name === 'string' ? name.trim() : undefined, parent: node.name };
    }
  }
  return node;
}

function quoted(label: string, token: Span, text: string): string {
  const inString = text[token.start] === '"';
  return inString || token.start === token.end ? JSON.stringify(label) : label;
}

export function jsonCompletions({ model, lines, offset }: Context): CompletionItem[] {
  // No tree: a document nested too deep to read (locating the cursor in it would run out of stack).
  if (!model.jsonRoot) return [];
  const text = model.text;
  const location = getLocation(text, offset);
  const path = location.path;
  const token = jsonToken(location, offset);
  const range = toRange(lines, token);
  const last = path[path.length - 1];
  const items: CompletionItem[] = [];
  const push = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}) =>
    items.push({ label, kind, textEdit: { range, newText: quoted(label, token, text) }, filterText: `"${label}"`, ...extra });

  // Inside Properties: keys or values of that classification.
  if (path.length >= 2 && path[path.length - 2] === 'Properties' && typeof last === 'string') {
    const { name } = classificationAt(model, path.slice(0, -2));
    if (location.isAtPropertyKey) {
      for (const item of keyItems(name)) push(item.label, CompletionItemKind.Property, { detail: item.detail, documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined, tags: item.deprecated ? [1] : undefined });
    } else {
      for (const item of valueItems(last)) push(item.label, CompletionItemKind.Value, { detail: item.detail });
    }
    return items;
  }
  if (location.isAtPropertyKey && path.length >= 1 && last === 'Properties') {
    const { name } = classificationAt(model, path.slice(0, -1));
    for (const item of keyItems(name)) push(item.label, CompletionItemKind.Property, { detail: item.detail, documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined });
    return items;
  }
  if (!location.isAtPropertyKey && last === 'Classification') {
    const { parent } = classificationAt(model, path.slice(0, -1));
    for (const item of classificationItems(model, parent)) push(item.label, CompletionItemKind.Module, { documentation: item.documentation });
    return items;
  }
  if (!location.isAtPropertyKey && last === 'InstanceType') {
    for (const name of instanceTypeNames()) {
      const type = instanceType(name)!;
      push(name, CompletionItemKind.EnumMember, {
        detail: `${type.vcpu} vCPU · ${formatMiB(type.memoryMiB)}${type.yarn ? ` · YARN ${formatMiB(type.yarn.nodemanagerMemoryMiB)}` : ''}`,
      });
    }
    return items;
  }
  if (!location.isAtPropertyKey && last === 'ReleaseLabel') {
    const labels = [...releaseLabels()].sort((a, b) => compareVersions(b, a));
    labels.forEach((label, i) => {
      const r = emrRelease(label)!;
      push(label, CompletionItemKind.EnumMember, { detail: `Spark ${r.spark ?? '?'} · Java ${r.defaultJava}`, sortText: String(i).padStart(4, '0') });
    });
    return items;
  }
  // A key inside a configuration object: offer whole classifications with their skeleton.
  if (location.isAtPropertyKey && typeof path[path.length - 2] === 'number') {
    const { parent } = classificationAt(model, path.slice(0, -2));
    for (const item of classificationItems(model, parent)) {
      items.push({
        label: item.label,
        kind: CompletionItemKind.Snippet,
        detail: 'classification with Properties',
        documentation: item.documentation,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `"Classification": "${item.label}",\n"Properties": {\n\t$0\n}` },
        filterText: `"${item.label}"`,
      });
    }
  }
  return items;
}

export function propertiesCompletions({ model, lines, offset }: Context): CompletionItem[] {
  const text = model.text;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const before = text.slice(lineStart, offset);
  if (/^\s*[#!]/.test(before)) return [];
  const keyMatch = /^\s*([^\s=:]*)$/.exec(before);
  if (keyMatch) {
    const token = { start: offset - keyMatch[1].length, end: offset };
    return keyItems('spark-defaults').map((item) => ({
      label: item.label,
      kind: CompletionItemKind.Property,
      detail: item.detail,
      documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined,
      textEdit: { range: toRange(lines, token), newText: item.label },
    }));
  }
  // The separator is blanks around = or :, or blanks alone; `[ \t]*[=: \t][ \t]*` read the same but was quadratic in the blanks.
  const valueMatch = /^\s*([^\s=:]+)(?:[ \t]*[=:][ \t]*|[ \t]+)(\S*)$/.exec(before);
  if (!valueMatch) return [];
  const token = { start: offset - valueMatch[2].length, end: offset };
  return valueItems(valueMatch[1]).map((item) => ({ label: item.label, kind: CompletionItemKind.Value, detail: item.detail, textEdit: { range: toRange(lines, token), newText: item.label } }));
}
