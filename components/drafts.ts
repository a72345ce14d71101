// The user's ticks and edits on a tab, for one contact and profile, kept while
// the browser runs so closing the popup loses nothing (and gone with the tab).
import type { Choices } from '@/utils/diff/patch';
import { session } from '@/utils/storage/extension';
import { draftItem } from '@/utils/storage/session';

export async function loadDraft(tabId: number, contactId: string, profileKey: string): Promise<Choices | null> {
  const draft = await session.get(draftItem, tabId);
  return draft && draft.contactId === contactId && draft.profileKey === profileKey ? draft.choices : null;
}

export async function saveDraft(tabId: number, contactId: string, profileKey: string, choices: Choices): Promise<void> {
  await session.set(draftItem, tabId, { contactId, profileKey, choices });
}
