// Three-way diff: per linked contact and field, what LinkedIn showed when we
// last read it (and the value before that, when it changed) and what we last
// wrote to Skipcall, with dates. Against them a difference tells apart a
// LinkedIn change (to propose), a colleague's edit in Skipcall (to keep, never
// proposed for reverting) and both at once. Without a record, today's rules.
import * as z from 'zod/mini';
import type { Contact, CustomField } from '../skipcall/schemas';
import type { Reading } from '../storage/item';
import type { DiffRow } from './compute';
import { PHONE_KEY, fold } from './fields';
import { RawValueSchema, rawValue, type RawValue } from './plan';

const Seen = z.object({ value: z.string().check(z.maxLength(5000)), at: z.number() });

export const FieldProvenanceSchema = z.object({
  /** LinkedIn's value when last read, and when it was first read as such. */
  read: z.optional(Seen),
  /** LinkedIn's value before `read`, when LinkedIn changed it. */
  previousRead: z.optional(Seen),
  /** Skipcall's raw value right after our last write of the field (for phones: the number we added). */
  written: z.optional(z.object({ value: RawValueSchema, at: z.number() })),
});
export type FieldProvenance = z.infer<typeof FieldProvenanceSchema>;

export const ContactProvenanceSchema = z.object({
  /** Diff key → what we know of it. */
  fields: z.record(z.string(), FieldProvenanceSchema),
});
export type ContactProvenance = z.infer<typeof ContactProvenanceSchema>;

export type Provenance = 'linkedin-changed' | 'skipcall-edited' | 'both-changed';

export const emptyProvenance = (): ContactProvenance => ({ fields: {} });

/** A stored record read back; damaged fields are left out and counted. */
export function readStoredProvenance(stored: unknown): Reading<ContactProvenance> {
  if (stored === undefined) return { value: emptyProvenance(), dropped: 0 };
  const fields = (stored as { fields?: unknown } | null)?.fields;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return { value: emptyProvenance(), dropped: 1 };
  const out: ContactProvenance = { fields: {} };
  let dropped = 0;
  for (const [key, raw] of Object.entries(fields)) {
    const parsed = FieldProvenanceSchema.safeParse(raw);
    if (parsed.success) out.fields[key] = parsed.data;
    else dropped++;
  }
  return { value: out, dropped };
}

const kindOf = (row: Pick<DiffRow, 'kind'>) => row.kind;

/**
 * Records what LinkedIn shows now (each row's proposed value). A value equal
 * to the one read before keeps its first date; a new one pushes the old one to
 * `previousRead`. A field LinkedIn no longer shows keeps what was read.
 * Returns the same object when nothing changed.
 */
export function recordRead(provenance: ContactProvenance, rows: readonly DiffRow[], at: number): ContactProvenance {
  let fields: ContactProvenance['fields'] | undefined;
  for (const row of rows) {
    if (!row.proposed) continue;
    const field = provenance.fields[row.key] ?? {};
    if (field.read && fold(kindOf(row), field.read.value) === fold(kindOf(row), row.proposed)) continue;
    fields ??= { ...provenance.fields };
    fields[row.key] = { ...field, read: { value: row.proposed, at }, ...(field.read ? { previousRead: field.read } : {}) };
  }
  return fields ? { ...provenance, fields } : provenance;
}

/** Records our write: Skipcall's raw value after it, per key (for phones, the number added). */
export function recordWritten(provenance: ContactProvenance, written: readonly { key: string; value: RawValue }[], at: number): ContactProvenance {
  if (written.length === 0) return provenance;
  const fields = { ...provenance.fields };
  for (const { key, value } of written) fields[key] = { ...fields[key], written: { value, at } };
  return { ...provenance, fields };
}

/** The raw values a write left in Skipcall, for recordWritten (phones: the numbers the plan added). */
export function writtenValues(after: Contact, keys: readonly string[], added: Record<string, string>, definitions: readonly CustomField[] = []) {
  return keys.map((key) => ({ key, value: key === PHONE_KEY && added[key] ? added[key]! : rawValue(after, key, definitions) }));
}

function writtenText(written: RawValue): string {
  return Array.isArray(written) ? written.join(', ') : written;
}

/** Did someone change the field in Skipcall since our last write? Raw comparison: a re-casing is an edit. */
function editedInSkipcall(row: DiffRow, field: FieldProvenance, current: RawValue): boolean {
  if (!field.written) return false;
  if (row.key === PHONE_KEY) {
    // We added one number: the field is edited when that number was taken out of the list.
    const list = Array.isArray(current) ? current : [current];
    const ours = writtenText(field.written.value);
    return Array.isArray(field.written.value) ? field.written.value.some((n) => !list.includes(n)) : !list.some((n) => fold('phone', n) === fold('phone', ours));
  }
  return writtenText(current) !== writtenText(field.written.value);
}

/** Did LinkedIn change the field since we last read it, or since our last write? */
function changedOnLinkedIn(row: DiffRow, field: FieldProvenance): boolean {
  const now = fold(row.kind, row.proposed);
  if (!field.read) return false;
  // LinkedIn now shows what we last wrote: nothing new there since our write.
  if (field.written && now === fold(row.kind, writtenText(field.written.value))) return false;
  if (now !== fold(row.kind, field.read.value)) return true;
  return !!field.previousRead && now !== fold(row.kind, field.previousRead.value) && (!field.written || field.read.at > field.written.at);
}

/** The three-way reading of an offered row (fill or update); undefined when today's rules apply. */
export function provenanceOf(row: DiffRow, field: FieldProvenance | undefined, current: RawValue): Provenance | undefined {
  if (!field || (row.status !== 'fill' && row.status !== 'update')) return undefined;
  const linkedin = changedOnLinkedIn(row, field);
  const skipcall = editedInSkipcall(row, field, current);
  if (linkedin && skipcall) return 'both-changed';
  if (skipcall) return 'skipcall-edited';
  if (linkedin) return 'linkedin-changed';
  return undefined;
}

/**
 * The rows with their provenance: a colleague's edit (alone or with a LinkedIn
 * change) is never ticked by default, whatever the policy; a LinkedIn change
 * that only fills is ticked.
 */
export function withProvenance(rows: readonly DiffRow[], provenance: ContactProvenance | undefined, contact: Contact, definitions: readonly CustomField[] = []): DiffRow[] {
  if (!provenance) return [...rows];
  return rows.map((row) => {
    const found = provenanceOf(row, provenance.fields[row.key], rawValue(contact, row.key, definitions));
    if (!found) return row;
    const defaultTicked = found === 'linkedin-changed' ? row.defaultTicked || row.status === 'fill' : false;
    return { ...row, provenance: found, defaultTicked };
  });
}

/** Rows that ask for the user's review: offered, and not a colleague's edit that we keep. */
export function reviewRows(rows: readonly DiffRow[]): DiffRow[] {
  return rows.filter((r) => (r.status === 'fill' || r.status === 'update') && r.provenance !== 'skipcall-edited');
}
