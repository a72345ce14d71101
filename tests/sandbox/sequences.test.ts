import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
  DEMO_CONTACT_ID,
  DEMO_SEQUENCE_ID,
  MEMBER_LYON_CLAIRE,
  MEMBER_PARIS_CLAIRE,
  MEMBER_PARIS_KARIM,
  OUT_OF_SCOPE_CONTACT_ID,
  SEQUENCE_OUT_OF_SCOPE_ID,
  WORKSPACE_OUT_OF_SCOPE,
  WORKSPACE_PARIS,
} from '../../sandbox/seed';
import { call, expectError, expectFieldError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ALREADY_IN = 'c0ffee00-0000-4000-8000-000000000002';
const OTHER = 'c0ffee00-0000-4000-8000-000000000003';
const contactsPath = (id = DEMO_SEQUENCE_ID) => `/v1/sequences/${id}/contacts`;
const add = (body: unknown, id = DEMO_SEQUENCE_ID) => call(sandbox, contactsPath(id), { method: 'POST', body });
const remove = (body: unknown, id = DEMO_SEQUENCE_ID) => call(sandbox, contactsPath(id), { method: 'DELETE', body });
async function members(id = DEMO_SEQUENCE_ID): Promise<{ contactId: string; assignedToWorkspaceMembershipId: string }[]> {
  const res = await call(sandbox, `${contactsPath(id)}?size=100`);
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('GET /v1/sequences/{id}/contacts', () => {
  it('lists the contacts in the sequence, paginated, each with its tags and calls', async () => {
    const res = await call(sandbox, `${contactsPath()}?page=0&size=1`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ contactId: ALREADY_IN, contact: { id: ALREADY_IN }, tags: [], calls: [] });
  });

  it('answers 404 for a sequence outside the key scope, as for one that does not exist', async () => {
    expectError(await call(sandbox, contactsPath(SEQUENCE_OUT_OF_SCOPE_ID)), 404, 'NOT_FOUND');
    expectError(await call(sandbox, contactsPath('5e000000-0000-4000-8000-00000000dead')), 404, 'NOT_FOUND');
  });

  it('refuses a page size over 100 like every list', async () => {
    expectFieldError(await call(sandbox, `${contactsPath()}?size=101`), 'size');
  });

  it('needs a valid key', async () => {
    expectError(await call(sandbox, contactsPath(), { key: 'sk_test_wrong' }), 401, 'API_KEY_INVALID');
  });
});

describe('POST /v1/sequences/{id}/contacts', () => {
  it('adds a contact with the given assignee', async () => {
    const res = await add([{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_KARIM }]);
    expect(res.status).toBe(201);
    expect(await members()).toContainEqual(expect.objectContaining({ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_KARIM }));
  });

  it('is idempotent: adding twice, or a duplicate in one body, leaves one row', async () => {
    await add([{ contactId: DEMO_CONTACT_ID }, { contactId: DEMO_CONTACT_ID }]);
    await add([{ contactId: DEMO_CONTACT_ID }]);
    expect((await members()).filter((m) => m.contactId === DEMO_CONTACT_ID)).toHaveLength(1);
  });

  it('ignores a contact already in it: its assignee stays', async () => {
    const before = (await members()).find((m) => m.contactId === ALREADY_IN)!;
    const res = await add([{ contactId: ALREADY_IN, assignedToWorkspaceMembershipId: MEMBER_PARIS_KARIM }]);
    expect(res.status).toBe(201);
    expect((await members()).find((m) => m.contactId === ALREADY_IN)).toEqual(before);
  });

  it('ignores out-of-scope and unknown contacts silently', async () => {
    const res = await add([{ contactId: OUT_OF_SCOPE_CONTACT_ID }, { contactId: 'c0ffee00-0000-4000-8000-00000000beef' }, { contactId: OTHER }]);
    expect(res.status).toBe(201);
    expect((await members()).map((m) => m.contactId).sort()).toEqual([ALREADY_IN, OTHER].sort());
  });

  it('assigns round-robin over the active members when no assignee is given', async () => {
    await add([{ contactId: DEMO_CONTACT_ID }, { contactId: OTHER }]);
    const rows = await members();
    const assignees = [DEMO_CONTACT_ID, OTHER].map((id) => rows.find((m) => m.contactId === id)!.assignedToWorkspaceMembershipId);
    expect(new Set(assignees)).toEqual(new Set([MEMBER_PARIS_CLAIRE, MEMBER_PARIS_KARIM]));
  });

  it('brings a removed contact back with its old assignee', async () => {
    await add([{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_KARIM }]);
    await remove([DEMO_CONTACT_ID]);
    expect((await members()).map((m) => m.contactId)).not.toContain(DEMO_CONTACT_ID);
    await add([{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_CLAIRE }]);
    expect((await members()).find((m) => m.contactId === DEMO_CONTACT_ID)?.assignedToWorkspaceMembershipId).toBe(MEMBER_PARIS_KARIM);
  });

  it('takes 1 to 100 items, no fewer, no more', async () => {
    expectFieldError(await add([]), 'body');
    const many = Array.from({ length: 101 }, () => ({ contactId: OTHER }));
    expectFieldError(await add(many), 'body');
    expect((await add(many.slice(0, 100))).status).toBe(201);
  });

  it('requires contactId and refuses unknown keys and a body that is not an array', async () => {
    expectFieldError(await add([{ assignedToWorkspaceMembershipId: MEMBER_PARIS_CLAIRE }]), '0.contactId');
    expectFieldError(await add([{ contactId: OTHER, assignee: 'me' }]), /0|assignee/);
    expectFieldError(await add({ contactId: OTHER }), 'body');
    expectError(await call(sandbox, contactsPath(), { method: 'POST', rawBody: '[{' }), 400, 'INVALID_JSON');
  });

  it("refuses an assignee who is not a member of the sequence's workspace", async () => {
    expectFieldError(await add([{ contactId: OTHER, assignedToWorkspaceMembershipId: MEMBER_LYON_CLAIRE }]), '0.assignedToWorkspaceMembershipId');
    expect((await members()).map((m) => m.contactId)).not.toContain(OTHER);
  });

  it('answers 404 for a sequence outside the key scope and adds nothing there', async () => {
    expectError(await add([{ contactId: OTHER }], SEQUENCE_OUT_OF_SCOPE_ID), 404, 'NOT_FOUND');
  });
});

describe('DELETE /v1/sequences/{id}/contacts', () => {
  it('removes the given contacts and is idempotent', async () => {
    expect((await remove([ALREADY_IN])).status).toBe(200);
    expect((await remove([ALREADY_IN])).status).toBe(200);
    expect(await members()).toEqual([]);
  });

  it('takes 1 to 100 contact UUIDs', async () => {
    expectFieldError(await remove([]), 'body');
    expectFieldError(await remove(Array.from({ length: 101 }, () => ALREADY_IN)), 'body');
    expectFieldError(await remove(['not-a-uuid']), '0');
  });

  it('answers 404 for a sequence outside the key scope', async () => {
    expectError(await remove([ALREADY_IN], SEQUENCE_OUT_OF_SCOPE_ID), 404, 'NOT_FOUND');
  });
});

describe('GET /v1/workspaces/{id}/members', () => {
  it('lists every member of the workspace with its membership id and status', async () => {
    const res = await call(sandbox, `/v1/workspaces/${WORKSPACE_PARIS}/members`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { id: string }) => m.id)).toContain(MEMBER_PARIS_CLAIRE);
    expect(res.body.data.map((m: { status: string }) => m.status)).toContain('DISABLED');
  });

  it('answers 404 for a workspace outside the key scope', async () => {
    expectError(await call(sandbox, `/v1/workspaces/${WORKSPACE_OUT_OF_SCOPE}/members`), 404, 'NOT_FOUND');
  });
});
