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
/** Score of a query word per kind of contact word, when it is the whole word or a prefix of it. Names count most. */
const EXACT = [10, 10, 5, 3];
const PREFIX = [6, 6, 4, 2];
/** Result order key = score · RANK_SPAN + reversed alphabetical rank; holds 4M contacts. */
const RANK_SPAN = 2 ** 22;

export interface ViewEntry {
  /** One code per distinct word: word id · 4 + the kind of field it came from (one array, not two, per contact). */
  codes: readonly number[];
  /** Folded names: results with the same score are listed by last name, then first name. */
  first: string;
  last: string;
}

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

/** Slots of the contacts matching every folded query word (as a prefix), best first. */
export type SearchView = (words: readonly string[], limit: number) => number[];

/** `wordId` gives the ids in insertion order: 0, 1, 2… */
export function searchView(entries: readonly ViewEntry[], wordId: ReadonlyMap<string, number>): SearchView {
  const wordCount = wordId.size;
  const size = entries.length;
  // The native sort of strings is several times faster than sorting ids with a comparator.
  const sortedWords = [...wordId.keys()].sort();
  const rankOf = new Int32Array(wordCount);
  sortedWords.forEach((word, rank) => (rankOf[wordId.get(word)!] = rank));

  // Counting sort of the postings by word rank: those of the word of rank r are [start[r], start[r + 1]).
  const start = new Int32Array(wordCount + 1);
  for (const entry of entries) for (const code of entry.codes) start[rankOf[code >>> 2]! + 1]!++;
  for (let r = 0; r < wordCount; r++) start[r + 1]! += start[r]!;
  const cursor = start.slice(0, wordCount);
  /** Slot · 4 + kind of field. */
  const postings = new Int32Array(start[wordCount]!);
  entries.forEach((entry, slot) => {
    for (const code of entry.codes) postings[cursor[rankOf[code >>> 2]!]!++] = slot * 4 + (code & 3);
  });

  // Alphabetical order by (last name, first name), then insertion: rank the distinct names with the
  // native sort, then sort slots on integers (a comparator on 50,000 long look-alike strings took
  // most of the rebuild). "\0" sorts before any letter: "last\0first" orders by last name first.
  const names = entries.map((e) => `${e.last}\0${e.first}`);
  const nameRank = new Map([...new Set(names)].sort().map((name, rank) => [name, rank]));
  const nameOrder = names.map((name) => nameRank.get(name)!);
  const slotByRank = Int32Array.from(entries.keys()).sort((a, b) => nameOrder[a]! - nameOrder[b]! || a - b);
  const slotRank = new Int32Array(size);
  slotByRank.forEach((slot, rank) => (slotRank[slot] = rank));

  // Scratch space reused by every search; `best` is back to zeros after each.
  const best = new Uint8Array(size);
  const touched = new Int32Array(size);
  const keys = new Float64Array(size);

  return (words, limit) => {
    const n = words.length;
    // The ranks of the words a query word is a prefix of: [lo, hi); the word itself, if
    // there, is the first of them: [lo, exactEnd) is empty or holds it.
    const lo: number[] = [];
    const hi: number[] = [];
    const exactEnd: number[] = [];
    let driver = 0;
    for (let i = 0; i < n; i++) {
      const word = words[i]!;
      lo[i] = lowerBound(sortedWords, word);
      hi[i] = lowerBound(sortedWords, `${word}\uffff`);
      exactEnd[i] = sortedWords[lo[i]!] === word ? lo[i]! + 1 : lo[i]!;
      if (start[hi[i]!]! - start[lo[i]!]! < start[hi[driver]!]! - start[lo[driver]!]!) driver = i;
    }

    // Best weight of the driving word per contact, from its postings alone (none if a word
    // matches nothing: it drives).
    const exactPostingsEnd = start[exactEnd[driver]!]!;
    let count = 0;
    for (let p = start[lo[driver]!]!, end = start[hi[driver]!]!; p < end; p++) {
      const slot = postings[p]! >>> 2;
      const weight = (p < exactPostingsEnd ? EXACT : PREFIX)[postings[p]! & 3]!;
      if (!best[slot]) touched[count++] = slot;
      if (weight > best[slot]!) best[slot] = weight;
    }

    // The other words must each be a prefix of one of the contact's words.
    let found = 0;
    for (let t = 0; t < count; t++) {
      const slot = touched[t]!;
      let total = best[slot]!;
      best[slot] = 0;
      for (let i = 0; i < n && total; i++) {
        if (i === driver) continue;
        let wordBest = 0;
        for (const code of entries[slot]!.codes) {
          const rank = rankOf[code >>> 2]!;
          if (rank < lo[i]! || rank >= hi[i]!) continue;
          const weight = (rank < exactEnd[i]! ? EXACT : PREFIX)[code & 3]!;
          if (weight > wordBest) wordBest = weight;
        }
        total = wordBest && total + wordBest;
      }
      if (total) keys[found++] = total * RANK_SPAN + (RANK_SPAN - 1 - slotRank[slot]!);
    }
    // A typed array sorts numbers natively, ascending: the best are last.
    const ordered = keys.subarray(0, found).sort();
    const out: number[] = [];
    for (let k = found - 1; k >= 0 && out.length < limit; k--) out.push(slotByRank[RANK_SPAN - 1 - (ordered[k]! % RANK_SPAN)]!);
    return out;
  };
}
