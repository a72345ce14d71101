// One handler per request type. The caller has already validated the message
// and its sender, and turns a thrown API error into `{ok: false, error}`.
import type { Reply, ReplyTo, Request, ResponseMap } from '@/utils/messages';
import { SkipcallApiError } from '@/utils/skipcall/errors';
import { persistentStore } from '@/utils/storage/extension';
import { directoryAccountItem, provenanceItem } from '@/utils/storage/items';
import { clientFromSettings, customFieldDefinitions, forgetCustomFields } from './api';
import { CONTACT_FRESH_MS, cachedContact, peekContact } from './contact-cache';
import { createAndLink, importLinks, linkContact, matchProfile, registryView, searchDirectory, unlinkContact } from './matching';
import { directoryService } from './services';
import { loadHistory, loadSettings, loadWriteResult, sweepSession } from './stores';
import { onPageRead } from './tab-status';
import { addToSequence, listMembers, rememberWorkspaces, sequenceStatus, verifySequence } from './sequences';
import { cancelBulk, resumeBulk, startBulk, undoBulk } from './bulk';
import { session } from '@/utils/storage/extension';
import { bulkJobItem } from '@/utils/storage/session';
import { refreshList } from './lists';
import { applyChanges, applyThenAdd, undoEntry } from './writes';

type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, tabId: number | undefined) => Promise<Reply<ResponseMap[K]>>;
};

/** The directory belongs to one account: a new key or API address starts it over. */
async function directoryForAccount(): Promise<void> {
  const settings = await loadSettings();
  const account = `${settings.apiBaseUrl}|${settings.apiKey.slice(-8)}`;
  if ((await persistentStore().get(directoryAccountItem)) !== account) {
    await directoryService().reset();
    await forgetCustomFields();
    await persistentStore().set(directoryAccountItem, account);
  }
}

/**
 * Page reads come several per navigation (late sections re-read): the sweep of
 * the whole session store runs at most once per contact freshness period, the
 * shortest time after which it has anything to drop.
 */
let lastSweep = 0;
function sweepNowAndThen(): void {
  const now = Date.now();
  if (now - lastSweep < CONTACT_FRESH_MS) return;
  lastSweep = now;
  void sweepSession(now, CONTACT_FRESH_MS).catch(() => undefined);
}

export const handlers: Handlers = {
  async 'page-read'(request, tabId) {
    if (tabId === undefined) return { ok: false, error: { kind: 'refused', detail: 'no tab' } };
    await onPageRead(tabId, request.read);
    if (request.read.state === 'list') await refreshList(tabId).catch(() => undefined);
    sweepNowAndThen();
    if ((request.read.state === 'profile' || request.read.state === 'list') && (await loadSettings()).apiKey) void directoryService().sync().catch(() => undefined);
    return { ok: true, accepted: true };
  },

  async 'check-connection'() {
    const client = await clientFromSettings();
    const workspaces = await client.listWorkspaces();
    await rememberWorkspaces(workspaces);
    await directoryForAccount();
    // Ready before the first profile: the diff needs the custom fields, matching the directory.
    void customFieldDefinitions(client).catch(() => undefined);
    void directoryService().sync(true).catch(() => undefined);
    return { ok: true, workspaces };
  },

  async 'get-contact'(request) {
    const client = await clientFromSettings();
    const [contact, customFields, provenance] = await Promise.all([
      cachedContact(client, request.contactId),
      customFieldDefinitions(client),
      persistentStore().get(provenanceItem(request.contactId)),
    ]);
    return { ok: true, contact, customFields, provenance };
  },

  async apply({ sequenceId, ...request }) {
    return { ok: true, result: await (sequenceId ? applyThenAdd(request, sequenceId) : applyChanges(request)) };
  },

  async 'get-write'(request) {
    return { ok: true, result: await loadWriteResult(request.contactId) };
  },

  async 'get-history'(request) {
    const entries = await loadHistory();
    return { ok: true, entries: request.contactId ? entries.filter((e) => e.contactId === request.contactId) : entries };
  },

  async undo(request) {
    return { ok: true, result: await undoEntry(request.entryId) };
  },

  async match(request) {
    return { ok: true, ...(await matchProfile(request.profile)) };
  },

  async 'search-contacts'(request) {
    return { ok: true, contacts: await searchDirectory(request.query) };
  },

  async link(request) {
    return { ok: true, link: await linkContact(request.identity, request.contactId, request.via) };
  },

  async unlink(request) {
    return { ok: true, removed: await unlinkContact(request.identity, request.contactId) };
  },

  async 'create-contact'(request) {
    return { ok: true, ...(await createAndLink(request.identity, request.contact, request.jobChangeFrom)) };
  },

  async 'get-registry'() {
    return { ok: true, ...(await registryView()) };
  },

  async 'import-registry'(request) {
    return importLinks(request.json);
  },

  async 'get-directory'() {
    return { ok: true, directory: await directoryService().status() };
  },

  async 'get-custom-fields'() {
    return { ok: true, fields: await customFieldDefinitions(await clientFromSettings()) };
  },

  async 'verify-sequence'(request) {
    await verifySequence(request.sequenceId);
    return { ok: true, verified: true };
  },

  async 'list-members'() {
    return { ok: true, workspaces: await listMembers() };
  },

  async 'sequence-status'(request) {
    return { ok: true, inSequence: await sequenceStatus(request.sequenceId, request.contactId) };
  },

  async 'sequence-add'(request) {
    const contact = await peekContact(request.contactId).catch(() => undefined);
    const label = contact ? `${contact.firstName} ${contact.lastName}`.trim() : '';
    return { ok: true, sequence: await addToSequence(request.sequenceId, request.contactId, label) };
  },

  async 'bulk-start'(request) {
    return startBulk(request);
  },

  async 'list-open'(request) {
    void resumeBulk();
    await refreshList(request.tabId).catch(() => undefined);
    return { ok: true, job: (await session.get(bulkJobItem, undefined)) ?? null };
  },

  async 'bulk-cancel'() {
    return { ok: true, job: await cancelBulk() };
  },

  async 'bulk-undo'(request) {
    return undoBulk(request.jobId);
  },

  async 'sync-directory'() {
    void directoryService().sync(true).catch(() => undefined);
    return { ok: true, directory: await directoryService().status() };
  },
};

type AnyHandler = (request: Request, tabId: number | undefined) => Promise<Reply<object>>;

/** Runs the handler of a validated request; an API failure becomes `{ok: false, error}`. */
export async function handleRequest<R extends Request>(request: R, tabId: number | undefined): Promise<ReplyTo<R>> {
  try {
    return (await (handlers[request.type] as AnyHandler)(request, tabId)) as ReplyTo<R>;
  } catch (error) {
    if (error instanceof SkipcallApiError) return { ok: false, error: error.info };
    return { ok: false, error: { kind: 'refused', detail: 'internal error' } };
  }
}
