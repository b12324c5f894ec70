/** What the sizing engine tells the rules, the CLI and the editor about one document. */
export interface SizingReport {
  /** Set when the engine had no cluster to size against, and why. */
  unavailable?: string;
}
