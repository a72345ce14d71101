// Properties of the one PATCH: for any contact, profile, edits and ticks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDiff } from '@/utils/diff/compute';
import { fold, kindOfKey } from '@/utils/diff/fields';
import { buildPatch, valueFor, type Choices } from '@/utils/diff/patch';
import { patchFromPlan, planConflicts, planWrite, rawValue, sameRaw } from '@/utils/diff/plan';
import { hasRefusedChars } from '@/utils/hidden-chars';
import { ContactPatchSchema, type Contact } from '@/utils/skipcall/schemas';

const words = fc.constantFrom('', ' ', 'Lyon', 'lyon ', 'Paris', 'Élodie', 'Elodie', 'ÉLODIE', 'Brasserie Lumière', 'x'.repeat(150), 'x'.repeat(210), 'Marie-Hélène', 'Ly\u202eon', '\u200bParis\u2066', 'Acme\u0007\tCorp');
const urls = fc.constantFrom('', 'https://www.linkedin.com/in/a-b', 'http://fr.linkedin.com/in/a-b/', 'https://www.linkedin.com/in/c', 'example.com', 'https://www.example.com/');
const phones = fc.constantFrom('+33612345678', '+33698765432', '+14155552671', '06 12 34 56 78', '+33 6 12 34 56 78');
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** The contact fields a user or a colleague edits in Skipcall. */
const editableFields = {
  company: maybe(words),
  city: maybe(words),
  country: maybe(words),
  role: maybe(words),
  email: maybe(fc.constantFrom('a@b.fr', 'A@B.fr', 'c@d.fr')),
  url: maybe(urls),
  phoneNumbers: fc.uniqueArray(fc.constantFrom('+33612345678', '+33698765432', '+14155552671'), { maxLength: 3 }),
};

const contactArb: fc.Arbitrary<Contact> = fc.record({
  id: fc.constant('c1'),
  firstName: fc.constantFrom('Élodie', 'Jean'),
  lastName: fc.constantFrom('Marchand', 'Lefèbvre'),
  customFields: fc.constant({}),
  createdAt: fc.constant('2025-01-01T00:00:00Z'),
  updatedAt: fc.constant('2025-01-01T00:00:00Z'),
  ...editableFields,
  linkedinUrl: maybe(urls),
  linkedinSalesUrl: maybe(urls),
});

const profileArb = fc.record(
  {
    firstName: words,
    lastName: words,
    role: words,
    company: words,
    city: words,
    country: words,
    email: fc.constantFrom('a@b.fr', 'A@B.FR', 'c@d.fr', ''),
    linkedinUrl: urls,
    linkedinSalesUrl: urls,
    website: urls,
    phone: phones,
  },
  { requiredKeys: [] },
);

const KEYS = ['firstName', 'lastName', 'role', 'company', 'city', 'country', 'email', 'linkedinUrl', 'linkedinSalesUrl', 'url', 'phoneNumbers'];
const choicesArb: fc.Arbitrary<Choices> = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.record({ ticked: fc.boolean(), value: fc.option(fc.oneof(words, phones), { nil: undefined }) }, { requiredKeys: ['ticked'] }),
);

describe('the PATCH body', () => {
  it('holds exactly the ticked rows whose value differs, valid, non-empty, dropping no phone number', () => {
    fc.assert(
      fc.property(contactArb, profileArb, choicesArb, (contact, profile, choices) => {
        const rows = computeDiff(contact, profile);
        const { patch, keys, problems } = buildPatch(rows, choices, contact);

        // Passes the PATCH schema, so the API will not refuse it for shape or limits.
        expect(ContactPatchSchema.safeParse(patch).success).toBe(true);
        expect(Object.keys(patch).sort()).toEqual([...keys].sort());

        for (const row of rows) {
          const choice = choices[row.key] ?? { ticked: row.defaultTicked };
          const sent = keys.includes(row.key);
          const offered = row.status === 'fill' || row.status === 'update';
          if (!offered || !choice.ticked) expect(sent).toBe(false);
          if (!sent) continue;
          const value = valueFor(row, choices);
          expect(value.trim()).not.toBe('');
          expect(problems[row.key]).toBeUndefined();
          if (row.key === 'phoneNumbers') {
            // Every existing number is still there, plus the new one.
            expect(patch.phoneNumbers).toEqual([...contact.phoneNumbers, value]);
          } else {
            expect((patch as Record<string, unknown>)[row.key]).toBe(value);
            expect(fold(kindOfKey(row.key), value)).not.toBe(fold(kindOfKey(row.key), row.current));
          }
        }
        for (const value of Object.values(patch)) {
          if (typeof value === 'string') expect(value.trim()).not.toBe('');
          // Controls, bidi and zero-width characters never go out (the schema above refuses them).
          if (typeof value === 'string') expect(hasRefusedChars(value)).toBe(false);
        }
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });
});

/** A colleague's edits between the popup's read and the write: any field changed, cleared or re-cased. */
const editsArb = fc.record(editableFields, { requiredKeys: [] });

describe('the exact plan', () => {
  it('writes only planned keys the colleague left alone, or nothing at all', () => {
    fc.assert(
      fc.property(contactArb, profileArb, choicesArb, editsArb, (contact, profile, choices, edits) => {
        const rows = computeDiff(contact, profile);
        const { plan } = planWrite(rows, choices, contact);
        const fresh: Contact = { ...contact, ...edits };
        const conflicts = planConflicts(plan, fresh);
        for (const change of plan) {
          // Any raw difference on a planned key is a conflict, and only those are.
          const changed = !sameRaw(rawValue(contact, change.key), rawValue(fresh, change.key));
          expect(conflicts.includes(change.key)).toBe(changed);
        }
        if (conflicts.length > 0) return;
        const { patch, keys } = patchFromPlan(plan, fresh);
        expect(ContactPatchSchema.safeParse(patch).success).toBe(true);
        const planned = new Set(plan.map((c) => c.key));
        for (const key of keys) expect(planned.has(key)).toBe(true);
        expect(Object.keys(patch).sort()).toEqual([...keys].sort());
        if (patch.phoneNumbers) expect(patch.phoneNumbers.slice(0, fresh.phoneNumbers.length)).toEqual(fresh.phoneNumbers);
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });
});
