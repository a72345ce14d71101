// Apply and undo, run in the background to completion even when the popup
// closes; each outcome is stored so a reopened popup shows it.
import { historyEntry, planUndo } from '@/utils/diff/history';
import { writtenValues } from '@/utils/diff/provenance';
import { patchFromPlan, planConflicts, planProblems, type PlannedChange } from '@/utils/diff/plan';
import { PHONE_KEY } from '@/utils/diff/fields';
import type { HistoryEntry } from '@/utils/diff/history';
import type { WriteResult } from '@/utils/messages';
import type { Contact, CustomField } from '@/utils/skipcall/schemas';
import { toErrorInfo } from '@/utils/skipcall/errors';
import { clientFromSettings, customFieldDefinitions } from './api';
import { addToSequence, removeFromSequence } from './sequences';
import { rememberContact } from './contact-cache';
import { relinkAfterJobChange } from './matching';
import { refreshAllTabs } from './tab-status';
import { loadHistory, loadSettings, loadTabState, markUndone, noteWritten, recordHistory, saveWriteResult } from './stores';

/** One write at a time per contact, so two clicks cannot interleave their read-check-write. */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(contactId: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(contactId) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(contactId, next.catch(() => undefined));
  return next;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Stores the outcome for a reopened popup; a write that went through stays a success if that fails. */
async function finish(result: WriteResult): Promise<WriteResult> {
  try {
    await saveWriteResult(result);
    // The new or fresh contact replaces the prefetched one, and badges follow.
    if (result.contact) {
      await rememberContact(result.contact);
      void refreshAllTabs().catch(() => undefined);
    }
    return result;
  } catch {
    // Only a reopened popup misses the outcome: the history (and its warning, from afterWrite) is apart.
    return result;
  }
}

export interface ApplyInput {
  tabId: number;
  readId: string;
  contactId: string;
  plan: PlannedChange[];
}

/** Bookkeeping after a write that went through: its failure is a warning, never an error to retry. */
async function afterWrite(step: () => Promise<void>): Promise<{ warning?: 'not-recorded' }> {
  try {
    await step();
    return {};
  } catch {
    return { warning: 'not-recorded' };
  }
}

/**
 * Writes exactly the approved plan: refused when the tab now shows another
 * read; nothing written when any planned key changed in Skipcall since the user
 * saw it; otherwise one PATCH of the planned keys and nothing else.
 */
export function applyChanges(input: ApplyInput): Promise<WriteResult> {
  return serialized(input.contactId, async () => {
    const base = { contactId: input.contactId, kind: 'apply' as const, keys: [] as string[] };
    const tab = await loadTabState(input.tabId);
    if (tab?.readId !== input.readId) return { ...base, status: 'error', at: Date.now(), error: { kind: 'page-changed' } };
    const settings = await loadSettings();
    const unknown = planProblems(input.plan, Object.values(settings.customFieldMap));
    if (unknown.length) return { ...base, status: 'error', at: Date.now(), error: { kind: 'refused', detail: `field ${unknown[0]!.key}` } };
    await saveWriteResult({ ...base, status: 'pending', at: Date.now() });
    let fresh: Contact;
    let updated: Contact;
    let definitions: CustomField[];
    let keys: string[];
    try {
      const client = await clientFromSettings(settings);
      definitions = await customFieldDefinitions(client);
      fresh = await client.getContact(input.contactId);
      const changed = planConflicts(input.plan, fresh, definitions);
      if (changed.length > 0) {
        return finish({ ...base, status: 'conflict', at: Date.now(), keys: changed, contact: fresh });
      }
      const write = patchFromPlan(input.plan, fresh, definitions);
      if (write.keys.length === 0) return finish({ ...base, status: 'success', at: Date.now(), contact: fresh });
      keys = write.keys;
      updated = await client.patchContact(input.contactId, write.patch);
    } catch (error) {
      return finish({ ...base, status: 'error', at: Date.now(), error: toErrorInfo(error) });
    }
    const added = Object.fromEntries(input.plan.filter((c) => c.key === PHONE_KEY).map((c) => [c.key, c.value]));
    // The result names its history entry, so the Undo shown beside it undoes this write and no other.
    const entryId = newId();
    let historyId: string | undefined;
    const recorded = await afterWrite(async () => {
      await recordHistory(historyEntry(entryId, Date.now(), fresh, updated, keys, definitions));
      historyId = entryId;
    });
    // What was written feeds the next diff's three-way view; without it that view is only less precise, so no warning.
    await noteWritten(updated.id, writtenValues(updated, keys, added, definitions)).catch(() => undefined);
    return finish({ ...base, status: 'success', at: Date.now(), keys, contact: updated, ...(historyId ? { historyId } : {}), ...recorded });
  });
}

export async function undoEntry(entryId: string): Promise<WriteResult> {
  const entry = (await loadHistory()).find((e) => e.id === entryId);
  if (!entry) {
    return { status: 'error', kind: 'undo', contactId: '', at: Date.now(), keys: [], error: { kind: 'not-found', detail: 'history entry' } };
  }
  if (entry.sequence) return undoSequenceAdd({ ...entry, sequence: entry.sequence });
  return serialized(entry.contactId, async () => {
    const base = { contactId: entry.contactId, kind: 'undo' as const, keys: [] as string[] };
    if (entry.jobChange) {
      // Nothing is written to Skipcall: the link goes back to the old contact; the created one stays.
      try {
        await relinkAfterJobChange(entry);
        await markUndone(entry.id, Date.now());
        return finish({ ...base, status: 'success', at: Date.now() });
      } catch {
        return finish({ ...base, status: 'error', at: Date.now(), error: { kind: 'refused', detail: 'link not saved' } });
      }
    }
    await saveWriteResult({ ...base, status: 'pending', at: Date.now() });
    let updated: Contact;
    let plan: ReturnType<typeof planUndo>;
    let definitions: CustomField[];
    try {
      const client = await clientFromSettings();
      definitions = await customFieldDefinitions(client);
      const fresh = await client.getContact(entry.contactId);
      plan = planUndo(entry, fresh, definitions);
      if (plan.keys.length === 0) {
        return finish({ ...base, status: 'success', at: Date.now(), contact: fresh, blocked: plan.blocked });
      }
      updated = await client.patchContact(entry.contactId, plan.patch);
    } catch (error) {
      return finish({ ...base, status: 'error', at: Date.now(), error: toErrorInfo(error) });
    }
    const at = Date.now();
    const recorded = await afterWrite(() => markUndone(entry.id, at));
    await noteWritten(updated.id, writtenValues(updated, plan.keys, {}, definitions)).catch(() => undefined);
    return finish({ ...base, status: 'success', at, keys: plan.keys, contact: updated, blocked: plan.blocked, ...recorded });
  });
}

/** "Apply and add": the PATCH first; only once it went through, the contact is added to the sequence. */
export async function applyThenAdd(input: ApplyInput, sequenceId: string): Promise<WriteResult> {
  const result = await applyChanges(input);
  if (result.status !== 'success') return result;
  const label = result.contact ? `${result.contact.firstName} ${result.contact.lastName}`.trim() : '';
  const combined = { ...result, sequence: await addToSequence(sequenceId, input.contactId, label) };
  await saveWriteResult(combined).catch(() => undefined);
  return combined;
}

/** Undo of a sequence addition: a removal from the sequence, recorded as undone. */
function undoSequenceAdd(entry: HistoryEntry & { sequence: NonNullable<HistoryEntry['sequence']> }): Promise<WriteResult> {
  return serialized(entry.contactId, async () => {
    const base = { contactId: entry.contactId, kind: 'undo' as const, keys: [] as string[] };
    if (!entry.sequence.undoable) {
      return { ...base, status: 'error', at: Date.now(), error: { kind: 'refused', detail: 'sequence-add-unverified' } };
    }
    await saveWriteResult({ ...base, status: 'pending', at: Date.now() });
    const sequence = await removeFromSequence(entry);
    if (sequence.status === 'error') {
      return finish({ ...base, status: 'error', at: Date.now(), ...(sequence.error ? { error: sequence.error } : {}), sequence });
    }
    const at = Date.now();
    const recorded = await afterWrite(() => markUndone(entry.id, at));
    return finish({ ...base, status: 'success', at, sequence: { ...sequence, ...recorded } });
  });
}
