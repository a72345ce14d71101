// Trust issue "never the wrong person": with person A linked and Skipcall slow,
// LinkedIn's in-page navigation to person B must never leave the popup pairing
// B's read with A's contact, and nothing of B may be written onto A.
import { expect } from 'vitest';
import { DEMO_CONTACT_ID, type Sandbox } from '../../sandbox/server';
import type { Contact } from '../../utils/skipcall/schemas';
import { APPLY, configureDemo, pressedIds, settle, showsContactDiff } from './enrich';
import type { ExtensionHarness } from './harness';
import { PERSON_A, PERSON_B } from './pages';
import { readPopupView, waitForPopup, type PopupView } from './popup';
import { badgeText, findTabId, storedRead } from './tabs';
import { sleep, waitUntil } from './wait';

const CONTACT_A = 'c0ffee00-0000-4000-8000-00000000a11a';

function addContactForA(sandbox: Sandbox): void {
  const now = new Date().toISOString();
  const contact: Contact = {
    id: CONTACT_A,
    firstName: PERSON_A.firstName,
    lastName: PERSON_A.lastName,
    // In the demo key's scope, like the demo contact.
    teamId: sandbox.contacts.get(DEMO_CONTACT_ID)!.teamId,
    allowPhoneCalls: true,
    callCount: 0,
    phoneNumbers: ['+33450123456'],
    customFields: {},
    createdAt: now,
    updatedAt: now,
    email: null,
    company: null,
    city: null,
    country: null,
    url: null,
    linkedinUrl: PERSON_A.canonicalUrl,
    linkedinSalesUrl: null,
    role: null,
  };
  sandbox.contacts.set(CONTACT_A, contact);
}

/** The tab's stored match names the read the tab holds now (or there is none). */
async function matchBelongsToRead(harness: ExtensionHarness, tabId: number): Promise<boolean> {
  const control = await harness.control();
  return control.evaluate(async (id) => {
    type Api = { storage: { session: { get(keys: string[]): Promise<Record<string, { readId?: string } | undefined>> } } };
    const g = globalThis as { browser?: Api; chrome?: Api };
    const stored = await (g.browser ?? g.chrome)!.storage.session.get([`tab:${id}`, `match:${id}`]);
    const match = stored[`match:${id}`];
    return !match || match.readId === stored[`tab:${id}`]?.readId;
  }, tabId);
}

/** Forgets prefetched contacts, so the next read of A waits for Skipcall. */
async function forgetPrefetchedContacts(harness: ExtensionHarness): Promise<void> {
  const control = await harness.control();
  await control.evaluate(async () => {
    type Api = { storage: { session: { get(k: null): Promise<Record<string, unknown>>; remove(k: string[]): Promise<void> } } };
    const g = globalThis as { browser?: Api; chrome?: Api };
    const session = (g.browser ?? g.chrome)!.storage.session;
    await session.remove(Object.keys(await session.get(null)).filter((key) => key.startsWith('contact:')));
  }, null);
}

/** A view of B's read must never show A's contact chosen, and must say it is B's page. */
function checkPairing(view: PopupView): void {
  if (view.fields.linkedinUrl !== PERSON_B.canonicalUrl) return;
  expect(pressedIds(view), `B's popup with A's contact chosen: ${JSON.stringify(view)}`).not.toContain(CONTACT_A);
  expect(view.pagePerson).toContain(`${PERSON_B.firstName} ${PERSON_B.lastName}`);
  expect(view.pagePerson).toContain('/in/bastien-leroy-e2e');
}

/**
 * Links A, slows Skipcall with `slowDown`, opens A and navigates in-page to B
 * while A's refresh waits; popups opened during and after the slow window never
 * pair B with A's contact, and no PATCH reaches A.
 */
export async function slowRefreshNeverPairsWrongPerson(
  harness: ExtensionHarness,
  sandbox: Sandbox,
  slowDown: (sandbox: Sandbox) => void,
): Promise<void> {
  addContactForA(sandbox);
  await configureDemo(harness, sandbox);
  const first = await harness.openLinkedIn(PERSON_A.url);
  const firstTab = await findTabId(harness, PERSON_A.url);
  const { page } = await waitForPopup(harness, firstTab, showsContactDiff(CONTACT_A), 'the popup to preselect A by its LinkedIn URL');
  await page.click('[data-testid="link"]');
  await waitUntil(async () => (await readPopupView(page))?.linked ?? null, { what: 'A to be linked' });
  await page.close();
  await first.close();
  await settle(sandbox);

  await forgetPrefetchedContacts(harness);
  slowDown(sandbox);
  const linkedin = await harness.openLinkedIn(PERSON_A.url);
  const tabId = await findTabId(harness, PERSON_A.url);
  await waitUntil(async () => ((await storedRead(harness, tabId))?.url === PERSON_A.url ? true : null), { what: "the background to take A's read" });
  await linkedin.click('[data-testid="spa-link"]');

  // Popups opened while A's refresh is still waiting for Skipcall, and after.
  const views: PopupView[] = [];
  const until = Date.now() + 8_000;
  while (Date.now() < until) {
    const popup = await harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    const view = await waitUntil(() => readPopupView(popup), { what: 'an idle popup', timeout: 15_000 }).catch(() => null);
    if (view) {
      views.push(view);
      checkPairing(view);
    }
    await popup.close();
    await sleep(300);
  }
  expect(views.some((v) => v.fields.linkedinUrl === PERSON_B.canonicalUrl), 'a popup showed B').toBe(true);
  await settle(sandbox);

  // After the slow window: B's popup, the stored match and the badge are B's.
  const { page: last, view } = await waitForPopup(harness, tabId, (v) => v.fields.firstName === PERSON_B.firstName && v.matchReady, "B's popup");
  checkPairing(view);
  expect(await matchBelongsToRead(harness, tabId)).toBe(true);
  expect(await badgeText(harness, tabId)).toBe('?');
  // Were anything chosen, Apply is what the user would press next: it must not write B onto A.
  if (view.diff.length > 0 && (await last.evaluate(() => !document.querySelector<HTMLButtonElement>('[data-testid="apply"]')?.disabled, null))) {
    await last.click(APPLY);
    await sleep(1_000);
  }
  const toA = sandbox.log.filter((e) => e.method === 'PATCH' && e.path.endsWith(CONTACT_A));
  expect(toA, 'PATCH requests to A').toEqual([]);
  expect(sandbox.contacts.get(CONTACT_A)).toMatchObject({ firstName: PERSON_A.firstName, lastName: PERSON_A.lastName });
}
