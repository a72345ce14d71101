// The directory sync against the local sandbox API: real HTTP, real 404s,
// injected faults; only the clock and the sleeps are simulated.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSkipcallClient, type SkipcallClientOptions } from '@/utils/skipcall/client';
import type { Contact } from '@/utils/skipcall/schemas';
import type { DirectoryContact } from '@/utils/match/contact';
import { buildIndex, getContact, search, upsertContacts, type DirectoryIndex } from '@/utils/match/directory';
import {
  createDirectorySync,
  initialSyncState,
  nextRequestAt,
  readSyncState,
  syncPhase,
  type ContactLister,
  type DirectorySyncOptions,
  type SyncState,
} from '@/utils/match/sync';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { SANDBOX_ACCESS } from '../support/access';
import { WORKSPACE_PARIS } from '../../sandbox/seed';

const IN_SCOPE_SEEDS = 8;
const DAY = 24 * 60 * 60_000;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** Adds in-scope contacts listed after the seed ones. */
function addContacts(target: Sandbox, count: number): void {
  for (let i = 0; i < count; i++) {
    const id = `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const contact: Contact = {
      id,
      firstName: `Prénom${i}`,
      lastName: `Nom${i}`,
      allowPhoneCalls: true,
      callCount: 0,
      teamId: WORKSPACE_PARIS,
      phoneNumbers: ['+33600000000'],
      customFields: {},
      createdAt: new Date(Date.UTC(2025, 2, 1, 0, 0, i)).toISOString(),
      updatedAt: new Date(Date.UTC(2025, 2, 1)).toISOString(),
      lastModificationSource: 'API',
      email: `contact${i}@exemple.fr`,
      company: i % 2 ? 'Société Paire' : null,
      city: null,
      country: null,
      url: null,
      linkedinUrl: null,
      linkedinSalesUrl: null,
      role: null,
      lastCallAt: null,
    };
    target.contacts.set(id, contact);
  }
}

function memoryStore(initial?: SyncState) {
  let value: SyncState | undefined = initial && structuredClone(initial);
  const saves: SyncState[] = [];
  return {
    saves,
    get value() {
      return value;
    },
    async load() {
      return value && structuredClone(value);
    },
    async save(state: SyncState) {
      value = structuredClone(state);
      saves.push(value);
    },
  };
}

function fakeClock() {
  const clock = { time: Date.now(), sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
}

function client(overrides: Partial<SkipcallClientOptions> = {}) {
  return createSkipcallClient({ baseUrl: sandbox.url, apiKey: DEMO_API_KEY, ...SANDBOX_ACCESS, maxAttempts: 1, sleep: async () => {}, ...overrides });
}

/** A sync wired the way the background wires it: pages go into the live index, a complete walk replaces it. */
function harness(options: Partial<DirectorySyncOptions> & { store?: ReturnType<typeof memoryStore>; index?: DirectoryIndex } = {}) {
  const time = fakeClock();
  const store = options.store ?? memoryStore();
  const progress: { pagesRead: number; contactsRead: number; total?: number }[] = [];
  const completed: DirectoryContact[][] = [];
  const live = { index: options.index ?? buildIndex([]) };
  const sync = createDirectorySync({
    client: client(),
    store,
    now: time.now,
    sleep: time.sleep,
    onProgress: (p) => progress.push(p),
    onContacts: (contacts) => upsertContacts(live.index, contacts),
    onComplete: (contacts) => {
      completed.push(contacts);
      live.index = buildIndex(contacts);
    },
    ...options,
  });
  return { sync, store, progress, completed, live, ...time };
}

const listRequests = () =>
  sandbox.log.filter((e) => e.path === '/v1/contacts' && e.method === 'GET').map((e) => `${e.query.page}/${e.query.size} ${e.status}`);

describe('a full walk', () => {
  it('reads every page within the budget, saving after each, then completes', async () => {
    addContacts(sandbox, 250);
    const h = harness();
    const result = await h.sync.run();

    expect(result).toMatchObject({ kind: 'page', page: 2, complete: true, progress: { pagesRead: 3, contactsRead: 258, total: 258 } });
    expect(listRequests()).toEqual(['0/100 200', '1/100 200', '2/100 200']);
    expect(h.progress).toEqual([
      { pagesRead: 1, contactsRead: 100, total: 258 },
      { pagesRead: 2, contactsRead: 200, total: 258 },
      { pagesRead: 3, contactsRead: 258, total: 258 },
    ]);
    // Half of 100 requests per minute: one page every 1.2 s.
    expect(h.clock.sleeps).toEqual([1200, 1200]);
    expect(h.store.saves.map((s) => [s.walk?.nextPage, s.walk?.contacts.length])).toEqual([
      [1, 100],
      [2, 200],
      [undefined, undefined],
    ]);
    expect(h.completed).toHaveLength(1);
    expect(h.completed[0]).toHaveLength(258);
    expect(h.store.value).toMatchObject({ list: 'available', completedCount: 258, failures: 0 });
    expect(h.live.index.size).toBe(258);
    expect(search(h.live.index, 'élodie marchand').map((c) => c.company)).toContain('Brasserie Lumière');
  });

  it('does nothing while the directory is fresh, walks again when forced or due', async () => {
    const h = harness({ refreshAfterMs: 60 * 60_000 });
    await h.sync.run();
    expect(listRequests()).toHaveLength(1);
    // Nothing is due: answered at once, not after the pacing wait.
    expect(await h.sync.run()).toMatchObject({ kind: 'waiting', reason: 'fresh' });
    expect(h.clock.sleeps).toEqual([]);

    h.clock.time += 5 * 60_000;
    expect(await h.sync.run()).toMatchObject({ kind: 'waiting', reason: 'fresh' });
    expect(listRequests()).toHaveLength(1);

    expect(await h.sync.run({ force: true })).toMatchObject({ kind: 'page', complete: true });
    expect(listRequests()).toHaveLength(2);

    h.clock.time += 61 * 60_000;
    expect(await h.sync.step()).toMatchObject({ kind: 'page', complete: true });
    expect(listRequests()).toHaveLength(3);
  });

  it('a complete re-walk drops contacts deleted in Skipcall; the walk in progress never empties the index', async () => {
    addContacts(sandbox, 150);
    const old = buildIndex([{ id: 'deleted-in-skipcall', firstName: 'Gone', lastName: 'Away' }]);
    const h = harness({ index: old });
    const sizes: number[] = [];
    const sync = createDirectorySync({
      client: client(),
      store: h.store,
      now: h.now,
      sleep: h.sleep,
      onContacts: (contacts) => {
        upsertContacts(h.live.index, contacts);
        sizes.push(h.live.index.size);
        expect(getContact(h.live.index, 'deleted-in-skipcall')).toBeDefined();
      },
      onComplete: (contacts) => {
        h.live.index = buildIndex(contacts);
      },
    });
    await sync.run();
    expect(sizes).toEqual([101, 159]);
    expect(getContact(h.live.index, 'deleted-in-skipcall')).toBeUndefined();
    expect(h.live.index.size).toBe(158);
  });

  it('steps one request at a time, and concurrent runs share one walk', async () => {
    addContacts(sandbox, 150);
    const h = harness();
    const [a, b] = [h.sync.run(), h.sync.run()];
    expect(a).toBe(b);
    await a;
    expect(listRequests()).toEqual(['0/100 200', '1/100 200']);

    // step() right after a page waits for the budget instead of sending.
    const fresh = harness();
    sandbox.log.length = 0;
    expect(syncPhase(await fresh.sync.state())).toBe('not-started');
    expect(await fresh.sync.step()).toMatchObject({ kind: 'page', page: 0, complete: false });
    expect(syncPhase(await fresh.sync.state())).toBe('syncing');
    expect(await fresh.sync.step()).toMatchObject({ kind: 'waiting', reason: 'budget' });
    expect(listRequests()).toHaveLength(1);
  });
});

describe('no contact list', () => {
  it('a 404 on the probe is remembered for a day, then probed again', async () => {
    sandbox.setContactList(false);
    const h = harness();
    const result = await h.sync.run();
    expect(result).toEqual({ kind: 'unavailable', until: h.clock.time + DAY });
    expect(listRequests()).toEqual(['0/100 404']);
    expect(h.store.value).toMatchObject({ list: 'unavailable', checkedAt: h.clock.time });
    expect(syncPhase(h.store.value!)).toBe('unavailable');
    expect(h.completed).toEqual([]);

    // A restarted worker remembers it too.
    const again = harness({ store: h.store });
    again.clock.time = h.clock.time + 60 * 60_000;
    expect(await again.sync.run()).toMatchObject({ kind: 'waiting', reason: 'unavailable' });
    expect(listRequests()).toHaveLength(1);

    sandbox.setContactList(true);
    again.clock.time = h.clock.time + DAY + 1;
    expect(await again.sync.run()).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: IN_SCOPE_SEEDS } });
    expect(again.store.value).toMatchObject({ list: 'available' });
  });

  it('a forced step probes again at once', async () => {
    sandbox.setContactList(false);
    const h = harness();
    await h.sync.run();
    sandbox.setContactList(true);
    expect(await h.sync.run({ force: true })).toMatchObject({ kind: 'page', complete: true });
  });

  it('a 404 in the middle of a walk stops it without dropping the pages read', async () => {
    addContacts(sandbox, 150);
    const h = harness({ pageSize: 50 });
    await h.sync.step();
    sandbox.setContactList(false);
    h.clock.time += 2000;
    expect(await h.sync.step()).toMatchObject({ kind: 'unavailable' });
    expect(h.store.value?.walk).toBeUndefined();
    expect(h.live.index.size).toBe(50);
    expect(h.completed).toEqual([]);
  });
});

describe('failures', () => {
  it('a failure mid-walk resumes later from the failed page, without losing the pages read', async () => {
    addContacts(sandbox, 250);
    const store = memoryStore();
    const first = harness({
      store,
      onProgress: (p) => {
        if (p.pagesRead === 1) sandbox.failNext(1, 500);
      },
    });
    const failed = await first.sync.run();
    expect(failed).toMatchObject({ kind: 'failed', error: { kind: 'server', status: 500 } });
    expect(listRequests()).toEqual(['0/100 200', '1/100 500']);
    expect(store.value).toMatchObject({ failures: 1, lastError: { kind: 'server', status: 500 }, walk: { nextPage: 1, pagesRead: 1 } });
    expect(store.value?.walk?.contacts).toHaveLength(100);
    expect(syncPhase(store.value!)).toBe('failing');
    if (failed.kind !== 'failed') throw new Error('expected a failure');
    expect(failed.retryAt).toBe(first.clock.time + 60_000);

    // The worker restarts: the new instance gets the pages already read back, then goes on after the backoff.
    const second = harness({ store });
    second.clock.time = first.clock.time;
    expect(await second.sync.run()).toMatchObject({ kind: 'waiting', reason: 'retry' });
    expect(second.live.index.size).toBe(100);
    second.clock.time += 60_000;
    const done = await second.sync.run();
    expect(done).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: 258 } });
    expect(listRequests()).toEqual(['0/100 200', '1/100 500', '1/100 200', '2/100 200']);
    expect(second.completed[0]).toHaveLength(258);
    expect(new Set(second.completed[0]!.map((c) => c.id)).size).toBe(258);
    expect(store.value).toMatchObject({ failures: 0 });
    expect(store.value?.lastError).toBeUndefined();
    expect(syncPhase(store.value!)).toBe('ready');
  });

  it('backs off longer after each failure, and a forced run retries at once', async () => {
    const h = harness();
    sandbox.failNext(10, 503);
    const retries: number[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await h.sync.run({ force: true });
      if (result.kind !== 'failed') throw new Error(result.kind);
      retries.push(result.retryAt - h.clock.time);
      h.clock.time += 2000;
    }
    expect(retries).toEqual([60_000, 120_000, 240_000]);
  });

  it('waits for the announced reset after a 429', async () => {
    const h = harness();
    sandbox.failNext(1, 429);
    const result = await h.sync.run();
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'rate-limited' } });
    if (result.kind === 'failed') expect(result.retryAt).toBeGreaterThanOrEqual(h.clock.time);
  });

  it('an invalid key is a failure, not a missing list', async () => {
    const time = fakeClock();
    const sync = createDirectorySync({ client: client({ apiKey: 'sk_test_wrong' }), store: memoryStore(), now: time.now, sleep: time.sleep });
    expect(await sync.run()).toMatchObject({ kind: 'failed', error: { kind: 'invalid-key' } });
    expect(await sync.state()).toMatchObject({ list: 'unknown', failures: 1 });
  });
});

describe('tolerant reading', () => {
  /** The sandbox answers {data, total, page, size}; rewrite it to another envelope. */
  function reshaping(reshape: (body: { data: unknown[]; total: number }) => unknown, rewriteUrl: (url: URL) => void = () => {}): typeof fetch {
    return async (input, init) => {
      const url = new URL(String(input));
      rewriteUrl(url);
      const response = await fetch(url, init);
      const body = (await response.json()) as { data: unknown[]; total: number };
      return new Response(JSON.stringify(response.ok ? reshape(body) : body), { status: response.status, headers: response.headers });
    };
  }

  async function walk(fetchImpl: typeof fetch, pageSize = 100) {
    const time = fakeClock();
    const completed: DirectoryContact[][] = [];
    const sync = createDirectorySync({
      client: client({ fetch: fetchImpl }),
      store: memoryStore(),
      now: time.now,
      sleep: time.sleep,
      pageSize,
      onComplete: (contacts) => {
        completed.push(contacts);
      },
    });
    const result = await sync.run();
    return { result, contacts: completed[0] };
  }

  it('a bare array without total: stops on the short page', async () => {
    addContacts(sandbox, 250);
    const { contacts } = await walk(reshaping((b) => b.data));
    expect(contacts).toHaveLength(258);
    expect(listRequests()).toEqual(['0/100 200', '1/100 200', '2/100 200']);
  });

  it('{items, totalCount}: stops when the total is reached, without asking for an empty page', async () => {
    addContacts(sandbox, 192);
    const { contacts } = await walk(reshaping((b) => ({ items: b.data, totalCount: b.total })));
    expect(contacts).toHaveLength(200);
    expect(listRequests()).toEqual(['0/100 200', '1/100 200']);
  });

  it('a `count` that is the size of the page does not end the walk early', async () => {
    addContacts(sandbox, 250);
    const { contacts } = await walk(reshaping((b) => ({ data: b.data, count: b.data.length })));
    expect(contacts).toHaveLength(258);
    expect(listRequests()).toEqual(['0/100 200', '1/100 200', '2/100 200']);
  });

  it('{contacts} without total and an exact multiple of the page size: stops on the empty page', async () => {
    addContacts(sandbox, 192);
    const { contacts } = await walk(reshaping((b) => ({ contacts: b.data, meta: { next: null } })));
    expect(contacts).toHaveLength(200);
    expect(listRequests()).toEqual(['0/100 200', '1/100 200', '2/100 200']);
  });

  it('a server that ignores `page`: stops when a full page brings nothing new', async () => {
    addContacts(sandbox, 250);
    const { contacts } = await walk(
      reshaping(
        (b) => b.data,
        (url) => url.searchParams.set('page', '0'),
      ),
    );
    expect(contacts).toHaveLength(100);
    expect(sandbox.log.filter((e) => e.path === '/v1/contacts')).toHaveLength(2);
  });

  it('an answer without a list is a failure, retried later', async () => {
    const { result } = await walk(reshaping(() => ({ message: 'ok' })));
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'bad-response' } });
  });
});

describe('request budget', () => {
  it('paces at half the announced limit', async () => {
    const fast = await startSandbox({ port: 0, rateLimitPerMinute: 1000 });
    try {
      const store = memoryStore();
      const time = fakeClock();
      const sync = createDirectorySync({
        client: createSkipcallClient({ baseUrl: fast.url, apiKey: DEMO_API_KEY, ...SANDBOX_ACCESS, maxAttempts: 1 }),
        store,
        now: time.now,
        sleep: time.sleep,
        pageSize: 3,
      });
      await sync.run();
      // 8 seed contacts, 3 a page: 3 pages, 2 waits of 60 s / 500.
      expect(time.clock.sleeps).toEqual([120, 120]);
    } finally {
      await fast.close();
    }
  });

  it('50 requests a minute until the API has said its limit, and never into the other half of a window', () => {
    const now = 1_000_000;
    expect(nextRequestAt(undefined, now)).toBe(now + 1200);
    expect(nextRequestAt({ limit: 0, remaining: 0, resetAt: 0 }, now)).toBe(now + 1200);
    expect(nextRequestAt({ limit: 1000, remaining: 900, resetAt: now + 30_000 }, now)).toBe(now + 120);
    expect(nextRequestAt({ limit: 100, remaining: 50, resetAt: now + 30_000 }, now)).toBe(now + 30_000);
    expect(nextRequestAt({ limit: 100, remaining: 10, resetAt: now - 5 }, now)).toBe(now + 1200);
  });

  it('uses an injected lister and sleeps through the wait it computed', async () => {
    const pages = [[{ id: 'aaaaaa1', firstName: 'A', lastName: 'B' }], []];
    const lister: ContactLister = {
      rateLimit: undefined,
      async listContacts(page) {
        return { items: pages[page] ?? [] };
      },
    };
    const time = fakeClock();
    const sync = createDirectorySync({ client: lister, store: memoryStore(), now: time.now, sleep: time.sleep, pageSize: 1 });
    expect(await sync.run()).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: 1 } });
    expect(time.clock.sleeps).toEqual([1200]);
  });
});

describe('stored state', () => {
  it('a damaged or foreign state starts over', async () => {
    for (const value of [undefined, null, 'x', { version: 9 }, { version: 1, list: 'maybe' }, { ...initialSyncState(), walk: { nextPage: -1 } }]) {
      expect(readSyncState(value)).toEqual(initialSyncState());
    }
    const store = { load: async () => ({ version: 1, list: 'available', walk: 'broken' }) as unknown as SyncState, save: async () => {} };
    const time = fakeClock();
    const sync = createDirectorySync({ client: client(), store, now: time.now, sleep: time.sleep });
    expect(await sync.run()).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: IN_SCOPE_SEEDS } });
  });

  it('a valid state survives a JSON round trip', () => {
    const state: SyncState = {
      version: 1,
      list: 'available',
      checkedAt: 5,
      walk: { nextPage: 2, pagesRead: 2, total: 300, startedAt: 1, contacts: [{ id: 'abcdef', firstName: 'A', lastName: 'B', company: 'C' }] },
      failures: 1,
      retryAt: 9,
      lastError: { kind: 'server', status: 500, at: 4 },
    };
    expect(readSyncState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
