// The persistent store: the move out of storage.local (readable by content
// scripts), tolerant per-entry reading that never rewrites by itself, versions,
// and updates that never lose each other.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HistoryEntry } from '@/utils/diff/history';
import { addLink, emptyRegistry } from '@/utils/match/registry';
import { envelope, type StorageItem } from '@/utils/storage/item';
import { directoryAccountItem, historyItem, PERSISTENT_ITEMS, registryItem, settingsItem } from '@/utils/storage/items';
import { createPersistentStore, memoryBackend, type KeyValueBackend, type LegacyArea } from '@/utils/storage/store';

const IN_URL = 'https://www.linkedin.com/in/elodie-marchand-demo';
const C1 = 'c0ffee00-0000-4000-8000-000000000001';

const entry = (id: string, at: number): HistoryEntry => ({ id, contactId: C1, label: 'Élodie Marchand', at, changes: [{ key: 'city', before: '', after: 'Lyon' }] });

const legacy: LegacyArea = {
  get: (key) => fakeBrowser.storage.local.get(key),
  remove: (key) => fakeBrowser.storage.local.remove(key),
};

let backend: KeyValueBackend;
let reports: [string, number][];
const store = () => createPersistentStore(backend, legacy, (key, dropped) => reports.push([key, dropped]));

beforeEach(() => {
  fakeBrowser.reset();
  backend = memoryBackend();
  reports = [];
});

describe('the move out of storage.local', () => {
  const earlier = {
    settings: { apiKey: 'sk_live_0123456789abcdef', apiBaseUrl: 'https://api-public.skipcall.app', preferLinkedIn: ['city'], customFieldMap: {} },
    registry: addLink(emptyRegistry(), { linkedinUrl: IN_URL, contactId: C1, via: 'match', linkedAt: 5 }),
    history: [entry('h1', 1)],
    directoryAccount: 'https://api-public.skipcall.app|89abcdef',
  };

  it('moves every item on first read and leaves nothing a content script could read', async () => {
    await fakeBrowser.storage.local.set(earlier);
    const s = store();
    expect(await s.get(settingsItem)).toEqual(earlier.settings);
    expect(await s.get(registryItem)).toEqual(earlier.registry);
    expect(await s.get(historyItem)).toEqual(earlier.history);
    expect(await s.get(directoryAccountItem)).toBe(earlier.directoryAccount);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // Stored as they were, in their versioned envelope.
    expect(await backend.get('settings')).toEqual({ version: 1, value: earlier.settings });
  });

  it('moves them all at the worker start, read or not', async () => {
    await fakeBrowser.storage.local.set({ ...earlier, unrelated: 1 });
    await store().moveAllFromLegacy(PERSISTENT_ITEMS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ unrelated: 1 });
    expect(await store().get(historyItem)).toEqual(earlier.history);
  });

  it('keeps a value already moved (another page moved it first) and still clears storage.local', async () => {
    await store().set(settingsItem, { ...earlier.settings, apiKey: 'sk_live_newer_key_1234' });
    await fakeBrowser.storage.local.set({ settings: earlier.settings });
    expect((await store().get(settingsItem)).apiKey).toBe('sk_live_newer_key_1234');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('copies a damaged value whole: the move itself drops nothing', async () => {
    await fakeBrowser.storage.local.set({ history: [entry('h1', 1), { id: 'broken' }] });
    expect(await store().get(historyItem)).toEqual([entry('h1', 1)]);
    expect(await backend.get('history')).toEqual({ version: 1, value: [entry('h1', 1), { id: 'broken' }] });
  });
});

describe('reading entry by entry', () => {
  it('one damaged history entry never hides the others, and reading rewrites nothing', async () => {
    const stored = envelope(historyItem, [entry('h2', 2), { id: 'h-bad', at: 'yesterday' }, entry('h1', 1)] as HistoryEntry[]);
    await backend.update('history', () => stored);
    expect((await store().get(historyItem)).map((e) => e.id)).toEqual(['h2', 'h1']);
    expect(reports).toEqual([['history', 1]]);
    expect(await backend.get('history')).toEqual(stored);
  });

  it('the next real write keeps every good entry and drops the damaged one', async () => {
    await backend.update('history', () => envelope(historyItem, [entry('h1', 1), 'junk'] as unknown as HistoryEntry[]));
    await store().update(historyItem, (history) => [entry('h2', 2), ...history]);
    expect(await backend.get('history')).toEqual({ version: 1, value: [entry('h2', 2), entry('h1', 1)] });
  });

  it('one damaged registry link never costs the others', async () => {
    const good = { linkedinUrl: IN_URL, contactId: C1, label: 'A', linkedAt: 5, via: 'match' };
    await backend.update('registry', () => ({ version: 1, value: { version: 2, entries: [good, { contactId: '' }, 42] } }));
    expect((await store().get(registryItem)).entries).toEqual([good]);
    expect(reports).toEqual([['registry', 2]]);
  });

  it('an update that changes nothing writes nothing', async () => {
    const stored = { version: 1, value: { version: 2, entries: [42] } };
    await backend.update('registry', () => stored);
    await store().update(registryItem, (registry) => registry);
    expect(await backend.get('registry')).toEqual(stored);
  });

  it('garbage where an envelope belongs reads as the default', async () => {
    await backend.update('settings', () => 'junk');
    expect((await store().get(settingsItem)).apiKey).toBe('');
    expect(reports).toEqual([['settings', 1]]);
  });
});

describe('versions', () => {
  const item: StorageItem<string[]> = {
    key: 'names',
    version: 3,
    migrations: { 2: (old) => String(old).split(','), 3: (old) => (old as string[]).map((n) => n.trim()) },
    read: (stored) => ({ value: Array.isArray(stored) ? stored.map(String) : [], dropped: 0 }),
  };

  it('brings an older stored form up step by step, and writes the current version', async () => {
    await backend.update('names', () => ({ version: 1, value: 'a, b' }));
    expect(await store().get(item)).toEqual(['a', 'b']);
    await store().update(item, (names) => [...names, 'c']);
    expect(await backend.get('names')).toEqual({ version: 3, value: ['a', 'b', 'c'] });
  });

  it('reads a newer form (a later release) as it is', async () => {
    await backend.update('names', () => ({ version: 9, value: ['x'] }));
    expect(await store().get(item)).toEqual(['x']);
  });
});

describe('updates', () => {
  it('never lose each other when they run at once', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.update(historyItem, (history) => [entry(`h${i}`, i), ...history])));
    expect(await s.get(historyItem)).toHaveLength(20);
  });
});

describe('reads started before the store (the popup opens with them)', () => {
  const settings = { apiKey: 'sk_live_0123456789abcdef', apiBaseUrl: 'https://api-public.skipcall.app', preferLinkedIn: ['city'], customFieldMap: {} };

  it('reads the prefetched value exactly as get reads it, damaged fields left out and reported', async () => {
    const stored = { version: 1, value: { ...settings, preferLinkedIn: 'city' } };
    expect(await store().getPrefetched(settingsItem, { stored, legacy: undefined })).toEqual({ ...settings, preferLinkedIn: [] });
    expect(reports).toEqual([['settings', 1]]);
    await backend.update('settings', () => stored);
    expect(await store().get(settingsItem)).toEqual({ ...settings, preferLinkedIn: [] });
  });

  it('never trusts a value that is not an envelope', async () => {
    expect((await store().getPrefetched(settingsItem, { stored: settings, legacy: undefined })).apiKey).toBe('');
  });

  it('moves the item first when storage.local still held it, and reads the moved value', async () => {
    await fakeBrowser.storage.local.set({ settings });
    expect(await store().getPrefetched(settingsItem, { stored: undefined, legacy: settings })).toEqual(settings);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await backend.get('settings')).toEqual({ version: 1, value: settings });
  });
});
