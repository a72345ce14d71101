// Small node:http helpers shared by the API and the control routes.
import type { ServerResponse } from 'node:http';

// Extension pages without a host permission send a CORS preflight; the
// rate-limit headers must be exposed or fetch() cannot read them.
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Expose-Headers': 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Deprecation, Allow',
  'Access-Control-Max-Age': '600',
};

export interface JsonReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function errorReply(status: number, code: string, details: unknown = null, headers?: Record<string, string>): JsonReply {
  return { status, body: { code, details }, ...(headers && { headers }) };
}

export type ParsedBody = { ok: true; value: unknown; empty: boolean } | { ok: false; raw: string };

/** An empty body reads as `{}`, like the usual JSON body parsers do. */
export function parseJson(raw: string): ParsedBody {
  if (raw.trim() === '') return { ok: true, value: {}, empty: true };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown, empty: false };
  } catch {
    return { ok: false, raw };
  }
}

export function send(res: ServerResponse, reply: JsonReply): void {
  // The client may have gone away (or the sandbox closed) during injected latency.
  if (res.writableEnded || res.destroyed) return;
  const headers: Record<string, string> = { ...CORS_HEADERS, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
