// The rows of the list page the user has open (Sales Navigator lead lists and
// searches, LinkedIn people search, connections): one row per person shown,
// with its profile or lead URL. Read only: nothing is clicked, scrolled or
// written; rows rendered later (lazy) come with the next read.
import type { ListRow, PageRead } from '../../profile';
import { parseLocation } from '../location';
import { positionFromHeadline } from '../headline';
import { canonicalProfileUrl, canonicalSalesUrl, parseLinkedInUrl } from '../url';
import { clean, cleanDisplayName, splitName } from '../text';
import { terminalState } from '../state';
import { currentPageOf } from './dom';
import { salesnav2024 } from './salesnav-2024';
import { salesnav2026 } from './salesnav-2026';
import { searchEmber } from './search-ember';
import { sdui } from './sdui';
import { listPageOf } from './url';
import type { ListStrategy, RawRow } from './types';

export { listPageOf } from './url';

/** Most rows one read reports (LinkedIn shows 10–100 per page; connections scroll on). */
export const MAX_LIST_ROWS = 500;
const MAX_TEXT = 500;

const STRATEGIES: readonly ListStrategy[] = [salesnav2026, salesnav2024, sdui, searchEmber];

const cut = (text: string | undefined) => clean(text).slice(0, MAX_TEXT);

/** A raw row as a ListRow; null when its link names no profile or lead. */
export function toListRow(raw: RawRow, page: number): ListRow | null {
  const target = parseLinkedInUrl(raw.href ?? '');
  const name = cleanDisplayName(raw.name) || clean(raw.name);
  if (!name || (target.kind !== 'profile' && target.kind !== 'salesnav-lead')) return null;
  const row: ListRow = { key: '', name: cut(name), page };
  if (target.kind === 'profile') row.linkedinUrl = row.key = canonicalProfileUrl(target.slug);
  else row.linkedinSalesUrl = row.key = canonicalSalesUrl(target.leadId);
  const { first, last } = splitName(name);
  if (first) row.firstName = cut(first);
  if (last) row.lastName = cut(last);
  const headline = cut(raw.headline);
  if (headline) row.headline = headline;
  const guessed = !raw.title && !raw.company ? positionFromHeadline(headline) : {};
  const title = cut(raw.title ?? guessed.role);
  const company = cut(raw.company ?? guessed.company);
  if (title) row.title = title;
  if (company) row.company = company;
  const location = cut(raw.location);
  if (location) {
    row.location = location;
    const place = parseLocation(location);
    if (place.city) row.city = cut(place.city);
    if (place.country) row.country = cut(place.country);
  }
  return row;
}

/** The list page as a PageRead, or null when the URL is no list page. */
export function readListUnguarded(doc: Document, url: string): PageRead | null {
  const list = listPageOf(url);
  if (!list) return null;
  const terminal = terminalState(doc);
  if (terminal) return { state: terminal, url };
  const page = currentPageOf(doc) ?? list.page;
  let best: { strategy: ListStrategy; rows: ListRow[]; pending: number } | undefined;
  for (const strategy of STRATEGIES) {
    if (!strategy.kinds.includes(list.kind)) continue;
    const containers = strategy.rows(doc);
    if (!containers.length) continue;
    const rows: ListRow[] = [];
    const seen = new Set<string>();
    let pending = 0;
    for (const container of containers) {
      const raw = strategy.read(container);
      if (raw === 'skeleton') pending++;
      if (!raw || raw === 'skeleton') continue;
      const row = toListRow(raw, page);
      // The same person twice on a page (a list showing a lead in two places) is one row.
      if (!row || seen.has(row.key)) continue;
      seen.add(row.key);
      rows.push(row);
    }
    if (!best || rows.length > best.rows.length) best = { strategy, rows, pending };
  }
  return {
    state: 'list',
    url,
    kind: list.kind,
    listKey: list.listKey,
    page,
    rows: (best?.rows ?? []).slice(0, MAX_LIST_ROWS),
    pending: best?.pending ?? 0,
    strategy: best?.strategy.name ?? 'none',
  };
}

/** readListUnguarded behind a safety net: a markup change gives an empty list, never a crash. */
export function readList(doc: Document, url: string): PageRead | null {
  try {
    return readListUnguarded(doc, url);
  } catch {
    const list = listPageOf(url);
    return list && { state: 'list', url, kind: list.kind, listKey: list.listKey, page: list.page, rows: [], pending: 0, strategy: 'none' };
  }
}
