import { compareVersions, sparkCatalog } from '../catalog';
import { setValue } from '../engine/edits';
import { keysOf } from '../engine/effective';
import type { Fix } from '../engine/findings';
import { isTemplateEntry, placeholdersIn } from '../engine/templates';
import type { Rule } from './types';
import { liveEntriesOf } from './liveEntries';

/** The sources ConfigReader binds a prefix to: environment variables and Java system properties. */
const SPARK_PREFIXES: ReadonlySet<string> = new Set(['env', 'system']);

export const unresolvedPlaceholder: Rule = {
  id: 'SPK008',
  name: 'unresolved-placeholder',
  severity: 'warning',
  summary: 'A ${NAME} in a Spark value that Spark does not fill in: it substitutes only ${env:NAME}, ${system:NAME} and other Spark settings.',
  reads: ['properties'],
  check({ model, release, report }) {
    const catalog = sparkCatalog(release);
    const setKeys = keysOf(model, 'spark-defaults');
    // Spark 2.1 added the substitution (SPARK-16272): Spark 2.0 leaves every reference as typed.
    const substitutes = compareVersions(catalog.sparkVersion, '2.1.0') >= 0;
    for (const { entry } of liveEntriesOf(model, 'spark-defaults')) {
      if (entry.valueKind !== 'string' || !entry.valueSpan || !entry.value.includes('${') || isTemplateEntry(model, entry)) continue;
      // Spark substitutes references only where a ConfigEntry reads the value (ConfigEntry.readString).
      if (catalog.option(entry.key)?.origin !== 'spark') continue;
      // One finding per value: the first reference Spark leaves as it is.
      const ref = placeholdersIn(entry.value).find(
        (r) => !substitutes || !(r.prefix !== undefined ? SPARK_PREFIXES.has(r.prefix) : setKeys.has(r.name) || catalog.option(r.name)),
      );
      if (ref && !substitutes) {
        report({
          span: entry.valueSpan,
          path: entry.path,
          message: `"${ref.text}" in "${entry.key}" is not filled in: ${catalog.describe} substitutes no \${...} reference (Spark 2.1 added that), so the text stays as it is. If a tool fills it in before Spark reads the file, all is well.`,
        });
      } else if (ref) {
        const envLike = ref.prefix === undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.name);
        // In a CloudFormation template a ${Name} is most likely meant for !Sub, which would resolve it at deploy time.
        const cloudFormation = model.shape.id === 'cloudformation';
        const fixes: Fix[] = envLike && !cloudFormation
          ? [{ title: `Use \${env:${ref.name}}`, edits: [setValue(model, entry, entry.value.split(ref.text).join(`\${env:${ref.name}}`))] }]
          : [];
        const source = ref.prefix !== undefined ? `Spark has no "${ref.prefix}:" source` : `"${ref.name}" is not a Spark setting`;
        report({
          span: entry.valueSpan,
          path: entry.path,
          message:
            `"${ref.text}" in "${entry.key}" is not filled in by Spark: it substitutes only \${env:NAME}, \${system:NAME} and other Spark settings, and ${source}, so the text stays as it is. ` +
            (cloudFormation
              ? `For a template parameter or resource, write the value with !Sub so that CloudFormation fills it in.`
              : `If a tool fills it in before Spark reads the file, all is well${envLike ? `; for the environment variable, write \${env:${ref.name}}` : ''}.`),
          fixes,
        });
      }
    }
  },
};
