// The write history: each PATCH with the values it replaced, so it can be undone.
import * as z from 'zod/mini';
import type { Contact, ContactPatch, CustomField } from '../skipcall/schemas';
import { readEach, type Reading } from '../storage/item';
import { CUSTOM_PREFIX, PHONE_KEY } from './fields';
import { rawValue, sameRaw } from './plan';

export const HISTORY_MAX = 200;

const ValueSchema = z.union([z.string(), z.array(z.string())]);

export const HistoryEntrySchema = z.object({
  id: z.string(),
  contactId: z.string(),
  label: z.string(),
  at: z.number(),
  /** Per diff key: Skipcall's raw value before the write ('' or [] when empty) and the raw value after it. */
  changes: z.array(z.object({ key: z.string(), before: ValueSchema, after: ValueSchema })),
  /**
   * A contact created for the person's new job (changes empty): the profile was
   * linked to it instead of `fromContactId`. Undo links the profile back; the
   * created contact stays in Skipcall.
   */
  jobChange: z.optional(
    z.object({
      fromContactId: z.string(),
      fromLabel: z.string(),
      identity: z.object({ linkedinUrl: z.optional(z.string()), linkedinSalesUrl: z.optional(z.string()) }),
    }),
  ),
  /** A sequence addition (changes is empty): undo removes the contact from it. */
  sequence: z.optional(
    z.object({
      id: z.string(),
      name: z.string(),
      assigneeId: z.optional(z.string()),
      /** false when the sequence was too long to check that the contact was not in it before: removing it could undo someone else's add. */
      undoable: z.boolean(),
    }),
  ),
  /** Set once undone. */
  undoneAt: z.optional(z.number()),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** Entry by entry: one damaged entry is left out (and counted), never the whole history. Newest first, at most HISTORY_MAX. */
export function readStoredHistory(stored: unknown): Reading<HistoryEntry[]> {
  const read = readEach(stored, (raw) => {
    const parsed = HistoryEntrySchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  });
  return { value: read.value.slice(0, HISTORY_MAX), dropped: read.dropped };
}

/** The entry for a write of `keys` that turned `before` into `after`. */
export function historyEntry(
  id: string,
  at: number,
  before: Contact,
  after: Contact,
  keys: readonly string[],
  definitions: readonly CustomField[] = [],
): HistoryEntry {
  return {
    id,
    contactId: after.id,
    label: `${after.firstName} ${after.lastName}`.trim(),
    at,
    changes: keys.map((key) => ({ key, before: rawValue(before, key, definitions), after: rawValue(after, key, definitions) })),
  };
}

/** Newest first, at most HISTORY_MAX entries. */
export function appendHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history].slice(0, HISTORY_MAX);
}

export type UndoBlock = { key: string; reason: 'changed' | 'was-empty' };

export interface UndoPlan {
  patch: ContactPatch;
  keys: string[];
  blocked: UndoBlock[];
}

/**
 * Restores the previous values of the fields that still hold what was written.
 * A field that was empty before cannot be cleared (the API has no way to, and
 * we never send an empty value), and a field changed since is left alone.
 */
export function planUndo(entry: HistoryEntry, fresh: Contact, definitions: readonly CustomField[] = []): UndoPlan {
  const patch: ContactPatch = {};
  const keys: string[] = [];
  const blocked: UndoBlock[] = [];
  for (const change of entry.changes) {
    // Raw comparison: a colleague's re-casing since the write is their edit, and blocks the undo.
    if (!sameRaw(rawValue(fresh, change.key, definitions), change.after)) {
      blocked.push({ key: change.key, reason: 'changed' });
      continue;
    }
    const empty = Array.isArray(change.before) ? change.before.length === 0 : change.before.trim() === '';
    if (empty) {
      blocked.push({ key: change.key, reason: 'was-empty' });
      continue;
    }
    if (change.key === PHONE_KEY) patch.phoneNumbers = [...(change.before as string[])];
    else if (change.key.startsWith(CUSTOM_PREFIX)) {
      patch.customFields = { ...patch.customFields, [change.key.slice(CUSTOM_PREFIX.length)]: String(change.before) };
    } else (patch as Record<string, string>)[change.key] = String(change.before);
    keys.push(change.key);
  }
  return { patch, keys, blocked };
}
