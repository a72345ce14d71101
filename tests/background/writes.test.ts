// The background's apply and undo against the sandbox: what Skipcall ends up
// holding, and what went over the wire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/entrypoints/background/handlers';
import type { Contact } from '@/utils/skipcall/schemas';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { readOnTab, saveSettings, startBackground } from '../support/background';
import { rawValue, type PlannedChange } from '@/utils/diff/plan';
import { persistentStore, usePersistentBackend } from '@/utils/storage/extension';
import { memoryBackend } from '@/utils/storage/store';
import { historyItem, provenanceItem } from '@/utils/storage/items';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const profile = {
  firstName: 'Élodie',
  lastName: 'Marchand',
  role: 'Directrice commerciale',
  company: 'Brasserie Lumière',
  city: 'Lyon',
  country: 'France',
  linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo',
  headline: 'Directrice commerciale chez Brasserie Lumière',
};

async function seen(): Promise<Contact> {
  const reply = await handleRequest({ type: 'get-contact', contactId: DEMO_CONTACT_ID }, undefined);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.contact;
}

const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');
const TAB = 3;
let readId: string;

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  readId = await readOnTab(TAB, profile);
});

/** The plan the popup sends: each key with its value and Skipcall's raw value as shown. */
function planOf(contact: Contact, values: Record<string, string>): PlannedChange[] {
  return Object.entries(values).map(([key, value]) => ({ key, value, seen: rawValue(contact, key) }));
}

async function apply(plan: PlannedChange[], id = readId) {
  const reply = await handleRequest({ type: 'apply', tabId: TAB, readId: id, contactId: DEMO_CONTACT_ID, plan }, undefined);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.result;
}

describe('apply', () => {
  it('sends one PATCH with exactly the planned fields and records it', async () => {
    const contact = await seen();
    const result = await apply(planOf(contact, { role: 'Directrice commerciale', city: 'Lyon' }));
    expect(result).toMatchObject({ status: 'success', keys: ['role', 'city'] });
    expect(patches()).toHaveLength(1);
    expect(patches()[0]?.body).toEqual({ role: 'Directrice commerciale', city: 'Lyon' });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)).toMatchObject({ city: 'Lyon', role: 'Directrice commerciale', company: 'Brasserie Lumière' });

    const stored = await handleRequest({ type: 'get-write', contactId: DEMO_CONTACT_ID }, undefined);
    expect(stored.ok && stored.result?.status).toBe('success');
    const history = await handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined);
    expect(history.ok && history.entries[0]?.changes).toContainEqual({ key: 'city', before: 'Paris', after: 'Lyon' });
  });

  it('writes nothing when a planned field changed in Skipcall meanwhile, and returns the fresh contact', async () => {
    const contact = await seen();
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'Marseille' });
    const result = await apply(planOf(contact, { role: 'Directrice commerciale', city: 'Lyon' }));
    expect(result).toMatchObject({ status: 'conflict', keys: ['city'], contact: { city: 'Marseille' } });
    expect(patches()).toHaveLength(0);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.role ?? null).toBeNull();
  });

  it('treats a colleague re-casing a planned field as a conflict', async () => {
    const contact = await seen();
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'PARIS' });
    const result = await apply(planOf(contact, { city: 'Lyon' }));
    expect(result).toMatchObject({ status: 'conflict', keys: ['city'] });
    expect(patches()).toHaveLength(0);
  });

  it('never writes a field the user saw as the same, even when a colleague changed it meanwhile', async () => {
    const contact = await seen();
    sandbox.editContact(DEMO_CONTACT_ID, { company: 'Lumière & Fils' });
    const result = await apply(planOf(contact, { role: 'Directrice commerciale' }));
    expect(result).toMatchObject({ status: 'success', keys: ['role'] });
    expect(patches()[0]?.body).toEqual({ role: 'Directrice commerciale' });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.company).toBe('Lumière & Fils');
  });

  it('never refills a field a colleague cleared meanwhile when it was not planned', async () => {
    const contact = await seen();
    sandbox.editContact(DEMO_CONTACT_ID, { city: null });
    const result = await apply(planOf(contact, { role: 'Directrice commerciale' }));
    expect(result.status).toBe('success');
    expect(patches()[0]?.body).toEqual({ role: 'Directrice commerciale' });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city ?? null).toBeNull();
  });

  it('refuses a plan made for another read of the tab, without a request', async () => {
    const contact = await seen();
    const before = sandbox.log.length;
    await readOnTab(TAB, { firstName: 'Paul', lastName: 'Durand', role: 'Acheteur', linkedinUrl: 'https://www.linkedin.com/in/paul-durand' });
    const settled = sandbox.log.length;
    const result = await apply(planOf(contact, { role: 'Acheteur' }), readId);
    expect(result).toMatchObject({ status: 'error', error: { kind: 'page-changed' } });
    expect(patches()).toHaveLength(0);
    expect(sandbox.log.length).toBe(settled);
    expect(settled).toBeGreaterThanOrEqual(before);
  });

  it('refuses a plan with a key the diff never shows', async () => {
    const contact = await seen();
    const result = await apply([{ key: 'teamId', value: 'x', seen: rawValue(contact, 'teamId') }]);
    expect(result).toMatchObject({ status: 'error', error: { kind: 'refused' } });
    expect(patches()).toHaveLength(0);
  });

  it('reports a write that went through as a success with a warning when the history cannot be saved', async () => {
    const contact = await seen();
    // The store refuses to write the history, as a full disk or a closed database would.
    const backend = memoryBackend();
    usePersistentBackend({
      ...backend,
      update: (key, change) => (key === historyItem.key ? Promise.reject(new Error('QuotaExceededError')) : backend.update(key, change)),
    });
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    const result = await apply(planOf(contact, { city: 'Lyon' }));
    expect(result).toMatchObject({ status: 'success', keys: ['city'], warning: 'not-recorded' });
    // No entry to undo: the popup shows no Undo beside this result.
    expect(result.historyId).toBeUndefined();
    expect(patches()).toHaveLength(1);
  });

  it('gives no history warning when only the note of what was written fails: the write can be undone', async () => {
    const contact = await seen();
    const backend = memoryBackend();
    const provenanceKey = provenanceItem(DEMO_CONTACT_ID).key;
    usePersistentBackend({
      ...backend,
      update: (key, change) => (key === provenanceKey ? Promise.reject(new Error('QuotaExceededError')) : backend.update(key, change)),
    });
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    const result = await apply(planOf(contact, { city: 'Lyon' }));
    expect(result.status).toBe('success');
    expect(result.warning).toBeUndefined();
    expect(result.historyId).toBeDefined();
  });

  it('names the history entry of the write, so the Undo beside the result undoes that write', async () => {
    const contact = await seen();
    const result = await apply(planOf(contact, { city: 'Lyon' }));
    const history = await persistentStore().get(historyItem);
    expect(result.historyId).toBeDefined();
    expect(history.find((entry) => entry.id === result.historyId)).toMatchObject({ contactId: DEMO_CONTACT_ID, changes: [{ key: 'city' }] });
  });

  it('rides out two server errors', async () => {
    const contact = await seen();
    sandbox.failNext(2, 500);
    const result = await apply(planOf(contact, { role: 'Directrice commerciale' }));
    expect(result.status).toBe('success');
    expect(patches().filter((e) => e.status === 200)).toHaveLength(1);
  }, 20_000);

  it('keeps the failure for the popup when Skipcall cannot be reached', async () => {
    const contact = await seen();
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: 'http://127.0.0.1:9' });
    const result = await apply(planOf(contact, { role: 'Directrice commerciale' }));
    expect(result).toMatchObject({ status: 'error', error: { kind: 'offline' } });
    const stored = await handleRequest({ type: 'get-write', contactId: DEMO_CONTACT_ID }, undefined);
    expect(stored.ok && stored.result?.status).toBe('error');
  }, 20_000);
});

describe('undo', () => {
  async function applyThenUndo() {
    const contact = await seen();
    await apply(planOf(contact, { role: 'Directrice commerciale', city: 'Lyon' }));
    const history = await handleRequest({ type: 'get-history' }, undefined);
    return history.ok ? history.entries[0]!.id : '';
  }

  it('restores the previous values with one PATCH and never clears a field that was empty', async () => {
    const entryId = await applyThenUndo();
    const reply = await handleRequest({ type: 'undo', entryId }, undefined);
    expect(reply.ok && reply.result).toMatchObject({ status: 'success', keys: ['city'] });
    expect(reply.ok && reply.result.blocked).toEqual([{ key: 'role', reason: 'was-empty' }]);
    expect(patches().at(-1)?.body).toEqual({ city: 'Paris' });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });

  it('gives no history warning when only the result for a reopened popup cannot be kept: the entry reads undone', async () => {
    const entryId = await applyThenUndo();
    // storage.session refuses the finished result (not the "pending" before the PATCH), as when its quota is used up.
    const set = fakeBrowser.storage.session.set;
    fakeBrowser.storage.session.set = async (items: Record<string, unknown>) => {
      const finished = Object.entries(items).some(([key, value]) => key.startsWith('write:') && (value as { status?: string }).status !== 'pending');
      if (finished) throw new Error('QuotaExceededError');
      return set(items);
    };
    try {
      const reply = await handleRequest({ type: 'undo', entryId }, undefined);
      expect(reply.ok && reply.result).toMatchObject({ status: 'success', keys: ['city'] });
      expect(reply.ok && reply.result.warning).toBeUndefined();
    } finally {
      fakeBrowser.storage.session.set = set;
    }
    const history = await handleRequest({ type: 'get-history' }, undefined);
    expect(history.ok && history.entries[0]?.undoneAt).toBeDefined();
  });

  it('leaves a field a colleague re-cased since the write', async () => {
    const entryId = await applyThenUndo();
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'LYON' });
    const reply = await handleRequest({ type: 'undo', entryId }, undefined);
    expect(reply.ok && reply.result.blocked).toContainEqual({ key: 'city', reason: 'changed' });
    expect(patches()).toHaveLength(1);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('LYON');
  });
});
