// The generated catalog is what scripts/build-catalog.mjs makes of ../shared/data and data/: rebuilding gives the
// committed files byte for byte (when ../shared/data is here; $EMR_SPARK_SHARED points elsewhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { sharedFolder } from '../corpus/corpus';
import { repoRoot } from '../helpers';

const data = path.join(sharedFolder(repoRoot), 'data');

test('regenerating the catalog from ../shared/data gives the committed files', { skip: existsSync(path.join(data, 'spark-keys')) ? false : 'no ../shared/data here' }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'emr-spark-catalog-'));
  try {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-catalog.mjs'), data, '--out', out, '--quiet'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const committed = path.join(repoRoot, 'server', 'src', 'catalog', 'generated');
    assert.deepEqual(readdirSync(out).sort(), readdirSync(committed).sort());
    for (const name of readdirSync(out)) {
      assert.ok(readFileSync(path.join(out, name), 'utf8') === readFileSync(path.join(committed, name), 'utf8'), `${name} differs from a fresh build: run npm run catalog`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
