// The field-by-field comparison of a Skipcall contact with what LinkedIn shows.
import type { ProfileFieldName } from '../profile';
import type { Contact, CustomField } from '../skipcall/schemas';
import { cleanText } from '../normalize';
import { CUSTOM_PREFIX, PHONE_KEY, STANDARD_FIELDS, fold, type ValueKind } from './fields';

export type DiffStatus = 'same' | 'fill' | 'update' | 'none';

export interface DiffRow {
  /** The PATCH body key: "city", "phoneNumbers", "customFields.<slug>". */
  key: string;
  kind: ValueKind;
  status: DiffStatus;
  /** Skipcall's value as shown; phone numbers joined with ", ". Empty when Skipcall has none. */
  current: string;
  /** What LinkedIn shows, cleaned. For phones: the one number to add. */
  proposed: string;
  defaultTicked: boolean;
  /** Three-way reading against what we last read and wrote (utils/diff/provenance.ts); absent: today's rules. */
  provenance?: 'linkedin-changed' | 'skipcall-edited' | 'both-changed';
}

export interface DiffOptions {
  /** Profile field → custom field slug (e.g. headline → headline_linkedin). */
  customFieldMap?: Partial<Record<ProfileFieldName, string>>;
  /** Custom field definitions, to read values keyed by name as well as by slug. */
  customFields?: readonly CustomField[];
  /** Keys whose `update` rows start ticked: the user prefers LinkedIn's value there. */
  preferLinkedIn?: readonly string[];
  /** Profile fields read as a guess (headline pattern, ambiguous name split): shown, never ticked by default. */
  unsure?: readonly ProfileFieldName[];
}

export type ProfileValues = Partial<Record<ProfileFieldName, string>>;

/** The key under which a contact holds a custom field: responses may key it by slug or by name. */
export function customFieldKey(contact: Contact, slug: string, definitions: readonly CustomField[] = []): string | undefined {
  const name = definitions.find((field) => field.slug === slug)?.name;
  const wanted = [slug, name].filter((key): key is string => !!key).map((key) => key.toLowerCase());
  return Object.keys(contact.customFields ?? {}).find((key) => wanted.includes(key.toLowerCase()));
}

/** A custom field's value on a contact, cleaned for display and comparison. */
export function customFieldValue(contact: Contact, slug: string, definitions: readonly CustomField[] = []): string {
  const key = customFieldKey(contact, slug, definitions);
  const value = key === undefined ? undefined : contact.customFields?.[key];
  return value === null || value === undefined ? '' : cleanText(String(value));
}

/** Skipcall's current value for a diff key, as a string. */
function currentValue(contact: Contact, key: string, definitions: readonly CustomField[] = []): string {
  if (key === PHONE_KEY) return contact.phoneNumbers.join(', ');
  if (key.startsWith(CUSTOM_PREFIX)) return customFieldValue(contact, key.slice(CUSTOM_PREFIX.length), definitions);
  const value = (contact as Record<string, unknown>)[key];
  return typeof value === 'string' ? cleanText(value) : '';
}

function row(key: string, kind: ValueKind, current: string, proposedRaw: string | undefined, prefer: boolean): DiffRow {
  const proposed = cleanText(proposedRaw);
  let status: DiffStatus;
  if (!proposed) status = 'none';
  else if (!current) status = 'fill';
  else status = fold(kind, current) === fold(kind, proposed) ? 'same' : 'update';
  return { key, kind, status, current, proposed, defaultTicked: status === 'fill' || (status === 'update' && prefer) };
}

function phoneRow(contact: Contact, phone: string | undefined, prefer: boolean): DiffRow {
  const proposed = cleanText(phone);
  const current = contact.phoneNumbers.join(', ');
  let status: DiffStatus;
  if (!proposed) status = 'none';
  else if (contact.phoneNumbers.length === 0) status = 'fill';
  else status = contact.phoneNumbers.some((n) => fold('phone', n) === fold('phone', proposed)) ? 'same' : 'update';
  return { key: PHONE_KEY, kind: 'phone', status, current, proposed, defaultTicked: status === 'fill' || (status === 'update' && prefer) };
}

export function computeDiff(contact: Contact, profile: ProfileValues, options: DiffOptions = {}): DiffRow[] {
  const prefer = new Set(options.preferLinkedIn ?? []);
  const unsure = new Set(options.unsure ?? []);
  const sure = (r: DiffRow, source: ProfileFieldName): DiffRow => (unsure.has(source) ? { ...r, defaultTicked: false } : r);
  const rows = STANDARD_FIELDS.map((field) =>
    sure(row(field.key, field.kind, currentValue(contact, field.key), profile[field.source], prefer.has(field.key)), field.source),
  );
  rows.push(sure(phoneRow(contact, profile.phone, prefer.has(PHONE_KEY)), 'phone'));
  for (const [source, slug] of Object.entries(options.customFieldMap ?? {})) {
    if (!slug) continue;
    const key = `${CUSTOM_PREFIX}${slug}`;
    const field = source as ProfileFieldName;
    rows.push(sure(row(key, 'text', customFieldValue(contact, slug, options.customFields), profile[field], prefer.has(key)), field));
  }
  return rows;
}

/** Rows that offer something (fill or update). */
export function changeRows(rows: readonly DiffRow[]): DiffRow[] {
  return rows.filter((r) => r.status === 'fill' || r.status === 'update');
}
