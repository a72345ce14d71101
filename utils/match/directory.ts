// The local contact directory: every contact the contact list gave, indexed so
// that as-you-type search and exact lookups answer in milliseconds for 50,000
// contacts, with no request per profile (PRODUCT.md §3, layer 3). This file
// keeps the entries and the exact-lookup map; the prefix search structure
// (directory-view.ts) is derived from them lazily, on the first search after a
// change.
import * as z from 'zod/mini';
import { foldName } from '../normalize';
import { DirectoryContactSchema, toDirectoryContact, type ContactInput, type DirectoryContact } from './contact';
import { COMPANY, EMAIL, FIRST, LAST, SearchView, wordCode, type ViewEntry } from './directory-view';
import { emailKey, leadKey, linkedinKeys, nameKeys, nameKeysFolded } from './keys';

const MAX_QUERY_WORDS = 8;
/** Removed contacts leave holes; past this many (and more than live ones) the index is rebuilt. */
const COMPACT_AFTER = 1000;

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
  if (email) keys.push(email);
  if (contact.linkedinUrl || contact.linkedinSalesUrl) {
    const links = linkedinKeys(contact.linkedinUrl, contact.linkedinSalesUrl);
    keys.push(...links.profiles, ...links.leads);
  }
  return keys;
}

/**
 * FNV-1a, cut to 30 bits so it stays a small integer: the exact map is keyed by
 * these instead of 200,000 retained key strings (a third of the build time went
 * to hashing and collecting them). Collisions are resolved by checking the
 * contact's real keys on lookup.
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
type FieldMemo = Map<string, FieldWords>;
const NO_WORDS: FieldWords = { folded: '', words: [] };

/** Adds the word ids of one field; a word already there keeps its better (earlier) kind, as fields come best first. */
function addWords(codes: number[], ids: readonly number[], kind: number): void {
  for (const id of ids) {
    if (!codes.some((code) => code >>> 2 === id)) codes.push(wordCode(id, kind));
  }
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

function removeFrom(map: ExactMap, key: number, slot: number): void {
  const slots = map.get(key);
  if (slots === slot) map.delete(key);
  else if (Array.isArray(slots)) {
    const rest = slots.filter((s) => s !== slot);
    map.set(key, rest.length === 1 ? rest[0]! : rest);
  }
}

export class DirectoryIndex {
  private entries: (Entry | undefined)[] = [];
  private slotOfId = new Map<string, number>();
  private wordId = new Map<string, number>();
  private wordText: string[] = [];
  private exact: ExactMap = new Map();
  private live = 0;
  private dead = 0;
  /** Undefined after a change, until the next search. */
  private view: SearchView | undefined;

  get size(): number {
    return this.live;
  }

  get(id: string): DirectoryContact | undefined {
    const slot = this.slotOfId.get(id);
    return slot === undefined ? undefined : this.entries[slot]?.contact;
  }

  all(): DirectoryContact[] {
    return this.entries.flatMap((entry) => (entry ? [entry.contact] : []));
  }

  upsert(inputs: Iterable<ContactInput>): void {
    // Names and companies repeat a lot: fold each distinct value once per call.
    const memo: FieldMemo = new Map();
    const cleaned = new Map<string, string>();
    for (const input of inputs) {
      if (!input.id) continue;
      const contact = toDirectoryContact(input, cleaned);
      const { entry, keys } = this.entryOf(contact, memo);
      let slot = this.slotOfId.get(contact.id);
      const previous = slot === undefined ? undefined : this.entries[slot];
      if (slot === undefined || !previous) {
        slot = this.entries.length;
        this.entries.push(entry);
        this.slotOfId.set(contact.id, slot);
        this.live++;
      } else {
        // Keys are recomputed rather than stored: updates are rare, 50,000 stored key lists are not.
        for (const key of exactKeysOf(previous.contact)) removeFrom(this.exact, hashKey(key), slot);
        this.entries[slot] = entry;
      }
      for (const key of keys) addTo(this.exact, hashKey(key), slot);
    }
    this.view = undefined;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const slot = this.slotOfId.get(id);
      const entry = slot === undefined ? undefined : this.entries[slot];
      if (slot === undefined || !entry) continue;
      for (const key of exactKeysOf(entry.contact)) removeFrom(this.exact, hashKey(key), slot);
      this.entries[slot] = undefined;
      this.slotOfId.delete(id);
      this.live--;
      this.dead++;
      this.view = undefined;
    }
  }

  search(query: string, limit: number): DirectoryContact[] {
    const words = [...new Set(foldName(query).split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
    if (!words.length || limit <= 0 || this.live === 0) return [];
    if (!this.view) {
      if (this.dead > COMPACT_AFTER && this.dead > this.live) this.compact();
      this.view = new SearchView(this.entries, this.wordText, this.wordId);
    }
    return this.view.search(words, limit).map((slot) => this.entries[slot]!.contact);
  }

  /** Contacts filed under any of the keys (see exactKeysOf), each once. */
  lookup(keys: readonly string[]): DirectoryContact[] {
    const wanted = new Set(keys.filter(Boolean));
    const slots = new Set<number>();
    for (const key of wanted) {
      const found = this.exact.get(hashKey(key));
      if (typeof found === 'number') slots.add(found);
      else for (const slot of found ?? []) slots.add(slot);
    }
    return [...slots].flatMap((slot) => {
      const entry = this.entries[slot];
      return entry && exactKeysOf(entry.contact).some((key) => wanted.has(key)) ? [entry.contact] : [];
    });
  }

  private entryOf(contact: DirectoryContact, memo: FieldMemo): { entry: Entry; keys: string[] } {
    const first = this.fieldWords(memo, contact.firstName);
    const last = this.fieldWords(memo, contact.lastName);
    const codes: number[] = [];
    addWords(codes, first.words, FIRST);
    addWords(codes, last.words, LAST);
    addWords(codes, this.fieldWords(memo, contact.company).words, COMPANY);
    const email = emailKey(contact.email);
    if (email) {
      const at = email.lastIndexOf('@');
      addWords(codes, this.wordsOf(foldName(email.slice(0, at))), EMAIL);
      addWords(codes, this.fieldWords(memo, email.slice(at + 1)).words, EMAIL);
    }
    return {
      entry: { contact, codes, first: first.folded, last: last.folded },
      keys: exactKeysOf(contact, first.folded, last.folded, email),
    };
  }

  private fieldWords(memo: FieldMemo, value: string | undefined): FieldWords {
    if (!value) return NO_WORDS;
    let found = memo.get(value);
    if (!found) {
      const folded = foldName(value);
      found = { folded, words: this.wordsOf(folded) };
      memo.set(value, found);
    }
    return found;
  }

  /** Ids of the words of a folded text, plus its words joined ("jeanbaptiste", "delatour") when there are several. */
  private wordsOf(folded: string): number[] {
    if (!folded) return [];
    const parts = folded.split(' ');
    const ids = parts.map((part) => this.internWord(part));
    if (parts.length > 1) ids.push(this.internWord(parts.join('')));
    return ids;
  }

  private internWord(word: string): number {
    let id = this.wordId.get(word);
    if (id === undefined) {
      id = this.wordText.length;
      this.wordId.set(word, id);
      this.wordText.push(word);
    }
    return id;
  }

  /** Starts over from the live contacts, dropping holes and unused words. */
  private compact(): void {
    const contacts = this.all();
    this.entries = [];
    this.slotOfId.clear();
    this.wordId.clear();
    this.wordText = [];
    this.exact.clear();
    this.live = 0;
    this.dead = 0;
    this.upsert(contacts);
  }
}

export function buildIndex(contacts: Iterable<ContactInput>): DirectoryIndex {
  const index = new DirectoryIndex();
  index.upsert(contacts);
  return index;
}

/** Adds new contacts and replaces known ones (same id), in place. */
export function upsertContacts(index: DirectoryIndex, contacts: Iterable<ContactInput>): void {
  index.upsert(contacts);
}

export function removeContacts(index: DirectoryIndex, ids: Iterable<string>): void {
  index.remove(ids);
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

const SnapshotShape = z.object({ version: z.literal(DIRECTORY_SNAPSHOT_VERSION), contacts: z.array(z.unknown()) });

/** Any stored value → an index; a damaged or foreign snapshot gives an empty one, bad contacts are skipped. */
export function fromSnapshot(snapshot: unknown): DirectoryIndex {
  const shape = SnapshotShape.safeParse(snapshot);
  if (!shape.success) return new DirectoryIndex();
  const contacts = shape.data.contacts.flatMap((raw) => {
    const parsed = DirectoryContactSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  return buildIndex(contacts);
}
