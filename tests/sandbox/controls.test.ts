import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { OUT_OF_SCOPE_CONTACT_ID } from '../../sandbox/seed';
import { call, expectError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const contactPath = `/v1/contacts/${DEMO_CONTACT_ID}`;
const control = (path: string, method = 'GET', body?: unknown) => call(sandbox, `/__sandbox/${path}`, { method, body, key: null });

describe('request log', () => {
  it('records every /v1 request in order with method, path, query, status and body', async () => {
    const t0 = Date.now();
    await call(sandbox, '/v1/health', { key: null });
    await call(sandbox, '/v1/contacts?page=1&size=2');
    await call(sandbox, contactPath, { method: 'PATCH', body: { city: 'Lyon' } });
    await call(sandbox, contactPath, { method: 'PATCH', rawBody: '{oops' });
    await call(sandbox, '/v1/workspaces', { key: null });
    expect(sandbox.log.map(({ time: _t, ...e }) => e)).toEqual([
      { method: 'GET', path: '/v1/health', query: {}, status: 200 },
      { method: 'GET', path: '/v1/contacts', query: { page: '1', size: '2' }, status: 200 },
      { method: 'PATCH', path: contactPath, query: {}, status: 200, body: { city: 'Lyon' } },
      { method: 'PATCH', path: contactPath, query: {}, status: 400, body: '{oops' },
      { method: 'GET', path: '/v1/workspaces', query: {}, status: 401 },
    ]);
    for (const e of sandbox.log) expect(e.time).toBeGreaterThanOrEqual(t0);
  });

  it('never records the Authorization header or the key', async () => {
    await call(sandbox, contactPath);
    await call(sandbox, contactPath, { key: 'sk_live_secret_value' });
    const text = JSON.stringify(sandbox.log) + JSON.stringify((await control('log')).body);
    expect(text).not.toContain(DEMO_API_KEY);
    expect(text).not.toContain('sk_live_secret_value');
    expect(text.toLowerCase()).not.toContain('authorization');
  });

  it('does not record control routes', async () => {
    await control('contacts');
    await control('latency', 'POST', { ms: 0 });
    expect(sandbox.log).toEqual([]);
  });
});

describe('failNext', () => {
  it('answers the next N /v1 requests with 500 by default, then recovers', async () => {
    sandbox.failNext(2);
    expectError(await call(sandbox, contactPath), 500, 'INTERNAL_SERVER_ERROR');
    expectError(await call(sandbox, '/v1/health'), 500, 'INTERNAL_SERVER_ERROR');
    expect((await call(sandbox, contactPath)).status).toBe(200);
    expect(sandbox.log.map((e) => e.status)).toEqual([500, 500, 200]);
  });

  it('a failed PATCH writes nothing', async () => {
    sandbox.failNext(1, 503);
    expect((await call(sandbox, contactPath, { method: 'PATCH', body: { city: 'Lyon' } })).status).toBe(503);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });

  it('an injected 429 carries Remaining 0 and a Reset about one second ahead', async () => {
    sandbox.failNext(1, 429);
    const res = await call(sandbox, contactPath);
    expectError(res, 429, 'RATE_LIMIT_EXCEEDED');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('x-ratelimit-limit')).toBe('100');
    const ahead = Number(res.headers.get('x-ratelimit-reset')) * 1000 - Date.now();
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThanOrEqual(2000);
  });
});

describe('latency', () => {
  it('setLatency delays /v1 responses but not the control routes', async () => {
    sandbox.setLatency(150);
    let start = Date.now();
    await call(sandbox, '/v1/health');
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    start = Date.now();
    await control('log');
    expect(Date.now() - start).toBeLessThan(100);
    sandbox.setLatency(0);
    start = Date.now();
    await call(sandbox, '/v1/health');
    expect(Date.now() - start).toBeLessThan(100);
  });

  it('latencyMs option applies from the start', async () => {
    const slow = await startSandbox({ port: 0, latencyMs: 120 });
    try {
      const start = Date.now();
      await call(slow, '/v1/health');
      expect(Date.now() - start).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});

describe('editContact', () => {
  it('changes the contact as the Skipcall app would: updatedAt bumped, source SKIPCALL', async () => {
    await call(sandbox, contactPath, { method: 'PATCH', body: { role: 'Directrice' } });
    const before = (await call(sandbox, contactPath)).body;
    const edited = sandbox.editContact(DEMO_CONTACT_ID, { city: 'Villeurbanne', customFields: { secteur: 'Brasserie' } });
    expect(edited).toMatchObject({ city: 'Villeurbanne', role: 'Directrice', lastModificationSource: 'SKIPCALL', customFields: { Secteur: 'Brasserie' } });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect((await call(sandbox, contactPath)).body).toEqual(edited);
  });

  it('returns a copy: mutating it does not touch the store', () => {
    const edited = sandbox.editContact(DEMO_CONTACT_ID, { city: 'Lyon' });
    edited.city = 'Mutated';
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Lyon');
  });

  it('throws for an unknown contact, an unknown field or an unknown custom field', () => {
    expect(() => sandbox.editContact('nope', { city: 'Lyon' })).toThrow(/no contact/);
    expect(() => sandbox.editContact(DEMO_CONTACT_ID, { nickname: 'x' } as never)).toThrow(/unknown contact field/);
    expect(() => sandbox.editContact(DEMO_CONTACT_ID, { customFields: { nope: 1 } })).toThrow(/unknown custom field/);
  });

  it('can move a contact out of scope (then the API answers 404)', async () => {
    sandbox.editContact(DEMO_CONTACT_ID, { teamId: sandbox.contacts.get(OUT_OF_SCOPE_CONTACT_ID)?.teamId });
    expectError(await call(sandbox, contactPath), 404, 'NOT_FOUND');
  });
});

describe('reset', () => {
  it('restores the seed, empties the log and clears faults and latency', async () => {
    await call(sandbox, contactPath, { method: 'PATCH', body: { city: 'Lyon' } });
    await call(sandbox, '/v1/contacts', { method: 'POST', body: { firstName: 'A', lastName: 'B', phoneNumbers: ['+33600000001'] } });
    sandbox.failNext(5);
    sandbox.setLatency(500);
    sandbox.setContactList(false);
    sandbox.reset();
    expect(sandbox.log).toEqual([]);
    expect(sandbox.contacts.size).toBe(9);
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
    const start = Date.now();
    expect((await call(sandbox, '/v1/contacts')).status).toBe(200);
    expect(Date.now() - start).toBeLessThan(300);
  });
});

describe('HTTP control routes', () => {
  it('GET /__sandbox/log → {data: log}', async () => {
    await call(sandbox, contactPath);
    const res = await control('log');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(JSON.parse(JSON.stringify(sandbox.log)));
    expect(res.body.data).toHaveLength(1);
  });

  it('POST /__sandbox/reset', async () => {
    await call(sandbox, contactPath, { method: 'PATCH', body: { city: 'Lyon' } });
    expect((await control('reset', 'POST')).body).toEqual({ ok: true });
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
    expect(sandbox.log).toEqual([]);
  });

  it('POST /__sandbox/fail {count, status}', async () => {
    expect((await control('fail', 'POST', { count: 1, status: 502 })).body).toEqual({ count: 1, status: 502 });
    expectError(await call(sandbox, contactPath), 502, 'INTERNAL_SERVER_ERROR');
    expect((await call(sandbox, contactPath)).status).toBe(200);
    expect((await control('fail', 'POST', { count: 1 })).body).toEqual({ count: 1, status: 500 });
  });

  it('POST /__sandbox/latency {ms}', async () => {
    expect((await control('latency', 'POST', { ms: 120 })).body).toEqual({ ms: 120 });
    const start = Date.now();
    await call(sandbox, '/v1/health');
    expect(Date.now() - start).toBeGreaterThanOrEqual(110);
  });

  it('POST /__sandbox/contact-list {on}', async () => {
    expect((await control('contact-list', 'POST', { on: false })).body).toEqual({ on: false });
    expectError(await call(sandbox, '/v1/contacts'), 404, 'NOT_FOUND');
    await control('contact-list', 'POST', { on: true });
    expect((await call(sandbox, '/v1/contacts')).status).toBe(200);
  });

  it('PATCH /__sandbox/contacts/{id} edits like editContact', async () => {
    const res = await control(`contacts/${DEMO_CONTACT_ID}`, 'PATCH', { city: 'Lyon' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: DEMO_CONTACT_ID, city: 'Lyon', lastModificationSource: 'SKIPCALL' });
    expectError(await control('contacts/nope', 'PATCH', { city: 'Lyon' }), 404, 'NOT_FOUND');
    expect((await control(`contacts/${DEMO_CONTACT_ID}`, 'PATCH', { nickname: 'x' })).status).toBe(400);
  });

  it('GET /__sandbox/contacts lists every contact, out-of-scope included', async () => {
    const res = await control('contacts');
    expect(res.body.data).toHaveLength(9);
    expect(res.body.data.map((c: { id: string }) => c.id)).toContain(OUT_OF_SCOPE_CONTACT_ID);
  });

  it('refuses bad control bodies with 400', async () => {
    expect((await control('fail', 'POST', { count: -1 })).status).toBe(400);
    expect((await control('latency', 'POST', { ms: 'slow' })).status).toBe(400);
    expect((await control('contact-list', 'POST', { on: 'yes' })).status).toBe(400);
    expectError(await call(sandbox, '/__sandbox/fail', { method: 'POST', rawBody: '{', key: null }), 400, 'INVALID_JSON');
  });

  it('an unknown control route is 404', async () => {
    expectError(await control('nothing'), 404, 'NOT_FOUND');
  });
});
