// The contact fields the diff offers, where each value comes from on the
// profile, and how values of that kind are compared.
import type { ProfileFieldName } from '../profile';
import { NAME_MAX, TEXT_MAX } from '../skipcall/schemas';
import { foldEmail, foldPhone, foldText, foldUrl } from '../normalize';

export type ValueKind = 'text' | 'email' | 'url' | 'phone';

export interface StandardField {
  key: 'firstName' | 'lastName' | 'email' | 'company' | 'city' | 'country' | 'url' | 'linkedinUrl' | 'linkedinSalesUrl' | 'role';
  source: ProfileFieldName;
  kind: ValueKind;
  /** Length range of the API (PATCH reference page). */
  min: number;
  max?: number;
}

/** In the order the diff table shows them. */
export const STANDARD_FIELDS: readonly StandardField[] = [
  { key: 'firstName', source: 'firstName', kind: 'text', min: 1, max: NAME_MAX },
  { key: 'lastName', source: 'lastName', kind: 'text', min: 1, max: NAME_MAX },
  { key: 'role', source: 'role', kind: 'text', min: 1, max: TEXT_MAX },
  { key: 'company', source: 'company', kind: 'text', min: 1, max: TEXT_MAX },
  { key: 'city', source: 'city', kind: 'text', min: 1, max: TEXT_MAX },
  { key: 'country', source: 'country', kind: 'text', min: 1, max: TEXT_MAX },
  { key: 'linkedinUrl', source: 'linkedinUrl', kind: 'url', min: 1 },
  { key: 'linkedinSalesUrl', source: 'linkedinSalesUrl', kind: 'url', min: 1 },
  { key: 'url', source: 'website', kind: 'url', min: 1 },
  { key: 'email', source: 'email', kind: 'email', min: 1 },
];

export const PHONE_KEY = 'phoneNumbers';
export const CUSTOM_PREFIX = 'customFields.';

export function fold(kind: ValueKind, value: string | null | undefined): string {
  switch (kind) {
    case 'email':
      return foldEmail(value);
    case 'url':
      return foldUrl(value);
    case 'phone':
      return foldPhone(value);
    default:
      return foldText(value);
  }
}

/** How values under a diff key are compared. */
export function kindOfKey(key: string): ValueKind {
  if (key === PHONE_KEY) return 'phone';
  return STANDARD_FIELDS.find((f) => f.key === key)?.kind ?? 'text';
}
