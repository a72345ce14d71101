// The one message protocol between the content script, the extension pages and
// the background worker. The background parses every message with
// RequestSchema before acting on it.
import * as z from 'zod/mini';
import type { ApiErrorInfo } from './skipcall/errors';
import type { Workspace } from './skipcall/schemas';
import { PageReadSchema, type PageRead } from './profile';

export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script → background: what the tab shows now. */
  z.object({ type: z.literal('page-read'), read: PageReadSchema }),
  /** Popup → background: the last read of a tab. */
  z.object({ type: z.literal('get-tab'), tabId: z.number().check(z.int(), z.nonnegative()) }),
  /** Options → background: check the saved key and base URL against GET /v1/workspaces. */
  z.object({ type: z.literal('check-connection') }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What the background keeps per tab (in session storage, so a restarted worker still has it). */
export interface TabState {
  read: PageRead;
  readAt: number;
}

export interface ResponseMap {
  'page-read': { accepted: true };
  'get-tab': { tab: TabState | null };
  'check-connection': { workspaces: Workspace[] };
}

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: ApiErrorInfo | { kind: 'refused'; detail: string } };
export type ReplyTo<R extends Request> = Reply<ResponseMap[R['type']]>;

/** Messages that only the extension's own pages may send. */
export const PAGE_ONLY: ReadonlySet<RequestType> = new Set(['get-tab', 'check-connection']);
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
