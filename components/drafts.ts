// The user's ticks and edits for one contact and profile, kept while the
// browser runs so closing the popup loses nothing.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { Choices } from '@/utils/diff/patch';

const DraftSchema = z.object({
  profileKey: z.string(),
  choices: z.record(z.string(), z.object({ ticked: z.boolean(), value: z.optional(z.string()) })),
});

const draftKey = (contactId: string) => `draft:${contactId}`;

export async function loadDraft(contactId: string, profileKey: string): Promise<Choices | null> {
  const stored = await browser.storage.session.get(draftKey(contactId));
  const parsed = DraftSchema.safeParse(stored[draftKey(contactId)]);
  return parsed.success && parsed.data.profileKey === profileKey ? parsed.data.choices : null;
}

export async function saveDraft(contactId: string, profileKey: string, choices: Choices): Promise<void> {
  await browser.storage.session.set({ [draftKey(contactId)]: { profileKey, choices } });
}
