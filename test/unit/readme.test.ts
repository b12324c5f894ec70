import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { repoRoot } from '../helpers';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

test('the README rule table matches the registry row for row', () => {
  const rows = readme.split('\n').filter((l) => /^\| \[[A-Z]+\d{3}\]/.test(l));
  const expected = RULES.map(
    (r) => `| [${r.id}](docs/rules/${r.id}.md) | \`${r.name}\` | ${r.severity}${r.optIn ? ' (opt-in)' : ''} | ${r.reads.join(', ')} | ${r.summary} |`,
  );
  assert.deepEqual(rows, expected);
});

test('the Quick start is exactly two commands, and .ci/run calls the test command', () => {
  const quick = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme);
  assert.ok(quick);
  assert.deepEqual(quick[1].trim().split('\n'), ['npm ci && npm run demo', 'npm test']);
  assert.match(readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8'), /^npm test$/m);
});
