// Apply and undo, run in the background to completion even when the popup
// closes; each outcome is stored so a reopened popup shows it.
import { computeDiff } from '@/utils/diff/compute';
import { changedKeys } from '@/utils/diff/conflict';
import { historyEntry, planUndo } from '@/utils/diff/history';
import { buildPatch, type Choices } from '@/utils/diff/patch';
import type { WriteResult } from '@/utils/messages';
import type { ProfileValues } from '@/utils/diff/compute';
import type { Contact } from '@/utils/skipcall/schemas';
import { toErrorInfo } from '@/utils/skipcall/errors';
import { clientFromSettings, customFieldDefinitions } from './api';
import { rememberContact } from './contact-cache';
import { refreshAllTabs } from './tab-status';
import { loadHistory, loadSettings, markUndone, recordHistory, saveWriteResult } from './stores';

/** One write at a time per contact, so two clicks cannot interleave their read-check-write. */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(contactId: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(contactId) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(contactId, next.catch(() => undefined));
  return next;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

async function finish(result: WriteResult): Promise<WriteResult> {
  await saveWriteResult(result);
  // The new or fresh contact replaces the prefetched one, and badges follow.
  if (result.contact) {
    await rememberContact(result.contact);
    void refreshAllTabs();
  }
  return result;
}

export interface ApplyInput {
  contactId: string;
  profile: ProfileValues;
  seen: Contact;
  choices: Choices;
}

export function applyChanges(input: ApplyInput): Promise<WriteResult> {
  return serialized(input.contactId, async () => {
    const base = { contactId: input.contactId, kind: 'apply' as const, keys: [] as string[] };
    await saveWriteResult({ ...base, status: 'pending', at: Date.now() });
    try {
      const client = await clientFromSettings();
      const settings = await loadSettings();
      const definitions = await customFieldDefinitions(client);
      const options = { customFieldMap: settings.customFieldMap, customFields: definitions, preferLinkedIn: settings.preferLinkedIn };
      // What the user meant to send, on the contact they saw.
      const intended = buildPatch(computeDiff(input.seen, input.profile, options), input.choices, input.seen);
      const fresh = await client.getContact(input.contactId);
      const changed = changedKeys(input.seen, fresh, intended.keys, definitions);
      if (changed.length > 0) {
        return finish({ ...base, status: 'conflict', at: Date.now(), keys: changed, contact: fresh });
      }
      const plan = buildPatch(computeDiff(fresh, input.profile, options), input.choices, fresh);
      if (plan.keys.length === 0) return finish({ ...base, status: 'success', at: Date.now(), contact: fresh });
      const updated = await client.patchContact(input.contactId, plan.patch);
      await recordHistory(historyEntry(newId(), Date.now(), fresh, updated, plan.keys, definitions));
      return finish({ ...base, status: 'success', at: Date.now(), keys: plan.keys, contact: updated });
    } catch (error) {
      return finish({ ...base, status: 'error', at: Date.now(), error: toErrorInfo(error) });
    }
  });
}

export async function undoEntry(entryId: string): Promise<WriteResult> {
  const entry = (await loadHistory()).find((e) => e.id === entryId);
  if (!entry) {
    return { status: 'error', kind: 'undo', contactId: '', at: Date.now(), keys: [], error: { kind: 'not-found', detail: 'history entry' } };
  }
  return serialized(entry.contactId, async () => {
    const base = { contactId: entry.contactId, kind: 'undo' as const, keys: [] as string[] };
    await saveWriteResult({ ...base, status: 'pending', at: Date.now() });
    try {
      const client = await clientFromSettings();
      const definitions = await customFieldDefinitions(client);
      const fresh = await client.getContact(entry.contactId);
      const plan = planUndo(entry, fresh, definitions);
      if (plan.keys.length === 0) {
        return finish({ ...base, status: 'success', at: Date.now(), contact: fresh, blocked: plan.blocked });
      }
      const updated = await client.patchContact(entry.contactId, plan.patch);
      const at = Date.now();
      await markUndone(entry.id, at);
      return finish({ ...base, status: 'success', at, keys: plan.keys, contact: updated, blocked: plan.blocked });
    } catch (error) {
      return finish({ ...base, status: 'error', at: Date.now(), error: toErrorInfo(error) });
    }
  });
}
