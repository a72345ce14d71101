// Bulk operations on the rows of a list page: link, fill-only apply, create,
// add to a saved sequence.
// One operation at a time, stored in session storage after every row, so it
// resumes after the popup closes or the worker restarts. Requests are paced
// under the API's rate limit (X-RateLimit-*), each contact is written with its
// own PATCH after the same conflict check as a single Apply, each contact is
// added to a sequence with its own POST after the same membership check as a
// single add, and each write is one history entry (undo per contact, or for
// the whole batch).
import { historyEntry } from '@/utils/diff/history';
import { patchFromPlan, planConflicts, planProblems } from '@/utils/diff/plan';
import { contactLabel } from '@/utils/match/contact';
import { upsertContacts } from '@/utils/match/directory';
import { addLink } from '@/utils/match/registry';
import type { BulkItem, BulkJob, Reply, Request } from '@/utils/messages';
import { SkipcallApiError, toErrorInfo, type ApiErrorInfo } from '@/utils/skipcall/errors';
import type { RateLimitState, SkipcallClient } from '@/utils/skipcall/client';
import { ContactCreateSchema, type Contact } from '@/utils/skipcall/schemas';
import { session } from '@/utils/storage/extension';
import { bulkJobItem, listItem } from '@/utils/storage/session';
import { clientFromSettings, customFieldDefinitions } from './api';
import { rememberContact } from './contact-cache';
import { refreshList } from './lists';
import { updateRegistry } from './registry-store';
import { directoryService } from './services';
import { loadSettings, recordHistory } from './stores';
import { addToSequence, savedSequence, sequenceMembers } from './sequences';
import { refreshAllTabs } from './tab-status';
import { undoEntry } from './writes';

/** Share of the rate limit bulk operations use: the directory's reading may use the other half. */
const RATE_SHARE = 0.45;
const DEFAULT_LIMIT_PER_MIN = 100;
const MAX_RATE_RETRIES = 3;

export function msPerRequest(rateLimit: RateLimitState | undefined): number {
  const limit = rateLimit && rateLimit.limit > 0 ? rateLimit.limit : DEFAULT_LIMIT_PER_MIN;
  return Math.ceil(60_000 / (limit * RATE_SHARE));
}

/** Requests a row of this kind costs (for the ETA). */
export const REQUESTS_PER_ROW: Readonly<Record<BulkJob['kind'], number>> = { link: 0, apply: 2, create: 1, sequence: 1 };

// Every change to the stored job goes through this queue: the runner and a cancel never overwrite each other.
let jobQueue: Promise<unknown> = Promise.resolve();
function updateJob(change: (job: BulkJob | undefined) => BulkJob | undefined): Promise<BulkJob | undefined> {
  const next = jobQueue.then(async () => {
    const updated = change(await session.get(bulkJobItem, undefined));
    if (updated) await session.set(bulkJobItem, undefined, updated);
    return updated;
  });
  jobQueue = next.catch(() => undefined);
  return next;
}

const refused = (detail: string) => ({ ok: false as const, error: { kind: 'refused' as const, detail } });
const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

type StartRequest = Extract<Request, { type: 'bulk-start' }>;

/** Checks a bulk request against the rows and matches the popup showed, and starts it. */
export async function startBulk(request: StartRequest): Promise<Reply<{ job: BulkJob }>> {
  const current = await session.get(bulkJobItem, undefined);
  if (current?.status === 'running') return refused('a bulk operation is already running');
  const list = await session.get(listItem, request.tabId);
  if (!list || list.listKey !== request.listKey) return { ok: false, error: { kind: 'page-changed' } };
  const rows = new Map(list.rows.map((r) => [r.key, r]));
  const matches = new Map(list.matches.map((m) => [m.key, m]));
  const mapped = Object.values((await loadSettings()).customFieldMap);
  let sequence: BulkJob['sequence'];
  if (request.kind === 'sequence') {
    if (!request.sequenceId) return refused('no sequence');
    const saved = await savedSequence(request.sequenceId).catch(() => undefined);
    if (!saved) return refused('sequence not saved in the options');
    sequence = { id: saved.id, name: saved.name };
  }
  const items: BulkItem[] = [];
  for (const item of request.items) {
    const row = rows.get(item.key);
    const match = matches.get(item.key);
    if (!row || !match) return { ok: false, error: { kind: 'page-changed' } };
    const identity = { ...(row.linkedinUrl && { linkedinUrl: row.linkedinUrl }), ...(row.linkedinSalesUrl && { linkedinSalesUrl: row.linkedinSalesUrl }) };
    const base = { key: row.key, label: row.name, identity, state: 'queued' as const };
    if (request.kind === 'link') {
      // Only the contact the user was shown for this row, and only a high-confidence one.
      if (match.state !== 'likely' || !match.highConfidence || match.contactId !== item.contactId) return refused(`row ${row.key}: not a sure match`);
      items.push({ ...base, contactId: match.contactId });
    } else if (request.kind === 'apply') {
      if (match.state !== 'linked' || match.contactId !== item.contactId || !item.plan) return refused(`row ${row.key}: not linked`);
      // Fill-only: every planned key was empty in Skipcall when the user saw it.
      if (item.plan.some((c) => (Array.isArray(c.seen) ? c.seen.length : c.seen) !== 0 && c.seen !== '')) return refused(`row ${row.key}: not fill-only`);
      if (planProblems(item.plan, mapped).length) return refused(`row ${row.key}: unknown field`);
      items.push({ ...base, contactId: match.contactId, plan: item.plan });
    } else if (request.kind === 'sequence') {
      // A linked contact, or the sure candidate the user was shown (as for a link).
      const sure = match.state === 'linked' || (match.state === 'likely' && match.highConfidence);
      if (!sure || !match.contactId || match.contactId !== item.contactId) return refused(`row ${row.key}: no sure contact`);
      items.push({ ...base, contactId: match.contactId });
    } else {
      if (match.state !== 'none') return refused(`row ${row.key}: has a candidate`);
      if (!item.contact) items.push({ ...base, state: 'skipped', reason: 'no-phone' });
      else items.push({ ...base, create: item.contact as Record<string, unknown> });
    }
  }
  const job: BulkJob = {
    id: newId(),
    kind: request.kind,
    ...(sequence && { sequence }),
    tabId: request.tabId,
    listKey: request.listKey,
    status: 'running',
    createdAt: Date.now(),
    msPerRequest: msPerRequest(undefined),
    items,
  };
  await updateJob(() => job);
  resumeBulk();
  return { ok: true, job };
}

export async function cancelBulk(): Promise<BulkJob | null> {
  return (await updateJob((job) => (job?.status === 'running' ? { ...job, status: 'cancelled', finishedAt: Date.now() } : job))) ?? null;
}

let running: Promise<void> | undefined;

/** Runs the stored job to its end (if one is running); called on start and whenever the worker wakes. */
export function resumeBulk(): Promise<void> {
  running ??= run()
    .catch(() => undefined)
    .finally(() => {
      running = undefined;
    });
  return running;
}

/** Waits for the running job (tests). */
export function bulkIdle(): Promise<void> {
  return running ?? Promise.resolve();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reasonOf(info: ApiErrorInfo): string {
  return [info.kind, info.status, info.code].filter((x) => x !== undefined && x !== '').join(' ');
}

async function run(): Promise<void> {
  let client: SkipcallClient | undefined;
  let nextAt = 0;
  /** Waits for the next request slot: evenly spaced under the limit, and past the window's reset when it is nearly used up. */
  const paced = async <T>(call: (c: SkipcallClient) => Promise<T>): Promise<T> => {
    client ??= await clientFromSettings();
    const rl = client.rateLimit;
    const now = Date.now();
    const at = Math.max(nextAt, rl && rl.remaining <= 1 && rl.resetAt > now ? rl.resetAt : 0);
    if (at > now) await sleep(at - now);
    nextAt = Date.now() + msPerRequest(client.rateLimit);
    return call(client);
  };

  for (;;) {
    const job = await session.get(bulkJobItem, undefined);
    if (!job || job.status !== 'running') return;
    const index = job.items.findIndex((i) => i.state === 'queued' || i.state === 'sending');
    if (index < 0) {
      if (job.kind === 'sequence' && job.sequence) await verifyAdds(job, paced).catch(() => undefined);
      await updateJob((j) => (j?.id === job.id && j.status === 'running' ? { ...j, status: 'done', finishedAt: Date.now() } : j));
      await refreshList(job.tabId).catch(() => undefined);
      void refreshAllTabs().catch(() => undefined);
      return;
    }
    const item = job.items[index]!;
    let outcome: Partial<BulkItem>;
    if (item.state === 'sending' && job.kind === 'create') {
      // The worker stopped while the POST was out: it may have been created; never send it twice.
      outcome = { state: 'error', reason: 'interrupted' };
    } else {
      if (job.kind === 'create') await updateJob((j) => withItem(j, job.id, index, { state: 'sending' }));
      outcome = await runItem(job.kind, item, paced, job.sequence?.id);
    }
    await updateJob((j) => withItem(j, job.id, index, outcome));
    if (client) await updateJob((j) => (j?.id === job.id ? { ...j, msPerRequest: msPerRequest(client!.rateLimit) } : j));
  }
}

function withItem(job: BulkJob | undefined, id: string, index: number, change: Partial<BulkItem>): BulkJob | undefined {
  if (!job || job.id !== id) return job;
  const items = job.items.slice();
  items[index] = { ...items[index]!, ...change };
  return { ...job, items };
}

type Paced = <T>(call: (c: SkipcallClient) => Promise<T>) => Promise<T>;

async function runItem(kind: BulkJob['kind'], item: BulkItem, paced: Paced, sequenceId?: string): Promise<Partial<BulkItem>> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (kind === 'link') return await linkItem(item, paced);
      if (kind === 'apply') return await applyItem(item, paced);
      if (kind === 'sequence') return await sequenceItem(sequenceId!, item, paced);
      return await createItem(item, paced);
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'rate-limited' && attempt < MAX_RATE_RETRIES) {
        await sleep(Math.max(1000, (info.retryAt ?? Date.now() + 5000) - Date.now()));
        continue;
      }
      return { state: 'error', reason: reasonOf(info) };
    }
  }
}

async function record(identity: BulkItem['identity'], contact: Pick<Contact, 'id' | 'firstName' | 'lastName' | 'company'> & { teamId?: string | null }, via: 'match' | 'create') {
  await updateRegistry((current) =>
    addLink(current, { ...identity, contactId: contact.id, workspaceId: contact.teamId ?? null, label: contactLabel(contact), via }),
  );
}

/** A link costs no request when the directory knows the contact. */
async function linkItem(item: BulkItem, paced: Paced): Promise<Partial<BulkItem>> {
  const known = (await directoryService().index()).get(item.contactId!);
  const contact = known ?? (await paced((c) => c.getContact(item.contactId!)));
  await record(item.identity, contact, 'match');
  return { state: 'written' };
}

/** One GET (conflict check on the raw values the user saw), then one PATCH of exactly the plan, then its history entry. */
async function applyItem(item: BulkItem, paced: Paced): Promise<Partial<BulkItem>> {
  const id = item.contactId!;
  const plan = item.plan ?? [];
  const fresh = await paced((c) => c.getContact(id));
  const definitions = await paced((c) => customFieldDefinitions(c));
  const changed = planConflicts(plan, fresh, definitions);
  if (changed.length) {
    await rememberContact(fresh);
    return { state: 'conflict', reason: changed.join(', ') };
  }
  const write = patchFromPlan(plan, fresh, definitions);
  if (!write.keys.length) return { state: 'written', reason: 'nothing-to-write' };
  const updated = await paced((c) => c.patchContact(id, write.patch));
  const historyId = newId();
  await rememberContact(updated).catch(() => undefined);
  try {
    await recordHistory(historyEntry(historyId, Date.now(), fresh, updated, write.keys, definitions));
    return { state: 'written', historyId };
  } catch {
    return { state: 'written', reason: 'not-recorded' };
  }
}

/** The single add's rules (membership first, saved assignee, one history entry), paced; already-in rows send nothing. */
async function sequenceItem(sequenceId: string, item: BulkItem, paced: Paced): Promise<Partial<BulkItem>> {
  const result = await addToSequence(sequenceId, item.contactId!, item.label, { callApi: paced, verify: false });
  if (result.status === 'added') return { state: 'written', ...(result.historyId && { historyId: result.historyId }), ...(result.warning && { reason: result.warning }) };
  if (result.status === 'already-in') return { state: 'skipped', reason: 'already-in' };
  if (result.status === 'error' && result.error?.kind === 'rate-limited') throw new SkipcallApiError(result.error);
  if (result.status === 'error' && result.error) return { state: 'error', reason: result.error.kind === 'refused' ? result.error.detail : reasonOf(result.error as ApiErrorInfo) };
  return { state: 'error', reason: result.status };
}

/**
 * The API ignores silently a contact it does not add (out of the key's scope):
 * once the batch is sent, the sequence is read once again, and an added row
 * whose contact is not in it reads as an error ("ignored").
 */
async function verifyAdds(job: BulkJob, paced: Paced): Promise<void> {
  if (!job.items.some((i) => i.state === 'written')) return;
  const after = await sequenceMembers(paced, job.sequence!.id, true);
  if (!after.complete) return;
  for (let index = 0; index < job.items.length; index++) {
    const item = job.items[index]!;
    if (item.state === 'written' && item.contactId && !after.contactIds.has(item.contactId)) {
      // Not in the batch undo: there is nothing of this batch to take out for it.
      await updateJob((j) => withItem(j, job.id, index, { state: 'error', reason: 'ignored', historyId: undefined }));
    }
  }
}

async function createItem(item: BulkItem, paced: Paced): Promise<Partial<BulkItem>> {
  const body = ContactCreateSchema.safeParse(item.create);
  if (!body.success) return { state: 'error', reason: 'invalid contact' };
  const contact = await paced((c) => c.createContact(body.data));
  // Once created, a local failure must not read as "not created" (a retry would create it twice).
  await Promise.allSettled([
    rememberContact(contact),
    directoryService()
      .index()
      .then((index) => upsertContacts(index, [contact])),
    record(item.identity, contact, 'create'),
  ]);
  return { state: 'written', contactId: contact.id };
}

/** Undoes every write of a finished bulk apply or sequence add, one contact at a time (each where it still holds what was written). */
export async function undoBulk(jobId: string): Promise<Reply<{ job: BulkJob }>> {
  const job = await session.get(bulkJobItem, undefined);
  if (!job || job.id !== jobId || (job.kind !== 'apply' && job.kind !== 'sequence')) return refused('no such batch');
  if (job.status === 'running') return refused('the batch is still running');
  for (let index = 0; index < job.items.length; index++) {
    const item = job.items[index]!;
    if (!item.historyId || item.undone) continue;
    const result = await undoEntry(item.historyId);
    // Skipcall never gets an empty value: a field that was empty before stays as written (reason kept per contact).
    const blocked = result.blocked?.map((b) => `${b.key}: ${b.reason}`).join(', ');
    const change: Partial<BulkItem> =
      result.status !== 'success'
        ? { reason: `undo: ${result.error ? result.error.kind : result.status}` }
        : { undone: true, ...(blocked && { reason: `undo kept ${blocked}` }) };
    await updateJob((j) => withItem(j, jobId, index, change));
    await sleep(job.msPerRequest * 2);
  }
  await refreshList(job.tabId).catch(() => undefined);
  return { ok: true, job: (await session.get(bulkJobItem, undefined))! };
}
