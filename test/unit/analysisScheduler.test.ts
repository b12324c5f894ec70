import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisScheduler, MAX_QUIET_MS, MIN_QUIET_MS } from '../../server/src/lsp/analysisScheduler';

function scheduler(costs: number[]) {
  const runs: string[] = [];
  const s = new AnalysisScheduler(
    (uri) => {
      runs.push(uri);
      return costs.shift();
    },
    () => Date.now(),
  );
  return { s, runs };
}

test('the quiet period is twice the last analysis, within its bounds', () => {
  const { s } = scheduler([]);
  assert.equal(s.quietPeriod('file:///new.json'), MIN_QUIET_MS);
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  try {
    for (const [cost, expected] of [
      [1, MIN_QUIET_MS],
      [7.4, 15],
      [60, 120],
      [500, MAX_QUIET_MS],
    ] as const) {
      const { s: one } = scheduler([cost]);
      one.schedule('file:///a.json');
      mock.timers.tick(MIN_QUIET_MS);
      assert.equal(one.quietPeriod('file:///a.json'), expected, `after an analysis of ${cost} ms`);
    }
  } finally {
    mock.timers.reset();
  }
});

test('a burst of changes becomes one analysis once the document is quiet', () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  try {
    const { s, runs } = scheduler([40, 40]);
    s.schedule('file:///a.json');
    mock.timers.tick(MIN_QUIET_MS - 1);
    assert.deepEqual(runs, []);
    mock.timers.tick(1);
    assert.deepEqual(runs, ['file:///a.json']);
    // The analysis cost 40 ms: the next change waits 80 ms, and each change within it starts the wait again.
    for (let i = 0; i < 5; i++) {
      s.schedule('file:///a.json');
      mock.timers.tick(79);
    }
    assert.equal(runs.length, 1);
    mock.timers.tick(1);
    assert.equal(runs.length, 2);
  } finally {
    mock.timers.reset();
  }
});

test('documents are timed apart, and a cancelled or forgotten document is not analysed', () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  try {
    const { s, runs } = scheduler([100, undefined as unknown as number]);
    s.schedule('file:///slow.json');
    mock.timers.tick(MIN_QUIET_MS);
    assert.equal(s.quietPeriod('file:///slow.json'), 150);
    assert.equal(s.quietPeriod('file:///other.json'), MIN_QUIET_MS);
    s.schedule('file:///slow.json');
    s.schedule('file:///other.json');
    s.cancel('file:///slow.json');
    mock.timers.tick(MAX_QUIET_MS);
    assert.deepEqual(runs, ['file:///slow.json', 'file:///other.json']);
    // Not analysed (undefined cost): the last known cost stays.
    assert.equal(s.quietPeriod('file:///other.json'), MIN_QUIET_MS);
    s.forget('file:///slow.json');
    assert.equal(s.quietPeriod('file:///slow.json'), MIN_QUIET_MS);
  } finally {
    mock.timers.reset();
  }
});

test('after a quiet spell of twice the last cost, the next change is analysed at once', () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  try {
    const { s, runs } = scheduler([40, 40, 40]);
    s.schedule('file:///a.json');
    mock.timers.tick(MIN_QUIET_MS);
    assert.equal(runs.length, 1);
    // 79 ms after that analysis the document is still in a burst: the change waits the full 80 ms.
    mock.timers.tick(79);
    s.schedule('file:///a.json');
    mock.timers.tick(79);
    assert.equal(runs.length, 1);
    mock.timers.tick(1);
    assert.equal(runs.length, 2);
    // 80 ms of quiet: the next keystroke is answered after MIN_QUIET_MS.
    mock.timers.tick(80);
    s.schedule('file:///a.json');
    mock.timers.tick(MIN_QUIET_MS);
    assert.equal(runs.length, 3);
  } finally {
    mock.timers.reset();
  }
});
