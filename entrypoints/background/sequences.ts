// Sequence additions: the user's saved sequences (IndexedDB), who is in each
// (read from the API's sequence contact list, cached briefly in session
// storage), the add itself with its assignee, its history entry, and its undo
// (DELETE /v1/sequences/{id}/contacts, documented in API.md).
import type { HistoryEntry } from '@/utils/diff/history';
import type { SequenceResult, WorkspaceMembers } from '@/utils/messages';
import { assigneeId, type SavedSequence } from '@/utils/sequences';
import type { SkipcallClient } from '@/utils/skipcall/client';
import type { Workspace } from '@/utils/skipcall/schemas';
import { SkipcallApiError, toErrorInfo } from '@/utils/skipcall/errors';
import { persistentStore, session } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { SEQUENCE_MEMBERS_FRESH_MS, sequenceMembersItem, workspacesItem } from '@/utils/storage/session';
import { clientFromSettings } from './api';
import { recordHistory } from './stores';

/** A sequence longer than this many pages of 100 is not read to the end: its membership is "unknown". */
export const SEQUENCE_PAGES_MAX = 20;
const PAGE_SIZE = 100;

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function savedSequence(sequenceId: string): Promise<SavedSequence> {
  const saved = (await persistentStore().get(sequencesItem)).sequences.find((s) => s.id === sequenceId);
  if (!saved) throw new SkipcallApiError({ kind: 'not-found', detail: 'sequence not saved in the options' });
  return saved;
}

/** Exists and is in the key's scope: the smallest read of it (page 0, size 1) answers 200. */
export async function verifySequence(sequenceId: string): Promise<void> {
  const client = await clientFromSettings();
  await client.listSequenceContacts(sequenceId, 0, 1);
}

/** Runs one API call: the bulk queue passes its pacing; a single add calls at once. */
export type CallApi = <T>(call: (c: SkipcallClient) => Promise<T>) => Promise<T>;
const direct: CallApi = async (call) => call(await clientFromSettings());

/** Who is in the sequence: the cached reading, or the sequence's first pages read now. */
export async function sequenceMembers(callApi: CallApi, sequenceId: string, fresh = false): Promise<{ contactIds: Set<string>; complete: boolean }> {
  const cached = fresh ? undefined : await session.get(sequenceMembersItem, sequenceId);
  if (cached && Date.now() - cached.at < SEQUENCE_MEMBERS_FRESH_MS) return { contactIds: new Set(cached.contactIds), complete: cached.complete };
  const contactIds = new Set<string>();
  let complete = false;
  for (let page = 0; page < SEQUENCE_PAGES_MAX; page++) {
    const { items, total } = await callApi((c) => c.listSequenceContacts(sequenceId, page, PAGE_SIZE));
    for (const item of items) contactIds.add(item.contactId);
    if (items.length < PAGE_SIZE || (total !== undefined && (page + 1) * PAGE_SIZE >= total)) {
      complete = true;
      break;
    }
  }
  await session.set(sequenceMembersItem, sequenceId, { at: Date.now(), contactIds: [...contactIds], complete });
  return { contactIds, complete };
}

async function noteMembership(sequenceId: string, contactId: string, inSequence: boolean): Promise<void> {
  const cached = await session.get(sequenceMembersItem, sequenceId);
  if (!cached) return;
  const ids = new Set(cached.contactIds);
  if (inSequence) ids.add(contactId);
  else ids.delete(contactId);
  await session.set(sequenceMembersItem, sequenceId, { ...cached, contactIds: [...ids] });
}

/** true / false, or null when the sequence is too long to tell. */
export async function sequenceStatus(sequenceId: string, contactId: string): Promise<boolean | null> {
  const { contactIds, complete } = await sequenceMembers(direct, sequenceId);
  if (contactIds.has(contactId)) return true;
  return complete ? false : null;
}

/**
 * Adds the contact with the sequence's saved assignee. Nothing is sent when it
 * is known to be in already (so an undo can never take out a contact the user
 * did not add). The history entry is undoable only when the contact was known
 * not to be in before. An add the API ignored silently is told as such.
 */
export async function addToSequence(
  sequenceId: string,
  contactId: string,
  label: string,
  options: { callApi?: CallApi; verify?: boolean } = {},
): Promise<SequenceResult & { historyId?: string }> {
  const callApi = options.callApi ?? direct;
  let name = sequenceId;
  try {
    const saved = await savedSequence(sequenceId);
    name = saved.name;
    const { me } = await persistentStore().get(sequencesItem);
    const assignee = assigneeId(saved.assignee, me);
    if (!assignee.ok) return { sequenceId, name, status: 'error', error: { kind: 'refused', detail: 'no-me' } };
    const { contactIds, complete } = await sequenceMembers(callApi, sequenceId);
    if (contactIds.has(contactId)) return { sequenceId, name, status: 'already-in' };
    await callApi((c) => c.addToSequence(sequenceId, [{ contactId, ...(assignee.id ? { assignedToWorkspaceMembershipId: assignee.id } : {}) }]));
    // The API ignores silently what it does not add (out-of-scope contacts): read the sequence again to be sure
    // (a bulk add reads it once at the end of the batch instead, see bulk.ts).
    if (options.verify !== false) {
      const after = await sequenceMembers(callApi, sequenceId, true).catch(() => null);
      if (after?.complete && !after.contactIds.has(contactId)) return { sequenceId, name, status: 'ignored' };
    }
    // A long sequence read only in part: remember the add all the same.
    await noteMembership(sequenceId, contactId, true).catch(() => undefined);
    // Known not in before: the add is undoable. Unknown (a long sequence): recorded without undo.
    const entry: HistoryEntry = {
      id: newId(),
      contactId,
      label,
      at: Date.now(),
      changes: [],
      sequence: { id: sequenceId, name, ...(assignee.id ? { assigneeId: assignee.id } : {}), undoable: complete },
    };
    try {
      await recordHistory(entry);
    } catch {
      return { sequenceId, name, status: 'added', warning: 'not-recorded' };
    }
    return { sequenceId, name, status: 'added', historyId: entry.id };
  } catch (error) {
    return { sequenceId, name, status: 'error', error: toErrorInfo(error) };
  }
}

/** Undo of a sequence addition: the contact is removed from the sequence (soft delete, idempotent). */
export async function removeFromSequence(entry: HistoryEntry & { sequence: NonNullable<HistoryEntry['sequence']> }): Promise<SequenceResult> {
  const { id: sequenceId, name } = entry.sequence;
  try {
    const client = await clientFromSettings();
    await client.removeFromSequence(sequenceId, [entry.contactId]);
    await noteMembership(sequenceId, entry.contactId, false).catch(() => undefined);
    return { sequenceId, name, status: 'removed' };
  } catch (error) {
    return { sequenceId, name, status: 'error', error: toErrorInfo(error) };
  }
}

const WORKSPACES_FRESH_MS = 60 * 60_000;

/** The workspaces the connection check just listed: the members list needs no second request for them. */
export async function rememberWorkspaces(workspaces: Workspace[]): Promise<void> {
  await session.set(workspacesItem, undefined, { at: Date.now(), workspaces });
}

/** Members of every workspace in scope, active ones only (the docs list every status). */
export async function listMembers(): Promise<WorkspaceMembers[]> {
  const client = await clientFromSettings();
  const known = await session.get(workspacesItem, undefined);
  const workspaces = known && Date.now() - known.at < WORKSPACES_FRESH_MS ? known.workspaces : await client.listWorkspaces();
  return Promise.all(
    workspaces.map(async (workspace) => {
      const { items } = await client.listWorkspaceMembers(workspace.id, 0, PAGE_SIZE);
      return { workspace, members: items.filter((m) => !m.status || m.status.toUpperCase() === 'ACTIVE') };
    }),
  );
}
