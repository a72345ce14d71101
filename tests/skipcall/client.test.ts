// The client against the local sandbox: real HTTP, real status codes and headers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSkipcallClient, type SkipcallClientOptions } from '@/utils/skipcall/client';
import { SkipcallApiError, type ApiErrorInfo } from '@/utils/skipcall/errors';
import { describeApiError } from '@/components/describe';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { OUT_OF_SCOPE_CONTACT_ID } from '../../sandbox/seed';
import { SANDBOX_ACCESS } from '../support/access';

let sandbox: Sandbox;
let waits: number[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  waits = [];
});

function client(overrides: Partial<SkipcallClientOptions> = {}) {
  return createSkipcallClient({
    baseUrl: sandbox.url,
    apiKey: DEMO_API_KEY,
    ...SANDBOX_ACCESS,
    // Record the waits instead of sleeping through them.
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiErrorInfo> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SkipcallApiError);
    return (error as SkipcallApiError).info;
  }
  throw new Error('expected a failure');
}

const requests = () => sandbox.log.map((e) => `${e.method} ${e.path} ${e.status}`);

describe('reading', () => {
  it('gets a contact and validates it', async () => {
    const contact = await client().getContact(DEMO_CONTACT_ID);
    expect(contact).toMatchObject({ id: DEMO_CONTACT_ID, firstName: 'Élodie', lastName: 'Marchand', phoneNumbers: ['+33612345678'] });
  });

  it('lists workspaces, custom fields and contacts from their envelopes', async () => {
    const c = client();
    expect((await c.listWorkspaces()).map((w) => w.name)).toEqual(['Équipe Paris', 'Équipe Lyon']);
    expect((await c.listCustomFields()).items.map((f) => f.slug)).toContain('headline_linkedin');
    const page = await c.listContacts(0, 3);
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
  });

  it('sends the key as a Bearer token and keeps the rate-limit headers', async () => {
    const c = client();
    await c.listWorkspaces();
    expect(c.rateLimit).toMatchObject({ limit: 100, remaining: 99 });
    expect(c.rateLimit!.resetAt).toBeGreaterThan(Date.now());
  });
});

describe('typed errors', () => {
  it('401 → invalid key, with no key in the message', async () => {
    const info = await failure(client({ apiKey: 'sk_live_notarealkey999' }).listWorkspaces());
    expect(info).toMatchObject({ kind: 'invalid-key', status: 401, code: 'API_KEY_INVALID' });
    expect(describeApiError(info)).not.toContain('sk_live_notarealkey999');
  });

  it('403 → subscription or plan, told apart', async () => {
    expect(await failure(client({ apiKey: 'sk_test_no_subscription' }).listWorkspaces())).toMatchObject({
      kind: 'plan',
      code: 'SUBSCRIPTION_REQUIRED',
    });
    const plan = await failure(client({ apiKey: 'sk_test_plan_not_eligible' }).listWorkspaces());
    expect(describeApiError(plan)).toContain('plan does not include API access');
  });

  it('404 for missing and out-of-scope contacts alike', async () => {
    expect(await failure(client().getContact('nope'))).toMatchObject({ kind: 'not-found', status: 404 });
    expect(describeApiError(await failure(client().getContact(OUT_OF_SCOPE_CONTACT_ID)))).toContain('outside your API key’s scope');
  });

  it('refuses an invalid PATCH before sending it, naming the field', async () => {
    const info = await failure(client().patchContact(DEMO_CONTACT_ID, { company: 'x'.repeat(201) }));
    expect(info).toMatchObject({ kind: 'validation', problems: [{ field: 'company', message: 'must be at most 200 characters' }] });
    expect(sandbox.log).toHaveLength(0);
  });

  it('reads the 400 body of the API, naming the field', async () => {
    const info = await failure(client().patchContact(DEMO_CONTACT_ID, { customFields: { no_such_field: 'x' } }));
    expect(info.kind).toBe('validation');
    expect(info.problems?.[0]?.field).toContain('no_such_field');
    expect(describeApiError(info)).toContain('no_such_field');
  });

  it('fails on an answer without the documented required fields', async () => {
    const fetchBroken = async () => new Response(JSON.stringify({ id: 'x', firstName: 'A' }), { status: 200 });
    const info = await failure(client({ fetch: fetchBroken }).getContact('x'));
    expect(info).toMatchObject({ kind: 'bad-response' });
    expect(info.detail).toContain('lastName');
  });
});

describe('retries', () => {
  it('retries 500 with growing, jittered backoff, then succeeds', async () => {
    sandbox.failNext(2, 500);
    const contact = await client().getContact(DEMO_CONTACT_ID);
    expect(contact.id).toBe(DEMO_CONTACT_ID);
    expect(requests()).toEqual([
      `GET /v1/contacts/${DEMO_CONTACT_ID} 500`,
      `GET /v1/contacts/${DEMO_CONTACT_ID} 500`,
      `GET /v1/contacts/${DEMO_CONTACT_ID} 200`,
    ]);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('gives up on 5xx after the last attempt with a plain sentence', async () => {
    sandbox.failNext(10, 503);
    const info = await failure(client({ maxAttempts: 3 }).getContact(DEMO_CONTACT_ID));
    expect(info.kind).toBe('server');
    expect(sandbox.log).toHaveLength(3);
  });

  it('never repeats a POST that may have reached the server', async () => {
    sandbox.failNext(1, 500);
    const info = await failure(client().createContact({ firstName: 'Léa', lastName: 'Roux', phoneNumbers: ['+33611223344'] }));
    expect(info.kind).toBe('server');
    expect(requests()).toEqual(['POST /v1/contacts 500']);
  });

  it('waits for X-RateLimit-Reset on 429, then succeeds', async () => {
    sandbox.failNext(1, 429);
    const contact = await client().getContact(DEMO_CONTACT_ID);
    expect(contact.id).toBe(DEMO_CONTACT_ID);
    expect(waits).toHaveLength(1);
    expect(waits[0]!).toBeGreaterThan(0);
    expect(waits[0]!).toBeLessThanOrEqual(2300);
  });

  it('fails at once when the rate-limit window resets too far away', async () => {
    const tight = await startSandbox({ port: 0, rateLimitPerMinute: 1 });
    try {
      const c = client({ baseUrl: tight.url });
      await c.listWorkspaces();
      const info = await failure(c.listWorkspaces());
      expect(info.kind).toBe('rate-limited');
      expect(info.retryAt).toBeGreaterThan(Date.now() + 30_000);
      expect(describeApiError(info)).toMatch(/accepts new ones in \d+ s\.$/);
      expect(waits).toEqual([]);
    } finally {
      await tight.close();
    }
  });

  it('reports offline after retrying a request that never got an answer', async () => {
    const closed = await startSandbox({ port: 0 });
    const url = closed.url;
    await closed.close();
    const info = await failure(client({ baseUrl: url, maxAttempts: 2 }).listWorkspaces());
    expect(info.kind).toBe('offline');
    expect(waits).toHaveLength(1);
  });

  it('times out a slow answer', async () => {
    sandbox.setLatency(300);
    const info = await failure(client({ timeoutMs: 50, maxAttempts: 1 }).listWorkspaces());
    expect(info.kind).toBe('timeout');
  });

  it('says what to do when no key is saved, without any request', async () => {
    const info = await failure(client({ apiKey: '' }).listWorkspaces());
    expect(describeApiError(info)).toBe('Add your Skipcall API key to start.');
    expect(sandbox.log).toHaveLength(0);
  });
});

describe('writing', () => {
  it('PATCH sends only the given fields and returns the new contact', async () => {
    const updated = await client().patchContact(DEMO_CONTACT_ID, { city: 'Lyon', role: 'Directrice commerciale' });
    expect(updated).toMatchObject({ city: 'Lyon', role: 'Directrice commerciale', company: 'Brasserie Lumière' });
    expect(sandbox.log.at(-1)?.body).toEqual({ city: 'Lyon', role: 'Directrice commerciale' });
  });

  it('POST creates a contact', async () => {
    const created = await client().createContact({ firstName: 'Léa', lastName: 'Roux', phoneNumbers: ['+33611223344'] });
    expect(created.id).toBeTruthy();
    expect(sandbox.contacts.get(created.id)?.lastName).toBe('Roux');
  });
});

describe('contact list', () => {
  it('skips a malformed contact instead of failing the page', async () => {
    const page = { data: [{ id: 'ok', firstName: 'A', lastName: 'B', phoneNumbers: [], createdAt: 'x', updatedAt: 'y' }, { id: 'broken' }], total: 2 };
    const fetchPage = async () => new Response(JSON.stringify(page), { status: 200 });
    const result = await client({ fetch: fetchPage }).listContacts(0, 100);
    expect(result.items.map((c) => c.id)).toEqual(['ok']);
    expect(result.skipped).toBe(1);
    expect(result.total).toBe(2);
  });
});

describe('where the key may go, checked at every request', () => {
  it('refuses plain http outside loopback, with no request sent', async () => {
    const sent: string[] = [];
    const fetchSpy = async (input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Response('[]');
    };
    const info = await failure(client({ baseUrl: 'http://api.example.com', fetch: fetchSpy }).listWorkspaces());
    expect(info).toMatchObject({ kind: 'bad-base-url', detail: 'insecure' });
    expect(describeApiError(info)).toContain('does not use https');
    expect(sent).toEqual([]);
  });

  it('refuses loopback http outside the test build', async () => {
    const info = await failure(client({ allowLoopbackHttp: false }).listWorkspaces());
    expect(info).toEqual({ kind: 'bad-base-url', detail: 'insecure' });
    expect(sandbox.log).toHaveLength(0);
  });

  it('refuses a base URL whose origin the extension holds no permission for', async () => {
    const asked: string[] = [];
    const originGranted = async (pattern: string) => {
      asked.push(pattern);
      return false;
    };
    const info = await failure(client({ originGranted }).getContact(DEMO_CONTACT_ID));
    expect(info).toMatchObject({ kind: 'no-permission', detail: new URL(sandbox.url).host });
    expect(describeApiError(info)).toBe(`The extension may not reach ${new URL(sandbox.url).host} until you save the settings again to grant access.`);
    expect(asked).toEqual(['http://127.0.0.1/*']);
    expect(sandbox.log).toHaveLength(0);
  });

  it('asks again before every request: a permission removed meanwhile stops the next one', async () => {
    let granted = true;
    const c = client({ originGranted: async () => granted });
    await c.listWorkspaces();
    granted = false;
    expect((await failure(c.listWorkspaces())).kind).toBe('no-permission');
    expect(requests()).toEqual(['GET /v1/workspaces 200']);
  });

  it('never follows a redirect, so the key cannot be carried elsewhere, and names it', async () => {
    const inits: RequestInit[] = [];
    const fetchSpy = async (_input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init!);
      return new Response('[]');
    };
    await client({ fetch: fetchSpy }).listWorkspaces();
    expect(inits[0]?.redirect).toBe('manual');

    // A real redirect: the request fails once, without a retry, and the target never sees the key.
    const target = await startSandbox({ port: 0 });
    let asked = 0;
    const redirecting = createServer((_request, response) => {
      asked += 1;
      response.writeHead(302, { Location: `${target.url}/v1/workspaces` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirecting.address() as AddressInfo;
      const info = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }).listWorkspaces());
      expect(info).toEqual({ kind: 'redirect', status: 302 });
      expect(asked).toBe(1);
      expect(target.log).toEqual([]);
    } finally {
      redirecting.close();
      await target.close();
    }
  });

  it('names the opaque redirect a browser gives for the same answer', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const info = await failure(client({ fetch: async () => opaque }).listWorkspaces());
    expect(info).toEqual({ kind: 'redirect' });
  });
});
