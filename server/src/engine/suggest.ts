import { oncePer } from './memo';
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
 * A list is recognised by identity (its answers are kept): do not modify a list once it has been asked about.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase().trim();
  if (lower === '') return undefined;
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const index = candidateIndex(list);
  // The same unknown names come back in every analysis of a document being edited.
  let answer = lower.length <= 200 ? index.answers.get(lower) : undefined;
  if (answer === undefined) {
    answer = closest(lower, list, index) ?? null;
    if (lower.length <= 200) {
      if (index.answers.size >= 1000) index.answers.clear();
      index.answers.set(lower, answer);
    }
  }
  return answer ?? undefined;
}

interface CandidateIndex {
  lowered: readonly string[];
  /** The first position of each lower-cased candidate. */
  firstOf: ReadonlyMap<string, number>;
  /** Positions of the candidates of each length, in list order. */
  byLength: ReadonlyMap<number, readonly number[]>;
  answers: Map<string, string | null>;
}

const candidateIndex = oncePer(indexList);

function indexList(list: readonly string[]): CandidateIndex {
  const lowered = list.map((c) => c.toLowerCase());
  const firstOf = new Map<string, number>();
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < lowered.length; i++) {
    const c = lowered[i];
    if (!firstOf.has(c)) firstOf.set(c, i);
    let positions = byLength.get(c.length);
    if (!positions) byLength.set(c.length, (positions = []));
    positions.push(i);
  }
  return { lowered, firstOf, byLength, answers: new Map() };
}

/**
 * The first candidate equal to `lower` ignoring case, else the first of those at the smallest distance within the limit.
 * Only candidates whose length is within the limit can be that close: they are visited in list order, and two cheap
 * lower bounds rule out most of them before the distance table.
 */
function closest(lower: string, list: readonly string[], index: CandidateIndex): string | undefined {
  const equal = index.firstOf.get(lower);
  if (equal !== undefined) return list[equal];
  const limit = Math.min(4, Math.max(1, Math.floor(lower.length / 3)));
  const positions: number[] = [];
  for (let length = Math.max(0, lower.length - limit); length <= lower.length + limit; length++) {
    const atLength = index.byLength.get(length);
    if (atLength) for (const i of atLength) positions.push(i);
  }
  positions.sort((a, b) => a - b);
  const word7 = wordBuckets(lower);
  let best: string | undefined;
  let bestDistance = limit + 1;
  try {
    for (const i of positions) {
      const c = index.lowered[i];
      const bound = bestDistance - 1 < limit ? bestDistance - 1 : limit;
      if (Math.abs(c.length - lower.length) > bound || bagDistance(lower, word7, c) > bound) continue;
      const d = editDistance(lower, c, bound);
      if (d < bestDistance) {
        best = list[i];
        bestDistance = d;
      }
    }
  } finally {
    for (const k of word7) buckets[k] = 0;
  }
  return bestDistance <= limit ? best : undefined;
}

// Character counts of the word being matched, in 128 buckets (a character's code modulo 128).
const buckets = new Int32Array(128);

/** Fills `buckets` with the word's counts; returns the buckets it uses. */
function wordBuckets(word: string): number[] {
  const used: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const k = word.charCodeAt(i) & 127;
    if (buckets[k]++ === 0) used.push(k);
  }
  return used;
}

/**
 * A lower bound of the edit distance: how many characters one string has that the other lacks, counted by bucket
 * (merging characters only lowers the count; a transposition changes nothing, any other edit one count).
 * `buckets` holds the word's counts and is left as it was found.
 */
function bagDistance(word: string, used: readonly number[], candidate: string): number {
  for (let i = 0; i < candidate.length; i++) buckets[candidate.charCodeAt(i) & 127]--;
  let surplus = 0;
  for (let i = 0; i < used.length; i++) if (buckets[used[i]] > 0) surplus += buckets[used[i]];
  for (let i = 0; i < candidate.length; i++) buckets[candidate.charCodeAt(i) & 127]++;
  // surplus - shortfall = word.length - candidate.length
  return Math.max(surplus, surplus - (word.length - candidate.length));
}
