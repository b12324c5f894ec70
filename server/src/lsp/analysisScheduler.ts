/** The shortest wait after a change: lets the edits already queued behind it (a paste, multi-cursor typing) land first. */
export const MIN_QUIET_MS = 4;
/** The longest wait: a document whose analysis is slow is analysed once the typing pauses for this long. */
export const MAX_QUIET_MS = 150;

/**
 * When to analyse a document after it changes. A change to a document that has been quiet since its last analysis
 * (for twice what that analysis cost) is analysed at once, after MIN_QUIET_MS; a change within that time, or while
 * an analysis waits, waits twice the last cost (at most MAX_QUIET_MS) after the last change. So a keystroke is
 * answered as soon as the document can be analysed, a burst of keystrokes becomes one analysis, and typing never
 * keeps the server busy more than about a third of the time. A fixed delay would make every file pay what only the
 * largest need.
 */
export class AnalysisScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly costs = new Map<string, number>();
  private readonly finished = new Map<string, number>();

  /**
   * `run` analyses the document and answers what its analysis cost (ms), or undefined when it was not analysed;
   * `now` is the clock (ms).
   */
  constructor(
    private readonly run: (uri: string) => number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The wait before analysing this document during a burst of changes. */
  quietPeriod(uri: string): number {
    const cost = this.costs.get(uri) ?? 0;
    return Math.min(MAX_QUIET_MS, Math.max(MIN_QUIET_MS, Math.round(2 * cost)));
  }

  /** Analyse the document soon, replacing an analysis already waiting. */
  schedule(uri: string): void {
    const quiet = this.quietPeriod(uri);
    const inBurst = this.timers.has(uri) || this.now() - (this.finished.get(uri) ?? -Infinity) < quiet;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          this.runAndRecord(uri);
        },
        inBurst ? quiet : MIN_QUIET_MS,
      ),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.costs.delete(uri);
    this.finished.delete(uri);
  }

  private runAndRecord(uri: string): void {
    const cost = this.run(uri);
    if (cost !== undefined) this.costs.set(uri, cost);
    this.finished.set(uri, this.now());
  }
}
