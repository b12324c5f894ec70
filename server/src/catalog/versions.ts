/** Compares dotted version strings numerically ("emr-" prefixes ignored): -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

// The same few versions (the catalog's releases, Spark's) are compared again and again: each is split once.
const partsOf = new Map<string, readonly number[]>();

function versionParts(version: string): readonly number[] {
  let parts = partsOf.get(version);
  if (!parts) {
    parts = version.replace(/^emr-/, '').split('.').map((n) => parseInt(n, 10) || 0);
    if (version.length > 100) return parts;
    if (partsOf.size >= 10_000) partsOf.clear();
    partsOf.set(version, parts);
  }
  return parts;
}
