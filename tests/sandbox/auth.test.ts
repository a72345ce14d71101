import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { call, expectError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const contactPath = `/v1/contacts/${DEMO_CONTACT_ID}`;

describe('authentication', () => {
  it('no Authorization header → 401 {"code":"API_KEY_INVALID","details":null}', async () => {
    expectError(await call(sandbox, contactPath, { key: null }), 401, 'API_KEY_INVALID');
  });

  it('an unknown key → 401 API_KEY_INVALID', async () => {
    expectError(await call(sandbox, contactPath, { key: 'sk_live_unknown' }), 401, 'API_KEY_INVALID');
  });

  it('a key without the Bearer scheme → 401 API_KEY_INVALID', async () => {
    const res = await call(sandbox, contactPath, { key: null, headers: { Authorization: 'sk_test_skipcall_enrich_demo' } });
    expectError(res, 401, 'API_KEY_INVALID');
  });

  it('the key is checked on every authenticated route', async () => {
    for (const [method, path] of [
      ['GET', '/v1/workspaces'],
      ['GET', '/v1/custom-fields'],
      ['GET', '/v1/contacts'],
      ['POST', '/v1/contacts'],
      ['PATCH', contactPath],
    ] as const) {
      expectError(await call(sandbox, path, { method, key: null }), 401, 'API_KEY_INVALID');
    }
  });

  it('the key is checked before the body: invalid JSON without a key is still 401', async () => {
    expectError(await call(sandbox, contactPath, { method: 'PATCH', key: null, rawBody: '{' }), 401, 'API_KEY_INVALID');
  });

  it('sk_test_no_subscription → 403 SUBSCRIPTION_REQUIRED', async () => {
    expectError(await call(sandbox, contactPath, { key: 'sk_test_no_subscription' }), 403, 'SUBSCRIPTION_REQUIRED');
  });

  it('sk_test_plan_not_eligible → 403 PLAN_NOT_ELIGIBLE', async () => {
    expectError(await call(sandbox, '/v1/workspaces', { key: 'sk_test_plan_not_eligible' }), 403, 'PLAN_NOT_ELIGIBLE');
  });

  it('the scheme name is case-insensitive', async () => {
    const res = await call(sandbox, contactPath, { key: null, headers: { Authorization: 'bearer sk_test_skipcall_enrich_demo' } });
    expect(res.status).toBe(200);
  });
});

describe('apiKeys option', () => {
  let custom: Sandbox;
  beforeAll(async () => {
    custom = await startSandbox({ port: 0, apiKeys: ['sk_live_custom'] });
  });
  afterAll(() => custom.close());

  it('accepts only the configured keys, and still knows the subscription keys', async () => {
    expect((await call(custom, '/v1/workspaces', { key: 'sk_live_custom' })).status).toBe(200);
    expectError(await call(custom, '/v1/workspaces'), 401, 'API_KEY_INVALID');
    expectError(await call(custom, '/v1/workspaces', { key: 'sk_test_no_subscription' }), 403, 'SUBSCRIPTION_REQUIRED');
  });
});
