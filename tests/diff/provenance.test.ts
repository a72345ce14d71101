// The three-way rules: a LinkedIn change is proposed, a colleague's edit in
// Skipcall is kept (never proposed for reverting), both at once is shown
// unticked with both values; without a record, today's rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDiff, type DiffRow } from '@/utils/diff/compute';
import { emptyProvenance, readStoredProvenance, recordRead, recordWritten, reviewRows, withProvenance, type ContactProvenance } from '@/utils/diff/provenance';
import { rawValue } from '@/utils/diff/plan';
import type { Contact } from '@/utils/skipcall/schemas';

const base: Contact = {
  id: 'c1',
  firstName: 'Julien',
  lastName: 'Mercier',
  phoneNumbers: ['+33612345678'],
  customFields: {},
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  city: 'Paris',
  role: null,
};
const withCity = (city: string | null): Contact => ({ ...base, city });
const cityRow = (rows: DiffRow[]) => rows.find((r) => r.key === 'city')!;

/** The popup's rows for a contact, a LinkedIn city and what we know. */
function rows(contact: Contact, city: string, provenance?: ContactProvenance, preferLinkedIn: string[] = []) {
  return withProvenance(computeDiff(contact, { city }, { preferLinkedIn }), provenance, contact);
}
/** What the background records when it derives a read of the linked profile. */
function read(provenance: ContactProvenance, contact: Contact, city: string, at: number) {
  return recordRead(provenance, computeDiff(contact, { city }), at);
}
function wrote(provenance: ContactProvenance, contact: Contact, at: number) {
  return recordWritten(provenance, [{ key: 'city', value: rawValue(contact, 'city') }], at);
}

describe('three-way diff', () => {
  it('first contact with a profile: today’s rules, no provenance', () => {
    const row = cityRow(rows(withCity('Paris'), 'Lyon', emptyProvenance()));
    expect(row).toMatchObject({ status: 'update', defaultTicked: false });
    expect(row.provenance).toBeUndefined();
  });

  it('LinkedIn changed since the last read: proposed, marked, unticked for an update', () => {
    let p = read(emptyProvenance(), withCity('Paris'), 'Paris', 1);
    p = read(p, withCity('Paris'), 'Lyon', 2); // the background records the new read before the popup opens
    const row = cityRow(rows(withCity('Paris'), 'Lyon', p));
    expect(row).toMatchObject({ status: 'update', provenance: 'linkedin-changed', defaultTicked: false });
    expect(reviewRows([row])).toHaveLength(1);
  });

  it('LinkedIn changed where Skipcall is empty: the fill is ticked', () => {
    let p = read(emptyProvenance(), withCity(null), 'Paris', 1);
    p = read(p, withCity(null), 'Lyon', 2);
    expect(cityRow(rows(withCity(null), 'Lyon', p))).toMatchObject({ status: 'fill', provenance: 'linkedin-changed', defaultTicked: true });
  });

  it('edited in Skipcall since our write, LinkedIn unchanged: kept, never ticked, even when LinkedIn is preferred', () => {
    let p = read(emptyProvenance(), withCity('Paris'), 'Lyon', 1);
    p = wrote(p, withCity('Lyon'), 2);
    p = read(p, withCity('Lyon'), 'Lyon', 3);
    const row = cityRow(rows(withCity('Villeurbanne'), 'Lyon', p, ['city']));
    expect(row).toMatchObject({ status: 'update', provenance: 'skipcall-edited', defaultTicked: false, current: 'Villeurbanne' });
    expect(reviewRows([row])).toHaveLength(0);
  });

  it('a colleague’s re-casing of our value counts as their edit', () => {
    let p = read(emptyProvenance(), withCity(null), 'Saint-Étienne', 1);
    p = wrote(p, withCity('Saint-Étienne'), 2);
    // Folded equal: the row is "same", nothing offered, whatever the provenance.
    expect(cityRow(rows(withCity('SAINT-ÉTIENNE'), 'Saint-Étienne', p)).status).toBe('same');
  });

  it('both changed: update row, unticked, both values shown', () => {
    let p = read(emptyProvenance(), withCity(null), 'Lyon', 1);
    p = wrote(p, withCity('Lyon'), 2);
    p = read(p, withCity('Villeurbanne'), 'Marseille', 3);
    const row = cityRow(rows(withCity('Villeurbanne'), 'Marseille', p, ['city']));
    expect(row).toMatchObject({ status: 'update', provenance: 'both-changed', defaultTicked: false, current: 'Villeurbanne', proposed: 'Marseille' });
  });

  it('a LinkedIn change before our write is no longer news after it', () => {
    let p = read(emptyProvenance(), withCity('Paris'), 'Paris', 1);
    p = read(p, withCity('Paris'), 'Lyon', 2);
    p = wrote(p, withCity('Lyon'), 3);
    const row = cityRow(rows(withCity('Villeurbanne'), 'Lyon', p));
    expect(row.provenance).toBe('skipcall-edited');
  });

  it('a phone number we added and a colleague removed is not proposed again', () => {
    const contact = { ...base, phoneNumbers: ['+33612345678'] };
    let p = recordRead(emptyProvenance(), computeDiff(contact, { phone: '+33698765432' }), 1);
    p = recordWritten(p, [{ key: 'phoneNumbers', value: '+33698765432' }], 2);
    const row = withProvenance(computeDiff(contact, { phone: '+33698765432' }), p, contact).find((r) => r.key === 'phoneNumbers')!;
    expect(row).toMatchObject({ status: 'update', provenance: 'skipcall-edited', defaultTicked: false });
  });

  it('reads a damaged record field by field', () => {
    const read = readStoredProvenance({ fields: { city: { read: { value: 'Lyon', at: 1 } }, role: { read: 'nope' } } });
    expect(read.value.fields.city?.read?.value).toBe('Lyon');
    expect(read.dropped).toBe(1);
    expect(readStoredProvenance('garbage').value).toEqual(emptyProvenance());
  });
});

// Any sequence of LinkedIn reads, our writes (of what the popup proposes) and
// colleagues' edits, recorded the way the background records them.
type Step = { kind: 'read'; value: string } | { kind: 'write'; edited?: string } | { kind: 'edit'; value: string | null };
const cities = fc.constantFrom('Lyon', 'lyon', 'Paris', 'Marseille', 'Villeurbanne', 'Nantes');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  cities.map((value) => ({ kind: 'read' as const, value })),
  fc.constant({ kind: 'write' as const }),
  // The user edited the proposed value before applying.
  cities.map((edited) => ({ kind: 'write' as const, edited })),
  fc.option(cities, { nil: null }).map((value) => ({ kind: 'edit' as const, value })),
);

function run(initial: string | null, steps: Step[]) {
  let contact = withCity(initial);
  let provenance = emptyProvenance();
  let linkedin: string | undefined;
  let at = 0;
  let lastSkipcallChange: 'initial' | 'write' | 'edit' = 'initial';
  let wroteOnce = false;
  let linkedinBefore: string | undefined;
  let written: string | null | undefined;
  for (const step of steps) {
    at++;
    if (step.kind === 'read') {
      linkedinBefore = linkedin;
      linkedin = step.value;
      provenance = read(provenance, contact, linkedin, at);
    } else if (step.kind === 'write') {
      if (linkedin === undefined) continue;
      contact = withCity(step.edited ?? linkedin);
      provenance = wrote(provenance, contact, at);
      lastSkipcallChange = 'write';
      wroteOnce = true;
      written = contact.city;
    } else if (step.value !== contact.city) {
      contact = withCity(step.value);
      lastSkipcallChange = 'edit';
    }
  }
    // An edit back to exactly what we wrote leaves nothing of the colleague's in Skipcall.
  const edited = wroteOnce && lastSkipcallChange === 'edit' && contact.city !== written;
  return { contact, provenance, linkedin, edited, written, linkedinBefore };
}

describe('three-way properties', () => {
  it('a manual Skipcall edit after our write is never proposed for reverting, across any reads and writes', () => {
    fc.assert(
      fc.property(fc.option(cities, { nil: null }), fc.array(stepArb, { maxLength: 12 }), fc.boolean(), (initial, steps, prefer) => {
        const state = run(initial, steps);
        if (state.linkedin === undefined || !state.edited) return;
        const row = cityRow(rows(state.contact, state.linkedin, state.provenance, prefer ? ['city'] : []));
        expect(row.defaultTicked).toBe(false);
        if (row.status === 'fill' || row.status === 'update') expect(['skipcall-edited', 'both-changed']).toContain(row.provenance);
      }),
      { numRuns: 2000 },
    );
  });

  it('a LinkedIn change is always proposed', () => {
    fc.assert(
      fc.property(fc.option(cities, { nil: null }), fc.array(stepArb, { maxLength: 12 }), cities, (initial, steps, next) => {
        const state = run(initial, [...steps, { kind: 'read', value: next }]);
        // Changed since the previous read, and not back to what we last wrote.
        const fresh = (v: string | null | undefined) => v !== undefined && v !== null && v.toLowerCase() !== next.toLowerCase();
        const linkedInChanged = fresh(state.linkedinBefore) && (state.written === undefined || fresh(state.written));
        const row = cityRow(rows(state.contact, next, state.provenance));
        if ((state.contact.city ?? '').toLowerCase() === next.toLowerCase()) {
          expect(row.status).toBe('same');
          return;
        }
        expect(['fill', 'update']).toContain(row.status);
        if (linkedInChanged) expect(['linkedin-changed', 'both-changed']).toContain(row.provenance);
        if (row.status === 'fill' && row.provenance === 'linkedin-changed') expect(row.defaultTicked).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
