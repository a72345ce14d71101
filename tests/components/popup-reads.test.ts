// The popup's first reads, started before its modules load: the popup makes of
// them exactly what it makes of its own reads (same schemas, same pairing of
// the match with the read it names), and falls back to its own reads when the
// early ones are missing or for another tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupData } from '@/components/Popup';
import { startPopupReads, tabIdFromQuery } from '@/components/popup-reads';
import type { MatchView } from '@/utils/messages';
import { usePersistentBackend } from '@/utils/storage/extension';
import { settingsItem } from '@/utils/storage/items';
import { memoryBackend, type KeyValueBackend } from '@/utils/storage/store';
import { startBackground } from '../support/background';

const backend = vi.hoisted(() => ({ current: undefined as KeyValueBackend | undefined }));
vi.mock('@/utils/storage/data-backend', () => ({ dataBackend: () => backend.current! }));

const read = { state: 'not-a-profile' as const, url: 'https://www.linkedin.com/feed/' };
const match: MatchView = {
  link: null,
  candidates: [],
  preselected: null,
  directory: { phase: 'ready', progress: { pagesRead: 1, contactsRead: 3 }, size: 3 },
};
const settings = { apiKey: 'sk_live_0123456789abcdef', apiBaseUrl: 'https://api-public.skipcall.app', preferLinkedIn: ['city'], customFieldMap: {} };

beforeEach(async () => {
  startBackground();
  backend.current = memoryBackend();
  usePersistentBackend(backend.current);
  await backend.current.update(settingsItem.key, () => ({ version: 1, value: settings }));
  (globalThis as { browser?: unknown }).browser = fakeBrowser;
});
afterEach(() => {
  delete (globalThis as { browser?: unknown }).browser;
});

describe('the popup’s early reads', () => {
  it('give the popup what its own reads give: the settings, the read and the match named for it', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { read, readId: 'r1', readAt: 1 }, 'match:5': { readId: 'r1', match } });
    const early = await startPopupReads('?tabId=5');
    expect(early?.tabId).toBe(5);
    const data = await loadPopupData(5, early);
    expect(data).toEqual(await loadPopupData(5));
    expect(data).toMatchObject({ hasKey: true, tab: { readId: 'r1' }, match });
  });

  it('read a damaged or mismatched value as absent, as the popup does', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { read, readId: 'r2', readAt: 1 }, 'match:5': { readId: 'r1', match } });
    const stale = await loadPopupData(5, await startPopupReads('?tabId=5'));
    expect(stale.tab?.readId).toBe('r2');
    expect(stale.match).toBeUndefined();
    await fakeBrowser.storage.session.set({ 'tab:5': { read, readAt: 1 } });
    await backend.current!.update(settingsItem.key, () => ({ version: 1, value: { ...settings, apiKey: 42 } }));
    const damaged = await loadPopupData(5, await startPopupReads('?tabId=5'));
    expect(damaged).toMatchObject({ tab: null, hasKey: false });
  });

  it('are left aside for another tab, and missing where the browser API is not the expected one', async () => {
    await fakeBrowser.storage.session.set({ 'tab:6': { read, readId: 'r6', readAt: 1 } });
    const forFive = await startPopupReads('?tabId=5');
    expect((await loadPopupData(6, forFive)).tab?.readId).toBe('r6');
    const globals = globalThis as { browser?: unknown; chrome?: unknown };
    const chrome = globals.chrome;
    delete globals.browser;
    globals.chrome = { storage: {} };
    try {
      expect(await startPopupReads('?tabId=5')).toBeUndefined();
    } finally {
      globals.chrome = chrome;
    }
  });

  it('take the tab from ?tabId= only when it is a tab id', () => {
    expect(tabIdFromQuery('?tabId=12')).toBe(12);
    expect(tabIdFromQuery('?tabId=0')).toBe(0);
    expect(tabIdFromQuery('?tabId=-1')).toBeUndefined();
    expect(tabIdFromQuery('?tabId=1.5')).toBeUndefined();
    expect(tabIdFromQuery('?tabId=x')).toBeUndefined();
    expect(tabIdFromQuery('')).toBeUndefined();
  });
});
