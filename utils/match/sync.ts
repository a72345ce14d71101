// Fills the local contact directory from GET /v1/contacts, which the docs do
// not promise (API.md §3, §4): the first page is the probe, a 404 means "no
// contact list" for a day, pages are read one step at a time within half the
// rate limit, and progress is saved after every page so a service worker that
// stops mid-walk resumes at the next page. The index is never emptied by a
// walk in progress: pages are added as they come, and only a complete walk
// replaces the directory (dropping contacts deleted in Skipcall).
import { toErrorInfo, type ApiErrorInfo } from '../skipcall/errors';
import { isDirectoryId, toDirectoryContact, type ContactInput, type DirectoryContact } from './contact';
import {
  pageFailed,
  pageRead,
  planStep,
  progress as progressAt,
  progressOf,
  readSyncState,
  SYNC_PAGE_SIZE,
  type SyncProgress,
  type SyncState,
  type SyncTiming,
  type Waiting,
} from './sync-state';

export { initialSyncState, readSyncState, progressOf, syncPhase, SYNC_PAGE_SIZE } from './sync-state';
export type { SyncPhase, SyncProgress, SyncState, SyncWalk, SyncFailure, WaitReason } from './sync-state';

/** The part of the Skipcall client the sync uses (createSkipcallClient fits). */
export interface ContactLister {
  /** `skipped`: contacts of the page the client could not read (malformed), left out of `items`. */
  listContacts(page: number, size: number): Promise<{ items: readonly ContactInput[]; total?: number; skipped?: number }>;
  readonly rateLimit?: { limit: number; remaining: number; resetAt: number } | undefined;
}

export interface SyncStore {
  /** Checked on load: a damaged or foreign value starts a fresh state. */
  load(): Promise<SyncState | undefined>;
  save(state: SyncState): Promise<void>;
}

export interface DirectorySyncOptions {
  client: ContactLister;
  store: SyncStore;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
  /** Contacts of each page read, and the walk so far once after a restart: upsert them into the live index. */
  onContacts?: (contacts: DirectoryContact[]) => void | Promise<void>;
  /** A walk finished: the directory is exactly these contacts (replace the index and persist it). */
  onComplete?: (contacts: DirectoryContact[]) => void | Promise<void>;
  /** Default 100, the documented maximum. */
  pageSize?: number;
  /** A complete directory is walked again after this long. Default 1 hour. */
  refreshAfterMs?: number;
  /** A list found missing (404) is probed again after this long. Default 1 day. */
  reprobeAfterMs?: number;
}

export type StepResult =
  | { kind: 'page'; page: number; progress: SyncProgress; complete: boolean; nextAt: number }
  | Waiting
  | { kind: 'unavailable'; until: number }
  | { kind: 'failed'; error: ApiErrorInfo; retryAt: number };

export interface StepOptions {
  /** Start a walk now even if the directory is fresh, retry now after a failure, probe again now if the list was missing. The budget still applies. */
  force?: boolean;
}

export interface RunOptions extends StepOptions {
  /** Checked between pages; run() returns at the next one once aborted. */
  signal?: { readonly aborted: boolean };
}

export interface DirectorySync {
  step(options?: StepOptions): Promise<StepResult>;
  /** Steps until the walk completes or cannot go on now (failure, no list, nothing due), sleeping between pages. */
  run(options?: RunOptions): Promise<StepResult>;
  state(): Promise<SyncState>;
}

/** Half of what the API announces per minute; 50 until it has said (the documented limit is 100). */
const FALLBACK_BUDGET_PER_MINUTE = 50;
const MINUTE_MS = 60_000;

/** When the next request may go: evenly paced within half the rate limit, and never into the other half of a window. */
export function nextRequestAt(rateLimit: ContactLister['rateLimit'], now: number): number {
  const half = rateLimit && rateLimit.limit > 0 ? rateLimit.limit / 2 : 0;
  const at = now + Math.ceil(MINUTE_MS / (half || FALLBACK_BUDGET_PER_MINUTE));
  return half && rateLimit!.remaining <= half && rateLimit!.resetAt > now ? Math.max(at, rateLimit!.resetAt) : at;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDirectorySync(options: DirectorySyncOptions): DirectorySync {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const size = Math.min(SYNC_PAGE_SIZE, Math.max(1, options.pageSize ?? SYNC_PAGE_SIZE));
  const timing: SyncTiming = {
    refreshAfterMs: options.refreshAfterMs ?? 60 * MINUTE_MS,
    reprobeAfterMs: options.reprobeAfterMs ?? 24 * 60 * MINUTE_MS,
  };
  let current: SyncState | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let running: Promise<StepResult> | undefined;

  async function load(): Promise<SyncState> {
    if (current) return current;
    current = readSyncState(await options.store.load());
    // After a restart the live index lacks the pages this walk already read.
    if (current.walk?.contacts.length) await options.onContacts?.(current.walk.contacts);
    return current;
  }

  /** Saves the state after a request at `at`, with the time the next one may go. */
  async function commit(state: SyncState, at: number): Promise<SyncState> {
    current = { ...state, paceUntil: nextRequestAt(options.client.rateLimit, at) };
    await options.store.save(current);
    return current;
  }

  async function stepNow(force: boolean): Promise<StepResult> {
    const state = await load();
    const page = planStep(state, now(), timing, force);
    if (typeof page !== 'number') return page;
    let answer: Awaited<ReturnType<ContactLister['listContacts']>>;
    try {
      answer = await options.client.listContacts(page, size);
    } catch (thrown) {
      const at = now();
      const error = toErrorInfo(thrown);
      const failed = await commit(pageFailed(state, error, at), at);
      return failed.list === 'unavailable' ? { kind: 'unavailable', until: at + timing.reprobeAfterMs } : { kind: 'failed', error, retryAt: failed.retryAt! };
    }
    const at = now();
    // A contact without a usable id is skipped and counted; over-long fields are cut (toDirectoryContact), never fatal.
    const items = answer.items.filter((item) => isDirectoryId(item?.id)).map(toDirectoryContact);
    const skipped = (answer.skipped ?? 0) + answer.items.length - items.length;
    const { state: next, complete } = pageRead(state, page, size, items, answer.total, at, skipped);
    const saved = await commit(next, at);
    const progress = complete ? progressAt(page + 1, complete.length, answer.total, saved.completedSkipped) : progressOf(saved);
    await options.onContacts?.(items);
    options.onProgress?.(progress);
    if (complete) await options.onComplete?.(complete);
    return { kind: 'page', page, progress, complete: !!complete, nextAt: saved.paceUntil! };
  }

  /** One step at a time, even when the background calls step() and run() together. */
  function step(stepOptions: StepOptions = {}): Promise<StepResult> {
    const next = queue.then(() => stepNow(!!stepOptions.force));
    queue = next.catch(() => undefined);
    return next;
  }

  async function loop(runOptions: RunOptions): Promise<StepResult> {
    let force = !!runOptions.force;
    for (;;) {
      const result = await step({ force });
      if (result.kind !== 'waiting') force = false;
      const walking = (result.kind === 'page' && !result.complete) || (result.kind === 'waiting' && result.reason === 'budget');
      if (!walking || runOptions.signal?.aborted) return result;
      await sleep(Math.max(0, (result.kind === 'page' ? result.nextAt : result.until) - now()));
    }
  }

  return {
    step,
    run(runOptions: RunOptions = {}) {
      running ??= loop(runOptions).finally(() => {
        running = undefined;
      });
      return running;
    },
    async state() {
      await queue;
      return load();
    },
  };
}
