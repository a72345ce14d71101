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
const MAX_TEXT = 1000;

const text = z.string().check(z.maxLength(MAX_TEXT));
const optionalText = z.optional(text);
/** For data read back from storage: a snapshot or a sync state may be old or damaged. */
export const DirectoryContactSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
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

/** Cleaned values (no Unicode work for clean ASCII); empty optional fields are left out. */
export function toDirectoryContact(input: ContactInput): DirectoryContact {
  const out: DirectoryContact = { id: input.id, firstName: '', lastName: '' };
  for (const field of FIELDS) {
    const raw = input[field];
    const value = raw && ALREADY_CLEAN.test(raw) ? raw : cleanText(raw);
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
