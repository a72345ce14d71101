// The link registry: which Skipcall contact a LinkedIn person is, learned on
// every match, pasted reference, create or directory pick. The first matching
// layer (PRODUCT.md §3): a hit costs no request. Registries are values: every
// change returns a new one, which the background persists.
import { cleanText } from '../normalize';
import {
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
import { LinkTable } from './registry-table';

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

export const IMPORT_PROBLEM_MESSAGES: Readonly<Record<ImportProblem, string>> = {
  'not-json': 'This file is not JSON. Choose a file exported from Skipcall Enrich.',
  shape: 'This file is not a Skipcall Enrich link registry.',
  version: 'This registry comes from an unknown or newer version of Skipcall Enrich; update the extension, then import again.',
  'too-many': `Importing would keep more than ${MAX_LINKS.toLocaleString('en')} links; remove some links first.`,
};

export function emptyRegistry(): Registry {
  return { version: REGISTRY_VERSION, entries: [] };
}

function toRegistry(table: LinkTable): Registry {
  return { version: REGISTRY_VERSION, entries: table.toArray() };
}

/** Any stored value (current, version 1, a JSON string, garbage) → a valid registry. Never throws. */
export function migrateRegistry(stored: unknown): Registry {
  try {
    const doc = typeof stored === 'string' ? JSON.parse(stored) : stored;
    const read = readRegistryDocument(doc, false);
    if (!read.ok) return emptyRegistry();
    // The table merges duplicate identities, newest first; past the limit the oldest go.
    const table = new LinkTable(read.entries);
    table.trim(MAX_LINKS);
    return toRegistry(table);
  } catch {
    return emptyRegistry();
  }
}

// Registries are treated as immutable, so the lookup table of one can be kept.
const tables = new WeakMap<readonly LinkEntry[], LinkTable>();
function tableOf(registry: Registry): LinkTable {
  let table = tables.get(registry.entries);
  if (!table) {
    table = new LinkTable(registry.entries);
    tables.set(registry.entries, table);
  }
  return table;
}

/**
 * The link of a LinkedIn person, from the /in/ URL or the lead id, whichever
 * the page shows: a lead page finds the link made on the /in/ page once the
 * public URL is known, and the other way round. If the two keys point at
 * different links, the most recent wins.
 */
export function findLink(registry: Registry, identity: LinkedInIdentity): LinkEntry | undefined {
  const keys = normalizeIdentity(identity);
  if (!keys.linkedinUrl && !keys.salesLeadId) return undefined;
  return tableOf(registry).matches(keys)[0];
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
  if ((!keys.linkedinUrl && !keys.salesLeadId) || !contactId || contactId.length > ID_MAX) return registry;
  const workspaceId = cleanText(link.workspaceId);
  const entry: LinkEntry = {
    ...keys,
    contactId,
    ...(workspaceId && workspaceId.length <= ID_MAX ? { workspaceId } : {}),
    label: cleanText(link.label).slice(0, LABEL_MAX),
    linkedAt: link.linkedAt ?? Date.now(),
    via: link.via,
  };
  const table = new LinkTable(registry.entries);
  if (table.put(entry, 'incoming') === 'unchanged') return registry;
  table.trim(MAX_LINKS);
  return toRegistry(table);
}

/**
 * Removes the links of a LinkedIn person (either key), or every link to a
 * contact (only `contactId`, e.g. after Skipcall answered 404 for it), or the
 * person's link only when it points at `contactId` (both given).
 */
export function removeLink(registry: Registry, target: LinkedInIdentity & { contactId?: string }): Registry {
  const keys = normalizeIdentity(target);
  const hasKeys = !!(keys.linkedinUrl || keys.salesLeadId);
  // A person was named but in no usable form: remove nothing rather than every link to the contact.
  const namedPerson = !!(target.linkedinUrl || target.salesLeadId || target.linkedinSalesUrl);
  if ((namedPerson && !hasKeys) || (!hasKeys && !target.contactId)) return registry;
  const entries = registry.entries.filter((entry) => {
    const samePerson = (!!keys.linkedinUrl && entry.linkedinUrl === keys.linkedinUrl) || (!!keys.salesLeadId && entry.salesLeadId === keys.salesLeadId);
    const sameContact = entry.contactId === target.contactId;
    const remove = hasKeys ? samePerson && (target.contactId === undefined || sameContact) : sameContact;
    return !remove;
  });
  return entries.length === registry.entries.length ? registry : { version: REGISTRY_VERSION, entries };
}

/** Newest first, for the settings page. */
export function listLinks(registry: Registry): LinkEntry[] {
  return [...registry.entries].sort((a, b) => b.linkedAt - a.linkedAt);
}

export function exportRegistry(registry: Registry): string {
  return `${JSON.stringify({ version: REGISTRY_VERSION, entries: registry.entries }, null, 2)}\n`;
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
  if (!read.ok) return read.detail ? { ok: false, problem: read.problem, detail: read.detail } : { ok: false, problem: read.problem };
  const table = new LinkTable(current.entries);
  let added = 0;
  let updated = 0;
  for (const entry of read.entries) {
    const outcome = table.put(entry, 'newest');
    if (outcome === 'added') added++;
    else if (outcome === 'updated') updated++;
  }
  if (table.size > MAX_LINKS) return { ok: false, problem: 'too-many' };
  return { ok: true, registry: toRegistry(table), added, updated };
}
