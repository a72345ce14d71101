// Two tabs on the same person: one request; a write replaces the cached contact.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedContact, rememberContact } from '@/entrypoints/background/contact-cache';
import { createSkipcallClient } from '@/utils/skipcall/client';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { SANDBOX_ACCESS } from '../support/access';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  fakeBrowser.reset();
  sandbox.reset();
});

const gets = () => sandbox.log.filter((e) => e.method === 'GET' && e.path === `/v1/contacts/${DEMO_CONTACT_ID}`);

describe('the prefetched contact', () => {
  it('is fetched once for two tabs on the same person at the same time', async () => {
    const client = createSkipcallClient({ baseUrl: sandbox.url, apiKey: DEMO_API_KEY, ...SANDBOX_ACCESS });
    const [a, b] = await Promise.all([cachedContact(client, DEMO_CONTACT_ID), cachedContact(client, DEMO_CONTACT_ID)]);
    expect(a.id).toBe(DEMO_CONTACT_ID);
    expect(b).toEqual(a);
    expect(gets()).toHaveLength(1);
    await cachedContact(client, DEMO_CONTACT_ID);
    expect(gets()).toHaveLength(1);
  });

  it('is fetched again once stale, and replaced by what a write returns', async () => {
    const client = createSkipcallClient({ baseUrl: sandbox.url, apiKey: DEMO_API_KEY, ...SANDBOX_ACCESS });
    const first = await cachedContact(client, DEMO_CONTACT_ID);
    await cachedContact(client, DEMO_CONTACT_ID, 0);
    expect(gets()).toHaveLength(2);
    await rememberContact({ ...first, city: 'Lyon' });
    expect((await cachedContact(client, DEMO_CONTACT_ID)).city).toBe('Lyon');
    expect(gets()).toHaveLength(2);
  });
});
