// The local contact directory: every contact the contact list gave, indexed so
// that as-you-type search and exact lookups answer in milliseconds for 50,000
// contacts, with no request per profile (PRODUCT.md §3, layer 3). This file
// keeps the entries and the exact-lookup map; the prefix search structure
// (directory-view.ts) is derived from them lazily, on the first search after a
// change.
import { foldName } from '../normalize';
import { DirectoryContactSchema, toDirectoryContact, type ContactInput, type DirectoryContact } from './contact';
import { EMAIL, searchView, type SearchView, type ViewEntry } from './directory-view';
import { emailKey, leadKey, linkedinKeys, nameKeys, nameKeysFolded } from './keys';

const MAX_QUERY_WORDS = 8;

interface Entry extends ViewEntry {
  contact: DirectoryContact;
}

/**
 * Exact-lookup keys: name keys, email, folded /in/ and lead URLs. Their forms
 * cannot collide (URLs hold "://", emails "@", name keys only letters, digits
 * and spaces), so one map serves every kind of lookup. Filed under the first
 * two name keys; findByName asks for all three (see nameKeysFolded).
 */
function exactKeysOf(
  contact: DirectoryContact,
  first = foldName(contact.firstName),
  last = foldName(contact.lastName),
  email = emailKey(contact.email),
): string[] {
  const keys = nameKeysFolded(first, last).slice(0, 2);
  const links = linkedinKeys(contact.linkedinUrl, contact.linkedinSalesUrl);
  if (email) keys.push(email);
  keys.push(...links.profiles, ...links.leads);
  return keys;
}

/**
 * FNV-1a, cut to 30 bits so it stays a small integer: the exact map is keyed by
 * these instead of 200,000 retained key strings (a third of the build time went
 * to hashing and collecting them). Collisions, and keys an updated contact no
 * longer has, are resolved by checking the contact's real keys on lookup.
 */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 2;
}

/** Folded text of a field and its word ids, shared by every contact with the same value. */
interface FieldWords {
  folded: string;
  words: number[];
}

/** Key hash → slot, or slots when several contacts share it (a single number saves 100,000s of small arrays). */
type ExactMap = Map<number, number | number[]>;

function addTo(map: ExactMap, key: number, slot: number): void {
  const slots = map.get(key);
  if (slots === undefined) map.set(key, slot);
  else if (typeof slots === 'number') {
    if (slots !== slot) map.set(key, [slots, slot]);
  } else if (!slots.includes(slot)) slots.push(slot);
}

export interface DirectoryIndex {
  readonly size: number;
  get(id: string): DirectoryContact | undefined;
  /** Every contact, in insertion order. */
  all(): DirectoryContact[];
  /** Adds new contacts and replaces known ones (same id). */
  upsert(inputs: Iterable<ContactInput>): void;
  /** Empties the index. */
  clear(): void;
  search(query: string, limit: number): DirectoryContact[];
  /** Contacts filed under any of the keys (see exactKeysOf), each once. */
  lookup(keys: readonly string[]): DirectoryContact[];
}

function createIndex(): DirectoryIndex {
  let entries: Entry[] = [];
  let slotOfId = new Map<string, number>();
  /** Word → id, the ids in insertion order. */
  let wordId = new Map<string, number>();
  let exact: ExactMap = new Map();
  /** Undefined after a change, until the next search. */
  let view: SearchView | undefined;

  function internWord(word: string): number {
    let id = wordId.get(word);
    if (id === undefined) {
      id = wordId.size;
      wordId.set(word, id);
    }
    return id;
  }

  return {
    get size() {
      return entries.length;
    },

    get: (id) => entries[slotOfId.get(id) ?? -1]?.contact,

    all: () => entries.map((entry) => entry.contact),

    upsert(inputs) {
      // Names and companies repeat a lot: fold each distinct value once per call.
      const memo = new Map<string, FieldWords>();
      /** The ids of the words, plus the words joined ("jeanbaptiste", "delatour") when there are several. */
      const fieldWords = (value = ''): FieldWords => {
        let found = memo.get(value);
        if (!found) {
          const folded = foldName(value);
          const parts = folded ? folded.split(' ') : [];
          const words = parts.map(internWord);
          if (parts.length > 1) words.push(internWord(parts.join('')));
          memo.set(value, (found = { folded, words }));
        }
        return found;
      };
      for (const input of inputs) {
        if (!input.id) continue;
        const contact = toDirectoryContact(input);
        const email = emailKey(contact.email);
        const at = email.lastIndexOf('@');
        // Without an email, both parts are empty: no words.
        const fields = [contact.firstName, contact.lastName, contact.company, email.slice(0, at), email.slice(at + 1)].map(fieldWords);
        // The kind of field is its position (both parts of the email are EMAIL). Fields come
        // best first: a word already there keeps its better kind.
        const codes: number[] = [];
        fields.forEach((field, i) => {
          for (const id of field.words) if (!codes.some((code) => code >>> 2 === id)) codes.push(id * 4 + Math.min(i, EMAIL));
        });
        const [first, last] = fields as [FieldWords, FieldWords];
        const entry: Entry = { contact, codes, first: first.folded, last: last.folded };
        let slot = slotOfId.get(contact.id);
        if (slot === undefined) slotOfId.set(contact.id, (slot = entries.push(entry) - 1));
        // A replaced contact stays filed under the keys it no longer has (see hashKey).
        else entries[slot] = entry;
        for (const key of exactKeysOf(contact, first.folded, last.folded, email)) addTo(exact, hashKey(key), slot);
      }
      view = undefined;
    },

    clear() {
      entries = [];
      slotOfId = new Map();
      wordId = new Map();
      exact = new Map();
      view = undefined;
    },

    search(query, limit) {
      const words = [...new Set(foldName(query).split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
      if (!words.length) return [];
      view ??= searchView(entries, wordId);
      return view(words, limit).map((slot) => entries[slot]!.contact);
    },

    lookup(keys) {
      const wanted = new Set(keys.filter(Boolean));
      const slots = new Set([...wanted].flatMap((key) => exact.get(hashKey(key)) ?? []));
      return [...slots].map((slot) => entries[slot]!.contact).filter((contact) => exactKeysOf(contact).some((key) => wanted.has(key)));
    },
  };
}

export function buildIndex(contacts: Iterable<ContactInput>): DirectoryIndex {
  const index = createIndex();
  index.upsert(contacts);
  return index;
}

/** Adds new contacts and replaces known ones (same id), in place. */
export function upsertContacts(index: DirectoryIndex, contacts: Iterable<ContactInput>): void {
  index.upsert(contacts);
}

/** Rebuilds the index from the contacts kept: removals are rare (a complete sync replaces the whole index). */
export function removeContacts(index: DirectoryIndex, ids: Iterable<string>): void {
  const gone = new Set(ids);
  const kept = index.all().filter((contact) => !gone.has(contact.id));
  if (kept.length === index.size) return;
  index.clear();
  index.upsert(kept);
}

/**
 * As-you-type search over names, company and email: accent-, case-,
 * punctuation- and order-insensitive, every word a prefix ("jean bapt" finds
 * "Jean-Baptiste"). Best first: exact name words, then prefixes, company, email;
 * then alphabetical by last name.
 */
export function search(index: DirectoryIndex, query: string, limit = 20): DirectoryContact[] {
  return index.search(query, limit);
}

export function getContact(index: DirectoryIndex, id: string): DirectoryContact | undefined {
  return index.get(id);
}

/** By /in/ URL in any form (a lead URL is looked up as the lead). */
export function findByLinkedinUrl(index: DirectoryIndex, url: string): DirectoryContact[] {
  const keys = linkedinKeys(url);
  return index.lookup([...keys.profiles, ...keys.leads]);
}

/** By lead id or any Sales Navigator lead URL. */
export function findBySalesLead(index: DirectoryIndex, leadIdOrUrl: string): DirectoryContact[] {
  return index.lookup([leadKey(leadIdOrUrl)]);
}

export function findByEmail(index: DirectoryIndex, email: string): DirectoryContact[] {
  return index.lookup([emailKey(email)]);
}

/** Same person's name: accents, case, punctuation, word order and a first/last swap ignored. */
export function findByName(index: DirectoryIndex, firstName: string, lastName: string): DirectoryContact[] {
  return index.lookup(nameKeys(firstName, lastName));
}

export const DIRECTORY_SNAPSHOT_VERSION = 1;

/**
 * The persisted form holds the contacts only: rebuilding the index from them
 * takes about a second for 50,000 contacts, and stored word tables would
 * triple the size and tie storage to this file's internals.
 */
export interface DirectorySnapshot {
  version: typeof DIRECTORY_SNAPSHOT_VERSION;
  contacts: DirectoryContact[];
}

export function toSnapshot(index: DirectoryIndex): DirectorySnapshot {
  return { version: DIRECTORY_SNAPSHOT_VERSION, contacts: index.all() };
}

/** Any stored value → an index; a damaged or foreign snapshot gives an empty one, bad contacts are skipped. */
export function fromSnapshot(snapshot: unknown): DirectoryIndex {
  const { version, contacts } = (snapshot ?? {}) as Partial<DirectorySnapshot>;
  const valid = version === DIRECTORY_SNAPSHOT_VERSION && Array.isArray(contacts) && !Array.isArray(snapshot);
  return buildIndex(
    (valid ? contacts : []).flatMap((raw) => {
      const parsed = DirectoryContactSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}
