// The /v1 routes. Routing happens before authentication (an unknown route is
// 404 and a wrong method 405 whatever the key), then the key is checked, then
// the body is parsed and validated.
import type * as z from 'zod/mini';
import * as zm from 'zod/mini';
import { ContactCreateSchema, ContactPatchSchema, SEQUENCE_BATCH_MAX, SequenceAddBodySchema } from '../utils/skipcall/schemas';
import { fieldProblems, type FieldProblem } from '../utils/skipcall/validation';
import { errorReply, type JsonReply, type ParsedBody } from './http';
import { SCOPE_WORKSPACES } from './seed';
import type { SeedSequence } from './seed';
import { contactView, type ContactStore } from './store';

export interface ApiRequest {
  url: URL;
  params: Record<string, string>;
  /** GET requests read as an empty body. */
  body: ParsedBody;
}

export interface ApiContext {
  store: ContactStore;
  contactListEnabled(): boolean;
}

interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  enabled?: (ctx: ApiContext) => boolean;
  handle(req: ApiRequest, ctx: ApiContext): JsonReply;
}

const PAGE_SIZE_MAX = 100;
const DEFAULT_PAGE_SIZE = 10;

const notFound = (): JsonReply => errorReply(404, 'NOT_FOUND');
const validationError = (details: FieldProblem[]): JsonReply => errorReply(400, 'VALIDATION_ERROR', details);

/** One problem per unknown key, so each offending field is named on its own. */
function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const split = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys.length > 1 ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue],
  );
  return fieldProblems(split);
}

/** `page` 0-based (default 0), `size` 1–100 (default 10), as in the docs' pagination page. */
function readPaging(url: URL): { page: number; size: number } | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push({ field: name, message: max === Infinity ? `must be an integer ≥ ${min}` : `must be an integer from ${min} to ${max}` });
    }
    return value;
  };
  const page = read('page', 0, 0, Infinity);
  const size = read('size', DEFAULT_PAGE_SIZE, 1, PAGE_SIZE_MAX);
  return problems.length ? problems : { page, size };
}

/** Comma-separated `workspaceIds`; ids outside the key's scope simply match nothing. */
function readWorkspaceIds(url: URL): string[] | undefined {
  const raw = url.searchParams.get('workspaceIds');
  if (raw === null) return undefined;
  return raw.split(',').map((id) => id.trim()).filter(Boolean);
}

function paginate<T>(items: readonly T[], url: URL): JsonReply {
  const paging = readPaging(url);
  if (Array.isArray(paging)) return validationError(paging);
  const { page, size } = paging;
  return { status: 200, body: { data: items.slice(page * size, page * size + size), total: items.length, page, size } };
}

/** Validates a contact body and resolves its custom field keys; a reply means "refused". */
function validateContactBody<T extends { customFields?: Record<string, unknown> }>(
  schema: z.ZodMiniType<T>,
  body: ParsedBody,
  store: ContactStore,
): { value: T; customFields: Record<string, unknown>; deprecatedNames: boolean } | JsonReply {
  if (!body.ok) return errorReply(400, 'INVALID_JSON');
  // reportInput lets fieldProblems tell "null" from "missing".
  const parsed = schema.safeParse(body.value, { reportInput: true });
  const problems = parsed.success ? [] : problemsOf(parsed.error.issues);
  const raw = body.value as { customFields?: unknown } | null;
  const sentFields = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw.customFields : undefined;
  const resolved =
    sentFields && typeof sentFields === 'object' && !Array.isArray(sentFields)
      ? store.resolveCustomFields(sentFields as Record<string, unknown>)
      : { values: {}, unknownKeys: [], usedDeprecatedNames: false };
  for (const key of resolved.unknownKeys) {
    problems.push({ field: `customFields.${key}`, message: 'is not an existing custom field (unknown slug or name)' });
  }
  if (!parsed.success || problems.length) return validationError(problems);
  return { value: parsed.data, customFields: resolved.values, deprecatedNames: resolved.usedDeprecatedNames };
}

const isReply = (x: object): x is JsonReply => 'status' in x;
// Same header the docs use for the deprecated teamId parameter on stats endpoints.
const deprecationHeaders = (used: boolean): Record<string, string> | undefined => (used ? { Deprecation: 'true' } : undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** DELETE /v1/sequences/{id}/contacts body: 1–100 contact UUIDs (API.md). */
const SequenceRemoveBody = zm
  .array(zm.string().check(zm.regex(UUID, 'must be a UUID')))
  .check(zm.minLength(1), zm.maxLength(SEQUENCE_BATCH_MAX));

/** Parses a sequence body, then finds the sequence (validation first, as for PATCH). */
function sequenceBody<T>(
  schema: z.ZodMiniType<T>,
  { body, params }: ApiRequest,
  store: ContactStore,
): { value: T; sequence: SeedSequence } | JsonReply {
  if (!body.ok) return errorReply(400, 'INVALID_JSON');
  const parsed = schema.safeParse(body.value, { reportInput: true });
  if (!parsed.success) return validationError(problemsOf(parsed.error.issues));
  const sequence = store.sequences.findInScope(params.id ?? '');
  return sequence ? { value: parsed.data, sequence } : notFound();
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/v1\/health$/, auth: false, handle: () => ({ status: 200, body: { status: 'ok' } }) },
  {
    method: 'GET',
    pattern: /^\/v1\/workspaces$/,
    auth: true,
    handle: () => ({ status: 200, body: { data: SCOPE_WORKSPACES.map(({ id, name }) => ({ id, name })) } }),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/workspaces\/([^/]+)\/members$/,
    auth: true,
    // Every member status is listed (the docs say to filter ACTIVE if needed); pending invitations are not members.
    handle: ({ url, params }, { store }) => {
      const workspaceId = params.id ?? '';
      if (!store.isInScope(workspaceId)) return notFound();
      return paginate(
        store.sequences.membersOf(workspaceId).map(({ id, firstName, lastName, email, status }) => ({ id, firstName, lastName, email, status })),
        url,
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/sequences\/([^/]+)\/contacts$/,
    auth: true,
    handle: ({ url, params }, { store }) => {
      const sequence = store.sequences.findInScope(params.id ?? '');
      if (!sequence) return notFound();
      const items = store.sequences.list(sequence).flatMap((row) => {
        const contact = store.findInScope(row.contactId);
        if (!contact) return [];
        const { id, firstName, lastName } = contact;
        return [{ contactId: row.contactId, assignedToWorkspaceMembershipId: row.assignedToWorkspaceMembershipId, contact: { id, firstName, lastName }, tags: [], calls: [] }];
      });
      return paginate(items, url);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/sequences\/([^/]+)\/contacts$/,
    auth: true,
    handle: (req, { store }) => {
      const checked = sequenceBody(SequenceAddBodySchema, req, store);
      if (isReply(checked)) return checked;
      // An assignee must be a member of the sequence's workspace (not documented; the natural reading).
      const members = new Set(store.sequences.membersOf(checked.sequence.workspaceId).map((m) => m.id));
      const problems = checked.value.flatMap((item, index) =>
        item.assignedToWorkspaceMembershipId !== undefined && !members.has(item.assignedToWorkspaceMembershipId)
          ? [{ field: `${index}.assignedToWorkspaceMembershipId`, message: "is not a member of the sequence's workspace" }]
          : [],
      );
      if (problems.length) return validationError(problems);
      return { status: 201, body: store.sequences.add(checked.sequence, checked.value) };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/sequences\/([^/]+)\/contacts$/,
    auth: true,
    handle: (req, { store }) => {
      const checked = sequenceBody(SequenceRemoveBody, req, store);
      if (isReply(checked)) return checked;
      return { status: 200, body: store.sequences.remove(checked.sequence, checked.value) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/custom-fields$/,
    auth: true,
    // Custom fields belong to the organization, so workspaceIds does not narrow them here.
    handle: ({ url }, { store }) => paginate(store.customFields.map(({ id, name, slug }) => ({ id, name, slug })), url),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/contacts$/,
    auth: true,
    enabled: (ctx) => ctx.contactListEnabled(),
    handle: ({ url }, { store }) => paginate(store.listInScope(readWorkspaceIds(url)).map(contactView), url),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/contacts$/,
    auth: true,
    handle: ({ body }, { store }) => {
      const checked = validateContactBody(ContactCreateSchema, body, store);
      if (isReply(checked)) return checked;
      const contact = store.create(checked.value, checked.customFields);
      return { status: 201, body: contactView(contact), headers: deprecationHeaders(checked.deprecatedNames) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/contacts\/([^/]+)$/,
    auth: true,
    handle: ({ params }, { store }) => {
      const contact = store.findInScope(params.id ?? '');
      return contact ? { status: 200, body: contactView(contact) } : notFound();
    },
  },
  {
    method: 'PATCH',
    pattern: /^\/v1\/contacts\/([^/]+)$/,
    auth: true,
    handle: ({ params, body }, { store }) => {
      // The body is validated before the lookup, as a framework validation pipe would.
      const checked = validateContactBody(ContactPatchSchema, body, store);
      if (isReply(checked)) return checked;
      const contact = store.findInScope(params.id ?? '');
      if (!contact) return notFound();
      store.update(contact, checked.value, checked.customFields);
      return { status: 200, body: contactView(contact), headers: deprecationHeaders(checked.deprecatedNames) };
    },
  },
];

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'reply'; reply: JsonReply };

export function matchRoute(method: string, path: string, ctx: ApiContext): RouteMatch {
  const onPath = ROUTES.filter((r) => r.pattern.test(path) && (r.enabled?.(ctx) ?? true));
  const route = onPath.find((r) => r.method === method);
  // A switched-off route (the contact list) is 404, not 405, whatever else shares its path.
  const switchedOff = ROUTES.some((r) => r.method === method && r.pattern.test(path) && r.enabled && !r.enabled(ctx));
  if (onPath.length === 0 || (!route && switchedOff)) return { kind: 'reply', reply: notFound() };
  if (!route) {
    const allow = [...new Set(onPath.map((r) => r.method))].join(', ');
    return { kind: 'reply', reply: errorReply(405, 'METHOD_NOT_ALLOWED', null, { Allow: allow }) };
  }
  const id = route.pattern.exec(path)?.[1];
  let params: Record<string, string> = {};
  if (id !== undefined) {
    try {
      params = { id: decodeURIComponent(id) };
    } catch {
      return { kind: 'reply', reply: notFound() };
    }
  }
  return { kind: 'route', route, params };
}
