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

const OPTIONAL_FIELDS = ['company', 'email', 'linkedinUrl', 'linkedinSalesUrl', 'city', 'role', 'teamId'] as const;
const MAX_TEXT = 1000;

const optionalText = z.optional(z.string().check(z.maxLength(MAX_TEXT)));
/** For data read back from storage: a snapshot or a sync state may be old or damaged. */
export const DirectoryContactSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  firstName: z.string().check(z.maxLength(MAX_TEXT)),
  lastName: z.string().check(z.maxLength(MAX_TEXT)),
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

/**
 * cleanText, skipping the Unicode work for already-clean ASCII and, with a
 * cache, for values seen before (a 50,000-contact build cleans 500,000 values,
 * most of them repeated names, companies and cities).
 */
function clean(value: string | null | undefined, cache?: Map<string, string>): string {
  if (!value) return '';
  if (ALREADY_CLEAN.test(value)) return value;
  let done = cache?.get(value);
  if (done === undefined) {
    done = cleanText(value);
    cache?.set(value, done);
  }
  return done;
}

/** Cleaned values; empty and null fields are left out. */
export function toDirectoryContact(input: ContactInput, cache?: Map<string, string>): DirectoryContact {
  const out: DirectoryContact = {
    id: input.id,
    firstName: clean(input.firstName, cache),
    lastName: clean(input.lastName, cache),
  };
  for (const field of OPTIONAL_FIELDS) {
    const value = clean(input[field], cache);
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
