/** How long the server must have been quiet before it collects. */
export const IDLE_COLLECT_MS = 1000;
/** Garbage worth a full collection: the heap has grown this much since the last one. */
export const IDLE_COLLECT_GROWTH_BYTES = 16 * 1024 * 1024;

/**
 * Returns the garbage of a burst of work once the server is quiet. Each analysis of a large document leaves tens of
 * MiB of dead models and findings behind, which V8 collects only when the heap is next full, so the process stays
 * as large as its busiest moment. Full collections when typing has paused for a second give that memory back (tens
 * of milliseconds, never while a keystroke waits). It needs `gc` (Node's --expose-gc, which the VS Code client
 * passes: SERVER_NODE_OPTIONS); without it this does nothing.
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private heapAfterLast = 0;

  constructor(
    private readonly collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
    private readonly heapUsed: () => number = () => process.memoryUsage().heapUsed,
    private readonly idleMs = IDLE_COLLECT_MS,
  ) {}

  /** Work was done: collect once the server has been quiet for idleMs, if the heap grew enough. */
  touch(): void {
    if (!this.collect) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.heapUsed() - this.heapAfterLast < IDLE_COLLECT_GROWTH_BYTES) return;
      // Twice: the first collection frees the objects, the second gives back the pages they left empty (RSS 3 s
      // after the bench's JSON documents: 180-210 MiB after one collection, 130 MiB after two).
      this.collect!();
      this.collect!();
      this.heapAfterLast = this.heapUsed();
    }, this.idleMs);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
