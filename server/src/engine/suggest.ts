// Three rows reused by every call (the distance is computed many times per analysis, once per catalog name).
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance with adjacent transpositions (optimal string alignment), stopping early above `limit`:
 * exact when it is at most `limit`, otherwise some number above it. With a finite limit only the diagonal
 * band |i - j| <= limit is computed (a cell outside it costs more than the limit), so a call is O(length x limit).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  const band = Number.isFinite(limit) ? limit : a.length + n;
  const over = Number.isFinite(limit) ? limit + 1 : a.length + n + 1;
  if (rows[0].length < n + 2) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
  let previousPrevious = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(n, i + band);
    current[0] = i;
    if (low > 1) current[low - 1] = over;
    let rowMin = low === 1 ? i : over;
    for (let j = low; j <= high; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // The next row reads one cell past this row's band.
    if (high < n) current[high + 1] = over;
    if (rowMin > limit) return limit + 1;
    const spare = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[n];
}

/**
 * The closest candidate to `word`, if it is close enough to be a likely typo:
 * case-insensitive equality first, then the smallest edit distance within about a third of the length (at most 4).
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase().trim();
  if (lower === '') return undefined;
  const limit = Math.min(4, Math.max(1, Math.floor(lower.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (c === lower) return candidate;
    const d = editDistance(lower, c, bestDistance - 1 < limit ? bestDistance - 1 : limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
