// The link registry: which Skipcall contact a LinkedIn person is, learned on
// every match, pasted reference, create or directory pick. The first matching
// layer (PRODUCT.md §3): a hit costs no request. Registries are values: every
// change returns a new one, which the background persists.
import type { MessageKey } from '../i18n';
import type { Reading } from '../storage/item';
import { cleanText } from '../normalize';
import {
  hasKey,
  ID_MAX,
  LABEL_MAX,
  MAX_LINKS,
  normalizeIdentity,
  readRegistryDocument,
  REGISTRY_VERSION,
  type LinkedInIdentity,
  type LinkEntry,
  type LinkVia,
  type ReadProblem,
  type Registry,
} from './registry-schema';
import { linkTable } from './registry-table';

export { MAX_LINKS, REGISTRY_VERSION, LINK_VIAS, normalizeIdentity } from './registry-schema';
export type { Identity, LinkedInIdentity, LinkEntry, LinkVia, Registry, RegistryV1 } from './registry-schema';

export type ImportProblem = 'not-json' | ReadProblem;
export type ImportResult =
  | { ok: true; registry: Registry; added: number; updated: number }
  | { ok: false; problem: ImportProblem; detail?: string };

export interface NewLink extends LinkedInIdentity {
  contactId: string;
  workspaceId?: string | null;
  label?: string;
  via: LinkVia;
  /** Default: now. */
  linkedAt?: number;
}

/** Larger files cannot hold a valid registry of MAX_LINKS entries; refuse before parsing. */
const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

/** The message explaining each problem (public/_locales; 'too-many' states MAX_LINKS). */
export const IMPORT_PROBLEM_MESSAGES: Readonly<Record<ImportProblem, MessageKey>> = {
  'not-json': 'importProblemNotJson',
  shape: 'importProblemShape',
  version: 'importProblemVersion',
  'too-many': 'importProblemTooMany',
};

export function emptyRegistry(): Registry {
  return toRegistry([]);
}

function toRegistry(entries: Iterable<LinkEntry>): Registry {
  return { version: REGISTRY_VERSION, entries: [...entries] };
}

/**
 * Any stored value (current, version 1, a JSON string, garbage) → a valid
 * registry, with how many links were left out as damaged. Never throws.
 */
export function readStoredRegistry(stored: unknown): Reading<Registry> {
  if (stored === undefined) return { value: emptyRegistry(), dropped: 0 };
  try {
    const read = readRegistryDocument(typeof stored === 'string' ? JSON.parse(stored) : stored, false);
    if (read.ok) {
      // The table merges duplicate identities, newest first; past the limit the oldest go.
      const table = linkTable(read.entries);
      table.trim(MAX_LINKS);
      return { value: toRegistry(table.entries), dropped: read.dropped };
    }
  } catch {
    // Not JSON: start over, as for any other garbage.
  }
  return { value: emptyRegistry(), dropped: 1 };
}

/**
 * The link of a LinkedIn person, from the /in/ URL or the lead id, whichever
 * the page shows: a lead page finds the link made on the /in/ page once the
 * public URL is known, and the other way round. If the two keys point at
 * different links, the most recent wins.
 */
export function findLink(registry: Registry, identity: LinkedInIdentity): LinkEntry | undefined {
  return linkTable(registry.entries).matches(normalizeIdentity(identity))[0];
}

/**
 * Records a link. One entry per person: the entries sharing the /in/ URL or the
 * lead id merge into one holding both keys, and this link's contact wins. A
 * link without a LinkedIn key or contact id changes nothing (the same registry
 * object comes back). Past MAX_LINKS the least recent link is dropped.
 */
export function addLink(registry: Registry, link: NewLink): Registry {
  const keys = normalizeIdentity(link);
  const contactId = link.contactId.trim();
  if (!hasKey(keys) || !contactId || contactId.length > ID_MAX) return registry;
  const workspaceId = cleanText(link.workspaceId);
  const entry: LinkEntry = {
    ...keys,
    contactId,
    ...(workspaceId && workspaceId.length <= ID_MAX && { workspaceId }),
    label: cleanText(link.label).slice(0, LABEL_MAX),
    linkedAt: link.linkedAt ?? Date.now(),
    via: link.via,
  };
  const table = linkTable(registry.entries);
  if (table.put(entry, 'incoming') === 'unchanged') return registry;
  table.trim(MAX_LINKS);
  return toRegistry(table.entries);
}

/**
 * Removes the links of a LinkedIn person (either key), or every link to a
 * contact (only `contactId`, e.g. after Skipcall answered 404 for it), or the
 * person's link only when it points at `contactId` (both given).
 */
export function removeLink(registry: Registry, target: LinkedInIdentity & { contactId?: string }): Registry {
  const keys = normalizeIdentity(target);
  const byPerson = hasKey(keys);
  const { contactId } = target;
  // A person named in no usable form: remove nothing rather than every link to the contact.
  if (!byPerson && (target.linkedinUrl || target.salesLeadId || target.linkedinSalesUrl || !contactId)) return registry;
  const entries = registry.entries.filter(
    (entry) =>
      !(
        (!byPerson || (keys.linkedinUrl && entry.linkedinUrl === keys.linkedinUrl) || (keys.salesLeadId && entry.salesLeadId === keys.salesLeadId)) &&
        (contactId === undefined || entry.contactId === contactId)
      ),
  );
  return entries.length === registry.entries.length ? registry : { version: REGISTRY_VERSION, entries };
}

/** Newest first, for the settings page. */
export function listLinks(registry: Registry): LinkEntry[] {
  return [...registry.entries].sort((a, b) => b.linkedAt - a.linkedAt);
}

export function exportRegistry(registry: Registry): string {
  return `${JSON.stringify(toRegistry(registry.entries), null, 2)}\n`;
}

/**
 * Merges an exported registry (version 1 or 2) into the current one. Nothing is
 * lost: a person known on both sides keeps the most recent link (the current
 * one on a tie), and identity keys known on either side are kept together.
 */
export function importRegistry(json: string, current: Registry): ImportResult {
  if (json.length > MAX_IMPORT_CHARS) return { ok: false, problem: 'too-many' };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const read = readRegistryDocument(doc, true);
  if (!read.ok) return read;
  const table = linkTable(current.entries);
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const entry of read.entries) counts[table.put(entry, 'newest')]++;
  if (table.entries.size > MAX_LINKS) return { ok: false, problem: 'too-many' };
  return { ok: true, registry: toRegistry(table.entries), added: counts.added, updated: counts.updated };
}
