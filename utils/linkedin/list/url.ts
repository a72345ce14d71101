// Which list page a URL is, its page number, and the key that names the list
// across its pages (the URL without its page number and tracking parameters).
import { parseUrl } from '../url';
import { LIST_PATHS as PATHS } from './paths';
import type { ListKind } from './types';

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

/** Parameters that do not change which people the list holds. */
const NOISE = /^(?:page|start|origin|sid|trk|lipi|_ntb|lici|viewAllFilters|session_id|spellCorrectionEnabled)$/i;

export interface ListPage {
  kind: ListKind;
  /** The page number the URL names (1 when it names none). */
  page: number;
  /** The same for every page of one list or search. */
  listKey: string;
}

export function listPageOf(input: string): ListPage | null {
  const url = parseUrl(input);
  if (!url || !/^https?:$/.test(url.protocol) || !LINKEDIN_HOST.test(url.hostname)) return null;
  const kind = PATHS.find(([re]) => re.test(url.pathname))?.[1];
  if (!kind) return null;
  const pageParam = Number(url.searchParams.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const kept = [...url.searchParams].filter(([k]) => !NOISE.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  return { kind, page, listKey: `${kind}:${path}${query ? `?${query}` : ''}` };
}
