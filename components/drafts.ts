// The user's ticks and edits on a tab, for one contact and profile, kept while
// the browser runs so closing the popup loses nothing (and gone with the tab).
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { Choices } from '@/utils/diff/patch';
import { draftKey } from '@/utils/session-keys';

const DraftSchema = z.object({
  contactId: z.string(),
  profileKey: z.string(),
  choices: z.record(z.string(), z.object({ ticked: z.boolean(), value: z.optional(z.string()) })),
});

export async function loadDraft(tabId: number, contactId: string, profileKey: string): Promise<Choices | null> {
  const stored = await browser.storage.session.get(draftKey(tabId));
  const parsed = DraftSchema.safeParse(stored[draftKey(tabId)]);
  return parsed.success && parsed.data.contactId === contactId && parsed.data.profileKey === profileKey ? parsed.data.choices : null;
}

export async function saveDraft(tabId: number, contactId: string, profileKey: string, choices: Choices): Promise<void> {
  await browser.storage.session.set({ [draftKey(tabId)]: { contactId, profileKey, choices } });
}
