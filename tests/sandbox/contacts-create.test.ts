import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContactSchema } from '../../utils/skipcall/schemas';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { WORKSPACE_PARIS } from '../../sandbox/seed';
import { call, expectError, expectFieldError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const create = (body: unknown) => call(sandbox, '/v1/contacts', { method: 'POST', body });
const minimal = { firstName: 'Inès', lastName: "N'Diaye", phoneNumbers: ['+33611111111'] };

describe('POST /v1/contacts', () => {
  it('creates in the first in-scope workspace and answers 201 with the whole contact', async () => {
    const res = await create({ ...minimal, company: 'Café Noir', linkedinUrl: 'https://www.linkedin.com/in/ines-ndiaye', customFields: { secteur: 'Restauration' } });
    expect(res.status).toBe(201);
    expect(ContactSchema.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({
      ...minimal,
      company: 'Café Noir',
      linkedinUrl: 'https://www.linkedin.com/in/ines-ndiaye',
      teamId: WORKSPACE_PARIS,
      allowPhoneCalls: true,
      callCount: 0,
      customFields: { Secteur: 'Restauration' },
      lastModificationSource: 'API',
      email: null,
      city: null,
      role: null,
      lastCallAt: null,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    expect((await call(sandbox, `/v1/contacts/${res.body.id}`)).body).toEqual(res.body);
    expect(sandbox.contacts.has(res.body.id)).toBe(true);
  });

  it('the new contact is listed last', async () => {
    const res = await create(minimal);
    const list = await call(sandbox, '/v1/contacts?page=0&size=100');
    expect(list.body.total).toBe(9);
    expect(list.body.data.at(-1).id).toBe(res.body.id);
  });

  it('phoneNumbers is required → 400 naming phoneNumbers', async () => {
    expectFieldError(await create({ firstName: 'A', lastName: 'B' }), 'phoneNumbers');
  });

  it('names are required → 400 naming firstName and lastName', async () => {
    const res = await create({ phoneNumbers: ['+33611111111'] });
    expectFieldError(res, 'firstName');
    expectFieldError(res, 'lastName');
  });

  it.each([
    ['firstName ""', { ...minimal, firstName: '' }, 'firstName'],
    ['phoneNumbers []', { ...minimal, phoneNumbers: [] }, 'phoneNumbers'],
    ['a non-E.164 number', { ...minimal, phoneNumbers: ['06 11 11 11 11'] }, /^phoneNumbers/],
    ['an unknown body key', { ...minimal, workspaceId: WORKSPACE_PARIS }, 'workspaceId'],
    ['an unknown custom field', { ...minimal, customFields: { nope: 'x' } }, 'customFields.nope'],
    ['a null value', { ...minimal, email: null }, 'email'],
  ])('%s → 400 naming the field, nothing created', async (_label, body, field) => {
    expectFieldError(await create(body), field);
    expect(sandbox.contacts.size).toBe(9);
  });

  it('invalid JSON → 400 INVALID_JSON', async () => {
    expectError(await call(sandbox, '/v1/contacts', { method: 'POST', rawBody: 'not json' }), 400, 'INVALID_JSON');
  });
});
