// The stored and exported forms of the link registry, and how any document
// (current, version 1, hand-edited, damaged) is read into entries. Strict
// reading names the first problem (for imports); tolerant reading keeps what it
// can (for what storage hands back).
import * as z from 'zod/mini';
import { cleanText } from '../normalize';
import { canonicalProfileUrl, parseLinkedInUrl } from '../linkedin/url';

export const REGISTRY_VERSION = 2;
/** Far more links than one person makes by hand; keeps storage and imports bounded. */
export const MAX_LINKS = 50_000;
export const LINK_VIAS = ['match', 'reference', 'create', 'directory'] as const;
/** Field limits, checked on import and kept by addLink so every export imports again. */
export const URL_MAX = 2000;
export const ID_MAX = 200;
export const LABEL_MAX = 500;
export type LinkVia = (typeof LINK_VIAS)[number];

export interface LinkEntry {
  /** Canonical https://www.linkedin.com/in/<slug>. */
  linkedinUrl?: string;
  /** Sales Navigator lead id (the `<id>` of /sales/lead/<id>), case kept. */
  salesLeadId?: string;
  contactId: string;
  workspaceId?: string;
  /** "Élodie Marchand · Brasserie Lumière"; empty for links migrated from version 1. */
  label: string;
  /** Unix ms; 0 when unknown (version 1), so any dated link wins over it. */
  linkedAt: number;
  via: LinkVia;
}

export interface Registry {
  version: typeof REGISTRY_VERSION;
  entries: LinkEntry[];
}

/** Version 1 kept only `linkedinUrl → contactId`. */
export interface RegistryV1 {
  version: 1;
  links: Record<string, string>;
}

export interface LinkedInIdentity {
  /** A /in/ URL in any form (a lead URL here is read as the lead). */
  linkedinUrl?: string | null;
  /** A lead id, or a lead URL. */
  salesLeadId?: string | null;
  /** A lead URL, as the profile reader reports it. */
  linkedinSalesUrl?: string | null;
}

export interface Identity {
  linkedinUrl?: string;
  salesLeadId?: string;
}

export type ReadProblem = 'shape' | 'version' | 'too-many';
export type ReadResult = { ok: true; entries: LinkEntry[] } | { ok: false; problem: ReadProblem; detail?: string };

const LEAD_ID = new RegExp(`^[^\\s/,?#]{1,${ID_MAX}}$`);

function leadIdOf(value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (text.includes('/')) {
    const page = parseLinkedInUrl(text);
    return page.kind === 'salesnav-lead' ? page.leadId : undefined;
  }
  const id = text.split(',')[0]?.trim() ?? '';
  return LEAD_ID.test(id) ? id : undefined;
}

/** Canonical identity keys; whatever is not a LinkedIn profile or lead is dropped. */
export function normalizeIdentity(input: LinkedInIdentity): Identity {
  const out: Identity = {};
  for (const value of [input.linkedinUrl, input.linkedinSalesUrl]) {
    if (!value) continue;
    const page = parseLinkedInUrl(value);
    if (page.kind === 'profile') {
      const url = canonicalProfileUrl(page.slug);
      if (url.length <= URL_MAX) out.linkedinUrl ??= url;
    } else if (page.kind === 'salesnav-lead' && LEAD_ID.test(page.leadId)) {
      out.salesLeadId ??= page.leadId;
    }
  }
  const lead = input.salesLeadId ? leadIdOf(input.salesLeadId) : undefined;
  if (lead) out.salesLeadId = lead;
  return out;
}

const text = (max: number) => z.nullish(z.string().check(z.maxLength(max)));
const EntrySchema = z.object({
  linkedinUrl: text(URL_MAX),
  salesLeadId: text(URL_MAX),
  contactId: z.string().check(z.minLength(1), z.maxLength(ID_MAX)),
  workspaceId: text(ID_MAX),
  label: text(LABEL_MAX),
  linkedAt: z.nullish(z.number().check(z.nonnegative())),
  via: z.nullish(z.enum(LINK_VIAS)),
});

/** An entry in its stored form, or the reason it is not one. */
function readEntry(raw: unknown): LinkEntry | string {
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'is not a link';
  }
  const data = parsed.data;
  const contactId = data.contactId.trim();
  if (!contactId) return 'contactId: is empty';
  const identity = normalizeIdentity({ linkedinUrl: data.linkedinUrl, salesLeadId: data.salesLeadId });
  if (!identity.linkedinUrl && !identity.salesLeadId) return 'has no LinkedIn profile URL or Sales Navigator lead id';
  const workspaceId = cleanText(data.workspaceId);
  return {
    ...identity,
    contactId,
    ...(workspaceId ? { workspaceId } : {}),
    label: cleanText(data.label),
    linkedAt: data.linkedAt ?? 0,
    via: data.via ?? 'match',
  };
}

function readV2(entries: unknown, strict: boolean): ReadResult {
  if (!Array.isArray(entries)) return { ok: false, problem: 'shape', detail: '`entries` is not a list' };
  if (strict && entries.length > MAX_LINKS) return { ok: false, problem: 'too-many' };
  const out: LinkEntry[] = [];
  for (const [index, raw] of entries.entries()) {
    const entry = readEntry(raw);
    if (typeof entry !== 'string') out.push(entry);
    else if (strict) return { ok: false, problem: 'shape', detail: `link ${index + 1} ${entry}` };
  }
  return { ok: true, entries: out };
}

function readV1(links: unknown, strict: boolean): ReadResult {
  if (!links || typeof links !== 'object' || Array.isArray(links)) return { ok: false, problem: 'shape', detail: '`links` is not an object' };
  const pairs = Object.entries(links as Record<string, unknown>);
  if (strict && pairs.length > MAX_LINKS) return { ok: false, problem: 'too-many' };
  const out: LinkEntry[] = [];
  for (const [linkedinUrl, contactId] of pairs) {
    const entry = readEntry({ linkedinUrl, contactId });
    if (typeof entry !== 'string') out.push(entry);
    else if (strict) return { ok: false, problem: 'shape', detail: `link ${JSON.stringify(linkedinUrl)} ${entry}` };
  }
  return { ok: true, entries: out };
}

/**
 * Strict: the document must be version 1 or 2 and every link valid. Tolerant:
 * any object with `entries` or `links` gives its valid links (a newer version
 * written by a later release keeps what this one understands).
 */
export function readRegistryDocument(doc: unknown, strict: boolean): ReadResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, problem: 'shape', detail: 'not an object' };
  const record = doc as Record<string, unknown>;
  const version = record.version;
  if (version === REGISTRY_VERSION || (!strict && Array.isArray(record.entries))) return readV2(record.entries, strict);
  if (version === 1 || (!strict && 'links' in record)) return readV1(record.links, strict);
  if (!strict) return { ok: false, problem: 'shape' };
  if (version === undefined) {
    return 'entries' in record || 'links' in record
      ? { ok: false, problem: 'version', detail: 'no version' }
      : { ok: false, problem: 'shape', detail: 'no `entries`' };
  }
  return { ok: false, problem: 'version', detail: `version ${JSON.stringify(version)}` };
}
