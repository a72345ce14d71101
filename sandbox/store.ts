// In-memory Skipcall data and the write semantics of update-a-contact.txt:
// only sent fields change, phoneNumbers replaces the list, customFields merge
// per key (slug, or the deprecated name), updatedAt always moves forward.
import { randomUUID } from 'node:crypto';
import type { Contact, ContactCreate, ContactPatch, CustomField } from '../utils/skipcall/schemas';
import { CUSTOM_FIELDS, SCOPE_WORKSPACES, seedContacts } from './seed';
import { SequenceStore } from './sequences';

export type ModificationSource = 'API' | 'SKIPCALL';

/** Thrown for bad input to the test helpers (editContact), turned into a 400/404 over HTTP. */
export class SandboxInputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

/** Property order of the documented response example. */
const CONTACT_KEYS = [
  'id', 'firstName', 'lastName', 'allowPhoneCalls', 'callCount', 'teamId', 'phoneNumbers', 'customFields',
  'createdAt', 'updatedAt', 'lastModificationSource', 'email', 'company', 'city', 'country', 'url',
  'linkedinUrl', 'linkedinSalesUrl', 'role', 'lastCallAt',
] as const satisfies readonly (keyof Contact)[];
const CONTACT_KEY_SET: ReadonlySet<string> = new Set(CONTACT_KEYS);

/** A deep copy in documented order, so callers never hold the stored object. */
export function contactView(contact: Contact): Contact {
  const copy = structuredClone(contact);
  const out: Record<string, unknown> = {};
  for (const key of CONTACT_KEYS) out[key] = copy[key] ?? (key === 'customFields' ? {} : null);
  return out as Contact;
}

/** Strictly later than `previous`, even when two writes land in the same millisecond. */
function nextTimestamp(previous: string | undefined): string {
  const before = previous ? Date.parse(previous) : NaN;
  const now = Date.now();
  return new Date(Number.isNaN(before) ? now : Math.max(now, before + 1)).toISOString();
}

export interface ResolvedCustomFields {
  /** Values keyed by custom field NAME, the form the responses use. */
  values: Record<string, unknown>;
  unknownKeys: string[];
  usedDeprecatedNames: boolean;
}

export class ContactStore {
  readonly contacts = new Map<string, Contact>();
  readonly customFields: readonly CustomField[] = CUSTOM_FIELDS;
  private readonly scope: ReadonlySet<string> = new Set(SCOPE_WORKSPACES.map((w) => w.id));
  readonly sequences = new SequenceStore(
    (workspaceId) => this.isInScope(workspaceId),
    (contactId) => this.findInScope(contactId) !== undefined,
  );

  /** `extra`: contacts seeded in addition to seedContacts() (the demo's job change), again at every reset. */
  constructor(private readonly extra: () => Contact[] = () => []) {
    this.reset();
  }

  reset(): void {
    this.sequences.reset();
    this.contacts.clear();
    for (const contact of [...seedContacts(), ...this.extra()]) this.contacts.set(contact.id, contact);
  }

  isInScope(workspaceId: string | null | undefined): boolean {
    return !!workspaceId && this.scope.has(workspaceId);
  }

  /** Out-of-scope contacts are invisible: callers answer 404 as for a missing one. */
  findInScope(id: string): Contact | undefined {
    const contact = this.contacts.get(id);
    return contact && this.isInScope(contact.teamId) ? contact : undefined;
  }

  /** In-scope contacts, oldest first (stable paging), optionally narrowed to some workspaces. */
  listInScope(workspaceIds?: readonly string[]): Contact[] {
    const wanted = workspaceIds && new Set(workspaceIds);
    return [...this.contacts.values()]
      .filter((c) => this.isInScope(c.teamId) && (!wanted || wanted.has(c.teamId ?? '')))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Slug first; the name is the deprecated fallback the docs still accept. */
  resolveCustomFields(input: Record<string, unknown>): ResolvedCustomFields {
    const result: ResolvedCustomFields = { values: {}, unknownKeys: [], usedDeprecatedNames: false };
    for (const [key, value] of Object.entries(input)) {
      const bySlug = this.customFields.find((f) => f.slug === key);
      const field = bySlug ?? this.customFields.find((f) => f.name === key);
      if (!field) result.unknownKeys.push(key);
      else {
        if (!bySlug) result.usedDeprecatedNames = true;
        result.values[field.name] = value;
      }
    }
    return result;
  }

  /** Applies a validated PATCH body whose custom field keys are already resolved. */
  update(contact: Contact, patch: ContactPatch, customFieldsByName: Record<string, unknown>): Contact {
    const { customFields: _ignored, ...plain } = patch;
    // An empty body is a no-op: nothing is written, so nothing is bumped.
    if (Object.keys(patch).length === 0) return contact;
    Object.assign(contact, plain);
    contact.customFields = { ...contact.customFields, ...customFieldsByName };
    this.touch(contact, 'API');
    return contact;
  }

  create(body: ContactCreate, customFieldsByName: Record<string, unknown>): Contact {
    const workspace = SCOPE_WORKSPACES[0];
    if (!workspace) throw new Error('the sandbox has no in-scope workspace');
    const now = new Date().toISOString();
    const contact: Contact = {
      id: randomUUID(),
      firstName: body.firstName,
      lastName: body.lastName,
      allowPhoneCalls: body.allowPhoneCalls ?? true,
      callCount: 0,
      teamId: workspace.id,
      phoneNumbers: [...body.phoneNumbers],
      customFields: customFieldsByName,
      createdAt: now,
      updatedAt: now,
      lastModificationSource: 'API',
      email: body.email ?? null,
      company: body.company ?? null,
      city: body.city ?? null,
      country: body.country ?? null,
      url: body.url ?? null,
      linkedinUrl: body.linkedinUrl ?? null,
      linkedinSalesUrl: body.linkedinSalesUrl ?? null,
      role: body.role ?? null,
      lastCallAt: null,
    };
    this.contacts.set(contact.id, contact);
    return contact;
  }

  /**
   * A change made in the Skipcall app. Values are not validated (tests may need
   * odd data); customFields merge per key like the API; an explicit updatedAt
   * or lastModificationSource in `changes` wins over the automatic ones.
   */
  edit(id: string, changes: Partial<Contact>): Contact {
    const contact = this.contacts.get(id);
    if (!contact) throw new SandboxInputError(`no contact with id ${id}`, 404);
    const unknown = Object.keys(changes).filter((key) => !CONTACT_KEY_SET.has(key));
    if (unknown.length) throw new SandboxInputError(`unknown contact field(s): ${unknown.join(', ')}`);
    if (changes.id !== undefined && changes.id !== id) throw new SandboxInputError('the id of a contact cannot change');
    const { customFields, ...plain } = changes;
    let resolved: Record<string, unknown> = {};
    if (customFields !== undefined) {
      if (customFields === null || typeof customFields !== 'object' || Array.isArray(customFields)) {
        throw new SandboxInputError('customFields must be an object');
      }
      const r = this.resolveCustomFields(customFields);
      if (r.unknownKeys.length) throw new SandboxInputError(`unknown custom field(s): ${r.unknownKeys.join(', ')}`);
      resolved = r.values;
    }
    const previousUpdatedAt = contact.updatedAt;
    Object.assign(contact, plain);
    contact.customFields = { ...contact.customFields, ...resolved };
    if (plain.updatedAt === undefined) contact.updatedAt = nextTimestamp(previousUpdatedAt);
    if (plain.lastModificationSource === undefined) contact.lastModificationSource = 'SKIPCALL';
    return contact;
  }

  private touch(contact: Contact, source: ModificationSource): void {
    contact.updatedAt = nextTimestamp(contact.updatedAt);
    contact.lastModificationSource = source;
  }
}
