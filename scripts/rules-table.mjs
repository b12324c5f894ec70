#!/usr/bin/env node
// Rewrites the README's rule table from the registry (run after `npm test` has compiled out/).
// The README test fails when the table and the registry disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES } = require('../out/server/src/rules/index.js');
const rows = RULES.map(
  (r) => `| [${r.id}](docs/rules/${r.id}.md) | \`${r.name}\` | ${r.severity}${r.optIn ? ' (opt-in)' : ''} | ${r.reads.join(', ')} | ${r.summary} |`,
);
const readme = readFileSync('README.md', 'utf8');
const lines = readme.split('\n');
const first = lines.findIndex((l) => /^\| \[[A-Z]+\d{3}\]/.test(l));
let last = first;
while (last + 1 < lines.length && /^\| \[[A-Z]+\d{3}\]/.test(lines[last + 1])) last++;
lines.splice(first, last - first + 1, ...rows);
writeFileSync('README.md', lines.join('\n'));
console.log(`${rows.length} rules in the README table`);
