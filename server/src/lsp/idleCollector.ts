import { getHeapSpaceStatistics } from 'node:v8';

/** How long the server must have been quiet before it collects everything. */
export const IDLE_COLLECT_MS = 1000;
/** Garbage worth a full collection: the heap has grown this much since the last one. */
export const IDLE_COLLECT_GROWTH_BYTES = 16 * 1024 * 1024;
/** How long after an answer the young generation is collected, if no other work came. */
export const YOUNG_COLLECT_MS = 2;
/** Young objects worth a collection between keystrokes. */
export const YOUNG_COLLECT_BYTES = 1024 * 1024;

export type Collection = 'young' | 'full';

export interface CollectorHooks {
  /** Collects; undefined when Node was started without --expose-gc. */
  collect?: (kind: Collection) => void;
  heapUsed: () => number;
  youngUsed: () => number;
}

/** The hooks of this process: its gc function, if Node exposes one, and its heap figures. */
export function nodeHooks(): CollectorHooks {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  return {
    collect: gc && ((kind) => gc(kind === 'young' ? { type: 'minor' } : undefined)),
    heapUsed: () => process.memoryUsage().heapUsed,
    youngUsed: () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0,
  };
}

/**
 * Collects garbage while the server has nothing to do, so that a keystroke does not wait on it. Node's gc function
 * (--expose-gc, which the VS Code client passes: SERVER_NODE_OPTIONS) is needed; without it this does nothing.
 *
 * - Young generation, just after an answer: a keystroke on a 2,000-line file leaves about 1.5 MiB of young objects, so
 *   V8 would stop one keystroke in five or six to collect them; collecting in the pause after the answer takes that
 *   pause out of the keystrokes (side by side, in two runs: keystroke p95 on that file 10.4 -> 7.7 and 11.1 -> 8.9 ms, CPU 3-10 % more).
 * - Everything, once typing has paused for a second: each analysis of a large document leaves tens of MiB of dead
 *   models and findings behind, which V8 collects only when the heap is next full, so the process would stay as
 *   large as its busiest moment.
 */
export class IdleCollector {
  private youngTimer: NodeJS.Timeout | undefined;
  private fullTimer: NodeJS.Timeout | undefined;
  private heapAfterLast = 0;

  constructor(
    private readonly hooks: CollectorHooks = nodeHooks(),
    private readonly idleMs = IDLE_COLLECT_MS,
    private readonly youngMs = YOUNG_COLLECT_MS,
  ) {}

  /** Work was done: collect the young generation soon and everything after idleMs, each when there is enough to. */
  touch(): void {
    const collect = this.hooks.collect;
    if (!collect) return;
    clearTimeout(this.youngTimer);
    this.youngTimer = setTimeout(() => {
      this.youngTimer = undefined;
      if (this.hooks.youngUsed() >= YOUNG_COLLECT_BYTES) collect('young');
    }, this.youngMs);
    this.youngTimer.unref();
    clearTimeout(this.fullTimer);
    this.fullTimer = setTimeout(() => {
      this.fullTimer = undefined;
      if (this.hooks.heapUsed() - this.heapAfterLast < IDLE_COLLECT_GROWTH_BYTES) return;
      // Twice: the first collection frees the objects, the second gives back the pages they left empty (RSS 3 s
      // after the bench's JSON documents: 180-210 MiB after one collection, 130 MiB after two).
      collect('full');
      collect('full');
      this.heapAfterLast = this.hooks.heapUsed();
    }, this.idleMs);
    this.fullTimer.unref();
  }

  dispose(): void {
    clearTimeout(this.youngTimer);
    clearTimeout(this.fullTimer);
  }
}
