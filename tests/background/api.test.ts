// The background's client re-checks the saved settings before every request:
// stored values are never trusted from when they were saved.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeReplyError } from '@/components/describe';
import { handleRequest } from '@/entrypoints/background/handlers';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

beforeEach(() => {
  startBackground();
  sandbox.reset();
});

describe('the configured client', () => {
  it('reaches the sandbox over loopback in the test build', async () => {
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    expect((await handleRequest({ type: 'check-connection' }, undefined)).ok).toBe(true);
  });

  it('refuses a plain http base URL that reached storage, with a sentence and no request', async () => {
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: 'http://skipcall.example.com' });
    const reply = await handleRequest({ type: 'check-connection' }, undefined);
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-base-url', detail: 'insecure' } });
    if (reply.ok) return;
    expect(describeReplyError(reply.error)).toContain('does not use https');
  });

  it('refuses a base URL whose origin holds no granted permission (revoked since it was saved)', async () => {
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    const asked: string[][] = [];
    fakeBrowser.permissions.contains = async ({ origins = [] }) => {
      asked.push(origins);
      return false;
    };
    const reply = await handleRequest({ type: 'check-connection' }, undefined);
    expect(reply).toEqual({ ok: false, error: { kind: 'no-permission', detail: new URL(sandbox.url).host } });
    expect(asked).toEqual([['http://127.0.0.1/*']]);
    expect(sandbox.log).toEqual([]);
  });
});
