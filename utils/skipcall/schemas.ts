// One zod schema per Skipcall API shape (../shared/skipcall-api/API.md); these are
// the single source of the TypeScript types. zod/mini keeps bundles small and
// avoids the eval-based JIT that Firefox's add-on linter flags.
import * as z from 'zod/mini';
import { HIDDEN_CHARS_MESSAGE, WITHOUT_REFUSED_CHARS } from '../hidden-chars';

/** E.164: "+" then up to 15 digits, no leading zero. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

export const NAME_MAX = 100;
export const TEXT_MAX = 200;
export const PHONE_NUMBERS_MAX = 20;

const nullableText = z.nullish(z.string());

/**
 * Contact as returned by GET/POST/PATCH. Unknown extra properties are dropped,
 * missing required ones fail. `allowPhoneCalls`, `callCount`, `teamId` and
 * `lastModificationSource` are only in newer doc versions, so they are optional;
 * `lastModificationSource` is a free string because its list of values has grown.
 */
export const ContactSchema = z.object({
  id: z.string().check(z.minLength(1)),
  firstName: z.string(),
  lastName: z.string(),
  phoneNumbers: z.array(z.string()),
  customFields: z._default(z.record(z.string(), z.unknown()), {}),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowPhoneCalls: z.optional(z.boolean()),
  callCount: z.optional(z.number()),
  teamId: z.nullish(z.string()),
  lastModificationSource: z.nullish(z.string()),
  email: nullableText,
  company: nullableText,
  city: nullableText,
  country: nullableText,
  url: nullableText,
  linkedinUrl: nullableText,
  linkedinSalesUrl: nullableText,
  role: nullableText,
  lastCallAt: nullableText,
});
export type Contact = z.infer<typeof ContactSchema>;

// Every string sent refuses what the reader strips (controls, bidi, zero-width):
// a value that still holds one did not come through the extension's clean-up.
// The response schemas above stay tolerant: Skipcall may hold anything.
const visible = z.regex(WITHOUT_REFUSED_CHARS, HIDDEN_CHARS_MESSAGE);
const name = z.string().check(z.minLength(1), z.maxLength(NAME_MAX), visible);
const text = z.string().check(z.minLength(1), z.maxLength(TEXT_MAX), visible);
const nonEmpty = z.string().check(z.minLength(1), visible);
const phone = z.string().check(z.regex(E164_PATTERN, 'must be in E.164 format, e.g. +33612345678'));
const phoneNumbers = z.array(phone).check(z.minLength(1), z.maxLength(PHONE_NUMBERS_MAX));
const customFieldValue = z.union([z.string().check(visible), z.number(), z.boolean()]);

const writableContactFields = {
  firstName: z.optional(name),
  lastName: z.optional(name),
  email: z.optional(nonEmpty),
  company: z.optional(text),
  city: z.optional(text),
  country: z.optional(text),
  role: z.optional(text),
  url: z.optional(nonEmpty),
  linkedinUrl: z.optional(nonEmpty),
  linkedinSalesUrl: z.optional(nonEmpty),
  allowPhoneCalls: z.optional(z.boolean()),
  phoneNumbers: z.optional(phoneNumbers),
  customFields: z.optional(z.record(z.string().check(z.minLength(1)), customFieldValue)),
};

/** PATCH /v1/contacts/{id} body: every field optional; unknown keys are refused. */
export const ContactPatchSchema = z.strictObject(writableContactFields);
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

/** POST /v1/contacts body: names and at least one phone number are required. */
export const ContactCreateSchema = z.strictObject({
  ...writableContactFields,
  firstName: name,
  lastName: name,
  phoneNumbers,
});
export type ContactCreate = z.infer<typeof ContactCreateSchema>;

/** Custom field definition: `slug` is the stable key for writing values. */
export const CustomFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
});
export type CustomField = z.infer<typeof CustomFieldSchema>;

/** Workspace: only the id is certain; the docs do not show the response fields. */
export const WorkspaceSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** Error body: `{"code": "API_KEY_INVALID", "details": null}`; details vary. */
export const ApiErrorBodySchema = z.object({
  code: z.string(),
  details: z.optional(z.unknown()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

// ---- Sequences and workspace members (API.md §2: POST/DELETE/GET /v1/sequences/{id}/contacts,
// GET /v1/workspaces/{id}/members). No GET /v1/sequences exists in the docs.

/** Most items per POST/DELETE /v1/sequences/{id}/contacts body [F]. */
export const SEQUENCE_BATCH_MAX = 100;

const apiId = z.string().check(z.minLength(1), z.maxLength(200));

/** One item of the POST body [F]: no assignee = round-robin assignment. */
export const SequenceAddItemSchema = z.strictObject({
  contactId: apiId,
  assignedToWorkspaceMembershipId: z.optional(apiId),
});
/** POST /v1/sequences/{id}/contacts body [F]: 1–100 items; idempotent, out-of-scope contacts ignored. */
export const SequenceAddBodySchema = z.array(SequenceAddItemSchema).check(z.minLength(1), z.maxLength(SEQUENCE_BATCH_MAX));
export type SequenceAddBody = z.infer<typeof SequenceAddBodySchema>;

/** DELETE /v1/sequences/{id}/contacts body [F]: 1–100 contact ids (UUIDs); soft delete, idempotent. */
export const SequenceRemoveBodySchema = z.array(apiId).check(z.minLength(1), z.maxLength(SEQUENCE_BATCH_MAX));
export type SequenceRemoveBody = z.infer<typeof SequenceRemoveBodySchema>;

/**
 * One item of GET /v1/sequences/{id}/contacts. Its shape is not documented (only
 * "each contact comes with its tags and its call history"), so the contact id is
 * read from `contactId`, then `contact.id`, then `id` [I]; anything else is kept out.
 */
export const SequenceContactSchema = z.object({
  contactId: z.optional(z.string()),
  contact: z.optional(z.object({ id: z.optional(z.string()) })),
  id: z.optional(z.string()),
});
export interface SequenceContact {
  contactId: string;
}
/** The contact id of a sequence item ('' when it has none). */
export function sequenceContactOf(item: z.infer<typeof SequenceContactSchema>): SequenceContact {
  return { contactId: item.contactId ?? item.contact?.id ?? item.id ?? '' };
}


/**
 * Item of GET /v1/workspaces/{id}/members: `id` is the workspace-membership id
 * (the `assignedToWorkspaceMembershipId` of a sequence add) [F], it carries a
 * status (ACTIVE mentioned) [F]; the name fields are not documented, so every
 * usual form is read [I].
 */
const nullableName = z.nullish(z.string());
export const WorkspaceMemberSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: nullableName,
  name: nullableName,
  firstName: nullableName,
  lastName: nullableName,
  email: nullableName,
  user: z.nullish(z.object({ firstName: nullableName, lastName: nullableName, email: nullableName, name: nullableName })),
});
export interface WorkspaceMember {
  id: string;
  name: string;
  status?: string;
}
/** A member with a name to show: `name`, else first and last name, else the email, else the id. */
export function memberOf(m: z.infer<typeof WorkspaceMemberSchema>): WorkspaceMember {
  const person = m.user ?? {};
  const first = m.firstName ?? person.firstName ?? '';
  const last = m.lastName ?? person.lastName ?? '';
  const name = (m.name ?? person.name ?? `${first} ${last}`.trim()) || m.email || person.email || m.id;
  return { id: m.id, name, ...(m.status ? { status: m.status } : {}) };
}

