// The compact contact summary the directory, the ranking and the sync share:
// only what matching and the candidate list need, so 50,000 of them stay small
// in storage and in memory.
import * as z from 'zod/mini';
import { cleanText } from '../normalize';

export interface DirectoryContact {
  id: string;
  firstName: string;
  lastName: string;
  company?: string;
  email?: string;
  linkedinUrl?: string;
  linkedinSalesUrl?: string;
  city?: string;
  role?: string;
  /** The workspace id (the API still calls it teamId). */
  teamId?: string;
}

/** Anything contact-shaped: an API Contact (nullable fields) or a DirectoryContact. */
export interface ContactInput {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  email?: string | null;
  linkedinUrl?: string | null;
  linkedinSalesUrl?: string | null;
  city?: string | null;
  role?: string | null;
  teamId?: string | null;
}

const FIELDS = ['firstName', 'lastName', 'company', 'email', 'linkedinUrl', 'linkedinSalesUrl', 'city', 'role', 'teamId'] as const;
/** Longer values are cut: far past any real name, company or URL, and they would only bloat the index. */
export const MAX_TEXT = 1000;
export const MAX_ID = 200;

const text = z.string().check(z.maxLength(MAX_TEXT));
const optionalText = z.optional(text);
/** For data read back from storage: a snapshot or a sync state may be old or damaged. */
export const DirectoryContactSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID)),
  firstName: text,
  lastName: text,
  company: optionalText,
  email: optionalText,
  linkedinUrl: optionalText,
  linkedinSalesUrl: optionalText,
  city: optionalText,
  role: optionalText,
  teamId: optionalText,
});

/** Printable ASCII, single inner spaces, none at the ends: already what cleanText returns. */
const ALREADY_CLEAN = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/** An id the directory can hold; a contact without one cannot be linked or fetched, so it is skipped. */
export function isDirectoryId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID;
}

/** At most MAX_TEXT UTF-16 units, never splitting a surrogate pair. */
function cut(value: string): string {
  if (value.length <= MAX_TEXT) return value;
  const end = /[\uD800-\uDBFF]/.test(value[MAX_TEXT - 1]!) ? MAX_TEXT - 1 : MAX_TEXT;
  return value.slice(0, end).trimEnd();
}

/**
 * Cleaned values (no Unicode work for clean ASCII), over-long ones cut so one
 * odd contact never makes a stored walk or snapshot unreadable; empty optional
 * fields are left out.
 */
export function toDirectoryContact(input: ContactInput): DirectoryContact {
  const out: DirectoryContact = { id: input.id, firstName: '', lastName: '' };
  for (const field of FIELDS) {
    const raw = input[field];
    const value = cut(raw && ALREADY_CLEAN.test(raw) ? raw : cleanText(raw));
    if (value) out[field] = value;
  }
  return out;
}

/** "Élodie Marchand · Brasserie Lumière"; the id when the contact has no name. */
export function contactLabel(contact: Pick<ContactInput, 'id' | 'firstName' | 'lastName' | 'company'>): string {
  const name = cleanText(`${contact.firstName ?? ''} ${contact.lastName ?? ''}`);
  const company = cleanText(contact.company);
  const head = name || contact.id;
  return company ? `${head} · ${company}` : head;
}
