// From the diff rows and the user's choices to exactly one PATCH body: only
// ticked rows whose value really differs, never an empty value, phone numbers
// merged so none is dropped.
import type { Contact, ContactPatch } from '../skipcall/schemas';
import { E164_PATTERN, PHONE_NUMBERS_MAX } from '../skipcall/schemas';
import { cleanText } from '../normalize';
import { CUSTOM_PREFIX, PHONE_KEY, STANDARD_FIELDS, fold } from './fields';
import type { DiffRow } from './compute';
import type { TextRef } from '../i18n';

export interface RowChoice {
  ticked: boolean;
  /** The user's edit of the proposed value, if any. */
  value?: string;
}
export type Choices = Record<string, RowChoice>;

/** The choice for a row: the user's, or the row's default. */
export function choiceFor(row: DiffRow, choices: Choices): RowChoice {
  return choices[row.key] ?? { ticked: row.defaultTicked };
}

export function valueFor(row: DiffRow, choices: Choices): string {
  return cleanText(choiceFor(row, choices).value ?? row.proposed);
}

/** Why a value cannot be sent for this row (a message and its values), or null. */
export function rowProblem(row: DiffRow, value: string, contact: Contact): TextRef | null {
  if (!value) return ['rowProblemEmpty'];
  if (row.key === PHONE_KEY) {
    if (!E164_PATTERN.test(value)) return ['rowProblemPhoneFormat'];
    if (contact.phoneNumbers.length >= PHONE_NUMBERS_MAX) return ['rowProblemPhoneMax', String(PHONE_NUMBERS_MAX)];
    return null;
  }
  // Custom fields have no documented length limit.
  const max = STANDARD_FIELDS.find((f) => f.key === row.key)?.max;
  if (max !== undefined && value.length > max) return ['rowProblemTooLong', String(max), String(value.length)];
  return null;
}

export interface PatchPlan {
  patch: ContactPatch;
  /** The diff keys that go out, in table order. */
  keys: string[];
  /** Ticked rows that cannot be sent, with the reason. */
  problems: Record<string, TextRef>;
}

export function buildPatch(rows: readonly DiffRow[], choices: Choices, contact: Contact): PatchPlan {
  const patch: ContactPatch = {};
  const keys: string[] = [];
  const problems: Record<string, TextRef> = {};
  for (const row of rows) {
    if (row.status !== 'fill' && row.status !== 'update') continue;
    if (!choiceFor(row, choices).ticked) continue;
    const value = valueFor(row, choices);
    const problem = rowProblem(row, value, contact);
    if (problem) {
      problems[row.key] = problem;
      continue;
    }
    if (row.key === PHONE_KEY) {
      if (contact.phoneNumbers.some((n) => fold('phone', n) === fold('phone', value))) continue;
      patch.phoneNumbers = [...contact.phoneNumbers, value];
    } else {
      if (fold(row.kind, value) === fold(row.kind, row.current)) continue;
      if (row.key.startsWith(CUSTOM_PREFIX)) {
        patch.customFields = { ...patch.customFields, [row.key.slice(CUSTOM_PREFIX.length)]: value };
      } else {
        (patch as Record<string, string>)[row.key] = value;
      }
    }
    keys.push(row.key);
  }
  return { patch, keys, problems };
}
