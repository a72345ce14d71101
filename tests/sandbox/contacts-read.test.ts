import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContactSchema, CustomFieldSchema, WorkspaceSchema } from '../../utils/skipcall/schemas';
import { DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { OUT_OF_SCOPE_CONTACT_ID, WORKSPACE_LYON, WORKSPACE_OUT_OF_SCOPE, WORKSPACE_PARIS } from '../../sandbox/seed';
import { call, expectError, expectFieldError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const DOC_ORDER = [
  'id', 'firstName', 'lastName', 'allowPhoneCalls', 'callCount', 'teamId', 'phoneNumbers', 'customFields', 'createdAt',
  'updatedAt', 'lastModificationSource', 'email', 'company', 'city', 'country', 'url', 'linkedinUrl', 'linkedinSalesUrl',
  'role', 'lastCallAt',
];

describe('GET /v1/contacts/{id}', () => {
  it('returns the demo contact with every documented property, in the documented order', async () => {
    const res = await call(sandbox, `/v1/contacts/${DEMO_CONTACT_ID}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(DOC_ORDER);
    expect(res.body).toMatchObject({
      id: DEMO_CONTACT_ID,
      firstName: 'Élodie',
      lastName: 'Marchand',
      company: 'Brasserie Lumière',
      city: 'Paris',
      country: 'France',
      role: null,
      linkedinUrl: 'http://fr.linkedin.com/in/elodie-marchand-demo/',
      email: 'elodie.marchand@brasserie-lumiere.fr',
      phoneNumbers: ['+33612345678'],
      customFields: {},
      teamId: WORKSPACE_PARIS,
      lastModificationSource: 'SKIPCALL',
    });
    expect(ContactSchema.safeParse(res.body).success).toBe(true);
  });

  it('a missing contact → 404 {"code":"NOT_FOUND","details":null}', async () => {
    expectError(await call(sandbox, '/v1/contacts/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('a contact of an out-of-scope workspace → the same 404 as a missing one', async () => {
    expect(sandbox.contacts.get(OUT_OF_SCOPE_CONTACT_ID)?.teamId).toBe(WORKSPACE_OUT_OF_SCOPE);
    const outOfScope = await call(sandbox, `/v1/contacts/${OUT_OF_SCOPE_CONTACT_ID}`);
    const missing = await call(sandbox, '/v1/contacts/c0ffee00-0000-4000-8000-0000000000ff');
    expectError(outOfScope, 404, 'NOT_FOUND');
    expect(outOfScope.body).toEqual(missing.body);
  });

  it('PATCH on an out-of-scope contact → 404 and nothing changes', async () => {
    const before = structuredClone(sandbox.contacts.get(OUT_OF_SCOPE_CONTACT_ID));
    expectError(await call(sandbox, `/v1/contacts/${OUT_OF_SCOPE_CONTACT_ID}`, { method: 'PATCH', body: { city: 'Nice' } }), 404, 'NOT_FOUND');
    expect(sandbox.contacts.get(OUT_OF_SCOPE_CONTACT_ID)).toEqual(before);
  });

  it('the seed holds the cases the product needs', () => {
    const all = [...sandbox.contacts.values()];
    expect(all.filter((c) => c.teamId !== WORKSPACE_OUT_OF_SCOPE)).toHaveLength(8);
    expect(all.some((c) => c.firstName === 'Jean-Baptiste' && c.lastName === 'Lefèbvre')).toBe(true);
    expect(all.some((c) => c.firstName === 'Marie-Hélène' && c.lastName === 'de La Tour')).toBe(true);
    expect(all.some((c) => c.phoneNumbers.length === 2)).toBe(true);
    expect(all.some((c) => c.lastName === 'Marchand' && c.id !== DEMO_CONTACT_ID && c.linkedinUrl)).toBe(true);
    for (const c of all) expect(ContactSchema.safeParse(c).success).toBe(true);
  });
});

describe('GET /v1/workspaces', () => {
  it('lists the in-scope workspaces as {data:[{id,name}]}', async () => {
    const res = await call(sandbox, '/v1/workspaces');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        { id: WORKSPACE_PARIS, name: 'Équipe Paris' },
        { id: WORKSPACE_LYON, name: 'Équipe Lyon' },
      ],
    });
    for (const w of res.body.data) expect(WorkspaceSchema.safeParse(w).success).toBe(true);
  });
});

describe('GET /v1/custom-fields', () => {
  it('lists {data:[{id,name,slug}], total, page, size}', async () => {
    const res = await call(sandbox, '/v1/custom-fields');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 0, size: 10 });
    expect(res.body.data).toContainEqual(expect.objectContaining({ name: 'Headline LinkedIn', slug: 'headline_linkedin' }));
    expect(res.body.data).toContainEqual(expect.objectContaining({ name: 'Secteur', slug: 'secteur' }));
    for (const f of res.body.data) {
      expect(Object.keys(f)).toEqual(['id', 'name', 'slug']);
      expect(CustomFieldSchema.safeParse(f).success).toBe(true);
    }
  });

  it('pages with page/size', async () => {
    const res = await call(sandbox, '/v1/custom-fields?page=1&size=3');
    expect(res.body).toMatchObject({ total: 4, page: 1, size: 3 });
    expect(res.body.data).toHaveLength(1);
  });

  it('size out of range → 400 naming size', async () => {
    expectFieldError(await call(sandbox, '/v1/custom-fields?size=101'), 'size');
  });
});

describe('GET /v1/contacts (list)', () => {
  it('defaults to page 0, size 10, in-scope contacts only, oldest first', async () => {
    const res = await call(sandbox, '/v1/contacts');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'page', 'size', 'total']);
    expect(res.body).toMatchObject({ total: 8, page: 0, size: 10 });
    expect(res.body.data).toHaveLength(8);
    expect(res.body.data[0].id).toBe(DEMO_CONTACT_ID);
    expect(res.body.data.map((c: { id: string }) => c.id)).not.toContain(OUT_OF_SCOPE_CONTACT_ID);
    for (const c of res.body.data) expect(Object.keys(c)).toEqual(DOC_ORDER);
  });

  it('pages are 0-based', async () => {
    const first = await call(sandbox, '/v1/contacts?page=0&size=3');
    const third = await call(sandbox, '/v1/contacts?page=2&size=3');
    const beyond = await call(sandbox, '/v1/contacts?page=9&size=3');
    expect(first.body.data).toHaveLength(3);
    expect(third.body.data).toHaveLength(2);
    expect(beyond.body).toEqual({ data: [], total: 8, page: 9, size: 3 });
  });

  it('workspaceIds narrows to some in-scope workspaces; out-of-scope ids match nothing', async () => {
    const lyon = await call(sandbox, `/v1/contacts?workspaceIds=${WORKSPACE_LYON}`);
    expect(lyon.body.total).toBe(4);
    for (const c of lyon.body.data) expect(c.teamId).toBe(WORKSPACE_LYON);
    const both = await call(sandbox, `/v1/contacts?workspaceIds=${WORKSPACE_LYON},${WORKSPACE_PARIS}`);
    expect(both.body.total).toBe(8);
    const outside = await call(sandbox, `/v1/contacts?workspaceIds=${WORKSPACE_OUT_OF_SCOPE}`);
    expect(outside.body.total).toBe(0);
  });

  it.each([
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['size=0', 'size'],
    ['size=101', 'size'],
    ['size=ten', 'size'],
  ])('%s → 400 VALIDATION_ERROR naming %s', async (query, field) => {
    expectFieldError(await call(sandbox, `/v1/contacts?${query}`), field);
  });

  it('size=100 and size=1 are accepted', async () => {
    expect((await call(sandbox, '/v1/contacts?size=100')).status).toBe(200);
    expect((await call(sandbox, '/v1/contacts?size=1')).body.data).toHaveLength(1);
  });

  it('turned off → 404 NOT_FOUND like an unknown route; POST still works', async () => {
    sandbox.setContactList(false);
    expectError(await call(sandbox, '/v1/contacts'), 404, 'NOT_FOUND');
    const created = await call(sandbox, '/v1/contacts', { method: 'POST', body: { firstName: 'A', lastName: 'B', phoneNumbers: ['+33600000000'] } });
    expect(created.status).toBe(201);
    sandbox.setContactList(true);
    expect((await call(sandbox, '/v1/contacts')).status).toBe(200);
  });

  it('contactList: false at start → 404', async () => {
    const off = await startSandbox({ port: 0, contactList: false });
    try {
      expectError(await call(off, '/v1/contacts?page=0&size=10'), 404, 'NOT_FOUND');
    } finally {
      await off.close();
    }
  });
});
