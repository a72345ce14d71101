// The exact write the user approved: each key with the value to send and
// Skipcall's raw value as the user saw it. The popup builds it from the rows it
// displays; the background checks it against a fresh read and turns it into the
// PATCH body without adding any key.
import * as z from 'zod/mini';
import type { Contact, ContactPatch, CustomField } from '../skipcall/schemas';
import { customFieldKey } from './compute';
import type { DiffRow } from './compute';
import { CUSTOM_PREFIX, PHONE_KEY, STANDARD_FIELDS, fold, kindOfKey } from './fields';
import { buildPatch, valueFor, type Choices } from './patch';
import type { TextRef } from '../i18n';

/** A Skipcall value as stored: text ('' when empty), or the phone list. */
export const RawValueSchema = z.union([z.string().check(z.maxLength(5000)), z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100))]);
export type RawValue = z.infer<typeof RawValueSchema>;

export const PlannedChangeSchema = z.object({
  /** The diff key: "city", "phoneNumbers", "customFields.<slug>". */
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The value to write; for phoneNumbers, the one number to add. */
  value: z.string().check(z.minLength(1), z.maxLength(5000)),
  /** Skipcall's raw value for the key when the user approved the write. */
  seen: RawValueSchema,
});
export type PlannedChange = z.infer<typeof PlannedChangeSchema>;

export const WritePlanSchema = z.array(PlannedChangeSchema).check(z.minLength(1), z.maxLength(50));
export type WritePlan = z.infer<typeof WritePlanSchema>;

/** Skipcall's value for a diff key exactly as stored: not cleaned, not folded. */
export function rawValue(contact: Contact, key: string, definitions: readonly CustomField[] = []): RawValue {
  if (key === PHONE_KEY) return [...contact.phoneNumbers];
  if (key.startsWith(CUSTOM_PREFIX)) {
    const found = customFieldKey(contact, key.slice(CUSTOM_PREFIX.length), definitions);
    const value = found === undefined ? undefined : contact.customFields?.[found];
    return value === null || value === undefined ? '' : String(value);
  }
  const value = (contact as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** Exact equality of raw values: a re-casing or a re-ordered list is a difference. */
export function sameRaw(a: RawValue, b: RawValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return a === b;
}

export interface PlannedWrite {
  plan: PlannedChange[];
  /** Ticked rows that cannot be sent, with the reason. */
  problems: Record<string, TextRef>;
}

/** The plan for the rows on screen and the user's choices, on the contact the user sees. */
export function planWrite(rows: readonly DiffRow[], choices: Choices, contact: Contact, definitions: readonly CustomField[] = []): PlannedWrite {
  const { keys, problems } = buildPatch(rows, choices, contact);
  const plan = keys.map((key) => {
    const row = rows.find((r) => r.key === key)!;
    return { key, value: valueFor(row, choices), seen: rawValue(contact, key, definitions) };
  });
  return { plan, problems };
}

/** The planned keys whose Skipcall value is no longer the one the user saw. */
export function planConflicts(plan: readonly PlannedChange[], fresh: Contact, definitions: readonly CustomField[] = []): string[] {
  return plan.filter((change) => !sameRaw(change.seen, rawValue(fresh, change.key, definitions))).map((c) => c.key);
}

export type PlanProblem = { key: string; reason: 'unknown-key' | 'duplicate-key' };

/** Keys the background accepts: the standard fields, phones, and the mapped custom fields. */
export function planProblems(plan: readonly PlannedChange[], mappedSlugs: readonly string[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const seenKeys = new Set<string>();
  for (const { key } of plan) {
    const known =
      key === PHONE_KEY ||
      STANDARD_FIELDS.some((f) => f.key === key) ||
      (key.startsWith(CUSTOM_PREFIX) && mappedSlugs.includes(key.slice(CUSTOM_PREFIX.length)));
    if (!known) problems.push({ key, reason: 'unknown-key' });
    else if (seenKeys.has(key)) problems.push({ key, reason: 'duplicate-key' });
    seenKeys.add(key);
  }
  return problems;
}

/**
 * The PATCH body for a plan on the contact as it is now (already checked to be
 * the one the user saw): only the planned keys, phone numbers appended to the
 * list as it stands, and no value Skipcall already holds.
 */
export function patchFromPlan(plan: readonly PlannedChange[], fresh: Contact, definitions: readonly CustomField[] = []): { patch: ContactPatch; keys: string[] } {
  const patch: ContactPatch = {};
  const keys: string[] = [];
  for (const { key, value } of plan) {
    if (key === PHONE_KEY) {
      if (fresh.phoneNumbers.some((n) => fold('phone', n) === fold('phone', value))) continue;
      patch.phoneNumbers = [...fresh.phoneNumbers, value];
    } else {
      const current = rawValue(fresh, key, definitions);
      if (typeof current === 'string' && fold(kindOfKey(key), current) === fold(kindOfKey(key), value)) continue;
      if (key.startsWith(CUSTOM_PREFIX)) patch.customFields = { ...patch.customFields, [key.slice(CUSTOM_PREFIX.length)]: value };
      else (patch as Record<string, string>)[key] = value;
    }
    keys.push(key);
  }
  return { patch, keys };
}
