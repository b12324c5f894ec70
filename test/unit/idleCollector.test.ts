import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { IDLE_COLLECT_GROWTH_BYTES, IdleCollector, nodeHooks, YOUNG_COLLECT_BYTES, type Collection } from '../../server/src/lsp/idleCollector';
import { SERVER_NODE_OPTIONS } from '../../server/src/serverProcess';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;

describe('collecting when the server is quiet', () => {
  test('collects (twice: the second gives back the emptied pages) after the work stops, only when the heap grew enough since the last time', async () => {
    let heap = 10 * MiB;
    let collections = 0;
    const collector = new IdleCollector(
      {
        collect: (kind) => {
          if (kind === 'young') return;
          collections++;
          heap = 12 * MiB;
        },
        heapUsed: () => heap,
        youngUsed: () => 0,
      },
      30,
    );
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

  test('collects the young generation just after each burst of work, when it holds enough', async () => {
    let young = 0;
    const collections: Collection[] = [];
    const collector = new IdleCollector(
      {
        collect: (kind) => {
          collections.push(kind);
          if (kind === 'young') young = 0;
        },
        heapUsed: () => 0,
        youngUsed: () => young,
      },
      10_000,
      5,
    );
    // A burst of answers closer together than the pause: no collection until it ends.
    for (let i = 0; i < 5; i++) {
      young += YOUNG_COLLECT_BYTES / 2;
      collector.touch();
      await wait(1);
    }
    await wait(30);
    assert.deepEqual(collections, ['young']);
    // Too little allocated since: not worth a collection.
    young = YOUNG_COLLECT_BYTES / 2;
    collector.touch();
    await wait(30);
    assert.deepEqual(collections, ['young']);
    young = YOUNG_COLLECT_BYTES;
    collector.touch();
    await wait(30);
    assert.deepEqual(collections, ['young', 'young']);
    collector.dispose();
  });

  test('the hooks ask Node\'s gc for a minor collection for the young generation and a full one otherwise', () => {
    const holder = globalThis as { gc?: unknown };
    const saved = holder.gc;
    const asked: unknown[] = [];
    holder.gc = (options?: unknown) => asked.push(options);
    try {
      const hooks = nodeHooks();
      hooks.collect!('young');
      hooks.collect!('full');
      assert.deepEqual(asked, [{ type: 'minor' }, undefined]);
      assert.ok(hooks.youngUsed() > 0);
    } finally {
      holder.gc = saved;
    }
  });

  test('Node started as the client starts the server takes that minor collection: the young generation empties', () => {
    const script = `
      const { getHeapSpaceStatistics } = require('node:v8');
      const used = (name) => getHeapSpaceStatistics().find((s) => s.space_name === name).space_used_size;
      let last;
      for (let i = 0; i < 20000; i++) last = [i, i + 1, i + 2];
      const young = used('new_space');
      gc({ type: 'minor' });
      console.log(JSON.stringify({ young, youngAfter: used('new_space') }));`;
    const out = execFileSync(process.execPath, [...SERVER_NODE_OPTIONS, '-e', script], { encoding: 'utf8' });
    const { young, youngAfter } = JSON.parse(out) as Record<string, number>;
    assert.ok(youngAfter < young / 4, `young generation ${young} -> ${youngAfter} bytes`);
  });

  test('does nothing without a gc function (Node started without --expose-gc)', async () => {
    const collector = new IdleCollector({ collect: undefined, heapUsed: () => 1e12, youngUsed: () => 1e12 }, 1, 1);
    collector.touch();
    await wait(10);
    collector.dispose();
  });
});
