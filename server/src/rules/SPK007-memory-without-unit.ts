import { sparkCatalog } from '../catalog';
import { setValue } from '../engine/edits';
import { formatMiB, groupDigits } from '../engine/units';
import type { Rule } from './types';
import { entryRule, isLiveSparkDefault } from './entryRule';

const SUFFIX: Record<string, string> = { KiB: 'k', MiB: 'm', GiB: 'g' };

export const memoryWithoutUnit: Rule = entryRule({
  id: 'SPK007',
  name: 'memory-without-unit',
  severity: 'warning',
  summary: 'A size written as a bare number, which Spark reads in the key\'s own unit (MiB for executor and driver memory).',
  reads: ['properties'],
  checkEntry(entry, place, { model, release, report }) {
    if (!isLiveSparkDefault(place)) return;
    const option = sparkCatalog(release).option(entry.key);
    if (!option || option.type !== 'bytes' || !option.unit || !SUFFIX[option.unit] || !entry.valueSpan || entry.valueKind !== 'string') return;
    const bare = entry.value.trim();
    if (!/^[0-9]+$/.test(bare)) return;
    const n = Number(bare);
    const meaning = option.unit === 'MiB' ? formatMiB(n) : `${groupDigits(n)} ${option.unit}`;
    const gib = option.unit === 'MiB' && n >= 1024 && n % 1024 !== 0 ? ` (${(n / 1024).toFixed(1)} GiB)` : '';
    const explicit = `${bare}${SUFFIX[option.unit]}`;
    report({
      span: entry.valueSpan,
      path: entry.path,
      message: `"${entry.key}" = "${bare}" has no unit, so Spark reads it as ${meaning}${gib}. Write the unit to make that visible: "${explicit}".`,
      fixes: [{ title: `Write "${explicit}"`, edits: [setValue(model, entry, explicit)], preferred: true }],
    });
  },
});
