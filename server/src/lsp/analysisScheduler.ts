/** The shortest wait after a change: lets the edits already queued behind it (a paste, multi-cursor typing) land first. */
export const MIN_QUIET_MS = 4;
/** The longest wait: a document whose analysis is slow is analysed once the typing pauses for this long. */
export const MAX_QUIET_MS = 150;

/**
 * When to analyse a document after it changes. The wait scales with what the document's last analysis cost (twice
 * that, within MIN_QUIET_MS..MAX_QUIET_MS): a small file answers a keystroke at once, while on a file whose analysis
 * is slow a burst of keystrokes becomes one analysis and typing never keeps the server busy more than about a third
 * of the time. A fixed delay would make every file pay what only the largest need.
 */
export class AnalysisScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly costs = new Map<string, number>();

  /** `run` analyses the document and answers what its analysis cost (ms), or undefined when it was not analysed. */
  constructor(private readonly run: (uri: string) => number | undefined) {}

  /** The wait before analysing this document. */
  quietPeriod(uri: string): number {
    const cost = this.costs.get(uri) ?? 0;
    return Math.min(MAX_QUIET_MS, Math.max(MIN_QUIET_MS, Math.round(2 * cost)));
  }

  /** Analyse the document after its quiet period, replacing an analysis already waiting. */
  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.runAndRecord(uri);
      }, this.quietPeriod(uri)),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.costs.delete(uri);
  }

  private runAndRecord(uri: string): void {
    const cost = this.run(uri);
    if (cost !== undefined) this.costs.set(uri, cost);
  }
}
