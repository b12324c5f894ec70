import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IDLE_COLLECT_GROWTH_BYTES, IdleCollector } from '../../server/src/lsp/idleCollector';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;

describe('collecting when the server is quiet', () => {
  test('collects (twice: the second gives back the emptied pages) after the work stops, only when the heap grew enough since the last time', async () => {
    let heap = 10 * MiB;
    let collections = 0;
    const collector = new IdleCollector(() => {
      collections++;
      heap = 12 * MiB;
    }, () => heap, 30);
    // Work keeps coming: nothing is collected while it does.
    for (let i = 0; i < 5; i++) {
      heap += 10 * MiB;
      collector.touch();
      await wait(10);
    }
    assert.equal(collections, 0);
    await wait(60);
    assert.equal(collections, 2, 'collected after the quiet period, twice');
    // A little more work: not enough garbage to be worth it.
    heap += IDLE_COLLECT_GROWTH_BYTES / 2;
    collector.touch();
    await wait(60);
    assert.equal(collections, 2);
    heap += IDLE_COLLECT_GROWTH_BYTES;
    collector.touch();
    await wait(60);
    assert.equal(collections, 4);
    collector.dispose();
  });

  test('does nothing without a gc function (Node started without --expose-gc)', async () => {
    const collector = new IdleCollector(undefined, () => 1e12, 1);
    collector.touch();
    await wait(10);
    collector.dispose();
  });
});
