// The directory sync as data: what is persisted between steps (so a stopped
// service worker resumes where it was) and the pure transitions from one state
// to the next. No I/O here; sync.ts drives it.
import * as z from 'zod/mini';
import type { ApiErrorInfo } from '../skipcall/errors';
import { DirectoryContactSchema, type DirectoryContact } from './contact';

export const SYNC_STATE_VERSION = 1;
/** Documented maximum page size. */
export const SYNC_PAGE_SIZE = 100;
/** 200,000 contacts: past this the walk stops, whatever the server says. */
export const MAX_PAGES = 2000;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;

export interface SyncWalk {
  /** Next page to read (0-based). */
  nextPage: number;
  pagesRead: number;
  total?: number;
  startedAt: number;
  /** Contacts read so far in this walk, without duplicates. */
  contacts: DirectoryContact[];
  /** Contacts of this walk that could not be read (malformed, or without a usable id). */
  skipped?: number;
}

export interface SyncFailure {
  kind: string;
  status?: number;
  at: number;
}

export interface SyncState {
  version: typeof SYNC_STATE_VERSION;
  /** What the last probe of GET /v1/contacts found. */
  list: 'unknown' | 'available' | 'unavailable';
  /** When the list was last found available or unavailable. */
  checkedAt?: number;
  /** A walk in progress. */
  walk?: SyncWalk;
  /** End of the last complete walk, and how many contacts it gave. */
  completedAt?: number;
  completedCount?: number;
  /** Contacts the last complete walk could not read. */
  completedSkipped?: number;
  /** Request budget: no request before this. Always respected. */
  paceUntil?: number;
  /** After a failure, no retry before this (a forced step ignores it). */
  retryAt?: number;
  /** Consecutive failures, for the backoff. */
  failures: number;
  lastError?: SyncFailure;
}

export interface SyncProgress {
  pagesRead: number;
  contactsRead: number;
  total?: number;
  /** Contacts that could not be read and are not in the directory; left out when none. */
  skipped?: number;
}

export interface SyncTiming {
  refreshAfterMs: number;
  reprobeAfterMs: number;
}

export type WaitReason = 'budget' | 'retry' | 'unavailable' | 'fresh';
export type Waiting = { kind: 'waiting'; reason: WaitReason; until: number };

export function initialSyncState(): SyncState {
  return { version: SYNC_STATE_VERSION, list: 'unknown', failures: 0 };
}

const count = z.int().check(z.nonnegative());
const time = z.optional(z.number().check(z.nonnegative()));
const StoredSchema = z.object({
  version: z.literal(SYNC_STATE_VERSION),
  list: z.enum(['unknown', 'available', 'unavailable']),
  checkedAt: time,
  // Contacts are read one by one below: one damaged contact must not cost the whole walk.
  walk: z.optional(z.object({ nextPage: count, pagesRead: count, total: time, startedAt: z.number(), contacts: z.array(z.unknown()), skipped: z.optional(count) })),
  completedAt: time,
  completedCount: z.optional(count),
  completedSkipped: z.optional(count),
  paceUntil: time,
  retryAt: time,
  failures: z._default(count, 0),
  lastError: z.optional(z.object({ kind: z.string(), status: z.optional(z.number()), at: z.number() })),
});

/**
 * Whatever storage returns → a usable state; a damaged state starts over, a
 * damaged contact of the walk is left out (and counted). Never throws.
 */
export function readSyncState(stored: unknown): SyncState {
  const parsed = StoredSchema.safeParse(stored);
  if (!parsed.success) return initialSyncState();
  const { walk, ...rest } = parsed.data;
  if (!walk) return rest as SyncState;
  const contacts = walk.contacts.flatMap((raw) => {
    const contact = DirectoryContactSchema.safeParse(raw);
    return contact.success ? [contact.data] : [];
  });
  const skipped = (walk.skipped ?? 0) + walk.contacts.length - contacts.length;
  return { ...(rest as SyncState), walk: { ...(walk as SyncWalk), contacts, ...(skipped && { skipped }) } };
}

/** A total below what was already read is not a total (see pageRead); it is left out. */
export function progress(pagesRead: number, contactsRead: number, total: number | undefined, skipped = 0): SyncProgress {
  return { pagesRead, contactsRead, ...((total ?? -1) >= contactsRead && { total }), ...(skipped > 0 && { skipped }) };
}

export function progressOf(state: SyncState): SyncProgress {
  const walk = state.walk;
  return walk
    ? progress(walk.pagesRead, walk.contacts.length, walk.total, walk.skipped)
    : progress(0, state.completedCount ?? 0, undefined, state.completedSkipped);
}

export type SyncPhase = 'not-started' | 'syncing' | 'ready' | 'unavailable' | 'failing';

/**
 * One word for the settings page and the popup. A refresh walk is "syncing"
 * while the previous directory stays usable (completedAt tells since when).
 */
export function syncPhase(state: SyncState): SyncPhase {
  if (state.list === 'unavailable') return 'unavailable';
  if (state.lastError) return 'failing';
  if (state.walk) return 'syncing';
  return state.completedAt !== undefined ? 'ready' : 'not-started';
}

/**
 * What to do now: the page to read, or why to wait and until when. The budget is
 * checked last, so "nothing due" is answered at once rather than after a pacing wait.
 */
export function planStep(state: SyncState, now: number, timing: SyncTiming, force: boolean): number | Waiting {
  const wait = (reason: WaitReason, until: number): Waiting | undefined => (now < until ? { kind: 'waiting', reason, until } : undefined);
  const { walk, list, retryAt, completedAt, paceUntil } = state;
  return (
    (!force && retryAt !== undefined && wait('retry', retryAt)) ||
    (!force && !walk && list === 'unavailable' && wait('unavailable', (state.checkedAt ?? 0) + timing.reprobeAfterMs)) ||
    (!force && !walk && list === 'available' && completedAt !== undefined && wait('fresh', completedAt + timing.refreshAfterMs)) ||
    (paceUntil !== undefined && wait('budget', paceUntil)) ||
    (walk?.nextPage ?? 0)
  );
}

export interface PageOutcome {
  state: SyncState;
  /** Set when this page ended the walk: every contact of the walk. */
  complete?: DirectoryContact[];
}

/** After a conclusive answer of the list: no failure pending, and no walk (the caller puts back the one going on). */
function answered(state: SyncState, list: SyncState['list'], now: number): SyncState {
  const { walk: _walk, retryAt: _retryAt, lastError: _lastError, ...rest } = state;
  return { ...rest, list, checkedAt: now, failures: 0 };
}

/**
 * Adds a page to the walk; `skipped` of its contacts could not be read (they
 * still count towards a full page). The walk ends on an empty or short page, when
 * `total` is reached, on a full page of contacts already read (a server that
 * ignores `page`), or at MAX_PAGES. A `total` no larger than a page is not
 * trusted to end the walk: envelopes are undocumented and `count` may be the
 * size of the page, not of the list (at worst one empty page is read).
 */
export function pageRead(
  state: SyncState,
  page: number,
  size: number,
  items: readonly DirectoryContact[],
  total: number | undefined,
  now: number,
  skipped = 0,
): PageOutcome {
  const walk = state.walk ?? { nextPage: 0, pagesRead: 0, startedAt: now, contacts: [] };
  const skippedSoFar = (walk.skipped ?? 0) + skipped;
  // A contact read again replaces the earlier one, in its place.
  const byId = new Map(walk.contacts.map((c) => [c.id, c]));
  for (const item of items) byId.set(item.id, item);
  const contacts = [...byId.values()];
  const knownTotal = total ?? walk.total;
  const base = answered(state, 'available', now);
  const done =
    items.length + skipped < size ||
    contacts.length <= walk.contacts.length ||
    ((knownTotal ?? 0) > size && (page + 1) * size >= knownTotal!) ||
    page + 1 >= MAX_PAGES;
  if (done) {
    const { completedSkipped: _previous, ...fresh } = base;
    return { state: { ...fresh, completedAt: now, completedCount: contacts.length, ...(skippedSoFar && { completedSkipped: skippedSoFar }) }, complete: contacts };
  }
  const next: SyncWalk = {
    ...walk,
    nextPage: page + 1,
    pagesRead: walk.pagesRead + 1,
    contacts,
    ...(knownTotal !== undefined && { total: knownTotal }),
    ...(skippedSoFar && { skipped: skippedSoFar }),
  };
  return { state: { ...base, walk: next } };
}

export function pageFailed(state: SyncState, error: ApiErrorInfo, now: number): SyncState {
  // 404 (or 405) on the list: this account has no contact list; ask again after `reprobeAfterMs`.
  if (error.kind === 'not-found' || error.status === 404 || error.status === 405) return answered(state, 'unavailable', now);
  const failures = state.failures + 1;
  const retryAt = error.kind === 'rate-limited' && error.retryAt !== undefined ? Math.max(error.retryAt, now) : now + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
  const lastError: SyncFailure = { kind: error.kind, at: now, ...(error.status !== undefined && { status: error.status }) };
  // The walk is kept: the next step resumes at the page that failed.
  return { ...state, failures, retryAt, lastError };
}
