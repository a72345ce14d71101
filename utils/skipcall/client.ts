// The Skipcall API client, used only by the background worker. Bearer auth,
// a timeout per attempt, retries with backoff and jitter, typed errors, and
// every response checked against its schema.
import * as z from 'zod/mini';
import { SkipcallApiError, type ApiErrorInfo } from './errors';
import { readListPage } from './list';
import {
  ApiErrorBodySchema,
  ContactCreateSchema,
  ContactPatchSchema,
  ContactSchema,
  CustomFieldSchema,
  SequenceAddBodySchema,
  SequenceContactSchema,
  SequenceRemoveBodySchema,
  WorkspaceMemberSchema,
  WorkspaceSchema,
  memberOf,
  sequenceContactOf,
  type Contact,
  type ContactCreate,
  type ContactPatch,
  type CustomField,
  type SequenceAddBody,
  type SequenceContact,
  type SequenceRemoveBody,
  type Workspace,
  type WorkspaceMember,
} from './schemas';
import { fieldProblems } from './validation';
import { checkApiBaseUrl, originPermission } from '../settings';

/** The statuses fetch would follow as a redirect (with `Location`). */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface SkipcallClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Plain http to a loopback address (the test build's local sandbox). */
  allowLoopbackHttp: boolean;
  /** Whether the extension holds this host permission (a match pattern); asked before every request. */
  originGranted: (pattern: string) => Promise<boolean>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** A 429 whose window resets later than this fails at once instead of waiting. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix ms. */
  resetAt: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestSpec<T> {
  method: Method;
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A POST documented as idempotent may be repeated like a GET. */
  idempotent?: boolean;
  read: (json: unknown) => T;
}

const BACKOFF_BASE_MS = 400;
const BACKOFF_CAP_MS = 8000;

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseWith<S extends z.ZodMiniType>(schema: S, json: unknown): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data as z.infer<S>;
  const problem = fieldProblems(result.error.issues)[0];
  throw new SkipcallApiError({
    kind: 'bad-response',
    detail: problem ? `${problem.field} ${problem.message}` : undefined,
  });
}

function parseList<S extends z.ZodMiniType>(schema: S, json: unknown): { items: z.infer<S>[]; total?: number } {
  const page = readListPage(json);
  if (!page) throw new SkipcallApiError({ kind: 'bad-response', detail: 'no list in the answer' });
  return { items: page.items.map((item) => parseWith(schema, item)), ...(page.total !== undefined ? { total: page.total } : {}) };
}

function readRateLimit(headers: Headers): RateLimitState | undefined {
  const limit = Number(headers.get('X-RateLimit-Limit'));
  const remaining = Number(headers.get('X-RateLimit-Remaining'));
  const reset = Number(headers.get('X-RateLimit-Reset'));
  if (!headers.has('X-RateLimit-Reset') || !Number.isFinite(reset)) return undefined;
  return {
    limit: Number.isFinite(limit) ? limit : 0,
    remaining: Number.isFinite(remaining) ? remaining : 0,
    // The docs say a Unix timestamp; accept milliseconds too.
    resetAt: reset > 1e12 ? reset : reset * 1000,
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorFromResponse(status: number, json: unknown, rateLimit?: RateLimitState): ApiErrorInfo {
  const body = ApiErrorBodySchema.safeParse(json);
  const code = body.success ? body.data.code : undefined;
  const base = { status, ...(code ? { code } : {}) };
  if (status === 401) return { kind: 'invalid-key', ...base };
  if (status === 403) return { kind: 'plan', ...base };
  if (status === 404) return { kind: 'not-found', ...base };
  if (status === 429) return { kind: 'rate-limited', ...base, ...(rateLimit ? { retryAt: rateLimit.resetAt } : {}) };
  if (status >= 500) return { kind: 'server', ...base };
  return { kind: 'validation', ...base, problems: problemsFromDetails(body.success ? body.data.details : json) };
}

/** 400 details are undocumented: read `[{field, message}]`, `{field: message}` or `["field must …"]`. */
export function problemsFromDetails(details: unknown): { field: string; message: string }[] {
  if (Array.isArray(details)) {
    return details.flatMap((item) => {
      if (typeof item === 'string') {
        const [field = 'body', ...rest] = item.split(' ');
        return [{ field, message: rest.join(' ') || item }];
      }
      if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const field = record.field ?? record.property ?? record.path;
        const message = record.message ?? record.constraints;
        return [{ field: String(field ?? 'body'), message: typeof message === 'string' ? message : 'is invalid' }];
      }
      return [];
    });
  }
  if (details && typeof details === 'object') {
    return Object.entries(details as Record<string, unknown>).map(([field, message]) => ({
      field,
      message: typeof message === 'string' ? message : 'is invalid',
    }));
  }
  if (typeof details === 'string' && details) return [{ field: 'body', message: details }];
  return [];
}

export function createSkipcallClient(options: SkipcallClientOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 20_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let rateLimit: RateLimitState | undefined;

  function backoff(attempt: number): number {
    const cap = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
    return Math.round(cap / 2 + (random() * cap) / 2);
  }

  /**
   * The key goes only to a base URL that passes the settings' checks now (https,
   * or loopback http in the test build) and whose origin the extension may reach:
   * stored settings are checked at every use, never trusted from when they were saved.
   */
  async function endpoint(): Promise<string> {
    if (!options.apiKey) throw new SkipcallApiError({ kind: 'no-key' });
    const base = checkApiBaseUrl(options.baseUrl, options.allowLoopbackHttp);
    if (!base.ok) throw new SkipcallApiError({ kind: 'bad-base-url', detail: base.problem });
    if (!(await options.originGranted(originPermission(base.origin)))) {
      throw new SkipcallApiError({ kind: 'no-permission', detail: new URL(base.origin).host });
    }
    return base.url;
  }

  function url(baseUrl: string, path: string, query?: Record<string, string | number>): string {
    const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
    return `${baseUrl}${path}${search}`;
  }

  async function attempt(baseUrl: string, spec: RequestSpec<unknown>): Promise<{ response: Response; json: unknown }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url(baseUrl, spec.path, spec.query), {
        method: spec.method,
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          Accept: 'application/json',
          ...(spec.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
        // A redirect would carry the key to wherever it points: never followed, and named
        // (a browser gives an opaque redirect; other fetches the 3xx answer itself).
        redirect: 'manual',
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        throw new SkipcallApiError({ kind: 'redirect', ...(response.status ? { status: response.status } : {}) });
      }
      return { response, json: await readJson(response) };
    } catch (error) {
      if (error instanceof SkipcallApiError) throw error;
      throw new SkipcallApiError({ kind: controller.signal.aborted ? 'timeout' : 'offline' });
    } finally {
      clearTimeout(timer);
    }
  }

  async function request<T>(spec: RequestSpec<T>): Promise<T> {
    const baseUrl = await endpoint();
    // A POST that may have reached the server is not repeated: it could create a duplicate.
    const replayable = spec.method !== 'POST' || spec.idempotent === true;
    for (let attemptIndex = 0; ; attemptIndex++) {
      const last = attemptIndex + 1 >= maxAttempts;
      let outcome: { response: Response; json: unknown };
      try {
        outcome = await attempt(baseUrl, spec);
      } catch (error) {
        const kind = error instanceof SkipcallApiError ? error.info.kind : 'offline';
        if ((kind === 'offline' || kind === 'timeout') && replayable && !last) {
          await sleep(backoff(attemptIndex));
          continue;
        }
        throw error;
      }
      const { response, json } = outcome;
      rateLimit = readRateLimit(response.headers) ?? rateLimit;
      if (response.ok) return spec.read(json);
      const info = errorFromResponse(response.status, json, readRateLimit(response.headers));
      if (response.status === 429 && !last) {
        const wait = info.retryAt !== undefined ? info.retryAt - now() : backoff(attemptIndex);
        if (wait <= maxRateLimitWaitMs) {
          await sleep(Math.max(0, wait) + Math.round(random() * 250));
          continue;
        }
      }
      if (response.status >= 500 && replayable && !last) {
        await sleep(backoff(attemptIndex));
        continue;
      }
      throw new SkipcallApiError(info);
    }
  }

  function checkBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
    const result = schema.safeParse(body, { reportInput: true });
    if (result.success) return result.data as z.infer<S>;
    throw new SkipcallApiError({ kind: 'validation', problems: fieldProblems(result.error.issues) });
  }

  return {
    get rateLimit(): RateLimitState | undefined {
      return rateLimit;
    },
    listWorkspaces(): Promise<Workspace[]> {
      return request({ method: 'GET', path: '/v1/workspaces', read: (json) => parseList(WorkspaceSchema, json).items });
    },
    getContact(id: string): Promise<Contact> {
      return request({ method: 'GET', path: `/v1/contacts/${encodeURIComponent(id)}`, read: (json) => parseWith(ContactSchema, json) });
    },
    async patchContact(id: string, patch: ContactPatch): Promise<Contact> {
      const body = checkBody(ContactPatchSchema, patch);
      return request({
        method: 'PATCH',
        path: `/v1/contacts/${encodeURIComponent(id)}`,
        body,
        read: (json) => parseWith(ContactSchema, json),
      });
    },
    async createContact(contact: ContactCreate): Promise<Contact> {
      const body = checkBody(ContactCreateSchema, contact);
      return request({ method: 'POST', path: '/v1/contacts', body, read: (json) => parseWith(ContactSchema, json) });
    },
    listCustomFields(page = 0, size = 100): Promise<{ items: CustomField[]; total?: number }> {
      return request({ method: 'GET', path: '/v1/custom-fields', query: { page, size }, read: (json) => parseList(CustomFieldSchema, json) });
    },
    /** One malformed contact is skipped (and counted) rather than failing its whole page. */
    listContacts(page: number, size: number): Promise<{ items: Contact[]; total?: number; skipped: number }> {
      return request({
        method: 'GET',
        path: '/v1/contacts',
        query: { page, size },
        read: (json) => {
          const list = readListPage(json);
          if (!list) throw new SkipcallApiError({ kind: 'bad-response', detail: 'no list in the answer' });
          const parsed = list.items.map((item) => ContactSchema.safeParse(item));
          const items = parsed.flatMap((result) => (result.success ? [result.data] : []));
          return { items, skipped: parsed.length - items.length, ...(list.total !== undefined ? { total: list.total } : {}) };
        },
      });
    },
    /** Members of a workspace (paginated); `id` is the workspace-membership id. */
    listWorkspaceMembers(workspaceId: string, page = 0, size = 100): Promise<{ items: WorkspaceMember[]; total?: number }> {
      return request({
        method: 'GET',
        path: `/v1/workspaces/${encodeURIComponent(workspaceId)}/members`,
        query: { page, size },
        read: (json) => {
          const list = parseList(WorkspaceMemberSchema, json);
          return { ...list, items: list.items.map(memberOf) };
        },
      });
    },
    /** A page of a sequence's contacts; 404 when the sequence does not exist or is out of the key's scope. */
    listSequenceContacts(sequenceId: string, page = 0, size = 100): Promise<{ items: SequenceContact[]; total?: number }> {
      return request({
        method: 'GET',
        path: `/v1/sequences/${encodeURIComponent(sequenceId)}/contacts`,
        query: { page, size },
        read: (json) => {
          const list = parseList(SequenceContactSchema, json);
          return { ...list, items: list.items.map(sequenceContactOf).filter((item) => item.contactId) };
        },
      });
    },
    /**
     * Adds contacts (1–100); idempotent, so it is retried like a GET. Contacts
     * already in it or out of scope are ignored silently by the API; the answer's
     * shape is not documented and is not read.
     */
    async addToSequence(sequenceId: string, items: SequenceAddBody): Promise<void> {
      const body = checkBody(SequenceAddBodySchema, items);
      await request({ method: 'POST', path: `/v1/sequences/${encodeURIComponent(sequenceId)}/contacts`, body, idempotent: true, read: () => undefined });
    },
    /** Removes contacts (1–100 ids): soft delete, idempotent. The answer is not read. */
    async removeFromSequence(sequenceId: string, contactIds: SequenceRemoveBody): Promise<void> {
      const body = checkBody(SequenceRemoveBodySchema, contactIds);
      await request({ method: 'DELETE', path: `/v1/sequences/${encodeURIComponent(sequenceId)}/contacts`, body, read: () => undefined });
    },
  };
}

export type SkipcallClient = ReturnType<typeof createSkipcallClient>;
