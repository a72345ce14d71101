// Request bodies refuse what the reader strips: controls, bidi and zero-width
// characters, and line breaks. Responses stay tolerant: Skipcall may hold anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN_CHARS_MESSAGE } from '@/utils/hidden-chars';
import { cleanText } from '@/utils/normalize';
import { ContactCreateSchema, ContactPatchSchema, ContactSchema } from '@/utils/skipcall/schemas';
import { fieldProblems } from '@/utils/skipcall/validation';
import { HIDDEN_CHARS, WHITESPACE_CONTROLS, codePoint, inject } from '../support/hidden-chars';
import { prng } from '../support/prng';

const REFUSED = [...HIDDEN_CHARS, ...WHITESPACE_CONTROLS, '\u2028', '\u2029'];
const TEXT_FIELDS = ['firstName', 'lastName', 'email', 'company', 'city', 'country', 'role', 'url', 'linkedinUrl', 'linkedinSalesUrl'];
const VALID: Record<string, string> = {
  firstName: 'Élodie',
  lastName: 'Marchand',
  email: 'elodie@brasserie-lumiere.fr',
  company: 'Brasserie Lumière',
  city: 'Lyon',
  country: 'France',
  role: 'Directrice commerciale',
  url: 'https://brasserie-lumiere.fr',
  linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand',
  linkedinSalesUrl: 'https://www.linkedin.com/sales/lead/ACwAAB1',
};
const create = { firstName: 'Élodie', lastName: 'Marchand', phoneNumbers: ['+33612345678'] };

describe('request schemas refuse hidden characters', () => {
  it.each(REFUSED.map((ch) => [codePoint(ch), ch] as const))('%s in any string sent', (_, ch) => {
    for (const field of TEXT_FIELDS) {
      const value = `${VALID[field]!.slice(0, 3)}${ch}${VALID[field]!.slice(3)}`;
      const patch = ContactPatchSchema.safeParse({ [field]: value });
      expect(patch.error?.issues, field).toEqual([expect.objectContaining({ path: [field], message: HIDDEN_CHARS_MESSAGE })]);
      expect(ContactCreateSchema.safeParse({ ...create, [field]: value }).success, field).toBe(false);
    }
    expect(ContactPatchSchema.safeParse({ customFields: { headline: `Head${ch}line` } }).success).toBe(false);
  });

  it('accepts the same values clean, numbers and booleans in custom fields', () => {
    expect(ContactPatchSchema.safeParse({ ...VALID, customFields: { headline: 'Bières 🍺', score: 3, vip: true } }).success).toBe(true);
    expect(ContactCreateSchema.safeParse({ ...create, ...VALID }).success).toBe(true);
  });

  it('names the field and the reason for the user', () => {
    const result = ContactPatchSchema.safeParse({ company: 'Acme\u202eCorp', customFields: { headline: 'Lead\u200b' } }, { reportInput: true });
    expect(fieldProblems(result.error!.issues)).toEqual([
      { field: 'company', message: HIDDEN_CHARS_MESSAGE },
      { field: 'customFields.headline', message: HIDDEN_CHARS_MESSAGE },
    ]);
  });

  it('reading a contact stays tolerant', () => {
    const contact = {
      id: 'c1',
      firstName: 'Jean\u200b',
      lastName: 'Du\u202epont',
      phoneNumbers: [],
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      company: 'Acme\u0007\nCorp',
    };
    expect(ContactSchema.safeParse(contact).success).toBe(true);
  });

  it('property: a cleaned value is accepted; any refused character in it is refused', () => {
    const rand = prng(20261204);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...REFUSED))), (parts) => {
        const raw = parts.join('');
        const value = cleanText(raw);
        fc.pre(value.length > 0 && value.length <= 100);
        expect(ContactPatchSchema.safeParse({ company: value, firstName: value, customFields: { note: value } }).success).toBe(true);
        expect(ContactPatchSchema.safeParse({ company: inject(value, REFUSED, rand, 1) }).success).toBe(false);
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
