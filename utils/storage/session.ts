// Every storage.session key, declared once with the schema its value is read
// back with: per-tab reads and what the background derived from them, the
// popup's drafts, short-lived caches and write results. storage.session lives
// while the browser runs, survives the worker being stopped, and is not exposed
// to content scripts. A value that does not parse reads as absent.
import * as z from 'zod/mini';
import type { TabStatus } from '../badge';
import type { DirectoryStatus, MatchView, TabMatch, TabState, WriteResult } from '../messages';
import { ContactProvenanceSchema } from '../diff/provenance';
import { ListRowSchema, PageReadSchema } from '../profile';
import type { RowMatch } from '../match/list';
import { PlannedChangeSchema } from '../diff/plan';
import type { BulkJob } from '../messages';
import { API_ERROR_KINDS } from '../skipcall/errors';
import { MATCH_KEY_PREFIX, TAB_KEY_PREFIX } from './databases';
import { ContactSchema, CustomFieldSchema, type Contact, type CustomField, type Workspace } from '../skipcall/schemas';

export interface SessionItem<T, A = void> {
  /** The storage key for this item's argument (a tab id, a contact id, or none). */
  key: (arg: A) => string;
  /** What every key of the item starts with (to find them all). */
  prefix: string;
  schema: z.ZodMiniType<T>;
}

function perTab<T>(prefix: string, schema: z.ZodMiniType<T>): SessionItem<T, number> {
  return { key: (tabId) => `${prefix}${tabId}`, prefix, schema };
}
function perContact<T>(prefix: string, schema: z.ZodMiniType<T>): SessionItem<T, string> {
  return { key: (contactId) => `${prefix}${contactId}`, prefix, schema };
}
function single<T>(key: string, schema: z.ZodMiniType<T>): SessionItem<T> {
  return { key: () => key, prefix: key, schema };
}

/** Reads a stored value: the item's value, or undefined when absent or not of the item's shape. */
export function readSession<T>(item: Pick<SessionItem<T, never>, 'schema'>, stored: unknown): T | undefined {
  if (stored === undefined) return undefined;
  const parsed = item.schema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

const str = z.string();
const optionalStr = z.optional(z.string());

const ApiErrorInfoSchema = z.object({
  kind: z.enum(API_ERROR_KINDS),
  status: z.optional(z.number()),
  code: optionalStr,
  problems: z.optional(z.array(z.object({ field: str, message: str }))),
  retryAt: z.optional(z.number()),
  detail: optionalStr,
});
const ReplyErrorSchema = z.union([
  ApiErrorInfoSchema,
  z.object({ kind: z.literal('refused'), detail: str }),
  z.object({ kind: z.literal('page-changed') }),
]);

const DirectoryStatusSchema = z.object({
  phase: z.enum(['not-started', 'syncing', 'ready', 'unavailable', 'failing']),
  progress: z.object({ pagesRead: z.number(), contactsRead: z.number(), total: z.optional(z.number()), skipped: z.optional(z.number()) }),
  completedAt: z.optional(z.number()),
  size: z.number(),
  lastError: z.optional(ApiErrorInfoSchema),
}) satisfies z.ZodMiniType<DirectoryStatus>;

const DirectoryContactSchema = z.object({
  id: str,
  firstName: str,
  lastName: str,
  company: optionalStr,
  email: optionalStr,
  linkedinUrl: optionalStr,
  linkedinSalesUrl: optionalStr,
  city: optionalStr,
  role: optionalStr,
  teamId: optionalStr,
});

const LinkEntrySchema = z.object({
  linkedinUrl: optionalStr,
  salesLeadId: optionalStr,
  contactId: str,
  workspaceId: optionalStr,
  label: str,
  linkedAt: z.number(),
  via: z.enum(['match', 'reference', 'create', 'directory']),
});

const MatchViewSchema: z.ZodMiniType<MatchView> = z.object({
  link: z.nullable(LinkEntrySchema),
  candidates: z.array(
    z.object({
      contactId: str,
      contact: DirectoryContactSchema,
      reason: z.enum(['linkedin-url', 'sales-url', 'email', 'name-company', 'name']),
      score: z.number(),
      conflict: z.optional(z.enum(['linkedin-url', 'sales-url'])),
    }),
  ),
  preselected: z.nullable(z.object({ contactId: str, via: z.enum(['registry', 'linkedin-url', 'sales-url']) })),
  preselectedView: z.optional(
    z.object({ contact: ContactSchema, customFields: z.array(CustomFieldSchema), provenance: z.optional(ContactProvenanceSchema) }),
  ),
  directory: DirectoryStatusSchema,
});

const TabStatusSchema = z.union([
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('not-linked') }),
  z.object({ kind: z.literal('linked'), contactId: str, changes: z.number() }),
  z.object({ kind: z.literal('job-change'), contactId: str, changes: z.number(), company: str }),
  z.object({ kind: z.literal('error'), error: ApiErrorInfoSchema }),
]) satisfies z.ZodMiniType<TabStatus>;

const WriteResultSchema = z.object({
  status: z.enum(['pending', 'success', 'error', 'conflict']),
  contactId: str,
  at: z.number(),
  keys: z.array(str),
  contact: z.optional(ContactSchema),
  error: z.optional(ReplyErrorSchema),
  warning: z.optional(z.literal('not-recorded')),
  historyId: z.optional(str),
  blocked: z.optional(z.array(z.object({ key: str, reason: z.enum(['changed', 'was-empty']) }))),
  kind: z.enum(['apply', 'undo']),
  sequence: z.optional(
    z.object({
      sequenceId: str,
      name: str,
      status: z.enum(['added', 'already-in', 'ignored', 'removed', 'error']),
      error: z.optional(ReplyErrorSchema),
      warning: z.optional(z.literal('not-recorded')),
    }),
  ),
}) satisfies z.ZodMiniType<WriteResult>;

export const DraftSchema = z.object({
  contactId: str,
  profileKey: str,
  choices: z.record(z.string(), z.object({ ticked: z.boolean(), value: optionalStr })),
});
export type Draft = z.infer<typeof DraftSchema>;

/** The tab's current page read, with its read id. */
export const tabItem = perTab<TabState>(TAB_KEY_PREFIX, z.object({ read: PageReadSchema, readId: str, readAt: z.number() }));
/** The badge status derived from the read named by readId. */
export const statusItem = perTab<{ readId: string; status: TabStatus }>('status:', z.object({ readId: str, status: TabStatusSchema }));
/** The match derived from the read named by readId; the popup opens with it. */
export const matchItem = perTab<TabMatch>(MATCH_KEY_PREFIX, z.object({ readId: str, match: MatchViewSchema }));
/** The popup's unfinished ticks and edits on the tab. */
export const draftItem = perTab<Draft>('draft:', DraftSchema);
/** A contact fetched ahead of the popup, with when. */
export const contactItem = perContact<{ at: number; contact: Contact }>('contact:', z.object({ at: z.number(), contact: ContactSchema }));
/** The last write (apply or undo) to a contact. */
export const writeItem = perContact<WriteResult>('write:', WriteResultSchema);
/** The account's custom field definitions, with when they were read. */
export const customFieldsItem = single<{ at: number; fields: CustomField[] }>('customFields', z.object({ at: z.number(), fields: z.array(CustomFieldSchema) }));
/** Where the contact directory's reading stands, for the pages to show. */
export const directoryStatusItem = single<DirectoryStatus>('directoryStatus', DirectoryStatusSchema);

/**
 * Who is in a sequence, as read from GET /v1/sequences/{id}/contacts (first
 * pages only: `complete` false when it is longer), kept a few minutes and
 * updated by the extension's own adds and removals.
 */
export const SEQUENCE_MEMBERS_FRESH_MS = 5 * 60_000;
export const sequenceMembersItem = perContact<{ at: number; contactIds: string[]; complete: boolean }>(
  'sequence:',
  z.object({ at: z.number(), contactIds: z.array(str), complete: z.boolean() }),
);

/** The workspaces of the last connection check (the options' member lists start from them). */
export const workspacesItem = single<{ at: number; workspaces: Workspace[] }>(
  'workspaces',
  z.object({ at: z.number(), workspaces: z.array(z.object({ id: str, name: optionalStr })) }),
);

const MATCH_REASONS = z.enum(['linkedin-url', 'sales-url', 'email', 'name-company', 'name']);
const RowMatchSchema: z.ZodMiniType<RowMatch> = z.object({
  key: str,
  state: z.enum(['linked', 'likely', 'several', 'none']),
  contactId: optionalStr,
  label: optionalStr,
  reason: z.optional(MATCH_REASONS),
  highConfidence: z.optional(z.boolean()),
  changes: z.optional(z.array(z.object({ key: str, status: z.enum(['fill', 'update']), current: str, proposed: str }))),
  candidates: z.optional(z.array(z.object({ contactId: str, label: str, reason: MATCH_REASONS }))),
});

/** A list page's rows (every page of the list seen on the tab so far) and their match, for the read named by readId. */
export const listItem = perTab<{ readId: string; listKey: string; rows: z.infer<typeof ListRowSchema>[]; matches: RowMatch[]; at: number }>(
  'list:',
  z.object({ readId: str, listKey: str, rows: z.array(ListRowSchema), matches: z.array(RowMatchSchema), at: z.number() }),
);

const IdentityStoredSchema = z.object({ linkedinUrl: optionalStr, linkedinSalesUrl: optionalStr });
/** The one bulk operation (link, fill-only apply, create, sequence add) in progress or last finished: the worker resumes it after a restart. */
export const bulkJobItem = single<BulkJob>(
  'bulkJob',
  z.object({
    id: str,
    kind: z.enum(['link', 'apply', 'create', 'sequence']),
    sequence: z.optional(z.object({ id: str, name: str })),
    tabId: z.number(),
    listKey: str,
    status: z.enum(['running', 'done', 'cancelled']),
    createdAt: z.number(),
    finishedAt: z.optional(z.number()),
    /** Seconds left, estimated from the pace (rate limit). */
    msPerRequest: z.number(),
    items: z.array(
      z.object({
        key: str,
        label: str,
        contactId: optionalStr,
        identity: IdentityStoredSchema,
        plan: z.optional(z.array(PlannedChangeSchema)),
        create: z.optional(z.record(z.string(), z.unknown())),
        state: z.enum(['queued', 'sending', 'written', 'conflict', 'error', 'skipped']),
        reason: optionalStr,
        historyId: optionalStr,
        undone: z.optional(z.boolean()),
      }),
    ),
  }) as unknown as z.ZodMiniType<BulkJob>,
);

/** Every key that belongs to a tab: they go when it closes. */
export const tabKeys = (tabId: number) => [tabItem, statusItem, matchItem, draftItem, listItem].map((item) => item.key(tabId));

/** The tab of a `tab:<id>` key, if it is one. */
export function tabOfKey(key: string): number | undefined {
  if (!key.startsWith(tabItem.prefix)) return undefined;
  const id = Number(key.slice(tabItem.prefix.length));
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}
