// The storage.session items: read back only in their declared shape, swept
// when stale, gone with their tab, and the popup's (read, match) pairing.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTabView } from '@/components/runtime';
import { forgetTab, sweepSession } from '@/entrypoints/background/stores';
import { contactItem, draftItem, matchItem, readSession, tabItem, writeItem } from '@/utils/storage/session';
import type { MatchView } from '@/utils/messages';
import { startBackground } from '../support/background';

const read = { state: 'not-a-profile' as const, url: 'https://www.linkedin.com/feed/' };
const match: MatchView = {
  link: null,
  candidates: [],
  preselected: null,
  directory: { phase: 'ready', progress: { pagesRead: 1, contactsRead: 3 }, size: 3 },
};
const contact = { id: 'c1', firstName: 'A', lastName: 'B', phoneNumbers: [], customFields: {}, createdAt: 'x', updatedAt: 'y' };

beforeEach(() => startBackground());

describe('session items', () => {
  it('read a value only in its declared shape', () => {
    expect(readSession(tabItem, { read, readId: 'r1', readAt: 1 })).toEqual({ read, readId: 'r1', readAt: 1 });
    expect(readSession(tabItem, { read, readAt: 1 })).toBeUndefined();
    expect(readSession(tabItem, { read: { state: 'profile', url: 'x' }, readId: 'r1', readAt: 1 })).toBeUndefined();
    expect(readSession(matchItem, { readId: 'r1', match: { ...match, candidates: 'none' } })).toBeUndefined();
    expect(readSession(writeItem, undefined)).toBeUndefined();
  });

  it('give the popup the match only for the read it was computed for', async () => {
    await fakeBrowser.storage.session.set({ [tabItem.key(4)]: { read, readId: 'r2', readAt: 2 }, [matchItem.key(4)]: { readId: 'r1', match } });
    expect(await readTabView(4)).toEqual({ tab: { read, readId: 'r2', readAt: 2 } });
    await fakeBrowser.storage.session.set({ [matchItem.key(4)]: { readId: 'r2', match } });
    expect((await readTabView(4)).match).toEqual(match);
    await fakeBrowser.storage.session.set({ [matchItem.key(4)]: { readId: 'r2', match: { broken: true } } });
    expect((await readTabView(4)).match).toBeUndefined();
  });

  it('sweep stale prefetched contacts and old write results, keeping fresh and pending ones', async () => {
    const now = 10_000_000;
    await fakeBrowser.storage.session.set({
      [contactItem.key('old')]: { at: now - 61_000, contact },
      [contactItem.key('fresh')]: { at: now - 1_000, contact },
      [contactItem.key('garbled')]: { at: 'yesterday' },
      [writeItem.key('done')]: { status: 'success', contactId: 'done', at: now - 3_700_000, keys: [], kind: 'apply' },
      [writeItem.key('running')]: { status: 'pending', contactId: 'running', at: now - 3_700_000, keys: [], kind: 'apply' },
      [tabItem.key(1)]: { read, readId: 'r', readAt: 0 },
    });
    expect(await sweepSession(now, 60_000)).toBe(3);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(
      [contactItem.key('fresh'), tabItem.key(1), writeItem.key('running')].sort(),
    );
  });

  it('go with their tab, draft included', async () => {
    await fakeBrowser.storage.session.set({
      [tabItem.key(3)]: { read, readId: 'r', readAt: 0 },
      [matchItem.key(3)]: { readId: 'r', match },
      [draftItem.key(3)]: { contactId: 'c1', profileKey: 'k', choices: {} },
      [tabItem.key(9)]: { read, readId: 's', readAt: 0 },
    });
    await forgetTab(3);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([tabItem.key(9)]);
  });
});
