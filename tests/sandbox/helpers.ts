// Shared helpers for the sandbox tests: one fetch wrapper that returns status,
// parsed body and headers (and a node:http one for the Host and Origin
// headers), and the expectations every error test repeats.
import { request } from 'node:http';
import { expect } from 'vitest';
import { DEMO_API_KEY, type Sandbox } from '../../sandbox/server';

export interface CallOptions {
  method?: string;
  /** Serialized with JSON.stringify. */
  body?: unknown;
  /** Sent as is (for invalid JSON). */
  rawBody?: string;
  /** API key; null sends no Authorization header. Default: the demo key. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: any;
  headers: Headers;
}

export async function call(sandbox: Sandbox, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? DEMO_API_KEY : options.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** The documented error shape: exactly `{code, details}`. */
export function expectError(result: CallResult, status: number, code: string, details: unknown = null): void {
  expect({ status: result.status, body: result.body }).toEqual({ status, body: { code, details } });
}

/** A 400 VALIDATION_ERROR whose details name `field` (and nothing unexpected). */
export function expectFieldError(result: CallResult, field: string | RegExp): void {
  expect(result.status).toBe(400);
  expect(result.body.code).toBe('VALIDATION_ERROR');
  expect(Object.keys(result.body).sort()).toEqual(['code', 'details']);
  expect(Array.isArray(result.body.details)).toBe(true);
  const fields: string[] = result.body.details.map((d: { field: string }) => d.field);
  for (const d of result.body.details) expect(typeof d.message).toBe('string');
  if (typeof field === 'string') expect(fields).toContain(field);
  else expect(fields.some((f) => field.test(f))).toBe(true);
}

export interface RawRequestOptions {
  method?: string;
  /** Sent as is, Host and Origin included (fetch would not let these through). */
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A node:http request, for the headers fetch controls itself. */
export function rawRequest(sandbox: Sandbox, path: string, options: RawRequestOptions = {}): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
