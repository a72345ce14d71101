// One odd contact in GET /v1/contacts (an over-long field, an unusable id, a
// malformed record) costs at most itself: the walk goes on, stays readable
// after a restart, and says how many contacts it left out.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT, toDirectoryContact, type ContactInput } from '@/utils/match/contact';
import { createDirectorySync, readSyncState, type ContactLister, type SyncState } from '@/utils/match/sync';

const contact = (n: number, extra: Partial<ContactInput> = {}): ContactInput => ({ id: `c-${n}`, firstName: `Prénom${n}`, lastName: `Nom${n}`, ...extra });
const LONG = 'x'.repeat(MAX_TEXT * 5);

/** Pages of two: a contact list whose page 0 holds the odd contact. */
function lister(pages: ContactInput[][], skippedByClient: number[] = []): ContactLister {
  return {
    rateLimit: undefined,
    async listContacts(page) {
      return { items: pages[page] ?? [], skipped: skippedByClient[page] ?? 0 };
    },
  };
}

function syncOver(client: ContactLister) {
  let stored: unknown;
  let time = 0;
  const sync = createDirectorySync({
    client,
    pageSize: 2,
    now: () => time,
    sleep: async (ms) => {
      time += ms;
    },
    // Stored as IndexedDB would: a structured clone, read back through readSyncState.
    store: { load: async () => readSyncState(structuredClone(stored)), save: async (state) => void (stored = structuredClone(state)) },
  });
  return { sync, stored: () => stored as SyncState };
}

describe('odd contacts in the contact list', () => {
  it('cuts an over-long field instead of losing the contact or the walk', async () => {
    const { sync, stored } = syncOver(lister([[contact(1, { company: LONG }), contact(2)], [contact(3)]]));
    const first = await sync.step();
    expect(first).toMatchObject({ kind: 'page', complete: false });
    // The walk saved after page 0 reads back whole.
    const walk = readSyncState(structuredClone(stored())).walk!;
    expect(walk.contacts.map((c) => c.id)).toEqual(['c-1', 'c-2']);
    expect(walk.contacts[0]!.company).toHaveLength(MAX_TEXT);

    const last = await sync.run();
    expect(last).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: 3 } });
  });

  it('skips a contact without a usable id, counts it, and a full page stays full', async () => {
    const { sync, stored } = syncOver(lister([[contact(1, { id: 'i'.repeat(300) }), contact(2)], [contact(3), contact(4)], []]));
    await sync.step();
    // The page held two contacts: not a short page, the walk goes on.
    expect(stored().walk).toMatchObject({ nextPage: 1, skipped: 1 });
    const last = await sync.run();
    expect(last).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: 3, skipped: 1 } });
    expect(stored()).toMatchObject({ completedCount: 3, completedSkipped: 1 });
  });

  it('counts the contacts the client could not read, without ending the walk early', async () => {
    // Page 0: one good contact plus one the client dropped as malformed.
    const { sync } = syncOver(lister([[contact(1)], [contact(2), contact(3)], []], [1]));
    const last = await sync.run();
    expect(last).toMatchObject({ kind: 'page', complete: true, progress: { contactsRead: 3, skipped: 1 } });
  });

  it('a damaged contact in a stored walk costs only itself', () => {
    const state = readSyncState({
      version: 1,
      list: 'available',
      failures: 0,
      walk: { nextPage: 3, pagesRead: 3, startedAt: 1, contacts: [toDirectoryContact(contact(1)), { id: 'c-2', firstName: LONG, lastName: '' }, 'junk'] },
    });
    expect(state.walk).toMatchObject({ nextPage: 3, skipped: 2 });
    expect(state.walk!.contacts.map((c) => c.id)).toEqual(['c-1']);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const emoji = `${'a'.repeat(MAX_TEXT - 1)}😀tail`;
    const cut = toDirectoryContact(contact(1, { company: emoji })).company!;
    expect(cut).toBe('a'.repeat(MAX_TEXT - 1));
  });
});
