// Sequence additions through the background against the sandbox: what is sent,
// in which order, with which assignee, and what undo takes back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '@/entrypoints/background/handlers';
import { rawValue } from '@/utils/diff/plan';
import type { Contact } from '@/utils/skipcall/schemas';
import type { SavedSequence } from '@/utils/sequences';
import { persistentStore } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { DEMO_SEQUENCE_ID, MEMBER_PARIS_CLAIRE, MEMBER_PARIS_KARIM, SEQUENCE_OUT_OF_SCOPE_ID } from '../../sandbox/seed';
import { readOnTab, saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const TAB = 4;
const ALREADY_IN = 'c0ffee00-0000-4000-8000-000000000002';
let readId: string;

async function saveSequences(sequences: SavedSequence[], me?: { id: string; name: string }) {
  await persistentStore().set(sequencesItem, { sequences, defaultId: sequences[0]?.id, ...(me ? { me } : {}) });
}

async function ok<T extends { ok: boolean }>(reply: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const r = await reply;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

const writes = () => sandbox.log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`);
const rows = () => sandbox.log.filter((e) => e.method === 'POST').map((e) => e.body);

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  readId = await readOnTab(TAB, { firstName: 'Élodie', lastName: 'Marchand', city: 'Lyon', linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo' });
});

describe('sequence status and add', () => {
  it('tells whether the contact is in the sequence', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'round-robin' } }]);
    expect((await ok(handleRequest({ type: 'sequence-status', sequenceId: DEMO_SEQUENCE_ID, contactId: ALREADY_IN }, undefined))).inSequence).toBe(true);
    expect((await ok(handleRequest({ type: 'sequence-status', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined))).inSequence).toBe(false);
  });

  it('adds with "me" as the assignee, records it, and undo removes the contact', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'me' } }], { id: MEMBER_PARIS_KARIM, name: 'Karim' });
    const added = await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined));
    expect(added.sequence.status).toBe('added');
    expect(rows()).toEqual([[{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_KARIM }]]);
    expect((await ok(handleRequest({ type: 'sequence-status', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined))).inSequence).toBe(true);

    const { entries } = await ok(handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined));
    expect(entries[0]?.sequence).toMatchObject({ id: DEMO_SEQUENCE_ID, name: 'Relance', undoable: true });
    const undone = await ok(handleRequest({ type: 'undo', entryId: entries[0]!.id }, undefined));
    expect(undone.result).toMatchObject({ status: 'success', kind: 'undo', sequence: { status: 'removed' } });
    expect(writes()).toEqual([`POST /v1/sequences/${DEMO_SEQUENCE_ID}/contacts`, `DELETE /v1/sequences/${DEMO_SEQUENCE_ID}/contacts`]);
    expect(sandbox.log.at(-1)?.body).toEqual([DEMO_CONTACT_ID]);
    expect((await ok(handleRequest({ type: 'sequence-status', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined))).inSequence).toBe(false);
  });

  it('a failed removal leaves the entry undoable', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'round-robin' } }]);
    await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined));
    const [entry] = (await ok(handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined))).entries;
    sandbox.failNext(1, 400);
    const failed = await ok(handleRequest({ type: 'undo', entryId: entry!.id }, undefined));
    expect(failed.result).toMatchObject({ status: 'error', sequence: { status: 'error' } });
    expect((await ok(handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined))).entries[0]?.undoneAt).toBeUndefined();
    const retried = await ok(handleRequest({ type: 'undo', entryId: entry!.id }, undefined));
    expect(retried.result.status).toBe('success');
    expect((await ok(handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined))).entries[0]?.undoneAt).toBeTypeOf('number');
  });

  it('round-robin sends no assignee; a chosen member is sent as is', async () => {
    await saveSequences([
      { id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'round-robin' } },
    ]);
    await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined));
    expect(rows()).toEqual([[{ contactId: DEMO_CONTACT_ID }]]);
    sandbox.reset();
    startBackground();
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'member', memberId: MEMBER_PARIS_CLAIRE, memberName: 'Claire' } }]);
    await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined));
    expect(rows()).toEqual([[{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_CLAIRE }]]);
  });

  it('sends nothing for a contact already in, and records nothing to undo', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'round-robin' } }]);
    const added = await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: ALREADY_IN }, undefined));
    expect(added.sequence.status).toBe('already-in');
    expect(writes()).toEqual([]);
    expect((await ok(handleRequest({ type: 'get-history', contactId: ALREADY_IN }, undefined))).entries).toEqual([]);
  });

  it('tells an add the API ignored silently, and records nothing to undo', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'round-robin' } }]);
    // The contact left the key's scope meanwhile: the API ignores it without an error.
    sandbox.editContact(DEMO_CONTACT_ID, { teamId: 'a0000000-0000-4000-8000-000000000003' });
    const added = await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined));
    expect(added.sequence.status).toBe('ignored');
    expect(writes()).toEqual([`POST /v1/sequences/${DEMO_SEQUENCE_ID}/contacts`]);
    expect((await ok(handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined))).entries).toEqual([]);
  });

  it('"me" without a chosen member is an error, and nothing is sent', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'me' } }]);
    const added = await ok(handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: DEMO_CONTACT_ID }, undefined));
    expect(added.sequence).toMatchObject({ status: 'error', error: { kind: 'refused', detail: 'no-me' } });
    expect(writes()).toEqual([]);
  });

  it('a foreign sequence fails to verify with not-found', async () => {
    const reply = await handleRequest({ type: 'verify-sequence', sequenceId: SEQUENCE_OUT_OF_SCOPE_ID }, undefined);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
    await ok(handleRequest({ type: 'verify-sequence', sequenceId: DEMO_SEQUENCE_ID }, undefined));
    expect(sandbox.log.at(-1)?.query).toMatchObject({ page: '0', size: '1' });
  });

  it('lists the active members of each workspace', async () => {
    const { workspaces } = await ok(handleRequest({ type: 'list-members' }, undefined));
    const paris = workspaces.find((w) => w.members.some((m) => m.id === MEMBER_PARIS_CLAIRE));
    expect(paris?.members.map((m) => m.name)).toEqual(['Claire Dumas', 'Karim Benali']);
  });
});

describe('apply and add', () => {
  async function seen(): Promise<Contact> {
    return (await ok(handleRequest({ type: 'get-contact', contactId: DEMO_CONTACT_ID }, undefined))).contact;
  }

  it('sends the PATCH, then the POST to the sequence', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'me' } }], { id: MEMBER_PARIS_CLAIRE, name: 'Claire' });
    const contact = await seen();
    const plan = [{ key: 'city', value: 'Lyon', seen: rawValue(contact, 'city') }];
    const { result } = await ok(handleRequest({ type: 'apply', tabId: TAB, readId, contactId: DEMO_CONTACT_ID, plan, sequenceId: DEMO_SEQUENCE_ID }, undefined));
    expect(result).toMatchObject({ status: 'success', keys: ['city'], sequence: { status: 'added', name: 'Relance' } });
    expect(writes()).toEqual([`PATCH /v1/contacts/${DEMO_CONTACT_ID}`, `POST /v1/sequences/${DEMO_SEQUENCE_ID}/contacts`]);
    expect(rows()).toEqual([[{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_CLAIRE }]]);
    // Both are in the history, each with its undo.
    const { entries } = await ok(handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined));
    expect(entries.map((e) => (e.sequence ? 'sequence' : e.changes.map((c) => c.key).join()))).toEqual(['sequence', 'city']);
  });

  it('adds nothing when the apply does not go through (conflict)', async () => {
    await saveSequences([{ id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'round-robin' } }]);
    const contact = await seen();
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'Grenoble' });
    const plan = [{ key: 'city', value: 'Lyon', seen: rawValue(contact, 'city') }];
    const { result } = await ok(handleRequest({ type: 'apply', tabId: TAB, readId, contactId: DEMO_CONTACT_ID, plan, sequenceId: DEMO_SEQUENCE_ID }, undefined));
    expect(result.status).toBe('conflict');
    expect(result.sequence).toBeUndefined();
    expect(writes()).toEqual([]);
  });
});
