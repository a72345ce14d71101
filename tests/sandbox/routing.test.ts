import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { call, expectError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('routing', () => {
  it('binds 127.0.0.1 on the port it reports', () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  it('GET /v1/health answers {status:"ok"} without a key', async () => {
    const res = await call(sandbox, '/v1/health', { key: null });
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('GET /v1/health also answers with a wrong key (no auth on health)', async () => {
    expect((await call(sandbox, '/v1/health', { key: 'sk_test_nope' })).status).toBe(200);
  });

  it('an unknown /v1 route is 404 NOT_FOUND, before any auth', async () => {
    expectError(await call(sandbox, '/v1/nothing-here'), 404, 'NOT_FOUND');
    expectError(await call(sandbox, '/v1/nothing-here', { key: null }), 404, 'NOT_FOUND');
    expectError(await call(sandbox, '/v1/contacts/abc/extra'), 404, 'NOT_FOUND');
  });

  it('a path outside /v1 is 404 NOT_FOUND', async () => {
    expectError(await call(sandbox, '/'), 404, 'NOT_FOUND');
    expectError(await call(sandbox, '/v2/contacts'), 404, 'NOT_FOUND');
  });

  it('a wrong method is 405 with an Allow header', async () => {
    const res = await call(sandbox, '/v1/contacts/c0ffee00-0000-4000-8000-000000000001', { method: 'DELETE' });
    expectError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, PATCH');
    const health = await call(sandbox, '/v1/health', { method: 'POST' });
    expectError(health, 405, 'METHOD_NOT_ALLOWED');
    expect(health.headers.get('allow')).toBe('GET');
  });

  it('answers a CORS preflight for any route, without counting or logging it', async () => {
    const res = await fetch(`${sandbox.url}/v1/contacts/x`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(sandbox.log).toEqual([]);
  });

  it('every response allows any origin and exposes the rate-limit headers', async () => {
    for (const res of [await call(sandbox, '/v1/health'), await call(sandbox, '/v1/contacts/missing'), await call(sandbox, '/__sandbox/log')]) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Reset');
    }
  });
});
