// Creating a contact: once Skipcall answered the POST, nothing local may turn
// it into an error (the user would create it again: a duplicate).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '@/entrypoints/background/handlers';
import { usePersistentBackend } from '@/utils/storage/extension';
import { memoryBackend, type KeyValueBackend } from '@/utils/storage/store';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const identity = { linkedinUrl: 'https://www.linkedin.com/in/lea-roux-demo' };
const contact = { firstName: 'Léa', lastName: 'Roux', phoneNumbers: ['+33611223344'] };
const posts = () => sandbox.log.filter((e) => e.method === 'POST' && e.path === '/v1/contacts');

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
});

describe('create-contact', () => {
  it('creates and links the contact', async () => {
    const reply = await handleRequest({ type: 'create-contact', identity, contact }, undefined);
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.warning).toBeUndefined();
    const registry = await handleRequest({ type: 'get-registry' }, undefined);
    expect(registry.ok && registry.links.map((l) => l.contactId)).toEqual([reply.ok && reply.contact.id]);
  });

  it('returns the created contact with a warning, not an error, when the link cannot be saved', async () => {
    // The store works for the settings, then fails for the link.
    const working = memoryBackend();
    const failing: KeyValueBackend = {
      get: working.get,
      delete: working.delete,
      update: (key, change) => (key === 'registry' ? Promise.reject(new Error('QuotaExceededError')) : working.update(key, change)),
    };
    usePersistentBackend(failing);
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });

    const reply = await handleRequest({ type: 'create-contact', identity, contact }, undefined);
    expect(reply).toMatchObject({ ok: true, contact: { firstName: 'Léa', lastName: 'Roux' }, warning: 'link-not-saved' });
    expect(posts()).toHaveLength(1);
    expect(sandbox.contacts.get(reply.ok ? reply.contact.id : '')?.lastName).toBe('Roux');
  });

  it('a refused POST is still an error', async () => {
    const reply = await handleRequest({ type: 'create-contact', identity, contact: { ...contact, phoneNumbers: ['+1'] } }, undefined);
    expect(reply.ok).toBe(false);
    expect(posts()).toHaveLength(0);
  });
});
