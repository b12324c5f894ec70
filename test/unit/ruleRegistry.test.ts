// The meta-test: every rule has a stable, well-formed identity, a doc page and fixtures that fire and pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { repoRoot } from '../helpers';

test('rule IDs and names are unique and well formed', () => {
  const ids = RULES.map((r) => r.id);
  const names = RULES.map((r) => r.name);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(new Set(names).size, names.length);
  for (const rule of RULES) {
    assert.match(rule.id, /^(EMR|SPK|SZ|JVM|YRN|SEC|ELA|SUB|HDP)\d{3}$/, rule.id);
    // Kebab case; a dot is allowed between digits for release numbers (emr-6.1-gc-conflict).
    assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+|\.[0-9]+)*$/, rule.name);
    assert.ok(rule.summary.length > 10, `${rule.id} has a summary`);
  }
});

test('each rule lives in its own file named after its ID and name', () => {
  const files = readdirSync(path.join(repoRoot, 'server', 'src', 'rules')).filter((f) => /^[A-Z]+\d{3}-/.test(f));
  assert.deepEqual(files.sort(), RULES.map((r) => `${r.id}-${r.name}.ts`).sort());
});

/** fires.json, passes.conf, fires.cfn.yaml, fires.eks.json: the word in between names the variant. */
const FIXTURE = /^(fires|passes)(\.[a-z]+)?\.(json|jsonc|conf|yaml)$/;

for (const rule of RULES) {
  test(`${rule.id} has a doc page and fixtures`, () => {
    const doc = path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(existsSync(doc), `docs/rules/${rule.id}.md exists`);
    assert.ok(readFileSync(doc, 'utf8').startsWith(`# ${rule.id} ${rule.name}`), 'the doc page starts with the ID and the name');
    const dir = path.join(repoRoot, 'test', 'fixtures', rule.id);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const fires = files.filter((f) => FIXTURE.test(f) && f.startsWith('fires.'));
    assert.ok(fires.length > 0, 'a fixture that must fire');
    assert.ok(files.some((f) => FIXTURE.test(f) && f.startsWith('passes.')), 'a fixture that must not fire');
    for (const f of fires) assert.ok(files.includes(`${f}.expected.json`), `${f}.expected.json beside it`);
  });
}
