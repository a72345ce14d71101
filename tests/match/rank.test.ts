import { describe, expect, it } from 'vitest';
import { buildIndex } from '@/utils/match/directory';
import { preselect, rankCandidates, REASON_LABELS, type Candidate, type ProfileKeys } from '@/utils/match/rank';
import { t } from '@/components/i18n';
import { DEMO_CONTACT_ID, DEMO_PROFILE_URL, seedContacts } from '../../sandbox/seed';

const ELODIE_NANTES = 'c0ffee00-0000-4000-8000-000000000003';
const JB = 'c0ffee00-0000-4000-8000-000000000002';
const SEBASTIEN = 'c0ffee00-0000-4000-8000-000000000006';

const summary = (candidates: Candidate[]) => candidates.map((c) => [c.contactId, c.reason, ...(c.conflict ? [c.conflict] : [])]);

describe('rankCandidates on the sandbox contacts', () => {
  const index = buildIndex(seedContacts());

  it('the demo profile: its saved LinkedIn URL (in another form) first and preselected, the namesake with another LinkedIn URL last', () => {
    const profile: ProfileKeys = { firstName: 'Élodie', lastName: 'Marchand', company: 'Brasserie Lumière', linkedinUrl: DEMO_PROFILE_URL };
    const candidates = rankCandidates(profile, index);
    expect(summary(candidates)).toEqual([
      [DEMO_CONTACT_ID, 'linkedin-url'],
      [ELODIE_NANTES, 'name', 'linkedin-url'],
    ]);
    expect(candidates[0]!.contact).toMatchObject({ firstName: 'Élodie', company: 'Brasserie Lumière' });
    expect(preselect(candidates)).toEqual({ contactId: DEMO_CONTACT_ID, via: 'linkedin-url' });
  });

  it('name + company alone ranks first but is not preselected', () => {
    const candidates = rankCandidates({ firstName: 'Élodie', lastName: 'Marchand', company: 'Brasserie Lumière' }, index);
    expect(summary(candidates)[0]).toEqual([DEMO_CONTACT_ID, 'name-company']);
    expect(preselect(candidates)).toBeNull();
  });

  it('accent-, case-, punctuation- and order-insensitive names, first/last swapped', () => {
    for (const profile of [
      { firstName: 'Jean Baptiste', lastName: 'LEFEBVRE', company: 'cabinet lefebvre et associes' },
      { firstName: 'Lefèbvre', lastName: 'Jean-Baptiste', company: 'Cabinet Lefèbvre & Associés' },
    ]) {
      expect(summary(rankCandidates(profile, index)), JSON.stringify(profile)).toEqual([[JB, 'name-company']]);
    }
    expect(summary(rankCandidates({ firstName: 'jean-baptiste', lastName: 'lefebvre', company: 'Autre' }, index))).toEqual([[JB, 'name']]);
  });

  it('a LinkedIn URL match in another form is preselected', () => {
    const candidates = rankCandidates({ firstName: 'Seb', lastName: 'M.', linkedinUrl: 'https://fr.linkedin.com/in/Sebastien-Moreau-Atelier/' }, index);
    expect(summary(candidates)).toEqual([[SEBASTIEN, 'linkedin-url']]);
    expect(preselect(candidates)).toEqual({ contactId: SEBASTIEN, via: 'linkedin-url' });
  });

  it('a Sales Navigator lead match is preselected', () => {
    const candidates = rankCandidates({ linkedinSalesUrl: 'https://www.linkedin.com/sales/lead/ACwAAB1234567,NAME_SEARCH,zz' }, index);
    expect(summary(candidates)).toEqual([[SEBASTIEN, 'sales-url']]);
    expect(preselect(candidates)).toEqual({ contactId: SEBASTIEN, via: 'sales-url' });
  });

  it('an email match is shown but not preselected', () => {
    const candidates = rankCandidates({ email: 'THOMAS.ROUX@transports-roux.fr' }, index);
    expect(summary(candidates)).toEqual([['c0ffee00-0000-4000-8000-000000000004', 'email']]);
    expect(preselect(candidates)).toBeNull();
  });

  it('finds nothing for a stranger', () => {
    expect(rankCandidates({ firstName: 'Paul', lastName: 'Inconnu', company: 'Brasserie Lumière' }, index)).toEqual([]);
    expect(rankCandidates({}, index)).toEqual([]);
  });
});

describe('ranking order', () => {
  const contacts = [
    { id: 'by-name', firstName: 'Anne', lastName: 'Roy' },
    { id: 'by-name-company', firstName: 'anne', lastName: 'ROY', company: 'Roy Conseil SARL' },
    { id: 'by-email', firstName: 'A.', lastName: 'R.', email: 'anne@roy-conseil.fr' },
    { id: 'by-url', firstName: 'Annie', lastName: 'Roy', linkedinUrl: 'linkedin.com/in/anne-roy' },
    { id: 'by-lead', firstName: 'X', lastName: 'Y', linkedinSalesUrl: 'https://www.linkedin.com/sales/lead/ACwAAroy' },
    { id: 'other-person', firstName: 'Anne', lastName: 'Roy', linkedinUrl: 'https://www.linkedin.com/in/another-anne-roy' },
  ];
  const profile: ProfileKeys = {
    firstName: 'Anne',
    lastName: 'Roy',
    company: 'Roy Conseil',
    email: 'anne@roy-conseil.fr',
    linkedinUrl: 'https://www.linkedin.com/in/anne-roy/',
    linkedinSalesUrl: 'https://www.linkedin.com/sales/lead/ACwAAroy,NAME_SEARCH,1',
  };

  it('URL > email > name + company > name, a conflicting LinkedIn URL sinks', () => {
    const candidates = rankCandidates(profile, contacts);
    // The two URL matches share the top tier; equal scores go by last name (Roy < Y).
    expect(candidates.map((c) => c.contactId)).toEqual(['by-url', 'by-lead', 'by-email', 'by-name-company', 'by-name', 'other-person']);
    expect(candidates.map((c) => c.reason)).toEqual(['linkedin-url', 'sales-url', 'email', 'name-company', 'name', 'name']);
    expect(candidates.at(-1)?.conflict).toBe('linkedin-url');
    const scores = candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Two different contacts match by URL: the user chooses.
    expect(preselect(candidates)).toBeNull();
  });

  it('accepts a plain list or an index alike, and a limit', () => {
    expect(rankCandidates(profile, buildIndex(contacts))).toEqual(rankCandidates(profile, contacts));
    expect(rankCandidates(profile, contacts, 2)).toHaveLength(2);
  });

  it('labels every reason', () => {
    expect(Object.fromEntries(Object.entries(REASON_LABELS).map(([reason, key]) => [reason, t(key)]))).toEqual({
      'linkedin-url': 'LinkedIn URL',
      'sales-url': 'Sales Navigator URL',
      email: 'email',
      'name-company': 'name + company',
      name: 'name',
    });
  });
});

describe('preselect', () => {
  const candidate = (contactId: string, reason: Candidate['reason'], conflict?: Candidate['conflict']): Candidate => ({
    contactId,
    contact: { id: contactId, firstName: 'A', lastName: 'B' },
    reason,
    score: 1,
    ...(conflict ? { conflict } : {}),
  });

  it('takes the registry link first, even with no candidate', () => {
    expect(preselect([], { contactId: 'c-registry' })).toEqual({ contactId: 'c-registry', via: 'registry' });
    expect(preselect([candidate('c-url', 'linkedin-url')], { contactId: 'c-registry' })).toEqual({ contactId: 'c-registry', via: 'registry' });
  });

  it('takes a unique URL match only', () => {
    expect(preselect([candidate('a', 'linkedin-url'), candidate('b', 'email')])).toEqual({ contactId: 'a', via: 'linkedin-url' });
    expect(preselect([candidate('a', 'linkedin-url'), candidate('b', 'linkedin-url')])).toBeNull();
    expect(preselect([candidate('a', 'linkedin-url', 'sales-url')])).toBeNull();
    expect(preselect([candidate('a', 'email')])).toBeNull();
    expect(preselect([candidate('a', 'name-company')], null)).toBeNull();
    expect(preselect([])).toBeNull();
  });
});
