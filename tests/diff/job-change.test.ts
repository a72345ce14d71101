import { describe, expect, it } from 'vitest';
import { badgeFor } from '@/utils/badge';
import { computeDiff } from '@/utils/diff/compute';
import { detectJobChange, jobChangesCsv, noteJobChange, readStoredJobChanges, sameCompany, type JobChangeSeen } from '@/utils/diff/job-change';
import { emptyProvenance, recordRead, recordWritten, withProvenance } from '@/utils/diff/provenance';
import type { Contact } from '@/utils/skipcall/schemas';

const contact: Contact = {
  id: 'c9',
  firstName: 'Julien',
  lastName: 'Mercier',
  phoneNumbers: ['+33478123456'],
  customFields: {},
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  company: 'Fromagerie Dubois',
  role: 'Responsable achats',
};
const profile = { firstName: 'Julien', lastName: 'Mercier', company: 'Maison Vernet', role: 'Directeur des achats' };

describe('job change', () => {
  it('LinkedIn shows another company than Skipcall: old → new, role, since, old phones flagged', () => {
    const rows = computeDiff(contact, profile);
    expect(detectJobChange(contact, profile, rows, undefined, 'Mar 2024')).toEqual({
      contactId: 'c9',
      oldCompany: 'Fromagerie Dubois',
      oldRole: 'Responsable achats',
      newCompany: 'Maison Vernet',
      newRole: 'Directeur des achats',
      since: 'Mar 2024',
      phones: ['+33478123456'],
    });
  });

  it('the same company written differently is no job change', () => {
    for (const company of ['FROMAGERIE DUBOIS', 'Fromagerie Dubois SAS', 'fromagerie-dubois']) {
      const values = { ...profile, company };
      expect(detectJobChange(contact, values, computeDiff(contact, values))).toBeNull();
    }
    expect(sameCompany('Acme', 'Acmeville')).toBe(false);
  });

  it('Skipcall without a company: a change from the company last read', () => {
    const empty = { ...contact, company: null };
    let p = recordRead(emptyProvenance(), computeDiff(empty, { company: 'Fromagerie Dubois' }), 1);
    p = recordRead(p, computeDiff(empty, profile), 2);
    const rows = withProvenance(computeDiff(empty, profile), p, empty);
    expect(detectJobChange(empty, profile, rows, p)).toMatchObject({ oldCompany: 'Fromagerie Dubois', newCompany: 'Maison Vernet' });
    // Never read before, nothing in Skipcall: a plain fill.
    expect(detectJobChange(empty, profile, computeDiff(empty, profile))).toBeNull();
  });

  it('a colleague’s company edit in Skipcall, LinkedIn unchanged, is no job change', () => {
    let p = recordRead(emptyProvenance(), computeDiff(contact, profile), 1);
    p = recordWritten(p, [{ key: 'company', value: 'Maison Vernet' }], 2);
    const edited = { ...contact, company: 'Vernet Holding' };
    const rows = withProvenance(computeDiff(edited, profile), p, edited);
    expect(detectJobChange(edited, profile, rows, p)).toBeNull();
  });

  it('no company on LinkedIn: nothing to say', () => {
    const values = { firstName: 'Julien' };
    expect(detectJobChange(contact, values, computeDiff(contact, values))).toBeNull();
  });

  it('the badge has a distinct job-change state', () => {
    const badge = badgeFor({ kind: 'job-change', contactId: 'c9', changes: 2, company: 'Maison Vernet' });
    expect(badge.text).not.toBe(badgeFor({ kind: 'linked', contactId: 'c9', changes: 2 }).text);
    expect(badge.title).toEqual(['badgeJobChange', 'Maison Vernet']);
  });
});

describe('job changes seen', () => {
  const seen: JobChangeSeen = { contactId: 'c9', person: 'Julien Mercier', oldCompany: 'Fromagerie Dubois', newCompany: 'Maison Vernet', at: Date.UTC(2026, 2, 1) };

  it('records each move once, keeping when it was first seen', () => {
    const once = noteJobChange([], seen);
    expect(noteJobChange(once, { ...seen, at: seen.at + 1000 })).toBe(once);
    expect(noteJobChange(once, { ...seen, newCompany: 'Autre', at: 5 })).toHaveLength(2);
    expect(readStoredJobChanges([seen, { nope: 1 }])).toEqual({ value: [seen], dropped: 1 });
  });

  it('exports CSV that spreadsheets read as text', () => {
    const csv = jobChangesCsv([{ ...seen, person: 'Mercier, Julien', newRole: '=HYPERLINK("x")', linkedinUrl: 'https://www.linkedin.com/in/julien' }]);
    const [header, line] = csv.trim().split('\r\n');
    expect(header).toBe('person,linkedinUrl,oldCompany,newCompany,newRole,since,seenAt,contactId');
    expect(line).toBe(`"Mercier, Julien",https://www.linkedin.com/in/julien,Fromagerie Dubois,Maison Vernet,"'=HYPERLINK(""x"")",,2026-03-01T00:00:00.000Z,c9`);
  });
});
