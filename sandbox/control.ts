// /__sandbox/* : the Sandbox controls over HTTP, for tests and demos that run
// the sandbox in another process. No auth, no rate limit, never logged.
import * as z from 'zod/mini';
import { fieldProblems } from '../utils/skipcall/validation';
import { errorReply, type JsonReply, type ParsedBody } from './http';
import type { Sandbox } from './server';
import { contactView, SandboxInputError } from './store';

const FailBody = z.strictObject({
  count: z.int().check(z.gte(0)),
  status: z.optional(z.int().check(z.gte(400), z.lte(599))),
});
const LatencyBody = z.strictObject({ ms: z.int().check(z.gte(0)) });
const ContactListBody = z.strictObject({ on: z.boolean() });

type Parsed<T> = { ok: true; value: T } | { ok: false; reply: JsonReply };

function parseWith<T>(schema: z.ZodMiniType<T>, body: ParsedBody): Parsed<T> {
  if (!body.ok) return { ok: false, reply: errorReply(400, 'INVALID_JSON') };
  const parsed = schema.safeParse(body.value, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reply: errorReply(400, 'VALIDATION_ERROR', fieldProblems(parsed.error.issues)) };
}

export function handleControl(sandbox: Sandbox, method: string, path: string, body: ParsedBody): JsonReply {
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /__sandbox/log':
      return { status: 200, body: { data: sandbox.log } };
    case 'GET /__sandbox/contacts':
      // Every contact, out-of-scope ones included, so tests can inspect them all.
      return { status: 200, body: { data: [...sandbox.contacts.values()].map(contactView) } };
    case 'POST /__sandbox/reset':
      sandbox.reset();
      return { status: 200, body: { ok: true } };
    case 'POST /__sandbox/fail': {
      const parsed = parseWith(FailBody, body);
      if (!parsed.ok) return parsed.reply;
      const { count, status = 500 } = parsed.value;
      sandbox.failNext(count, status);
      return { status: 200, body: { count, status } };
    }
    case 'POST /__sandbox/latency': {
      const parsed = parseWith(LatencyBody, body);
      if (!parsed.ok) return parsed.reply;
      sandbox.setLatency(parsed.value.ms);
      return { status: 200, body: { ms: parsed.value.ms } };
    }
    case 'POST /__sandbox/contact-list': {
      const parsed = parseWith(ContactListBody, body);
      if (!parsed.ok) return parsed.reply;
      sandbox.setContactList(parsed.value.on);
      return { status: 200, body: { on: parsed.value.on } };
    }
  }
  const edit = /^\/__sandbox\/contacts\/([^/]+)$/.exec(path);
  if (edit?.[1] && method === 'PATCH') {
    let id: string;
    try {
      id = decodeURIComponent(edit[1]);
    } catch {
      return errorReply(404, 'NOT_FOUND');
    }
    return editContact(sandbox, id, body);
  }
  return errorReply(404, 'NOT_FOUND');
}

function editContact(sandbox: Sandbox, id: string, body: ParsedBody): JsonReply {
  if (!body.ok) return errorReply(400, 'INVALID_JSON');
  const changes = body.value;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    return errorReply(400, 'VALIDATION_ERROR', [{ field: 'body', message: 'must be an object' }]);
  }
  try {
    return { status: 200, body: sandbox.editContact(id, changes) };
  } catch (error) {
    if (!(error instanceof SandboxInputError)) throw error;
    return error.status === 404 ? errorReply(404, 'NOT_FOUND') : errorReply(400, 'VALIDATION_ERROR', [{ field: 'body', message: error.message }]);
  }
}
