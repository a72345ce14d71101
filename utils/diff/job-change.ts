// A job change: the current company on LinkedIn is not the one in Skipcall (or
// not the one we last read there). The popup leads with it and offers to update
// the contact or to create a new one for the new job; the options page lists
// the job changes seen.
import * as z from 'zod/mini';
import type { Contact } from '../skipcall/schemas';
import type { Reading } from '../storage/item';
import { readEach } from '../storage/item';
import { cleanText, foldName } from '../normalize';
import type { DiffRow, ProfileValues } from './compute';
import type { ContactProvenance } from './provenance';

export interface JobChange {
  contactId: string;
  /** The company the person left: Skipcall's, or the one last read when Skipcall has none. */
  oldCompany: string;
  oldRole?: string;
  newCompany: string;
  newRole?: string;
  /** The start of the current position as the page shows it ("Mar 2024", "mars 2024"). */
  since?: string;
  /** The contact's numbers: probably lines at the old company. Shown as such, never removed. */
  phones: string[];
}

/** Same company, give or take case, accents, punctuation and a legal suffix ("Acme" = "ACME SAS"). */
export function sameCompany(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (!x || !y) return x === y;
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/**
 * The job change a linked contact shows against the profile, if any. None when
 * LinkedIn shows no company, or when Skipcall's company is a colleague's edit
 * while LinkedIn did not change (the `company` row says so).
 */
export function detectJobChange(
  contact: Contact,
  profile: ProfileValues,
  rows: readonly DiffRow[],
  provenance?: ContactProvenance,
  since?: string,
): JobChange | null {
  const newCompany = cleanText(profile.company);
  if (!newCompany) return null;
  const companyRow = rows.find((r) => r.key === 'company');
  if (companyRow?.provenance === 'skipcall-edited') return null;
  const inSkipcall = cleanText(contact.company);
  const lastRead = provenance?.fields.company;
  // What LinkedIn showed before, when it changed: the read before the current one.
  const readBefore = lastRead && sameCompany(lastRead.read?.value, newCompany) ? lastRead.previousRead?.value : lastRead?.read?.value;
  const oldCompany = inSkipcall || cleanText(readBefore);
  if (!oldCompany || sameCompany(oldCompany, newCompany)) return null;
  const oldRole = cleanText(contact.role);
  const newRole = cleanText(profile.role);
  const start = cleanText(since);
  return {
    contactId: contact.id,
    oldCompany,
    ...(oldRole ? { oldRole } : {}),
    newCompany,
    ...(newRole ? { newRole } : {}),
    ...(start ? { since: start } : {}),
    phones: [...contact.phoneNumbers],
  };
}

export const JOB_CHANGES_MAX = 500;

const text = z.string().check(z.maxLength(5000));
export const JobChangeSeenSchema = z.object({
  contactId: z.string().check(z.minLength(1), z.maxLength(200)),
  person: text,
  linkedinUrl: z.optional(text),
  oldCompany: text,
  newCompany: text,
  newRole: z.optional(text),
  since: z.optional(text),
  /** When it was first seen. */
  at: z.number(),
});
export type JobChangeSeen = z.infer<typeof JobChangeSeenSchema>;

export function readStoredJobChanges(stored: unknown): Reading<JobChangeSeen[]> {
  const read = readEach(stored, (raw) => {
    const parsed = JobChangeSeenSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  });
  return { value: read.value.slice(0, JOB_CHANGES_MAX), dropped: read.dropped };
}

/** Adds a job change seen, newest first; the same move seen again keeps its first date (same list back). */
export function noteJobChange(list: readonly JobChangeSeen[], seen: JobChangeSeen): JobChangeSeen[] {
  const known = list.find((e) => e.contactId === seen.contactId && sameCompany(e.newCompany, seen.newCompany));
  if (known) return list as JobChangeSeen[];
  return [seen, ...list].slice(0, JOB_CHANGES_MAX);
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The job changes as CSV (header line, then one line each, dates in ISO 8601). */
export function jobChangesCsv(list: readonly JobChangeSeen[]): string {
  const header = ['person', 'linkedinUrl', 'oldCompany', 'newCompany', 'newRole', 'since', 'seenAt', 'contactId'];
  const lines = list.map((e) =>
    [e.person, e.linkedinUrl ?? '', e.oldCompany, e.newCompany, e.newRole ?? '', e.since ?? '', new Date(e.at).toISOString(), e.contactId].map(cell).join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
