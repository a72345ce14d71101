import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { call, expectError, expectFieldError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const path = `/v1/contacts/${DEMO_CONTACT_ID}`;
const TWO_PHONES_ID = 'c0ffee00-0000-4000-8000-000000000004';
const patch = (body: unknown, id = DEMO_CONTACT_ID) => call(sandbox, `/v1/contacts/${id}`, { method: 'PATCH', body });

describe('PATCH /v1/contacts/{id}: happy paths', () => {
  it('changes only the given fields and returns the whole contact', async () => {
    const before = structuredClone(sandbox.contacts.get(DEMO_CONTACT_ID)!);
    const res = await patch({ city: 'Lyon', role: 'Directrice commerciale', linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo' });
    expect(res.status).toBe(200);
    const { city, role, linkedinUrl, updatedAt, lastModificationSource, ...rest } = res.body;
    expect({ city, role, linkedinUrl }).toEqual({ city: 'Lyon', role: 'Directrice commerciale', linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo' });
    const { city: _c, role: _r, linkedinUrl: _l, updatedAt: oldUpdatedAt, lastModificationSource: _s, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(lastModificationSource).toBe('API');
    expect(Date.parse(updatedAt)).toBeGreaterThan(Date.parse(oldUpdatedAt));
    expect((await call(sandbox, path)).body).toEqual(res.body);
  });

  it('every write moves updatedAt forward, even two in the same millisecond', async () => {
    const a = await patch({ city: 'Lyon' });
    const b = await patch({ city: 'Lyon' });
    expect(Date.parse(b.body.updatedAt)).toBeGreaterThan(Date.parse(a.body.updatedAt));
  });

  it('an empty body changes nothing, not even updatedAt', async () => {
    const before = (await call(sandbox, path)).body;
    const res = await patch({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before);
  });

  it('phoneNumbers replaces the whole list', async () => {
    const res = await patch({ phoneNumbers: ['+33699999999'] }, TWO_PHONES_ID);
    expect(res.body.phoneNumbers).toEqual(['+33699999999']);
    const again = await patch({ phoneNumbers: ['+33320123456', '+33687654321', '+33699999999'] }, TWO_PHONES_ID);
    expect(again.body.phoneNumbers).toEqual(['+33320123456', '+33687654321', '+33699999999']);
  });

  it('accepts 20 phone numbers', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `+336000000${String(i).padStart(2, '0')}`);
    expect((await patch({ phoneNumbers: twenty })).body.phoneNumbers).toEqual(twenty);
  });

  it('customFields by slug: only the sent keys change; the response keys by name', async () => {
    const moreau = 'c0ffee00-0000-4000-8000-000000000006';
    const res = await patch({ customFields: { secteur: 'Menuiserie' } }, moreau);
    expect(res.status).toBe(200);
    expect(res.body.customFields).toEqual({ 'Headline LinkedIn': 'Ébéniste et chef d’entreprise', Secteur: 'Menuiserie' });
    expect(res.headers.get('deprecation')).toBeNull();
  });

  it('customFields by name (deprecated) still works and says so with Deprecation: true', async () => {
    const res = await patch({ customFields: { 'Headline LinkedIn': 'Directrice commerciale chez Brasserie Lumière' } });
    expect(res.status).toBe(200);
    expect(res.body.customFields).toEqual({ 'Headline LinkedIn': 'Directrice commerciale chez Brasserie Lumière' });
    expect(res.headers.get('deprecation')).toBe('true');
  });

  it('accepts every documented field at its limits', async () => {
    const body = {
      firstName: 'É'.repeat(100),
      lastName: 'x',
      email: 'e@example.fr',
      company: 'c'.repeat(200),
      city: 'v'.repeat(200),
      country: 'p'.repeat(200),
      role: 'r'.repeat(200),
      url: 'https://example.fr',
      linkedinUrl: 'https://www.linkedin.com/in/x',
      linkedinSalesUrl: 'https://www.linkedin.com/sales/lead/ACwAA',
      allowPhoneCalls: false,
      phoneNumbers: ['+33612345678'],
      customFields: { headline_linkedin: 'h', secteur: 's' },
    };
    const res = await patch(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...body, customFields: { 'Headline LinkedIn': 'h', Secteur: 's' } });
  });
});

describe('PATCH /v1/contacts/{id}: refused input leaves the contact untouched', () => {
  const longText = (n: number) => 'a'.repeat(n);
  it.each([
    ['firstName ""', { firstName: '' }, 'firstName'],
    ['lastName ""', { lastName: '' }, 'lastName'],
    ['firstName of 101 chars', { firstName: longText(101) }, 'firstName'],
    ['lastName of 101 chars', { lastName: longText(101) }, 'lastName'],
    ['company of 201 chars', { company: longText(201) }, 'company'],
    ['city of 201 chars', { city: longText(201) }, 'city'],
    ['country of 201 chars', { country: longText(201) }, 'country'],
    ['role of 201 chars', { role: longText(201) }, 'role'],
    ['phoneNumbers "0612345678" (not E.164)', { phoneNumbers: ['0612345678'] }, /^phoneNumbers/],
    ['phoneNumbers with spaces', { phoneNumbers: ['+33 6 12 34 56 78'] }, /^phoneNumbers/],
    ['phoneNumbers as a string', { phoneNumbers: '+33612345678' }, 'phoneNumbers'],
    ['phoneNumbers []', { phoneNumbers: [] }, 'phoneNumbers'],
    ['21 phone numbers', { phoneNumbers: Array.from({ length: 21 }, (_, i) => `+3361234${String(i).padStart(4, '0')}`) }, 'phoneNumbers'],
    ['an unknown body key', { nickname: 'Élo' }, 'nickname'],
    ['teamId (read-only, not a body field)', { teamId: 'a0000000-0000-4000-8000-000000000002' }, 'teamId'],
    ['a null value', { city: null }, 'city'],
    ['a null name', { firstName: null }, 'firstName'],
    ['allowPhoneCalls as a string', { allowPhoneCalls: 'yes' }, 'allowPhoneCalls'],
    ['an unknown custom field slug', { customFields: { linkedin_followers: '500+' } }, 'customFields.linkedin_followers'],
    ['a null custom field value', { customFields: { secteur: null } }, 'customFields.secteur'],
    ['customFields as an array', { customFields: ['secteur'] }, 'customFields'],
    ['a JSON array body', [{ city: 'Lyon' }], 'body'],
  ])('%s → 400 VALIDATION_ERROR naming the field', async (_label, body, field) => {
    const before = structuredClone(sandbox.contacts.get(DEMO_CONTACT_ID));
    expectFieldError(await patch(body), field);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)).toEqual(before);
  });

  it('names every offending field at once', async () => {
    const res = await patch({ firstName: '', city: 'c'.repeat(201), foo: 1, bar: 2, customFields: { nope: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['bar', 'city', 'customFields.nope', 'firstName', 'foo']);
  });

  it('an unknown custom field is refused even when other keys are valid, and nothing is written', async () => {
    const res = await patch({ city: 'Lyon', customFields: { secteur: 'Brasserie', unknown_slug: 'x' } });
    expectError(res, 400, 'VALIDATION_ERROR', [expect.objectContaining({ field: 'customFields.unknown_slug' })]);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)).toMatchObject({ city: 'Paris', customFields: {} });
  });

  it('invalid JSON → 400 {"code":"INVALID_JSON","details":null}', async () => {
    expectError(await call(sandbox, path, { method: 'PATCH', rawBody: '{"city": "Lyon",' }), 400, 'INVALID_JSON');
  });

  it('a missing contact → 404 NOT_FOUND', async () => {
    expectError(await patch({ city: 'Lyon' }, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });
});
