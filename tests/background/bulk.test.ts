// Bulk operations on a list page against the sandbox: 25 rows, 10 linked (4 with
// changes), 8 with one candidate, 7 without → link, fill-only apply, create;
// exactly the expected requests, per-row results, history, batch undo, resume.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkIdle, msPerRequest, resumeBulk } from '@/entrypoints/background/bulk';
import { handleRequest } from '@/entrypoints/background/handlers';
import { loadRegistry, updateRegistry } from '@/entrypoints/background/registry-store';
import { directoryService } from '@/entrypoints/background/services';
import { addLink, findLink } from '@/utils/match/registry';
import type { BulkJob } from '@/utils/messages';
import { persistentStore, session } from '@/utils/storage/extension';
import { historyItem, sequencesItem } from '@/utils/storage/items';
import { bulkJobItem, listItem } from '@/utils/storage/session';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { DEMO_SEQUENCE_ID, MEMBER_PARIS_CLAIRE } from '../../sandbox/seed';
import { saveSettings, startBackground } from '../support/background';
import { LIKELY, LINKED, NONE, WITH_CHANGES, scenario, scenarioRead, type ScenarioPerson } from '../support/list-scenario';

let sandbox: Sandbox;
beforeAll(async () => {
  // A fast limit keeps the paced test short; the pace follows X-RateLimit-Limit.
  sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 6000 });
});
afterAll(() => sandbox.close());

const TAB = 7;
let people: ScenarioPerson[];

async function list() {
  const stored = await session.get(listItem, TAB);
  if (!stored) throw new Error('no list stored');
  return stored;
}

async function start(
  kind: BulkJob['kind'],
  items: { key: string; contactId?: string; plan?: { key: string; value: string; seen: string }[]; contact?: any }[],
  sequenceId?: string,
) {
  const reply = await handleRequest({ type: 'bulk-start', tabId: TAB, listKey: scenarioRead().listKey, kind, items, ...(sequenceId && { sequenceId }) }, undefined);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  await bulkIdle();
  return (await session.get(bulkJobItem, undefined))!;
}

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  people = scenario();
  for (const p of people) if (p.contact) sandbox.contacts.set(p.contact.id, structuredClone(p.contact));
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  (await directoryService().index()).upsert(people.flatMap((p) => (p.contact ? [p.contact] : [])));
  for (const p of people.filter((x) => x.linked)) {
    await updateRegistry((r) => addLink(r, { linkedinSalesUrl: p.row.linkedinSalesUrl, contactId: p.contact!.id, workspaceId: null, label: p.row.name, via: 'match' }));
  }
  const reply = await handleRequest({ type: 'page-read', read: scenarioRead(people) }, TAB);
  expect(reply.ok).toBe(true);
  sandbox.log.length = 0;
});

describe('list page match', () => {
  it('gives every row its state from the registry and the directory, without a request per row', async () => {
    const { matches } = await list();
    const states = matches.map((m) => (m.state === 'linked' ? (m.changes?.length ? 'changes' : 'same') : m.state));
    expect(states.filter((s) => s === 'changes')).toHaveLength(WITH_CHANGES);
    expect(states.filter((s) => s === 'same')).toHaveLength(LINKED - WITH_CHANGES);
    expect(states.filter((s) => s === 'likely')).toHaveLength(LIKELY);
    expect(states.filter((s) => s === 'none')).toHaveLength(NONE);
    expect(matches.filter((m) => m.state === 'likely').every((m) => m.highConfidence && m.reason === 'name-company')).toBe(true);
    expect(matches[0]!.changes).toEqual([{ key: 'role', status: 'fill', current: '', proposed: 'Directeur commercial' }]);
    expect(sandbox.log.filter((e) => e.path.startsWith('/v1/contacts/'))).toHaveLength(0);
  });
});

describe('bulk link, apply, create', () => {
  it('links the sure candidates without a request, then fills the empty fields with one PATCH each, then creates those with a phone', async () => {
    const { matches } = await list();
    const likely = matches.filter((m) => m.state === 'likely');
    const changed = matches.filter((m) => m.changes?.length);
    const linkJob = await start('link', likely.map((m) => ({ key: m.key, contactId: m.contactId! })));
    expect(linkJob.items.map((i) => i.state)).toEqual(Array(LIKELY).fill('written'));
    const registry = await loadRegistry();
    for (const m of likely) expect(findLink(registry, { linkedinSalesUrl: m.key })?.contactId).toBe(m.contactId);
    expect(sandbox.log).toHaveLength(0);

    expect(changed).toHaveLength(WITH_CHANGES);
    const applyJob = await start(
      'apply',
      changed.map((m) => ({ key: m.key, contactId: m.contactId!, plan: m.changes!.map((c) => ({ key: c.key, value: c.proposed, seen: '' })) })),
    );
    expect(applyJob.items.map((i) => i.state)).toEqual(Array(WITH_CHANGES).fill('written'));
    const patches = sandbox.log.filter((e) => e.method === 'PATCH');
    expect(patches.map((e) => e.path).sort()).toEqual(changed.map((m) => `/v1/contacts/${m.contactId}`).sort());
    for (const [i, patch] of patches.entries()) expect(Object.keys(patch.body as object)).toHaveLength(1), void i;
    expect(sandbox.log.filter((e) => e.method === 'GET' && e.path.startsWith('/v1/contacts/'))).toHaveLength(WITH_CHANGES);
    expect(sandbox.log.some((e) => e.status === 429)).toBe(false);
    for (const m of changed) {
      const stored = sandbox.contacts.get(m.contactId!)!;
      expect(stored.role && stored.city).toBeTruthy();
    }
    const history = await persistentStore().get(historyItem);
    expect(history.filter((h) => applyJob.items.some((i) => i.historyId === h.id))).toHaveLength(WITH_CHANGES);
    // After the writes, those rows read as up to date.
    const after = new Map((await list()).matches.map((m) => [m.key, m]));
    for (const m of changed) expect(after.get(m.key)?.changes).toEqual([]);

    sandbox.log.length = 0;
    const none = (await list()).matches.filter((m) => m.state === 'none');
    const rows = new Map((await list()).rows.map((r) => [r.key, r]));
    const createJob = await start(
      'create',
      none.map((m, i) => {
        const r = rows.get(m.key)!;
        // Two rows have no phone number: listed as skipped, never sent.
        return i < 2 ? { key: m.key } : { key: m.key, contact: { firstName: r.firstName, lastName: r.lastName, phoneNumbers: [`+3361111000${i}`], linkedinSalesUrl: r.linkedinSalesUrl } };
      }),
    );
    expect(createJob.items.map((i) => i.state)).toEqual(['skipped', 'skipped', ...Array(NONE - 2).fill('written')]);
    expect(createJob.items[0]!.reason).toBe('no-phone');
    expect(sandbox.log.map((e) => e.method)).toEqual(Array(NONE - 2).fill('POST'));
    expect((await list()).matches.filter((m) => m.state === 'linked')).toHaveLength(LINKED + LIKELY + NONE - 2);
  });

  it('a contact changed in Skipcall since the list was shown is a conflict: nothing written to it, the others go on', async () => {
    const changed = (await list()).matches.filter((m) => m.changes?.length);
    sandbox.editContact(changed[0]!.contactId!, changed[0]!.changes![0]!.key === 'role' ? { role: 'Set by a colleague' } : { city: 'Set by a colleague' });
    sandbox.log.length = 0;
    const job = await start(
      'apply',
      changed.map((m) => ({ key: m.key, contactId: m.contactId!, plan: m.changes!.map((c) => ({ key: c.key, value: c.proposed, seen: '' })) })),
    );
    expect(job.items.map((i) => [i.state, i.reason])).toEqual([['conflict', expect.any(String)], ...Array(3).fill(['written', undefined])]);
    expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(WITH_CHANGES - 1);
    expect(Object.values(sandbox.contacts.get(changed[0]!.contactId!)!)).toContain('Set by a colleague');
  });

  it('undoes the whole batch, one contact at a time; a field that was empty is never cleared', async () => {
    const changed = (await list()).matches.filter((m) => m.changes?.length);
    const job = await start(
      'apply',
      changed.map((m) => ({ key: m.key, contactId: m.contactId!, plan: m.changes!.map((c) => ({ key: c.key, value: c.proposed, seen: '' })) })),
    );
    sandbox.log.length = 0;
    const reply = await handleRequest({ type: 'bulk-undo', jobId: job.id }, undefined);
    expect(reply.ok && reply.job.items.every((i) => i.undone && /was-empty/.test(i.reason ?? ''))).toBe(true);
    expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
    expect(sandbox.log.filter((e) => e.method === 'GET')).toHaveLength(WITH_CHANGES);
  }, 20_000);

  it('refuses rows the list does not show, candidates that are not sure, and plans that are not fill-only', async () => {
    const { matches } = await list();
    const linked = matches.find((m) => m.changes?.length)!;
    const ask = (kind: BulkJob['kind'], items: any[]) => handleRequest({ type: 'bulk-start', tabId: TAB, listKey: scenarioRead().listKey, kind, items }, undefined);
    expect((await ask('link', [{ key: 'https://www.linkedin.com/sales/lead/NOPE', contactId: 'x' }])).ok).toBe(false);
    expect((await ask('link', [{ key: linked.key, contactId: linked.contactId }])).ok).toBe(false);
    expect((await ask('apply', [{ key: linked.key, contactId: linked.contactId, plan: [{ key: 'company', value: 'Other', seen: 'Brasserie Lumière' }] }])).ok).toBe(false);
    expect(sandbox.log).toHaveLength(0);
  });
});

describe('bulk add to a sequence', () => {
  const saveSequence = () =>
    persistentStore().set(sequencesItem, {
      sequences: [{ id: DEMO_SEQUENCE_ID, name: 'Relance salons 2026', assignee: { mode: 'member', memberId: MEMBER_PARIS_CLAIRE, memberName: 'Claire' } }],
      defaultId: DEMO_SEQUENCE_ID,
    });
  const posts = () => sandbox.log.filter((e) => e.method === 'POST');

  it('sends one POST per contact not in the sequence yet, none for those already in, with a history entry each; the batch undo takes them out', async () => {
    await saveSequence();
    const { matches } = await list();
    const sure = matches.filter((m) => m.state === 'linked' || (m.state === 'likely' && m.highConfidence));
    expect(sure).toHaveLength(LINKED + LIKELY);
    // Three of them were added before (one by one, from the contact view).
    for (const m of sure.slice(0, 3)) {
      const added = await handleRequest({ type: 'sequence-add', sequenceId: DEMO_SEQUENCE_ID, contactId: m.contactId! }, undefined);
      expect(added.ok && added.sequence.status).toBe('added');
    }
    const historyBefore = (await persistentStore().get(historyItem)).length;
    sandbox.log.length = 0;

    const job = await start('sequence', sure.map((m) => ({ key: m.key, contactId: m.contactId! })), DEMO_SEQUENCE_ID);
    expect(job).toMatchObject({ status: 'done', kind: 'sequence', sequence: { id: DEMO_SEQUENCE_ID, name: 'Relance salons 2026' } });
    expect(job.items.slice(0, 3).map((i) => [i.state, i.reason])).toEqual(Array(3).fill(['skipped', 'already-in']));
    expect(job.items.slice(3).map((i) => i.state)).toEqual(Array(sure.length - 3).fill('written'));
    // Exactly one POST per contact not in yet, with the saved assignee; the already-in ones send nothing.
    expect(posts().map((e) => e.path)).toEqual(Array(sure.length - 3).fill(`/v1/sequences/${DEMO_SEQUENCE_ID}/contacts`));
    expect(posts().map((e) => e.body)).toEqual(sure.slice(3).map((m) => [{ contactId: m.contactId, assignedToWorkspaceMembershipId: MEMBER_PARIS_CLAIRE }]));
    expect(sandbox.log.filter((e) => e.method === 'PATCH' || e.method === 'DELETE')).toHaveLength(0);
    // One undoable history entry per contact added.
    const history = await persistentStore().get(historyItem);
    expect(history.length - historyBefore).toBe(sure.length - 3);
    const entries = history.filter((h) => job.items.some((i) => i.historyId === h.id));
    expect(entries.map((h) => h.contactId).sort()).toEqual(sure.slice(3).map((m) => m.contactId).sort());
    expect(entries.every((h) => h.sequence?.id === DEMO_SEQUENCE_ID && h.sequence.undoable)).toBe(true);

    // Batch undo: one DELETE per contact added, none for the three added before.
    sandbox.log.length = 0;
    const undone = await handleRequest({ type: 'bulk-undo', jobId: job.id }, undefined);
    expect(undone.ok && undone.job.items.filter((i) => i.undone)).toHaveLength(sure.length - 3);
    const deletes = sandbox.log.filter((e) => e.method === 'DELETE');
    expect(deletes).toHaveLength(sure.length - 3);
    for (const m of sure) expect(deletes.some((e) => JSON.stringify(e.body).includes(m.contactId!))).toBe(!sure.slice(0, 3).includes(m));
  });

  it('refuses rows without a sure contact, and a sequence that is not saved', async () => {
    await saveSequence();
    const { matches } = await list();
    const none = matches.find((m) => m.state === 'none')!;
    const linked = matches.find((m) => m.state === 'linked')!;
    const ask = (items: { key: string; contactId?: string }[], sequenceId?: string) =>
      handleRequest({ type: 'bulk-start', tabId: TAB, listKey: scenarioRead().listKey, kind: 'sequence', items, ...(sequenceId && { sequenceId }) }, undefined);
    expect((await ask([{ key: none.key }], DEMO_SEQUENCE_ID)).ok).toBe(false);
    expect((await ask([{ key: linked.key, contactId: matches.find((m) => m.state === 'likely')!.contactId }], DEMO_SEQUENCE_ID)).ok).toBe(false);
    expect((await ask([{ key: linked.key, contactId: linked.contactId }], 'not-a-saved-sequence')).ok).toBe(false);
    expect((await ask([{ key: linked.key, contactId: linked.contactId }])).ok).toBe(false);
    expect(sandbox.log).toHaveLength(0);
  });

  it('tells an error per row with its reason, and goes on with the next rows', async () => {
    await saveSequence();
    const { matches } = await list();
    const linked = matches.filter((m) => m.state === 'linked').slice(0, 3);
    // The second contact is gone from Skipcall's scope: the API ignores it silently, the final reading tells it.
    sandbox.contacts.delete(linked[1]!.contactId!);
    const job = await start('sequence', linked.map((m) => ({ key: m.key, contactId: m.contactId! })), DEMO_SEQUENCE_ID);
    expect(job.items.map((i) => [i.state, i.reason])).toEqual([['written', undefined], ['error', 'ignored'], ['written', undefined]]);
    // The batch undo leaves the ignored one alone: only the two added are taken out.
    expect(job.items.map((i) => !!i.historyId)).toEqual([true, false, true]);
    sandbox.log.length = 0;
    await handleRequest({ type: 'bulk-undo', jobId: job.id }, undefined);
    expect(sandbox.log.filter((e) => e.method === 'DELETE')).toHaveLength(2);
  });
});

describe('resume and pace', () => {
  it('a batch cut short by the worker stopping resumes where it was; a create that was in flight is never sent twice', async () => {
    const { matches, rows } = await list();
    const changed = matches.filter((m) => m.changes?.length);
    const none = matches.find((m) => m.state === 'none')!;
    const row = rows.find((r) => r.key === none.key)!;
    // As the worker left it: two rows written, the rest queued.
    const base = { label: 'x', identity: {} };
    await session.set(bulkJobItem, undefined, {
      id: 'job-1', kind: 'apply', tabId: TAB, listKey: scenarioRead().listKey, status: 'running', createdAt: Date.now(), msPerRequest: 10,
      items: changed.map((m, i) => ({ ...base, key: m.key, contactId: m.contactId, plan: m.changes!.map((c) => ({ key: c.key, value: c.proposed, seen: '' })), state: (i < 2 ? 'written' : 'queued') as 'written' | 'queued' })),
    });
    startBackgroundAgainKeepingStorage();
    await resumeBulk();
    const job = (await session.get(bulkJobItem, undefined))!;
    expect(job.status).toBe('done');
    expect(sandbox.log.filter((e) => e.method === 'PATCH').map((e) => e.path)).toEqual(changed.slice(2).map((m) => `/v1/contacts/${m.contactId}`));

    sandbox.log.length = 0;
    await session.set(bulkJobItem, undefined, {
      id: 'job-2', kind: 'create', tabId: TAB, listKey: scenarioRead().listKey, status: 'running', createdAt: Date.now(), msPerRequest: 10,
      items: [{ ...base, key: row.key, create: { firstName: 'A', lastName: 'B', phoneNumbers: ['+33611110000'] }, state: 'sending' }],
    });
    await resumeBulk();
    expect((await session.get(bulkJobItem, undefined))!.items[0]).toMatchObject({ state: 'error', reason: 'interrupted' });
    expect(sandbox.log.filter((e) => e.method === 'POST')).toHaveLength(0);
  });

  it('paces requests under the plan: 100/min → no more than 45 bulk requests a minute, 1000/min → ten times faster', () => {
    expect(60_000 / msPerRequest({ limit: 100, remaining: 100, resetAt: 0 })).toBeLessThanOrEqual(45);
    expect(60_000 / msPerRequest(undefined)).toBeLessThanOrEqual(45);
    expect(msPerRequest({ limit: 1000, remaining: 1000, resetAt: 0 })).toBe(Math.ceil(msPerRequest({ limit: 100, remaining: 100, resetAt: 0 }) / 10));
  });
});

/** A restarted worker: nothing in memory, storage as it was. */
function startBackgroundAgainKeepingStorage(): void {
  // The runner's state is only the stored job: nothing else to reset here.
}
