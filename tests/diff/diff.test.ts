import { describe, expect, it } from 'vitest';
import { computeDiff, changeRows } from '@/utils/diff/compute';
import { buildPatch } from '@/utils/diff/patch';
import { patchFromPlan, planConflicts, planProblems, planWrite } from '@/utils/diff/plan';
import { historyEntry, planUndo, appendHistory, HISTORY_MAX } from '@/utils/diff/history';
import type { TextRef } from '@/utils/i18n';
import type { Contact } from '@/utils/skipcall/schemas';
import { t } from '@/components/i18n';

/** A row problem as the popup words it (English in tests). */
const text = (problem: TextRef | undefined) => (problem ? t(...problem) : undefined);

const contact: Contact = {
  id: 'c1',
  firstName: 'Élodie',
  lastName: 'Marchand',
  phoneNumbers: ['+33612345678'],
  customFields: { 'Headline LinkedIn': 'Ancienne accroche' },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-06-01T00:00:00Z',
  company: 'Brasserie Lumière',
  city: 'Paris',
  country: 'France',
  role: null,
  linkedinUrl: null,
  email: 'Elodie.Marchand@brasserie-lumiere.fr',
  url: 'https://www.brasserie-lumiere.fr/',
};

const profile = {
  firstName: 'Élodie',
  lastName: 'MARCHAND',
  role: 'Directrice commerciale',
  company: 'Brasserie  Lumière',
  city: 'Lyon',
  country: 'France',
  linkedinUrl: 'https://fr.linkedin.com/in/elodie-marchand-demo/?trk=x',
  website: 'http://brasserie-lumiere.fr',
  email: 'elodie.marchand@brasserie-lumiere.fr',
  phone: '+33 6 12 34 56 78',
  headline: 'Directrice commerciale chez Brasserie Lumière',
};

const definitions = [{ id: 'f1', name: 'Headline LinkedIn', slug: 'headline_linkedin' }];
const statuses = (rows: ReturnType<typeof computeDiff>) => Object.fromEntries(rows.map((r) => [r.key, r.status]));

describe('computeDiff', () => {
  const rows = computeDiff(contact, profile, { customFieldMap: { headline: 'headline_linkedin' }, customFields: definitions });

  it('gives each field its status after normalization', () => {
    expect(statuses(rows)).toEqual({
      firstName: 'same',
      lastName: 'same', // case only
      role: 'fill',
      company: 'same', // whitespace only
      city: 'update',
      country: 'same',
      linkedinUrl: 'fill',
      linkedinSalesUrl: 'none',
      url: 'same', // scheme, www., trailing slash
      email: 'same', // case
      phoneNumbers: 'same', // spacing
      'customFields.headline_linkedin': 'update', // read under its name, compared by slug
    });
  });

  it('ticks fills, not updates, unless LinkedIn is preferred for that field', () => {
    const ticked = rows.filter((r) => r.defaultTicked).map((r) => r.key);
    expect(ticked).toEqual(['role', 'linkedinUrl']);
    const preferred = computeDiff(contact, profile, { preferLinkedIn: ['city'] });
    expect(preferred.find((r) => r.key === 'city')?.defaultTicked).toBe(true);
  });

  it('offers a new phone number as an addition', () => {
    const rowsWithPhone = computeDiff(contact, { phone: '+33698765432' });
    expect(rowsWithPhone.find((r) => r.key === 'phoneNumbers')).toMatchObject({ status: 'update', proposed: '+33698765432' });
    expect(changeRows(rowsWithPhone).map((r) => r.key)).toEqual(['phoneNumbers']);
  });
});

describe('buildPatch', () => {
  const rows = computeDiff(contact, profile, { customFieldMap: { headline: 'headline_linkedin' }, customFields: definitions });

  it('sends exactly the ticked, changed fields', () => {
    const plan = buildPatch(rows, { city: { ticked: true } }, contact);
    expect(plan.patch).toEqual({ role: 'Directrice commerciale', linkedinUrl: 'https://fr.linkedin.com/in/elodie-marchand-demo/?trk=x', city: 'Lyon' });
    expect(plan.keys).toEqual(['role', 'city', 'linkedinUrl']);
  });

  it('sends custom fields by slug and an edited value as edited', () => {
    const plan = buildPatch(rows, { 'customFields.headline_linkedin': { ticked: true, value: ' Nouvelle  accroche ' }, role: { ticked: false }, linkedinUrl: { ticked: false } }, contact);
    expect(plan.patch).toEqual({ customFields: { headline_linkedin: 'Nouvelle accroche' } });
  });

  it('never sends an empty value, nor one equal to Skipcall after normalization', () => {
    const plan = buildPatch(rows, { role: { ticked: true, value: '   ' }, city: { ticked: true, value: 'paris' } }, contact);
    expect(plan.patch).toEqual({ linkedinUrl: 'https://fr.linkedin.com/in/elodie-marchand-demo/?trk=x' });
    expect(text(plan.problems.role)).toContain('never cleared');
  });

  it('checks the API limits before sending', () => {
    const plan = buildPatch(rows, { role: { ticked: true, value: 'x'.repeat(201) } }, contact);
    expect(text(plan.problems.role)).toContain('At most 200');
    expect(plan.patch.role).toBeUndefined();
  });

  it('merges phone numbers and refuses a number not in E.164', () => {
    const phoneRows = computeDiff(contact, { phone: '+33698765432' });
    expect(buildPatch(phoneRows, { phoneNumbers: { ticked: true } }, contact).patch).toEqual({ phoneNumbers: ['+33612345678', '+33698765432'] });
    const bad = buildPatch(phoneRows, { phoneNumbers: { ticked: true, value: '06 98 76 54 32' } }, contact);
    expect(bad.patch).toEqual({});
    expect(text(bad.problems.phoneNumbers)).toContain('+33612345678');
  });
});

describe('conflicts and undo', () => {
  it('plans exactly the rows that go out, each with the raw value the user saw', () => {
    const rows = computeDiff(contact, { ...profile, phone: '+33698765432' });
    const { plan } = planWrite(rows, { city: { ticked: true }, phoneNumbers: { ticked: true } }, contact);
    expect(plan).toEqual([
      { key: 'role', value: 'Directrice commerciale', seen: '' },
      { key: 'city', value: 'Lyon', seen: 'Paris' },
      { key: 'linkedinUrl', value: 'https://fr.linkedin.com/in/elodie-marchand-demo/?trk=x', seen: '' },
      { key: 'phoneNumbers', value: '+33698765432', seen: ['+33612345678'] },
    ]);
  });

  it('finds the planned keys changed in Skipcall since the user saw them, re-casing included', () => {
    const plan = [
      { key: 'city', value: 'Lyon', seen: 'Paris' },
      { key: 'company', value: 'Brasserie Lumière SA', seen: 'Brasserie Lumière' },
      { key: 'role', value: 'Directrice', seen: '' },
    ];
    const fresh = { ...contact, city: 'Marseille', company: 'BRASSERIE LUMIÈRE', country: 'Belgique' };
    expect(planConflicts(plan, fresh)).toEqual(['city', 'company']);
    expect(planConflicts(plan, contact)).toEqual([]);
  });

  it('patches only planned keys, appending a phone to the list as it stands', () => {
    const fresh = { ...contact, phoneNumbers: ['+33612345678'], country: 'Belgique' };
    const { patch, keys } = patchFromPlan(
      [
        { key: 'city', value: 'Lyon', seen: 'Paris' },
        { key: 'phoneNumbers', value: '+33698765432', seen: ['+33612345678'] },
        { key: 'company', value: 'brasserie lumière', seen: 'Brasserie Lumière' },
      ],
      fresh,
    );
    expect(patch).toEqual({ city: 'Lyon', phoneNumbers: ['+33612345678', '+33698765432'] });
    expect(keys).toEqual(['city', 'phoneNumbers']);
  });

  it('names the keys a plan may not hold', () => {
    const plan = [
      { key: 'teamId', value: 'x', seen: '' },
      { key: 'city', value: 'Lyon', seen: '' },
      { key: 'city', value: 'Nice', seen: '' },
      { key: 'customFields.headline', value: 'x', seen: '' },
      { key: 'customFields.secret', value: 'x', seen: '' },
    ];
    expect(planProblems(plan, ['headline'])).toEqual([
      { key: 'teamId', reason: 'unknown-key' },
      { key: 'city', reason: 'duplicate-key' },
      { key: 'customFields.secret', reason: 'unknown-key' },
    ]);
  });

  it('undoes what still holds the written values, never clearing a field that was empty', () => {
    const after = { ...contact, city: 'Lyon', role: 'Directrice commerciale', phoneNumbers: ['+33612345678', '+33698765432'] };
    const entry = historyEntry('h1', 1, contact, after, ['city', 'role', 'phoneNumbers']);
    expect(entry.changes).toEqual([
      { key: 'city', before: 'Paris', after: 'Lyon' },
      { key: 'role', before: '', after: 'Directrice commerciale' },
      { key: 'phoneNumbers', before: ['+33612345678'], after: ['+33612345678', '+33698765432'] },
    ]);
    const plan = planUndo(entry, after);
    expect(plan.patch).toEqual({ city: 'Paris', phoneNumbers: ['+33612345678'] });
    expect(plan.blocked).toEqual([{ key: 'role', reason: 'was-empty' }]);
    const changedSince = planUndo(entry, { ...after, city: 'Grenoble' });
    expect(changedSince.blocked).toContainEqual({ key: 'city', reason: 'changed' });
    expect(changedSince.patch.city).toBeUndefined();
  });

  it('keeps the newest 200 entries', () => {
    let history = [] as ReturnType<typeof appendHistory>;
    for (let i = 0; i < HISTORY_MAX + 5; i++) history = appendHistory(history, historyEntry(`h${i}`, i, contact, contact, []));
    expect(history).toHaveLength(HISTORY_MAX);
    expect(history[0]?.id).toBe(`h${HISTORY_MAX + 4}`);
  });
});

describe('unsure values', () => {
  it('shows a value read as a guess but never ticks it by default', () => {
    const sure = computeDiff(contact, profile, { customFieldMap: { headline: 'headline_linkedin' }, customFields: definitions });
    const unsure = computeDiff(contact, profile, {
      customFieldMap: { headline: 'headline_linkedin' },
      customFields: definitions,
      unsure: ['role', 'lastName', 'headline'],
    });
    const ticked = (rows: typeof sure) => rows.filter((r) => r.defaultTicked).map((r) => r.key);
    expect(ticked(sure)).toContain('role');
    expect(ticked(unsure)).not.toContain('role');
    // The rows themselves are unchanged: the user still sees them and may tick them.
    expect(statuses(unsure)).toEqual(statuses(sure));
    expect(ticked(unsure)).toEqual(ticked(sure).filter((key) => !['role', 'lastName', 'customFields.headline_linkedin'].includes(key)));
  });
});
