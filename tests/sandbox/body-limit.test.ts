// Bodies over MAX_BODY_BYTES are answered 413 without being read to the end,
// and the client still receives that answer.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DISCARD_GRACE_MS, MAX_BODY_BYTES } from '../../sandbox/body';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { call, expectError } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const contactPath = `/v1/contacts/${DEMO_CONTACT_ID}`;
const controlPath = `/__sandbox/contacts/${DEMO_CONTACT_ID}`;

/** A JSON PATCH body of exactly `bytes` bytes. */
function patchOfSize(bytes: number): string {
  const shell = JSON.stringify({ city: '' });
  return JSON.stringify({ city: 'x'.repeat(bytes - shell.length) });
}

/** A body of unknown length (chunked), `chunks` × 64 KiB. */
function streamOf(chunks: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      else controller.close();
    },
  });
}

async function streamed(path: string, chunks: number) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json' },
    body: streamOf(chunks),
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('request body limit', () => {
  it('is 1 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('a body of exactly the limit is read as usual', async () => {
    const res = await call(sandbox, contactPath, { method: 'PATCH', rawBody: patchOfSize(MAX_BODY_BYTES) });
    expect(res.status).not.toBe(413);
    const control = await call(sandbox, controlPath, { method: 'PATCH', rawBody: patchOfSize(MAX_BODY_BYTES), key: null });
    expect(control.status).toBe(200);
  });

  it('one byte more is 413 PAYLOAD_TOO_LARGE, on the API and on the controls', async () => {
    expectError(await call(sandbox, contactPath, { method: 'PATCH', rawBody: patchOfSize(MAX_BODY_BYTES + 1) }), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await call(sandbox, controlPath, { method: 'PATCH', rawBody: patchOfSize(MAX_BODY_BYTES + 1), key: null }), 413, 'PAYLOAD_TOO_LARGE');
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });

  it('a much larger body with a Content-Length is refused too, and the sandbox goes on answering', async () => {
    const huge = 'x'.repeat(20 * MAX_BODY_BYTES);
    expectError(await call(sandbox, contactPath, { method: 'PATCH', rawBody: huge }), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await call(sandbox, '/__sandbox/fail', { method: 'POST', rawBody: huge, key: null }), 413, 'PAYLOAD_TOO_LARGE');
    expect((await call(sandbox, contactPath)).status).toBe(200);
  });

  it('a body without a Content-Length is cut at the limit, on the API and on the controls', async () => {
    expectError(await streamed(contactPath, 40), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await streamed(controlPath, 40), 413, 'PAYLOAD_TOO_LARGE');
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });

  it('a 413 is neither logged nor counted against the rate limit', async () => {
    await call(sandbox, contactPath, { method: 'PATCH', rawBody: patchOfSize(MAX_BODY_BYTES + 1) });
    expect(sandbox.log).toEqual([]);
    expect((await call(sandbox, contactPath)).headers.get('x-ratelimit-remaining')).toBe('99');
  });

  it('answers an oversized Content-Length before the body arrives', async () => {
    // Headers only: the 413 must come without waiting for (or reading) a single body byte.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${sandbox.url}${contactPath}`, {
        method: 'PATCH',
        agent: false,
        headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json', 'Content-Length': String(10 * MAX_BODY_BYTES) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('a client that sends its whole oversized body before reading still gets the 413, on a connection it can reuse', async () => {
    const statusLines = await new Promise<string[]>((resolve, reject) => {
      let received = '';
      const socket = connect(sandbox.port, '127.0.0.1');
      socket.on('error', reject);
      socket.on('data', (data: Buffer) => {
        received += data.toString('latin1');
        const lines = received.split('\r\n').filter((line) => line.startsWith('HTTP/1.1 '));
        if (lines.length === 2 && received.includes('{"status":"ok"}')) {
          socket.destroy();
          resolve(lines);
        }
      });
      const body = Buffer.alloc(2 * MAX_BODY_BYTES, 0x20);
      socket.write(`PATCH ${contactPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${DEMO_API_KEY}\r\nContent-Length: ${body.length}\r\n\r\n`);
      socket.write(body);
      socket.write('GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    });
    expect(statusLines).toEqual(['HTTP/1.1 413 Payload Too Large', 'HTTP/1.1 200 OK']);
  });

  it('reads the rest of the body for a while, so the client gets the 413, then cuts off one that keeps sending', async () => {
    const outcome = await new Promise<{ statusLine: string; closedAfterMs: number }>((resolve) => {
      const start = Date.now();
      let received = '';
      const socket = connect(sandbox.port, '127.0.0.1');
      socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ statusLine: received.split('\r\n')[0] ?? '', closedAfterMs: Date.now() - start }));
      // A keep-alive request with an endless chunked body.
      socket.write(`PATCH ${contactPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${DEMO_API_KEY}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x20), Buffer.from('\r\n')]);
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    expect(outcome.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(DISCARD_GRACE_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(DISCARD_GRACE_MS + 2_000);
  });
});
