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

export interface KeySuggestion {
  name: string;
  /** No other candidate is as close: safe to offer as the preferred fix. */
  unambiguous: boolean;
}

interface KeyIndex {
  /** Lower-cased candidates split into dot-separated parts, by number of parts. */
  bySegments: Map<number, { name: string; parts: string[] }[]>;
  /** Candidates by lower-cased name, and by lower-cased name without dots. */
  byLower: Map<string, string[]>;
  byDotless: Map<string, string[]>;
  answers: Map<string, KeySuggestion | null>;
}

const keyIndex = oncePer((list: readonly string[]): KeyIndex => {
  const bySegments = new Map<number, { name: string; parts: string[] }[]>();
  const byLower = new Map<string, string[]>();
  const byDotless = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, name: string) => {
    const names = map.get(key);
    if (names) names.push(name);
    else map.set(key, [name]);
  };
  for (const name of list) {
    const lower = name.toLowerCase();
    const parts = lower.split('.');
    let group = bySegments.get(parts.length);
    if (!group) bySegments.set(parts.length, (group = []));
    group.push({ name, parts });
    push(byLower, lower, name);
    push(byDotless, lower.replace(/\./g, ''), name);
  }
  return { bySegments, byLower, byDotless, answers: new Map() };
});

/** How far one part of a key may be from the candidate's part and still read as a typo of it. */
function partLimit(part: string): number {
  return part.length >= 6 ? 2 : 1;
}

/**
 * The key a misspelled one most likely meant, by rules that keep a different key from passing for a typo:
 * the same name in other case; the same parts with one part misspelled (at most one edit in a short part, two in a
 * part of six characters or more); a dot missing or added; or a unique key that continues it by one more part.
 * A candidate that differs in more than one part, or in a part that is short and different (uri/id, host/port,
 * master.port/master.ui.port), is not offered.
 */
export function suggestKey(key: string, candidates: readonly string[]): KeySuggestion | undefined {
  if (key.length > 200) return undefined;
  const index = keyIndex(candidates);
  let answer = index.answers.get(key);
  if (answer === undefined) {
    answer = findKey(key, index) ?? null;
    if (index.answers.size >= 2000) index.answers.clear();
    index.answers.set(key, answer);
  }
  return answer ?? undefined;
}

function findKey(key: string, index: KeyIndex): KeySuggestion | undefined {
  const lower = key.toLowerCase();
  const sameCase = index.byLower.get(lower);
  if (sameCase) return { name: sameCase[0], unambiguous: sameCase.length === 1 };
  const parts = lower.split('.');
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of index.bySegments.get(parts.length) ?? []) {
    let differing = -1;
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === candidate.parts[i]) continue;
      if (differing >= 0) {
        ok = false;
        break;
      }
      differing = i;
    }
    if (!ok || differing < 0) continue;
    const a = parts[differing];
    const b = candidate.parts[differing];
    const limit = Math.min(partLimit(a), partLimit(b));
    const d = editDistance(a, b, limit);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = [candidate.name];
      bestDistance = d;
    } else if (d === bestDistance) best.push(candidate.name);
  }
  if (best.length > 0) return { name: best[0], unambiguous: best.length === 1 };
  const dotless = index.byDotless.get(lower.replace(/\./g, ''));
  if (dotless) return { name: dotless[0], unambiguous: dotless.length === 1 };
  const longer = (index.bySegments.get(parts.length + 1) ?? []).filter((c) => c.name.toLowerCase().startsWith(`${lower}.`));
  if (longer.length === 1) return { name: longer[0].name, unambiguous: true };
  return undefined;
}
