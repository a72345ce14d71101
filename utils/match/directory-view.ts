// The read-only search structure of the directory, derived from its entries
// and rebuilt in one pass after changes. Every distinct word sits in one sorted
// array, so the words starting with a prefix are one contiguous rank range
// (two binary searches); the postings are laid out in that same order in one
// flat typed array, so a prefix's contacts are one contiguous slice. The query
// word with the shortest slice drives; the other words are checked on each
// candidate with integer rank comparisons, no string work per contact.

/** Kinds of field a word comes from, best first; the weights below are indexed by them. */
export const FIRST = 0;
export const LAST = 1;
export const COMPANY = 2;
export const EMAIL = 3;
/** Score of a query word per kind of contact word: [exact, prefix]. Names count most. */
const WEIGHTS = [10, 6, 10, 6, 5, 4, 3, 2];
/** Result order key = score · RANK_SPAN + reversed alphabetical rank; holds 4M contacts. */
const RANK_SPAN = 2 ** 22;
/** Up to this limit the best results are kept in a small sorted buffer instead of sorting every match. */
const SMALL_LIMIT = 64;

export interface ViewEntry {
  /** One code per distinct word: word id · 4 + the kind of field it came from (one array, not two, per contact). */
  codes: readonly number[];
  /** Folded names: results with the same score are listed by last name, then first name. */
  first: string;
  last: string;
}

export const wordCode = (wordId: number, kind: number): number => wordId * 4 + kind;

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the `limit` largest keys, ascending. */
function keepTop(top: number[], key: number, limit: number): void {
  if (top.length >= limit) {
    if (key <= top[0]!) return;
    top.shift();
  }
  let i = top.length;
  top.push(key);
  while (i > 0 && top[i - 1]! > key) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = key;
}

export class SearchView {
  private readonly entries: readonly (ViewEntry | undefined)[];
  private readonly sortedWords: string[];
  private readonly rankOf: Int32Array;
  /** Posting range of the word of rank r: [start[r], start[r + 1]). */
  private readonly start: Int32Array;
  private readonly postSlot: Int32Array;
  private readonly postKind: Uint8Array;
  private readonly slotRank: Int32Array;
  private readonly slotByRank: Int32Array;
  // Scratch space reused by every search.
  private readonly stamp: Uint32Array;
  private readonly best: Uint8Array;
  private readonly touched: Int32Array;
  private generation = 0;

  constructor(entries: readonly (ViewEntry | undefined)[], wordText: readonly string[], wordId: ReadonlyMap<string, number>) {
    this.entries = entries;
    const wordCount = wordText.length;
    // The native sort of strings is several times faster than sorting ids with a comparator.
    this.sortedWords = wordText.slice().sort();
    this.rankOf = new Int32Array(wordCount);
    this.sortedWords.forEach((word, rank) => (this.rankOf[wordId.get(word)!] = rank));

    // Counting sort of the postings by word rank.
    const counts = new Int32Array(wordCount + 1);
    let total = 0;
    for (const entry of entries) {
      if (!entry) continue;
      for (const code of entry.codes) counts[this.rankOf[code >>> 2]! + 1]!++;
      total += entry.codes.length;
    }
    this.start = new Int32Array(wordCount + 1);
    for (let r = 0; r < wordCount; r++) this.start[r + 1] = this.start[r]! + counts[r + 1]!;
    const cursor = this.start.slice(0, wordCount);
    this.postSlot = new Int32Array(total);
    this.postKind = new Uint8Array(total);
    entries.forEach((entry, slot) => {
      if (!entry) return;
      for (const code of entry.codes) {
        const at = cursor[this.rankOf[code >>> 2]!]!++;
        this.postSlot[at] = slot;
        this.postKind[at] = code & 3;
      }
    });

    // Alphabetical order by (last name, first name), then insertion: rank the distinct names once,
    // then sort slots on integers (sorting 50,000 long look-alike strings took most of the rebuild).
    const rankIn = (names: Set<string>) => new Map([...names].sort().map((name, rank) => [name, rank]));
    const lastRank = rankIn(new Set(entries.flatMap((e) => (e ? [e.last] : []))));
    const firstRank = rankIn(new Set(entries.flatMap((e) => (e ? [e.first] : []))));
    const nameOrder = new Float64Array(entries.length);
    const live: number[] = [];
    entries.forEach((entry, slot) => {
      if (!entry) return;
      nameOrder[slot] = lastRank.get(entry.last)! * firstRank.size + firstRank.get(entry.first)!;
      live.push(slot);
    });
    this.slotByRank = Int32Array.from(live).sort((a, b) => nameOrder[a]! - nameOrder[b]! || a - b);
    this.slotRank = new Int32Array(entries.length);
    this.slotByRank.forEach((slot, rank) => (this.slotRank[slot] = rank));

    this.stamp = new Uint32Array(entries.length);
    this.best = new Uint8Array(entries.length);
    this.touched = new Int32Array(entries.length);
  }

  /** Slots of the contacts matching every folded query word (as a prefix), best first. */
  search(words: readonly string[], limit: number): number[] {
    const n = words.length;
    if (n === 0 || limit <= 0) return [];
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    const exact = new Int32Array(n);
    let driver = 0;
    for (let i = 0; i < n; i++) {
      const word = words[i]!;
      lo[i] = lowerBound(this.sortedWords, word);
      hi[i] = lowerBound(this.sortedWords, `${word}\uffff`);
      if (lo[i]! >= hi[i]!) return [];
      exact[i] = this.sortedWords[lo[i]!] === word ? lo[i]! : -1;
      const size = this.start[hi[i]!]! - this.start[lo[i]!]!;
      if (size < this.start[hi[driver]!]! - this.start[lo[driver]!]!) driver = i;
    }

    // Best weight of the driving word per contact, from its postings alone.
    const generation = this.nextGeneration();
    const { stamp, best, touched, postSlot, postKind } = this;
    const exactRank = exact[driver]!;
    const exactFrom = exactRank >= 0 ? this.start[exactRank]! : -1;
    const exactTo = exactRank >= 0 ? this.start[exactRank + 1]! : -1;
    let count = 0;
    for (let p = this.start[lo[driver]!]!, end = this.start[hi[driver]!]!; p < end; p++) {
      const slot = postSlot[p]!;
      const weight = WEIGHTS[postKind[p]! * 2 + (p >= exactFrom && p < exactTo ? 0 : 1)]!;
      if (stamp[slot] !== generation) {
        stamp[slot] = generation;
        best[slot] = weight;
        touched[count++] = slot;
      } else if (weight > best[slot]!) {
        best[slot] = weight;
      }
    }

    // The other words must each be a prefix of one of the contact's words.
    const top: number[] = [];
    const all: number[] = [];
    const small = limit <= SMALL_LIMIT;
    for (let t = 0; t < count; t++) {
      const slot = touched[t]!;
      let total = best[slot]!;
      if (n > 1) {
        const entry = this.entries[slot]!;
        for (let i = 0; i < n && total > 0; i++) {
          if (i === driver) continue;
          let wordBest = 0;
          for (const code of entry.codes) {
            const rank = this.rankOf[code >>> 2]!;
            if (rank < lo[i]! || rank >= hi[i]!) continue;
            const weight = WEIGHTS[(code & 3) * 2 + (rank === exact[i] ? 0 : 1)]!;
            if (weight > wordBest) wordBest = weight;
          }
          total = wordBest === 0 ? 0 : total + wordBest;
        }
      }
      if (total === 0) continue;
      const key = total * RANK_SPAN + (RANK_SPAN - 1 - this.slotRank[slot]!);
      if (small) keepTop(top, key, limit);
      else all.push(key);
    }
    const ordered = small ? top : all.sort((a, b) => a - b).slice(-limit);
    const out: number[] = [];
    for (let k = ordered.length - 1; k >= 0; k--) out.push(this.slotByRank[RANK_SPAN - 1 - (ordered[k]! % RANK_SPAN)]!);
    return out;
  }

  private nextGeneration(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}
