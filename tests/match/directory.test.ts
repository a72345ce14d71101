import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from '@/utils/normalize';
import { toDirectoryContact, contactLabel, type DirectoryContact } from '@/utils/match/contact';
import {
  buildIndex,
  findByEmail,
  findByLinkedinUrl,
  findByName,
  findBySalesLead,
  fromSnapshot,
  getContact,
  removeContacts,
  search,
  toSnapshot,
  upsertContacts,
} from '@/utils/match/directory';
import { seedContacts } from '../../sandbox/seed';
import { fakeContacts } from './fake-contacts';

const ids = (contacts: DirectoryContact[]) => contacts.map((c) => c.id);
const seed = () => buildIndex(seedContacts());
const JB = 'c0ffee00-0000-4000-8000-000000000002';
const ELODIE = 'c0ffee00-0000-4000-8000-000000000001';
const ELODIE_NANTES = 'c0ffee00-0000-4000-8000-000000000003';
const MARIE_HELENE = 'c0ffee00-0000-4000-8000-000000000005';
const SEBASTIEN = 'c0ffee00-0000-4000-8000-000000000006';

describe('toDirectoryContact / contactLabel', () => {
  it('keeps what matching needs, cleaned, without empty fields', () => {
    const api = seedContacts()[0]!;
    expect(toDirectoryContact({ ...api, city: '  ', role: null, company: ' Brasserie   Lumière ' })).toEqual({
      id: ELODIE,
      firstName: 'Élodie',
      lastName: 'Marchand',
      company: 'Brasserie Lumière',
      email: 'elodie.marchand@brasserie-lumiere.fr',
      linkedinUrl: 'http://fr.linkedin.com/in/elodie-marchand-demo/',
      teamId: api.teamId,
    });
  });

  it('labels a contact as "Name · Company"', () => {
    expect(contactLabel({ id: 'x', firstName: 'Élodie', lastName: 'Marchand', company: 'Brasserie Lumière' })).toBe('Élodie Marchand · Brasserie Lumière');
    expect(contactLabel({ id: 'x', firstName: 'Camille', lastName: 'Girard' })).toBe('Camille Girard');
    expect(contactLabel({ id: 'c-42', firstName: '', lastName: '' })).toBe('c-42');
  });
});

describe('search', () => {
  it('finds by name prefixes, ignoring accents, case, punctuation and word order', () => {
    const index = seed();
    expect(ids(search(index, 'jean baptiste'))).toEqual([JB]);
    expect(ids(search(index, 'Jean-Bapt'))).toEqual([JB]);
    expect(ids(search(index, 'jeanbaptiste'))).toEqual([JB]);
    expect(ids(search(index, 'LEFEBVRE jean'))).toEqual([JB]);
    expect(ids(search(index, 'lefèb'))).toEqual([JB]);
    expect(ids(search(index, 'marie helene de la tour'))).toEqual([MARIE_HELENE]);
    expect(ids(search(index, 'delatour'))).toEqual([MARIE_HELENE]);
    expect(ids(search(index, 'seb'))).toEqual([SEBASTIEN]);
  });

  it('finds by company and email prefixes', () => {
    const index = seed();
    expect(ids(search(index, 'brasserie lum'))).toEqual([ELODIE]);
    expect(ids(search(index, 'cabinet lefebvre associes'))).toEqual([JB]);
    expect(ids(search(index, 'jb.lefebvre@cab'))).toEqual([JB]);
    expect(ids(search(index, 'jb.lefebvre@cabinet-lefebvre.fr'))).toEqual([JB]);
  });

  it('ranks exact name words, then name prefixes, company, email; then alphabetically', () => {
    const index = buildIndex([
      { id: 'email', firstName: 'Luc', lastName: 'Petit', email: 'marchand@example.fr' },
      { id: 'company', firstName: 'Zoé', lastName: 'Durand', company: 'Marchand Frères' },
      { id: 'prefix', firstName: 'Paul', lastName: 'Marchandise' },
      { id: 'exact-b', firstName: 'Élodie', lastName: 'Marchand' },
      { id: 'exact-a', firstName: 'Anne', lastName: 'Marchand' },
    ]);
    expect(ids(search(index, 'marchand'))).toEqual(['exact-a', 'exact-b', 'prefix', 'company', 'email']);
    // Same names: alphabetical by last name, then first name.
    expect(ids(search(seed(), 'elodie'))).toEqual([ELODIE, ELODIE_NANTES]);
  });

  it('needs every word to match', () => {
    const index = seed();
    expect(search(index, 'elodie lumiere')).toHaveLength(1);
    expect(search(index, 'elodie zzz')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, '—')).toEqual([]);
  });

  it('respects the limit', () => {
    const index = buildIndex(fakeContacts(2000));
    expect(search(index, 'm', 5)).toHaveLength(5);
    expect(search(index, 'm', 0)).toEqual([]);
    expect(search(index, 'm').length).toBe(20);
  });

  it('finds any contact by a prefix of its folded first and last name (property)', () => {
    const contacts = fakeContacts(3000, 11);
    const index = buildIndex(contacts);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: contacts.length - 1 }), fc.nat(), fc.nat(), (i, a, b) => {
        const c = contacts[i]!;
        const first = foldName(c.firstName);
        const last = foldName(c.lastName);
        const query = `${first.slice(0, 1 + (a % first.length))} ${last.slice(0, 1 + (b % last.length))}`;
        expect(ids(search(index, query, 100_000))).toContain(c.id);
      }),
      { numRuns: 300 },
    );
  });

  it('finds inserted contacts with arbitrary names by their folded prefixes (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,15}$/).filter((s) => foldName(s).length > 0);
    fc.assert(
      fc.property(fc.array(fc.record({ firstName: word, lastName: word, company: word }), { minLength: 1, maxLength: 30 }), fc.nat(), (people, pick) => {
        const contacts = people.map((p, i) => ({ id: `id-${i}`, ...p }));
        const index = buildIndex(contacts);
        const target = contacts[pick % contacts.length]!;
        const firstWord = foldName(target.lastName).split(' ')[0]!;
        expect(ids(search(index, firstWord.slice(0, 2), 1000))).toContain(target.id);
        expect(ids(search(index, `${target.company} ${target.firstName}`, 1000))).toContain(target.id);
      }),
      { numRuns: 200 },
    );
  });
});

describe('exact lookups', () => {
  it('by LinkedIn URL in any form', () => {
    const index = seed();
    expect(ids(findByLinkedinUrl(index, 'https://fr.linkedin.com/in/Sebastien-Moreau-Atelier/?trk=x'))).toEqual([SEBASTIEN]);
    expect(ids(findByLinkedinUrl(index, 'linkedin.com/in/elodie-marchand-immobilier'))).toEqual([ELODIE_NANTES]);
    expect(findByLinkedinUrl(index, 'https://www.linkedin.com/in/nobody')).toEqual([]);
  });

  it('by Sales Navigator lead id or URL', () => {
    const index = seed();
    expect(ids(findBySalesLead(index, 'ACwAAB1234567'))).toEqual([SEBASTIEN]);
    expect(ids(findBySalesLead(index, 'https://www.linkedin.com/sales/lead/ACwAAB1234567,NAME_SEARCH,abc'))).toEqual([SEBASTIEN]);
    expect(ids(findByLinkedinUrl(index, 'https://www.linkedin.com/sales/people/ACwAAB1234567'))).toEqual([SEBASTIEN]);
  });

  it('by email, case-insensitive', () => {
    expect(ids(findByEmail(seed(), ' JB.Lefebvre@Cabinet-Lefebvre.fr '))).toEqual([JB]);
    expect(findByEmail(seed(), '')).toEqual([]);
  });

  it('by name, with accents, hyphens and a first/last swap ignored', () => {
    const index = seed();
    expect(ids(findByName(index, 'Jean Baptiste', 'LEFEBVRE'))).toEqual([JB]);
    expect(ids(findByName(index, 'Lefèbvre', 'Jean-Baptiste'))).toEqual([JB]);
    expect(ids(findByName(index, 'Marie-Hélène', 'Delatour'))).toEqual([MARIE_HELENE]);
    expect(ids(findByName(index, 'Elodie', 'Marchand')).sort()).toEqual([ELODIE, ELODIE_NANTES].sort());
    expect(findByName(index, 'Elodie', '')).toEqual([]);
  });
});

describe('changes', () => {
  it('upserts replace a contact everywhere, removals drop it', () => {
    const index = seed();
    upsertContacts(index, [{ id: JB, firstName: 'Jean-Baptiste', lastName: 'Lefèbvre', company: 'Nouvelle Société', email: 'jb@nouvelle.fr' }]);
    expect(search(index, 'cabinet')).toEqual([]);
    expect(ids(search(index, 'nouvelle soc'))).toEqual([JB]);
    expect(findByEmail(index, 'jb.lefebvre@cabinet-lefebvre.fr')).toEqual([]);
    expect(ids(findByEmail(index, 'jb@nouvelle.fr'))).toEqual([JB]);
    expect(getContact(index, JB)?.company).toBe('Nouvelle Société');
    const size = index.size;

    upsertContacts(index, [{ id: 'new-contact-1', firstName: 'Zoé', lastName: 'Quintard' }]);
    expect(index.size).toBe(size + 1);
    expect(ids(search(index, 'quin'))).toEqual(['new-contact-1']);

    removeContacts(index, [JB, 'unknown-id']);
    expect(search(index, 'jean baptiste')).toEqual([]);
    expect(findByName(index, 'Jean-Baptiste', 'Lefèbvre')).toEqual([]);
    expect(getContact(index, JB)).toBeUndefined();
    expect(index.size).toBe(size);

    upsertContacts(index, [{ id: JB, firstName: 'Jean-Baptiste', lastName: 'Lefèbvre' }]);
    expect(ids(search(index, 'jean baptiste'))).toEqual([JB]);
  });

  it('stays correct through many removals (compaction)', () => {
    const contacts = fakeContacts(5000, 3);
    const index = buildIndex(contacts);
    removeContacts(index, contacts.slice(0, 4000).map((c) => c.id));
    const kept = contacts[4500]!;
    expect(index.size).toBe(1000);
    expect(ids(search(index, `${kept.firstName} ${kept.lastName}`, 1000))).toContain(kept.id);
    expect(search(index, 'a', 100_000).every((c) => contacts.findIndex((x) => x.id === c.id) >= 4000)).toBe(true);
  });
});

describe('snapshot', () => {
  it('round-trips', () => {
    const index = seed();
    const restored = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(index))));
    expect(restored.size).toBe(index.size);
    expect(ids(search(restored, 'jean baptiste'))).toEqual([JB]);
    expect(toSnapshot(restored)).toEqual(toSnapshot(index));
  });

  it('gives an empty index for garbage and skips bad contacts', () => {
    for (const value of [undefined, null, 'x', { version: 9, contacts: [] }, { version: 1, contacts: 'x' }]) {
      expect(fromSnapshot(value).size).toBe(0);
    }
    const partial = fromSnapshot({ version: 1, contacts: [{ id: 'ok-1', firstName: 'A', lastName: 'B' }, { id: 5 }, null, { firstName: 'x' }] });
    expect(partial.size).toBe(1);
  });
});

describe('scale', () => {
  it('indexes 50,000 contacts and finds each sampled one', () => {
    const contacts = fakeContacts(50_000);
    const index = buildIndex(contacts);
    expect(index.size).toBe(50_000);
    for (const c of contacts.filter((_, i) => i % 5000 === 0)) {
      expect(ids(search(index, `${c.lastName} ${c.firstName}`, 1000))).toContain(c.id);
      if (c.email) expect(ids(findByEmail(index, c.email))).toContain(c.id);
      if (c.linkedinUrl) expect(ids(findByLinkedinUrl(index, c.linkedinUrl))).toEqual([c.id]);
    }
  }, 30_000);
});
