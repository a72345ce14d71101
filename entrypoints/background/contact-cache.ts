// Contacts fetched ahead of the popup: kept briefly in session storage (a
// restarted worker still has them), one request for two tabs on one person,
// dropped on every write.
import { browser } from 'wxt/browser';
import type { SkipcallClient } from '@/utils/skipcall/client';
import type { Contact } from '@/utils/skipcall/schemas';
import { contactKey } from '@/utils/session-keys';

export const CONTACT_FRESH_MS = 60_000;
const cacheKey = contactKey;
const inFlight = new Map<string, Promise<Contact>>();

export async function cachedContact(client: SkipcallClient, id: string, maxAgeMs = CONTACT_FRESH_MS): Promise<Contact> {
  const cached = await peekContact(id, maxAgeMs);
  if (cached) return cached;
  const pending = inFlight.get(id);
  if (pending) return pending;
  const request = client
    .getContact(id)
    .then(async (contact) => {
      await rememberContact(contact);
      return contact;
    })
    .finally(() => inFlight.delete(id));
  inFlight.set(id, request);
  return request;
}

/** The cached contact if still fresh, without any request. */
export async function peekContact(id: string, maxAgeMs = CONTACT_FRESH_MS): Promise<Contact | undefined> {
  const stored = (await browser.storage.session.get(cacheKey(id)))[cacheKey(id)] as { at: number; contact: Contact } | undefined;
  return stored && Date.now() - stored.at < maxAgeMs ? stored.contact : undefined;
}

export async function rememberContact(contact: Contact): Promise<void> {
  await browser.storage.session.set({ [cacheKey(contact.id)]: { at: Date.now(), contact } });
}

export async function forgetContact(id: string): Promise<void> {
  await browser.storage.session.remove(cacheKey(id));
}
