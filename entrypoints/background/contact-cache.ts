// Contacts fetched ahead of the popup: kept briefly in session storage (a
// restarted worker still has them), one request for two tabs on one person,
// dropped on every write.
import type { SkipcallClient } from '@/utils/skipcall/client';
import type { Contact } from '@/utils/skipcall/schemas';
import { session } from '@/utils/storage/extension';
import { contactItem } from '@/utils/storage/session';

export const CONTACT_FRESH_MS = 60_000;
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
  const stored = await session.get(contactItem, id);
  return stored && Date.now() - stored.at < maxAgeMs ? stored.contact : undefined;
}

export async function rememberContact(contact: Contact): Promise<void> {
  await session.set(contactItem, contact.id, { at: Date.now(), contact });
}

export async function forgetContact(id: string): Promise<void> {
  await session.remove(contactItem.key(id));
}
