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
/** `detail` names the link, or the version, that is refused. */
/** `dropped`: links left out by a tolerant reading. */
export type ReadResult = { ok: true; entries: LinkEntry[]; dropped: number } | { ok: false; problem: ReadProblem; detail?: string };

const LEAD_ID = new RegExp(`^[^\\s/,?#]{1,${ID_MAX}}$`);

export const hasKey = (identity: Identity): boolean => !!(identity.linkedinUrl || identity.salesLeadId);

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
  // salesLeadId wins: a lead URL as is, a bare id (maybe with its `,authType,token` tail) if it looks like one.
  const lead = input.salesLeadId?.trim();
  if (lead?.includes('/')) {
    const page = parseLinkedInUrl(lead);
    if (page.kind === 'salesnav-lead') out.salesLeadId = page.leadId;
  } else if (lead) {
    const id = lead.split(',')[0]!.trim();
    if (LEAD_ID.test(id)) out.salesLeadId = id;
  }
  return out;
}

const text = (max: number) => z.nullish(z.string().check(z.maxLength(max)));
const EntrySchema = z.object({
  linkedinUrl: text(URL_MAX),
  salesLeadId: text(URL_MAX),
  // Trimmed, and not empty once trimmed.
  contactId: z.string().check(z.maxLength(ID_MAX), z.trim(), z.minLength(1)),
  workspaceId: text(ID_MAX),
  label: text(LABEL_MAX),
  linkedAt: z.nullish(z.number().check(z.nonnegative())),
  via: z.nullish(z.enum(LINK_VIAS)),
});

/** An entry in its stored form, if it is one. */
function readEntry(raw: unknown): LinkEntry | undefined {
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  const identity = normalizeIdentity(data);
  if (!hasKey(identity)) return undefined;
  const workspaceId = cleanText(data.workspaceId);
  return {
    ...identity,
    contactId: data.contactId,
    ...(workspaceId && { workspaceId }),
    label: cleanText(data.label),
    linkedAt: data.linkedAt ?? 0,
    via: data.via ?? 'match',
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const refusedShape = (): ReadResult => ({ ok: false, problem: 'shape' });

/**
 * Strict: the document must be version 1 or 2 and every link valid. Tolerant:
 * any object with `entries` or `links` gives its valid links (a newer version
 * written by a later release keeps what this one understands).
 */
export function readRegistryDocument(doc: unknown, strict: boolean): ReadResult {
  if (!isRecord(doc)) return refusedShape();
  const { version, entries, links } = doc;
  // Each link with its name in messages: its position (version 2) or its URL (version 1).
  let named: [string, unknown][];
  if (version === REGISTRY_VERSION || (!strict && Array.isArray(entries))) {
    if (!Array.isArray(entries)) return refusedShape();
    named = Array.from(entries, (raw, i) => [`${i + 1}`, raw]);
  } else if (version === 1 || (!strict && 'links' in doc)) {
    if (!isRecord(links)) return refusedShape();
    named = Object.entries(links).map(([linkedinUrl, contactId]) => [JSON.stringify(linkedinUrl), { linkedinUrl, contactId }]);
  } else if (!strict || (version === undefined && !('entries' in doc || 'links' in doc))) {
    return refusedShape();
  } else {
    // An unknown version, or a registry without one.
    return version === undefined ? { ok: false, problem: 'version' } : { ok: false, problem: 'version', detail: `version ${JSON.stringify(version)}` };
  }
  if (strict && named.length > MAX_LINKS) return { ok: false, problem: 'too-many' };
  const out: LinkEntry[] = [];
  for (const [name, raw] of named) {
    const entry = readEntry(raw);
    if (entry) out.push(entry);
    else if (strict) return { ok: false, problem: 'shape', detail: `link ${name} is not valid` };
  }
  return { ok: true, entries: out, dropped: named.length - out.length };
}
