// The one message protocol between the content script, the extension pages and
// the background worker. The background parses every message with
// RequestSchema before acting on it.
import * as z from 'zod/mini';
import type { ApiErrorInfo } from './skipcall/errors';
import { WritePlanSchema } from './diff/plan';
import { ContactCreateSchema, type Contact, type CustomField, type Workspace, type WorkspaceMember } from './skipcall/schemas';
import { PROFILE_FIELDS, PageReadSchema, type PageRead } from './profile';
import type { HistoryEntry } from './diff/history';
import type { ContactProvenance } from './diff/provenance';
import type { DirectoryContact } from './match/contact';
import type { Candidate, Preselection } from './match/rank';
import type { LinkEntry } from './match/registry';
import type { SyncPhase, SyncProgress } from './match/sync';

const contactId = z.string().check(z.minLength(1), z.maxLength(200));
const sequenceId = z.string().check(z.minLength(1), z.maxLength(200));
const IdentitySchema = z.object({
  linkedinUrl: z.optional(z.string().check(z.maxLength(2000))),
  linkedinSalesUrl: z.optional(z.string().check(z.maxLength(2000))),
});
export const ProfileValuesSchema = z.partialRecord(z.enum(PROFILE_FIELDS), z.string().check(z.maxLength(5000)));
const tabId = z.int().check(z.gte(0));
/** Names one page read of a tab: every state derived from a read carries it. */
export const ReadIdSchema = z.string().check(z.minLength(1), z.maxLength(100));

export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script → background: what the tab shows now. */
  z.object({ type: z.literal('page-read'), read: PageReadSchema }),
  /** Options → background: check the saved key and base URL against GET /v1/workspaces. */
  z.object({ type: z.literal('check-connection') }),
  /** Popup → background: a contact and the custom field definitions for its diff. */
  z.object({ type: z.literal('get-contact'), contactId }),
  /**
   * Popup → background: write exactly the plan the user approved, for the page
   * read it was shown with. Refused when the tab has read another page since;
   * nothing is written when a planned key changed in Skipcall since `seen`.
   */
  z.object({
    type: z.literal('apply'),
    tabId,
    readId: ReadIdSchema,
    contactId,
    plan: WritePlanSchema,
    /** "Apply and add": once the PATCH went through, add the contact to this saved sequence. */
    sequenceId: z.optional(sequenceId),
  }),
  /** Popup → background: the last write to a contact (it may have finished while the popup was closed). */
  z.object({ type: z.literal('get-write'), contactId }),
  /** Popup → background: the write history, newest first (optionally for one contact). */
  z.object({ type: z.literal('get-history'), contactId: z.optional(contactId) }),
  /** Popup → background: undo one history entry. */
  z.object({ type: z.literal('undo'), entryId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  /** Popup → background: the linked contact and the ranked candidates for a profile. */
  z.object({ type: z.literal('match'), profile: ProfileValuesSchema }),
  /** Popup → background: as-you-type search of the contact directory. */
  z.object({ type: z.literal('search-contacts'), query: z.string().check(z.maxLength(200)) }),
  /** Popup → background: remember that this LinkedIn identity is this contact. */
  z.object({
    type: z.literal('link'),
    identity: IdentitySchema,
    contactId,
    via: z.enum(['match', 'reference', 'create', 'directory']),
  }),
  /** Popup/options → background: forget a link (by identity, or every link to a contact). */
  z.object({ type: z.literal('unlink'), identity: IdentitySchema, contactId: z.optional(contactId) }),
  /** Popup → background: create the contact (POST) and link it. */
  z.object({
    type: z.literal('create-contact'),
    identity: IdentitySchema,
    contact: ContactCreateSchema,
    /** A job change: the contact the profile was linked to, left untouched (recorded in the history, undo links it back). */
    jobChangeFrom: z.optional(contactId),
  }),
  /** Options → background: the link registry, newest first. */
  z.object({ type: z.literal('get-registry') }),
  /** Options → background: merge an exported registry. */
  z.object({ type: z.literal('import-registry'), json: z.string().check(z.maxLength(64 * 1024 * 1024)) }),
  /** Options/popup → background: where the contact directory stands. */
  z.object({ type: z.literal('get-directory') }),
  /** Options → background: read the contact list again now. */
  z.object({ type: z.literal('sync-directory') }),
  /** Options → background: the custom fields a profile field can be mapped to. */
  z.object({ type: z.literal('get-custom-fields') }),
  /** Options → background: does this sequence exist in the key's scope (GET …/contacts?page=0&size=1)? */
  z.object({ type: z.literal('verify-sequence'), sequenceId }),
  /** Options → background: the members of every workspace in scope (assignees). */
  z.object({ type: z.literal('list-members') }),
  /** Popup → background: is the contact already in this saved sequence? */
  z.object({ type: z.literal('sequence-status'), sequenceId, contactId }),
  /** Popup → background: add the contact to this saved sequence, with its saved assignee. */
  z.object({ type: z.literal('sequence-add'), sequenceId, contactId }),
  /**
   * Popup → background: one bulk operation on rows of the list the tab shows
   * (refused unless every row is on it): link each row to the contact shown,
   * write each contact's exact fill-only plan (one PATCH each, same conflict
   * check as Apply), create each contact, or add each contact to a saved
   * sequence (`sequenceId`, one POST each after the membership check, as a single
   * add). Runs paced, resumable, one at a time.
   */
  z.object({
    type: z.literal('bulk-start'),
    tabId,
    listKey: z.string().check(z.maxLength(4000)),
    kind: z.enum(['link', 'apply', 'create', 'sequence']),
    sequenceId: z.optional(sequenceId),
    items: z
      .array(
        z.object({
          key: z.string().check(z.minLength(1), z.maxLength(2000)),
          contactId: z.optional(contactId),
          plan: z.optional(WritePlanSchema),
          contact: z.optional(ContactCreateSchema),
        }),
      )
      .check(z.minLength(1), z.maxLength(1000)),
  }),
  /** Popup → background: the popup opened on a list: match its rows again (the directory may have grown) and resume a bulk operation the worker left. */
  z.object({ type: z.literal('list-open'), tabId }),
  /** Popup → background: stop the running bulk operation after the current row. */
  z.object({ type: z.literal('bulk-cancel') }),
  /** Popup → background: undo every write of the last bulk apply (each contact where it still holds what was written). */
  z.object({ type: z.literal('bulk-undo'), jobId: z.string().check(z.minLength(1), z.maxLength(100)) }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What the background keeps per tab (in session storage, so a restarted worker still has it). */
export interface TabState {
  read: PageRead;
  /** Unique per page read: derived state (badge, match) and writes name the read they belong to. */
  readId: string;
  readAt: number;
}

/** The match prepared for one read of a tab; the popup uses it only for that read. */
export interface TabMatch {
  readId: string;
  match: MatchView;
}

/** The outcome of a write (apply or undo), kept until the next one for that contact. */
export interface WriteResult {
  status: 'pending' | 'success' | 'error' | 'conflict';
  contactId: string;
  at: number;
  /** Diff keys written (success) or found changed in Skipcall (conflict). */
  keys: string[];
  /** The contact after the write, or the fresh one on conflict. */
  contact?: Contact;
  error?: ReplyError;
  /** The write went through but could not be recorded in the history (nothing to retry). */
  warning?: 'not-recorded';
  /** Apply: the history entry recorded for this write (absent when nothing was sent or it could not be recorded). */
  historyId?: string;
  /** Undo: fields left as they are, with why. */
  blocked?: { key: string; reason: 'changed' | 'was-empty' }[];
  kind: 'apply' | 'undo';
  /** "Apply and add", or the undo of a sequence addition: what happened on the sequence side. */
  sequence?: SequenceResult;
}

/**
 * The outcome of adding a contact to a sequence (or of removing it, on undo).
 * `already-in`: nothing sent, the contact was in it; `ignored`: sent, but the
 * contact is not in it afterwards (the API ignores out-of-scope contacts silently).
 */
export interface SequenceResult {
  sequenceId: string;
  name: string;
  status: 'added' | 'already-in' | 'ignored' | 'removed' | 'error';
  error?: ReplyError;
  warning?: 'not-recorded';
}

/** Whether a contact is in a sequence; `null` when the sequence is too long to tell. */
export interface SequenceStatus {
  inSequence: boolean | null;
}

export interface WorkspaceMembers {
  workspace: Workspace;
  members: WorkspaceMember[];
}

export interface ContactView {
  contact: Contact;
  customFields: CustomField[];
  /** What was last read and written for the contact (three-way diff); absent: not known to the sender. */
  provenance?: ContactProvenance;
}

export interface DirectoryStatus {
  phase: SyncPhase;
  progress: SyncProgress;
  /** When the last complete walk ended. */
  completedAt?: number;
  /** Contacts in the local index. */
  size: number;
  lastError?: ApiErrorInfo;
}

export interface MatchView {
  link: LinkEntry | null;
  candidates: Candidate[];
  preselected: Preselection | null;
  /** The preselected contact, ready for the diff (saves the popup a round trip). */
  preselectedView?: ContactView;
  directory: DirectoryStatus;
}

/** The contact was created but its link to the profile could not be saved (never an error: a retry would create it twice). */
export type CreateWarning = 'link-not-saved';

export interface ResponseMap {
  'page-read': { accepted: true };
  'check-connection': { workspaces: Workspace[] };
  'get-contact': ContactView;
  apply: { result: WriteResult };
  'get-write': { result: WriteResult | null };
  'get-history': { entries: HistoryEntry[] };
  undo: { result: WriteResult };
  match: MatchView;
  'search-contacts': { contacts: DirectoryContact[] };
  link: { link: LinkEntry | null };
  unlink: { removed: number };
  'create-contact': { contact: Contact; warning?: CreateWarning };
  'get-registry': { links: LinkEntry[]; json: string };
  'import-registry': { added: number; updated: number };
  'get-directory': { directory: DirectoryStatus };
  'sync-directory': { directory: DirectoryStatus };
  'get-custom-fields': { fields: CustomField[] };
  'verify-sequence': { verified: true };
  'list-members': { workspaces: WorkspaceMembers[] };
  'sequence-status': SequenceStatus;
  'sequence-add': { sequence: SequenceResult };
  'bulk-start': { job: BulkJob };
  'list-open': { job: BulkJob | null };
  'bulk-cancel': { job: BulkJob | null };
  'bulk-undo': { job: BulkJob };
}

export type BulkItemState = 'queued' | 'sending' | 'written' | 'conflict' | 'error' | 'skipped';
export interface BulkItem {
  key: string;
  label: string;
  contactId?: string;
  identity: { linkedinUrl?: string; linkedinSalesUrl?: string };
  plan?: import('./diff/plan').PlannedChange[];
  create?: Record<string, unknown>;
  state: BulkItemState;
  /** Why a row was not written (conflict keys, API error, "no-phone"…). */
  reason?: string;
  /** The history entry of the write (apply, sequence add): undo per contact and for the batch. */
  historyId?: string;
  undone?: boolean;
}
export interface BulkJob {
  id: string;
  kind: 'link' | 'apply' | 'create' | 'sequence';
  /** The saved sequence of a `sequence` job, and its name when the job started. */
  sequence?: { id: string; name: string };
  tabId: number;
  listKey: string;
  status: 'running' | 'done' | 'cancelled';
  createdAt: number;
  finishedAt?: number;
  /** The pace, from the API's rate limit: the ETA is the requests left times this. */
  msPerRequest: number;
  items: BulkItem[];
}

/** An API failure, or the background refusing the message itself. */
export type ReplyError = ApiErrorInfo | { kind: 'refused'; detail: string } | { kind: 'page-changed' };
export type Reply<T> = ({ ok: true } & T) | { ok: false; error: ReplyError };
export type ReplyTo<R extends Request> = Reply<ResponseMap[R['type']]>;

/** Messages that only the extension's own pages may send. */
export const PAGE_ONLY: ReadonlySet<RequestType> = new Set([
  'check-connection',
  'get-contact',
  'apply',
  'get-write',
  'get-history',
  'undo',
  'match',
  'search-contacts',
  'link',
  'unlink',
  'create-contact',
  'get-registry',
  'import-registry',
  'get-directory',
  'sync-directory',
  'get-custom-fields',
  'verify-sequence',
  'list-members',
  'sequence-status',
  'sequence-add',
  'bulk-start',
  'list-open',
  'bulk-cancel',
  'bulk-undo',
]);
/** Messages that only the content script on LinkedIn may send. */
export const CONTENT_ONLY: ReadonlySet<RequestType> = new Set(['page-read']);

export interface SenderInfo {
  /** Extension id of the sender. */
  id?: string;
  /** URL of the sending frame. */
  url?: string;
  /** Tab of a content script; absent for extension pages (popup opened as action). */
  tabId?: number;
}

/** Who may send what: pages of this extension, or its content script on a LinkedIn tab. */
export function isSenderAllowed(type: RequestType, sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  const fromOwnPage = !!sender.url && sender.url.startsWith(ownOrigin);
  if (PAGE_ONLY.has(type)) return fromOwnPage;
  if (CONTENT_ONLY.has(type)) {
    if (fromOwnPage || sender.tabId === undefined || !sender.url) return false;
    try {
      return /(^|\.)linkedin\.com$/.test(new URL(sender.url).hostname);
    } catch {
      return false;
    }
  }
  return false;
}
