// The sandbox answers only loopback Host headers (against DNS rebinding), and
// its /__sandbox controls only loopback pages, extensions and non-browser clients.
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isControlOrigin, isLoopbackHost } from '../../sandbox/loopback-guard';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { expectError, rawRequest } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const auth = { Authorization: `Bearer ${DEMO_API_KEY}` };
const contactPath = `/v1/contacts/${DEMO_CONTACT_ID}`;
const editDemo = (headers: Record<string, string>) =>
  rawRequest(sandbox, `/__sandbox/contacts/${DEMO_CONTACT_ID}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ city: 'Lyon' }),
  });

describe('Host header', () => {
  it('refuses a foreign Host (DNS rebinding) on the API, the controls and preflights, with 403', async () => {
    const rebound = { Host: `evil.example:${sandbox.port}` };
    expectError(await rawRequest(sandbox, contactPath, { headers: { ...rebound, ...auth } }), 403, 'HOST_NOT_ALLOWED');
    expectError(await rawRequest(sandbox, '/v1/health', { headers: rebound }), 403, 'HOST_NOT_ALLOWED');
    expectError(await rawRequest(sandbox, '/__sandbox/log', { headers: rebound }), 403, 'HOST_NOT_ALLOWED');
    expectError(await rawRequest(sandbox, '/__sandbox/reset', { method: 'POST', headers: rebound }), 403, 'HOST_NOT_ALLOWED');
    expectError(await rawRequest(sandbox, contactPath, { method: 'OPTIONS', headers: rebound }), 403, 'HOST_NOT_ALLOWED');
  });

  it('refuses look-alikes of the loopback names', async () => {
    for (const host of ['127.0.0.1.evil.example', 'localhost.evil.example', 'evil.example', '127.0.0.2', '0.0.0.0', `localhost@evil.example:${sandbox.port}`]) {
      expectError(await rawRequest(sandbox, '/v1/health', { headers: { Host: host } }), 403, 'HOST_NOT_ALLOWED');
    }
  });

  it('a refused request writes nothing and is neither logged nor counted', async () => {
    const res = await editDemo({ Host: 'evil.example' });
    expectError(res, 403, 'HOST_NOT_ALLOWED');
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
    await rawRequest(sandbox, contactPath, { headers: { Host: 'evil.example', ...auth } });
    expect(sandbox.log).toEqual([]);
    const next = await rawRequest(sandbox, contactPath, { headers: auth });
    expect(next.headers.get('x-ratelimit-remaining')).toBe('99');
  });

  it('answers 127.0.0.1, localhost and [::1], with or without a port, in any case', async () => {
    for (const host of [`127.0.0.1:${sandbox.port}`, '127.0.0.1', `localhost:${sandbox.port}`, 'localhost', 'LocalHost', `[::1]:${sandbox.port}`, '[::1]']) {
      expect((await rawRequest(sandbox, '/v1/health', { headers: { Host: host } })).status, host).toBe(200);
      expect((await rawRequest(sandbox, '/__sandbox/log', { headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('refuses a request without a Host header', async () => {
    // HTTP/1.0 may leave Host out (node:http itself answers 400 to an HTTP/1.1 one).
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(sandbox.port, '127.0.0.1');
      socket.on('data', (data: Buffer) => (received += data.toString('utf8')));
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
      socket.end('GET /v1/health HTTP/1.0\r\n\r\n');
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    expect(answer).toContain('{"code":"HOST_NOT_ALLOWED","details":null}');
    expect(isLoopbackHost(undefined)).toBe(false);
    expect(isLoopbackHost('')).toBe(false);
  });
});

describe('Origin header on the controls', () => {
  it('refuses a web page, a null origin and a look-alike with 403, and changes nothing', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'https://127.0.0.1:8787', 'http://localhost.evil.example:80', 'file://']) {
      expectError(await editDemo({ Origin: origin }), 403, 'ORIGIN_NOT_ALLOWED');
      expectError(await rawRequest(sandbox, '/__sandbox/reset', { method: 'POST', headers: { Origin: origin } }), 403, 'ORIGIN_NOT_ALLOWED');
      expectError(await rawRequest(sandbox, '/__sandbox/log', { headers: { Origin: origin } }), 403, 'ORIGIN_NOT_ALLOWED');
    }
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });

  it('refuses a foreign preflight for a control route', async () => {
    const res = await rawRequest(sandbox, '/__sandbox/fail', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expectError(res, 403, 'ORIGIN_NOT_ALLOWED');
  });

  it('answers extension origins, loopback pages and clients without an Origin', async () => {
    const allowed: Record<string, string>[] = [
      { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      { Origin: 'moz-extension://5e1ec7ed-0000-4000-8000-00000000e2e0' },
      { Origin: 'http://127.0.0.1:5173' },
      { Origin: 'http://localhost:3000' },
      { Origin: 'http://localhost' },
      { Origin: 'http://[::1]:8080' },
      {},
    ];
    for (const headers of allowed) {
      const res = await editDemo(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.body.city).toBe('Lyon');
      expect((await rawRequest(sandbox, '/__sandbox/reset', { method: 'POST', headers })).body).toEqual({ ok: true });
    }
  });

  it('does not restrict the API: any page may call /v1, as the real API allows', async () => {
    const res = await rawRequest(sandbox, contactPath, { headers: { Origin: 'https://www.linkedin.com', ...auth } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('isControlOrigin allows a missing Origin only, not an empty one', () => {
    expect(isControlOrigin(undefined)).toBe(true);
    expect(isControlOrigin('')).toBe(false);
  });
});
