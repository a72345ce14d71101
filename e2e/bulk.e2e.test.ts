// A list page in Chromium with the built extension and the sandbox: 25 leads,
// 10 linked (4 with changes), 8 with one candidate, 7 without → link, fill-only
// apply (with the worker stopped midway), create, add to a sequence; exactly the expected requests,
// none over the rate limit, and no DOM write on the list page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLink, emptyRegistry, exportRegistry } from '../utils/match/registry';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../sandbox/server';
import { DEMO_SEQUENCE_ID } from '../sandbox/seed';
import { LINKED, LIKELY, NONE, WITH_CHANGES, scenario } from '../tests/support/list-scenario';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { configureExtension } from './support/options';
import { addSequenceInOptions } from './support/sequence-scenarios';
import { installMutationRecorder, recordedMutations } from './support/mutations';
import { LIST_URL, e2eLinkedIn } from './support/pages';
import { findTabId, resetExtensionStorage } from './support/tabs';
import { fromPlaywright } from './support/ui';
import { waitUntil } from './support/wait';
import { axeViolations } from './support/write-scenarios';

let sandbox: Sandbox;
let chromium: ChromiumExtension;
const people = scenario();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  chromium = await launchChromium({ serve: e2eLinkedIn });
});
afterAll(async () => {
  await chromium?.close();
  await sandbox?.close();
});

type Page = Awaited<ReturnType<ChromiumExtension['newPage']>>;

async function openListPopup(tabId: number): Promise<Page> {
  const popup = await chromium.newPage();
  await popup.goto(`${chromium.extensionOrigin}/popup.html?tabId=${tabId}`);
  return popup;
}

const summary = (popup: Page) => popup.textContent('[data-testid="list-summary"]').catch(() => '');
const progress = (popup: Page) =>
  popup.evaluate(() => {
    const el = document.querySelector('[data-testid="bulk-progress"]');
    return el ? { status: el.getAttribute('data-status'), kind: el.getAttribute('data-kind'), text: el.textContent } : null;
  });
async function waitDone(popup: Page, kind: string, timeout: number) {
  return waitUntil(async () => {
    const p = await progress(popup);
    return p?.kind === kind && p.status === 'done' ? p : null;
  }, { what: `the bulk ${kind} to finish`, timeout, interval: 250 });
}
const contactRequests = () => sandbox.log.filter((e) => /^\/v1\/contacts(\/|$)/.test(e.path) && !(e.method === 'GET' && e.path === '/v1/contacts'));

describe('bulk on a list page', () => {
  it('links, fills, creates and adds to a sequence with exactly the expected requests, resumes after a worker stop, and never writes to the page', async () => {
    sandbox.reset();
    for (const p of people) if (p.contact) sandbox.contacts.set(p.contact.id, structuredClone(p.contact));
    await resetExtensionStorage(chromium);
    const status = await configureExtension(chromium, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    expect(status.status, status.text).toBe('ok');
    const options = await addSequenceInOptions(chromium, { ref: DEMO_SEQUENCE_ID, name: 'Relance salons 2026', assignee: 'round-robin' });
    await options.close();
    // Ten people linked before (as the registry export/import carries them).
    let registry = emptyRegistry();
    for (const p of people.filter((x) => x.linked)) {
      registry = addLink(registry, { linkedinSalesUrl: p.row.linkedinSalesUrl, contactId: p.contact!.id, workspaceId: null, label: p.row.name, via: 'match' });
    }
    const control = await chromium.control();
    const imported = await control.evaluate(async (json) => {
      const g = globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } };
      return g.chrome!.runtime.sendMessage({ type: 'import-registry', json });
    }, exportRegistry(registry));
    expect(imported.ok).toBe(true);
    // The directory has read every contact before the list is matched.
    await waitUntil(() => sandbox.log.some((e) => e.method === 'GET' && e.path === '/v1/contacts'), { what: 'the directory to be read', timeout: 20_000 });

    const page = await chromium.newPage();
    await page.addInitScript(installMutationRecorder);
    await page.goto(LIST_URL);
    const tabId = await findTabId(chromium, LIST_URL);
    let popup = await openListPopup(tabId);
    await waitUntil(async () => (await summary(popup))?.startsWith(`25 people · ${LINKED} linked (${WITH_CHANGES} with changes) · ${LIKELY} likely`) || null, {
      what: 'the list view with its match',
      timeout: 30_000,
      interval: 250,
    });
    expect(await popup.locator('[data-testid="list-row"][data-match-state="none"]').count()).toBe(NONE);
    expect(await popup.getAttribute('[data-testid="page-state"]', 'data-state')).toBe('list');
    // The list view is usable with a screen reader and a keyboard (axe-core, with a row expanded).
    await popup.locator('[data-testid="list-row-expand"]').first().click();
    expect((await axeViolations(fromPlaywright(popup))).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const before = contactRequests().length;

    // Link: no request at all (the directory knows every contact).
    await popup.click('[data-testid="bulk-link"]');
    await waitDone(popup, 'link', 20_000);
    expect(contactRequests().length).toBe(before);
    // Each newly linked contact lacks the lead URL: 4 + 8 contacts now have fill-only changes.
    await waitUntil(async () => (await summary(popup))?.includes(`${LINKED + LIKELY} linked (${WITH_CHANGES + LIKELY} with changes)`) || null, {
      what: 'the rows to read as linked',
      timeout: 15_000,
      interval: 250,
    });

    // Apply, with the worker stopped after the first PATCH; a new popup wakes it and the batch goes on.
    await popup.click('[data-testid="bulk-apply"]');
    await waitUntil(() => sandbox.log.some((e) => e.method === 'PATCH') || null, { what: 'a first PATCH', timeout: 20_000 });
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();
    popup = await openListPopup(tabId);
    const done = await waitDone(popup, 'apply', 90_000);
    const patches = sandbox.log.filter((e) => e.method === 'PATCH');
    const patched = new Set(patches.map((e) => e.path));
    expect(patched.size).toBe(WITH_CHANGES + LIKELY);
    // A PATCH cut off by the stop is never sent twice: the re-check sees its value and reports a conflict instead.
    expect(patches.length).toBe(patched.size);
    expect(done.text).toMatch(new RegExp(`${WITH_CHANGES + LIKELY} of ${WITH_CHANGES + LIKELY} done`));
    for (const path of patched) {
      const body = patches.find((e) => e.path === path)!.body as Record<string, unknown>;
      expect(Object.values(body).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
    }

    // Create: two of the seven get a phone number; the others are listed as skipped.
    const noneRows = popup.locator('[data-testid="list-row"][data-match-state="none"]');
    for (let i = 0; i < 2; i++) {
      await noneRows.nth(i).locator('[data-testid="list-row-expand"]').click();
      await noneRows.nth(i).locator('[data-testid="list-row-phone"]').fill(`06 12 34 56 0${i}`);
    }
    const postsBefore = sandbox.log.filter((e) => e.method === 'POST').length;
    await popup.click('[data-testid="bulk-create"]');
    const created = await waitDone(popup, 'create', 30_000);
    expect(sandbox.log.filter((e) => e.method === 'POST').length - postsBefore).toBe(2);
    expect(created.text).toContain(`${NONE - 2} skipped`);

    // Add to the sequence: one POST per contact (none of them is in it yet), each row told added.
    const addButton = popup.locator('[data-testid="bulk-sequence"]');
    const toAdd = Number((await addButton.textContent())!.match(/Add (\d+) contacts to Relance salons 2026/)![1]);
    expect(toAdd).toBeGreaterThanOrEqual(LINKED + LIKELY);
    const sequencePostsBefore = sandbox.log.filter((e) => e.method === 'POST' && e.path.startsWith('/v1/sequences/')).length;
    await addButton.click();
    const added = await waitDone(popup, 'sequence', 60_000);
    const sequencePosts = sandbox.log.filter((e) => e.method === 'POST' && e.path.startsWith('/v1/sequences/')).slice(sequencePostsBefore);
    expect(sequencePosts).toHaveLength(toAdd);
    expect(sequencePosts.every((e) => e.path === `/v1/sequences/${DEMO_SEQUENCE_ID}/contacts` && Array.isArray(e.body) && e.body.length === 1)).toBe(true);
    expect(added.text).toMatch(new RegExp(`${toAdd} of ${toAdd} done · ${toAdd} added · 0 already in the sequence · 0 errors`));
    expect(await popup.locator('[data-testid="bulk-undo"]').count()).toBe(1);

    // The pace kept under the limit; nothing was ever written to LinkedIn's page.
    expect(sandbox.log.some((e) => e.status === 429)).toBe(false);
    expect(await recordedMutations(fromPlaywright(page))).toEqual([]);
  }, 180_000);
});
