// Where two values differ, for showing a change at a glance: the common start
// and end stay plain, the middle is what was removed and what is added.

export interface ChangedSpan {
  prefix: string;
  removed: string;
  added: string;
  suffix: string;
}

/** Common start and end shorter than this are not worth showing apart ("Lyon" → "Paris" is one change). */
const MIN_COMMON = 3;

/**
 * Splits `before` → `after` into common prefix, removed middle, added middle
 * and common suffix, by code points (never splitting a surrogate pair). The
 * common parts are kept only when they hold at least three characters, so a
 * change is shown as a whole rather than as scattered letters.
 */
export function changedSpan(before: string, after: string): ChangedSpan {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start < MIN_COMMON) start = 0;
  if (end < MIN_COMMON) end = 0;
  return {
    prefix: a.slice(0, start).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    suffix: a.slice(a.length - end).join(''),
  };
}
