// What completion and hover say about a Spark key, for the release a file targets (pure functions of the catalog).
import { emrRelease, sparkCatalog, type SparkCatalog } from './index';
import { sparkNamespace, type SparkDeprecation, type SparkNamespace, type SparkOption } from './spark';
import sparkDescriptions from './descriptions/spark.json';

export interface SparkKeyItem {
  label: string;
  detail: string;
  documentation: string;
  deprecated?: boolean;
}

/** The catalog of the release named by a label (the newest release when there is none or it is unknown). */
export function sparkCatalogForLabel(label: string | undefined): SparkCatalog {
  return sparkCatalog(label ? emrRelease(label) : undefined);
}

function defaultText(option: SparkOption): string {
  if (option.default !== '') return `\`${option.default}\``;
  if (option.defaultKind === 'fallback' && option.fallback) return `the value of \`${option.fallback}\``;
  if (option.defaultKind === 'computed') return 'computed by Spark';
  return 'not set';
}

/** One line of facts: type, default, unit of a bare number, since, allowed values. */
export function sparkOptionFacts(option: SparkOption): string {
  const facts = [`type \`${option.type}\``, `default ${defaultText(option)}`];
  if (option.unit) facts.push(`a bare number means ${option.unit}`);
  if (option.since) facts.push(`since Spark ${option.since}`);
  if (option.allowedValues) facts.push(`one of ${option.allowedValues.map((v) => `\`${v}\``).join(', ')}${option.caseNorm ? ' (any case)' : ''}`);
  return facts.join(' · ');
}

function deprecationLine(d: SparkDeprecation): string {
  const since = d.since ? ` since Spark ${d.since}` : '';
  switch (d.read) {
    case 'forwarded':
      return `**Deprecated**${since}: Spark reads it as \`${d.target}\`.`;
    case 'defined':
      return `**Deprecated**${since}${d.replacement ? `; Spark points to \`${d.replacement}\`` : ''}. Still read.`;
    case 'warning':
      return `**No effect**${since}: Spark only warns about it.`;
    case 'removed':
      return `**Removed**${since}: any value but \`${d.removedDefault}\` fails.`;
  }
}

/** The short form completion shows beside a key: "type: bytes · default: 1g · bare number: MiB". */
function completionFacts(option: SparkOption): string {
  const facts = [`type: ${option.type}`, `default: ${option.default !== '' ? option.default : defaultText(option)}`];
  if (option.unit) facts.push(`bare number: ${option.unit}`);
  if (option.since) facts.push(`since ${option.since}`);
  return facts.join(' · ');
}

const itemsOf = new WeakMap<SparkCatalog, SparkKeyItem[]>();

/** Keys to offer in spark-defaults: the release's documented Spark keys and EMR's (one shared list per release). */
export function sparkKeyItems(catalog: SparkCatalog): SparkKeyItem[] {
  let items = itemsOf.get(catalog);
  if (!items) {
    items = catalog.allOptions().map((o) => ({
      label: o.name,
      detail: o.type,
      documentation: `${o.description ?? ''}\n\n${completionFacts(o)}\n\n_${catalog.describe}_`.trim(),
      deprecated: catalog.deprecation(o.name) !== undefined || undefined,
    }));
    itemsOf.set(catalog, items);
  }
  return items;
}

/** What our descriptions say about a namespace (they describe it under a pattern name such as spark.executorEnv.[Name]). */
function namespaceDescription(namespace: SparkNamespace): string | undefined {
  for (const [name, text] of Object.entries(sparkDescriptions as Record<string, string>)) {
    if (name.startsWith(namespace.prefix) && /[[{]/.test(name.slice(namespace.prefix.length))) return text;
  }
  return undefined;
}

/** Hover lines for a key in spark-defaults (or the spark classification), or undefined when the release has no such key. */
export function sparkKeyHover(catalog: SparkCatalog, key: string): string[] | undefined {
  const option = catalog.option(key);
  const deprecation = catalog.deprecation(key);
  if (!option && !deprecation) {
    const namespace = sparkNamespace(key);
    if (!namespace || namespace.kind === 'vendor') return undefined;
    const text = namespaceDescription(namespace) ?? '';
    return [`**${key}**`, '', text, '', `Every key under \`${namespace.prefix}\` is read: ${namespace.source}.`, `_${catalog.describe}_`];
  }
  const lines = [`**${key}**`, ''];
  if (option) lines.push(option.description ?? '', '', sparkOptionFacts(option));
  if (deprecation) lines.push(deprecationLine(deprecation));
  if (option?.origin === 'emr') lines.push('Read only by the Amazon EMR build of Spark.');
  lines.push(`_${catalog.describe}_`);
  return lines;
}
