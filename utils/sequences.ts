// The Skipcall sequences the user added by hand (the API lists none: there is
// no GET /v1/sequences), each with its assignee choice, and who "me" is.
// Pure: stored in IndexedDB as `sequencesItem` (utils/storage/items.ts).
import * as z from 'zod/mini';
import { readEach, type Reading } from './storage/item';

export const SEQUENCES_MAX = 50;

/** Who a contact added to a sequence is assigned to. */
export const AssigneeSchema = z.discriminatedUnion('mode', [
  /** The member chosen once as "me" in the options. */
  z.object({ mode: z.literal('me') }),
  /** No assignee sent: the API assigns round-robin [F]. */
  z.object({ mode: z.literal('round-robin') }),
  /** One workspace member (its workspace-membership id). */
  z.object({ mode: z.literal('member'), memberId: z.string().check(z.minLength(1), z.maxLength(200)), memberName: z.string().check(z.maxLength(300)) }),
]);
export type Assignee = z.infer<typeof AssigneeSchema>;

export const SavedSequenceSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  assignee: AssigneeSchema,
});
export type SavedSequence = z.infer<typeof SavedSequenceSchema>;

export const MemberRefSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)), name: z.string().check(z.maxLength(300)) });
export type MemberRef = z.infer<typeof MemberRefSchema>;

export interface SequenceSettings {
  sequences: SavedSequence[];
  /** Id of the default sequence (offered in the popup). */
  defaultId?: string;
  /** The user's own workspace membership, for the "me" assignee. */
  me?: MemberRef;
}

export const EMPTY_SEQUENCE_SETTINGS: SequenceSettings = { sequences: [] };

/** Sequence by sequence: a damaged one is left out and counted, never the rest. */
export function readStoredSequences(stored: unknown): Reading<SequenceSettings> {
  if (stored === undefined) return { value: { sequences: [] }, dropped: 0 };
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return { value: { sequences: [] }, dropped: 1 };
  const record = stored as Record<string, unknown>;
  const list = readEach(record.sequences, (raw) => {
    const parsed = SavedSequenceSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  });
  const sequences = list.value.slice(0, SEQUENCES_MAX);
  const me = MemberRefSchema.safeParse(record.me);
  const defaultId = typeof record.defaultId === 'string' && sequences.some((s) => s.id === record.defaultId) ? record.defaultId : undefined;
  return {
    value: { sequences, ...(defaultId ? { defaultId } : {}), ...(me.success ? { me: me.data } : {}) },
    dropped: list.dropped + (record.me !== undefined && !me.success ? 1 : 0),
  };
}

/** The default sequence, or the only one when a single sequence is saved. */
export function defaultSequence(settings: SequenceSettings): SavedSequence | undefined {
  return settings.sequences.find((s) => s.id === settings.defaultId) ?? (settings.sequences.length === 1 ? settings.sequences[0] : undefined);
}

/**
 * The membership id to send for a sequence's assignee: undefined means
 * round-robin; `me` without a chosen member is an error the caller shows.
 */
export function assigneeId(assignee: Assignee, me: MemberRef | undefined): { ok: true; id?: string } | { ok: false } {
  if (assignee.mode === 'round-robin') return { ok: true };
  if (assignee.mode === 'member') return { ok: true, id: assignee.memberId };
  return me ? { ok: true, id: me.id } : { ok: false };
}

export type SequenceRefResult = { ok: true; sequenceId: string } | { ok: false; problem: 'empty' | 'format' };

const SEQUENCE_ID = /^[A-Za-z0-9_-]{6,64}$/;
const SKIPCALL_HOST = /(^|\.)skipcall\.[a-z]{2,}$/i;

/**
 * A pasted sequence id, or a Skipcall app link holding one after a `sequence(s)`
 * segment (in the path or a hash route) or in a `sequenceId`/`id` parameter.
 * The app's link format is not documented: this is a tolerant guess [I], and the
 * id is verified against the API before it is saved.
 */
export function parseSequenceRef(input: string): SequenceRefResult {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (SEQUENCE_ID.test(text)) return { ok: true, sequenceId: text };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (!/^https?:$/.test(url.protocol) || !SKIPCALL_HOST.test(url.hostname)) return { ok: false, problem: 'format' };
  const hash = url.hash.replace(/^#!?/, '');
  const [hashPath = '', hashQuery = ''] = hash.split('?');
  for (const [path, query] of [
    [url.pathname, url.searchParams],
    [hashPath, new URLSearchParams(hashQuery)],
  ] as const) {
    const segments = path.split('/');
    for (let i = 0; i < segments.length - 1; i++) {
      const next = segments[i + 1] ?? '';
      if (/^sequences?$/i.test(segments[i] ?? '') && SEQUENCE_ID.test(next)) return { ok: true, sequenceId: next };
    }
    for (const name of ['sequenceId', 'sequence_id', 'id']) {
      const value = query.get(name)?.trim();
      if (value && SEQUENCE_ID.test(value)) return { ok: true, sequenceId: value };
    }
  }
  return { ok: false, problem: 'format' };
}
