// A local stand-in for the Skipcall public API (../shared/skipcall-api/API.md),
// on 127.0.0.1 only. Every request: loopback Host (and, for the controls,
// Origin) check, then the body size cap. Then for /v1: injected latency,
// rate-limit count, injected fault, 429, routing (404/405), auth (401/403),
// body (400), handler. The choices where the docs are silent: README.md.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Contact } from '../utils/skipcall/schemas';
import { handleControl } from './control';
import { PayloadTooLargeError, readBody, replyAndDiscardBody } from './body';
import { CORS_HEADERS, errorReply, parseJson, queryOf, send, type JsonReply, type ParsedBody } from './http';
import { isControlPath, refuseForeign } from './loopback-guard';
import { FixedWindowLimiter, rateLimitHeaders } from './rate-limit';
import { LOG_MAX_ENTRIES, RequestLog, type RequestLogEntry } from './request-log';
import { matchRoute, type ApiContext } from './routes';
import { DEMO_API_KEY, SUBSCRIPTION_KEYS } from './seed';
import { contactView, ContactStore } from './store';

export { DEMO_API_KEY, DEMO_CONTACT_ID, DEMO_PROFILE_URL } from './seed';

/** Paths under it answer 308 to the same path without it: a base URL of `<sandbox>/moved` is an API that moved. */
export const MOVED_PREFIX = '/moved';
export type { RequestLogEntry } from './request-log';
export type { Contact } from '../utils/skipcall/schemas';

export interface SandboxOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** GET /v1/contacts on (default true); off, it answers 404 like an unknown route. */
  contactList?: boolean;
  /** Per key, default 100 (STARTER and INTERMÉDIAIRE plans). */
  rateLimitPerMinute?: number;
  /** Length of the fixed window, default 60 000 ms; tests shorten it. */
  rateWindowMs?: number;
  /** Added before every /v1 response, default 0. */
  latencyMs?: number;
  /** Accepted keys, default [DEMO_API_KEY]; the two subscription test keys are always known. */
  apiKeys?: string[];
  /** Entries the request log keeps, default LOG_MAX_ENTRIES (1000); older ones are dropped. */
  logLimit?: number;
  /** Contacts seeded in addition to the standard seed, again at every reset (the demo's job change). */
  extraContacts?: () => Contact[];
}

export interface Sandbox {
  url: string;
  port: number;
  /**
   * The latest /v1 requests, in order of completion; never holds the Authorization
   * header. Bounded (see request-log.ts): once full, its length stops growing.
   */
  log: RequestLogEntry[];
  contacts: Map<string, Contact>;
  failNext(count: number, status?: number): void;
  setLatency(ms: number): void;
  setContactList(on: boolean): void;
  editContact(id: string, changes: Partial<Contact>): Contact;
  reset(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8787;

/** Error code sent with an injected fault of the given status. */
function faultCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'API_KEY_INVALID',
    403: 'SUBSCRIPTION_REQUIRED',
    404: 'NOT_FOUND',
    429: 'RATE_LIMIT_EXCEEDED',
  };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'SANDBOX_FAULT');
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const initialContactList = options.contactList ?? true;
  const initialLatency = options.latencyMs ?? 0;
  const validKeys = new Set(options.apiKeys ?? [DEMO_API_KEY]);
  const limiter = new FixedWindowLimiter(options.rateLimitPerMinute ?? 100, options.rateWindowMs ?? 60_000);
  const store = new ContactStore(options.extraContacts);
  const log = new RequestLog(options.logLimit ?? LOG_MAX_ENTRIES);
  let contactList = initialContactList;
  let latencyMs = initialLatency;
  let faults = { count: 0, status: 500 };

  const ctx: ApiContext = { store, contactListEnabled: () => contactList };

  function authenticate(token: string | undefined): JsonReply | undefined {
    const subscriptionCode = token ? SUBSCRIPTION_KEYS[token] : undefined;
    if (subscriptionCode) return errorReply(403, subscriptionCode);
    if (!token || !validKeys.has(token)) return errorReply(401, 'API_KEY_INVALID');
    return undefined;
  }

  function answer(req: IncomingMessage, url: URL, body: ParsedBody, token: string | undefined, rateLimited: boolean): JsonReply {
    if (faults.count > 0) {
      faults.count -= 1;
      const reply = errorReply(faults.status, faultCode(faults.status));
      // An injected 429 looks like a real one: nothing left, window ends about 1 s from now.
      if (faults.status === 429) {
        reply.headers = { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.ceil((Date.now() + 1000) / 1000)) };
      }
      return reply;
    }
    if (rateLimited) return errorReply(429, 'RATE_LIMIT_EXCEEDED');
    const match = matchRoute(req.method ?? 'GET', url.pathname, ctx);
    if (match.kind === 'reply') return match.reply;
    if (match.route.auth) {
      const refused = authenticate(token);
      if (refused) return refused;
    }
    return match.route.handle({ url, params: match.params, body }, ctx);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
    const time = Date.now();
    const body = parseJson(raw);
    if (latencyMs > 0) await sleep(latencyMs);
    const token = bearerToken(req);
    // Requests without a key share one bucket, so health checks are limited too.
    const rate = limiter.hit(token ?? 'anonymous');
    const reply = answer(req, url, body, token, rate.limited);
    reply.headers = { ...rateLimitHeaders(rate), ...reply.headers };
    const entry: RequestLogEntry = { time, method: req.method ?? 'GET', path: url.pathname, query: queryOf(url), status: reply.status };
    if (raw.trim() !== '') entry.body = body.ok ? body.value : body.raw;
    log.add(entry, Buffer.byteLength(raw));
    send(res, reply);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    // A refused request is answered before its body is read: not logged, not counted, no latency.
    const foreign = refuseForeign(req, url.pathname);
    if (foreign) return replyAndDiscardBody(req, res, foreign);
    if (req.method === 'OPTIONS') {
      // Preflights are answered at once: not logged, not counted, no latency.
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) replyAndDiscardBody(req, res, errorReply(413, 'PAYLOAD_TOO_LARGE'));
      // Any other error: the client went away, nobody is left to answer.
      return;
    }
    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) return handleApi(req, res, url, raw);
    if (isControlPath(url.pathname)) return send(res, handleControl(sandbox, req.method ?? 'GET', url.pathname, parseJson(raw)));
    // An API that moved: a base URL ending in /moved is redirected to the real one (not logged).
    // The target stays on this server: a path starting "//" would name another host.
    const moved = url.pathname.slice(MOVED_PREFIX.length);
    if (url.pathname.startsWith(`${MOVED_PREFIX}/`) && !moved.startsWith('//')) {
      res.writeHead(308, { ...CORS_HEADERS, Location: `${moved}${url.search}` }).end();
      return;
    }
    send(res, errorReply(404, 'NOT_FOUND'));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] unexpected error', error);
      send(res, errorReply(500, 'INTERNAL_SERVER_ERROR'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const sandbox: Sandbox = {
    url: `http://${HOST}:${port}`,
    port,
    log: log.entries,
    contacts: store.contacts,
    failNext(count, status = 500) {
      faults = { count: Math.max(0, Math.floor(count)), status };
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    setContactList(on) {
      contactList = on;
    },
    editContact(id, changes) {
      return contactView(store.edit(id, changes));
    },
    reset() {
      store.reset();
      log.clear();
      limiter.reset();
      faults = { count: 0, status: 500 };
      latencyMs = initialLatency;
      contactList = initialContactList;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
  return sandbox;
}
