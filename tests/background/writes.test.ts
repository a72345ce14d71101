// The background's apply and undo against the sandbox: what Skipcall ends up
// holding, and what went over the wire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/entrypoints/background/handlers';
import type { Contact } from '@/utils/skipcall/schemas';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { saveSettings, startBackground } from '../support/background';

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

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
});

describe('apply', () => {
  it('sends one PATCH with exactly the ticked, changed fields and records it', async () => {
    const contact = await seen();
    const reply = await handleRequest(
      { type: 'apply', contactId: DEMO_CONTACT_ID, profile, seen: contact, choices: { city: { ticked: true } } },
      undefined,
    );
    expect(reply.ok && reply.result).toMatchObject({ status: 'success', keys: ['role', 'city'] });
    expect(patches()).toHaveLength(1);
    // The saved LinkedIn URL is the same profile written differently: not sent.
    expect(patches()[0]?.body).toEqual({ role: 'Directrice commerciale', city: 'Lyon' });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)).toMatchObject({ city: 'Lyon', role: 'Directrice commerciale', company: 'Brasserie Lumière' });

    const stored = await handleRequest({ type: 'get-write', contactId: DEMO_CONTACT_ID }, undefined);
    expect(stored.ok && stored.result?.status).toBe('success');
    const history = await handleRequest({ type: 'get-history', contactId: DEMO_CONTACT_ID }, undefined);
    expect(history.ok && history.entries[0]?.changes).toContainEqual({ key: 'city', before: 'Paris', after: 'Lyon' });
  });

  it('writes nothing when a ticked field changed in Skipcall meanwhile, and returns the fresh contact', async () => {
    const contact = await seen();
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'Marseille' });
    const reply = await handleRequest(
      { type: 'apply', contactId: DEMO_CONTACT_ID, profile, seen: contact, choices: { city: { ticked: true } } },
      undefined,
    );
    expect(reply.ok && reply.result).toMatchObject({ status: 'conflict', keys: ['city'], contact: { city: 'Marseille' } });
    expect(patches()).toHaveLength(0);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.role ?? null).toBeNull();
  });

  it('rides out two server errors', async () => {
    const contact = await seen();
    sandbox.failNext(2, 500);
    const reply = await handleRequest({ type: 'apply', contactId: DEMO_CONTACT_ID, profile, seen: contact, choices: {} }, undefined);
    expect(reply.ok && reply.result.status).toBe('success');
    expect(patches().filter((e) => e.status === 200)).toHaveLength(1);
  }, 20_000);

  it('keeps the failure for the popup when Skipcall cannot be reached', async () => {
    const contact = await seen();
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: 'http://127.0.0.1:9' });
    const reply = await handleRequest({ type: 'apply', contactId: DEMO_CONTACT_ID, profile, seen: contact, choices: {} }, undefined);
    expect(reply.ok && reply.result).toMatchObject({ status: 'error', error: { kind: 'offline' } });
    const stored = await handleRequest({ type: 'get-write', contactId: DEMO_CONTACT_ID }, undefined);
    expect(stored.ok && stored.result?.status).toBe('error');
  }, 20_000);
});

describe('undo', () => {
  it('restores the previous values with one PATCH and never clears a field that was empty', async () => {
    const contact = await seen();
    await handleRequest({ type: 'apply', contactId: DEMO_CONTACT_ID, profile, seen: contact, choices: { city: { ticked: true } } }, undefined);
    const history = await handleRequest({ type: 'get-history' }, undefined);
    const entryId = history.ok ? history.entries[0]!.id : '';
    const reply = await handleRequest({ type: 'undo', entryId }, undefined);
    expect(reply.ok && reply.result).toMatchObject({ status: 'success', keys: ['city'] });
    expect(reply.ok && reply.result.blocked).toEqual([{ key: 'role', reason: 'was-empty' }]);
    expect(patches().at(-1)?.body).toEqual({ city: 'Paris' });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });
});
