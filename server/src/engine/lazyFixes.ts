import type { Finding, Fix } from './findings';

// Some fixes take as long to write as the rest of a finding (merging one classification's properties into another
// writes every one of them), and most are never asked for: code actions ask for those under the cursor, the CLI's
// text output for none. A rule may give its fixes as a function; the finding then computes them the first time its
// `fixes` is read, and keeps them. Whoever reads `fixes` sees an array, as from any other finding.

/** Fixes as a rule gives them: written out, or to be written when first asked for. */
export type FixesOrLater = Fix[] | (() => Fix[]);

/** Gives the finding its fixes, computed on first read when they come as a function. */
export function setFixes(finding: Omit<Finding, 'fixes'> & { fixes?: Fix[] }, fixes: FixesOrLater | undefined): Finding {
  if (typeof fixes !== 'function') {
    finding.fixes = fixes ?? [];
    return finding as Finding;
  }
  let compute: (() => Fix[]) | undefined = fixes;
  let value: Fix[] = [];
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get() {
      if (compute) {
        const pending = compute;
        compute = undefined;
        value = pending();
      }
      return value;
    },
    set(next: Fix[]) {
      compute = undefined;
      value = next;
    },
  });
  return finding as Finding;
}

/** Rewrites a finding's fixes, now if they are written out, else when they are first read. */
export function transformFixes(finding: Finding, transform: (fixes: Fix[]) => Fix[]): void {
  const descriptor = Object.getOwnPropertyDescriptor(finding, 'fixes');
  if (!descriptor?.get) {
    finding.fixes = transform(finding.fixes);
    return;
  }
  const read = descriptor.get;
  setFixes(finding, () => transform(read.call(finding) as Fix[]));
}

/** The fixes of a report, written out. */
export function fixesNow(fixes: FixesOrLater | undefined): Fix[] {
  return typeof fixes === 'function' ? fixes() : (fixes ?? []);
}
