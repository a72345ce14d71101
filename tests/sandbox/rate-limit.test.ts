import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { call, expectError, type CallResult } from './helpers';

function limitHeaders(res: CallResult) {
  return {
    limit: res.headers.get('x-ratelimit-limit'),
    remaining: res.headers.get('x-ratelimit-remaining'),
    reset: res.headers.get('x-ratelimit-reset'),
  };
}

describe('rate-limit headers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('are on every /v1 response, whatever its status', async () => {
    sandbox.reset();
    const responses = [
      await call(sandbox, '/v1/health', { key: null }),
      await call(sandbox, `/v1/contacts/${DEMO_CONTACT_ID}`),
      await call(sandbox, `/v1/contacts/${DEMO_CONTACT_ID}`, { method: 'PATCH', body: { firstName: '' } }),
      await call(sandbox, '/v1/workspaces', { key: null }),
      await call(sandbox, '/v1/workspaces', { key: 'sk_test_no_subscription' }),
      await call(sandbox, '/v1/contacts/missing'),
      await call(sandbox, '/v1/unknown'),
      await call(sandbox, '/v1/health', { method: 'PUT' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 401, 403, 404, 404, 405]);
    const nowSeconds = Date.now() / 1000;
    for (const res of responses) {
      const h = limitHeaders(res);
      expect(h.limit).toBe('100');
      expect(Number(h.remaining)).toBeGreaterThanOrEqual(0);
      // A Unix timestamp in SECONDS, within the coming minute.
      expect(h.reset).toMatch(/^\d{10}$/);
      expect(Number(h.reset)).toBeGreaterThan(nowSeconds);
      expect(Number(h.reset)).toBeLessThanOrEqual(Math.ceil(nowSeconds) + 61);
    }
  });

  it('Remaining counts down per key', async () => {
    sandbox.reset();
    const a = await call(sandbox, '/v1/workspaces');
    const b = await call(sandbox, '/v1/workspaces');
    const other = await call(sandbox, '/v1/workspaces', { key: 'sk_test_plan_not_eligible' });
    expect([limitHeaders(a).remaining, limitHeaders(b).remaining, limitHeaders(other).remaining]).toEqual(['99', '98', '99']);
  });
});

describe('429 past the limit', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 3, rateWindowMs: 500 });
  });
  afterAll(() => sandbox.close());

  it('answers 429 RATE_LIMIT_EXCEEDED with Remaining 0 once the limit is used', async () => {
    sandbox.reset();
    for (let i = 0; i < 3; i++) expect((await call(sandbox, '/v1/workspaces')).status).toBe(200);
    const limited = await call(sandbox, '/v1/workspaces');
    expectError(limited, 429, 'RATE_LIMIT_EXCEEDED');
    expect(limitHeaders(limited)).toMatchObject({ limit: '3', remaining: '0' });
    expect(Number(limitHeaders(limited).reset)).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    // Other keys have their own window.
    expect((await call(sandbox, '/v1/health', { key: null })).status).toBe(200);
  });

  it('a new window opens after the window length', async () => {
    sandbox.reset();
    for (let i = 0; i < 4; i++) await call(sandbox, '/v1/workspaces');
    expect((await call(sandbox, '/v1/workspaces')).status).toBe(429);
    await new Promise((r) => setTimeout(r, 550));
    const res = await call(sandbox, '/v1/workspaces');
    expect(res.status).toBe(200);
    expect(limitHeaders(res).remaining).toBe('2');
  });

  it('reset() clears the windows', async () => {
    sandbox.reset();
    for (let i = 0; i < 4; i++) await call(sandbox, '/v1/workspaces');
    sandbox.reset();
    expect((await call(sandbox, '/v1/workspaces')).status).toBe(200);
  });
});
