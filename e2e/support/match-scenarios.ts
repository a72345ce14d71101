// Issue "Find the right Skipcall contact": shared bodies for the Chromium and
// Firefox suites. Each starts from empty extension storage and a reset sandbox.
import { expect } from 'vitest';
import { DEMO_CONTACT_ID, type Sandbox } from '../../sandbox/server';
import {
  DEMO_APP_URL,
  apply,
  configureDemo,
  diffRow,
  openDemoDiff,
  pressedIds,
  reopenPopup,
  setTick,
  showsContactDiff,
} from './enrich';
import type { ExtensionHarness } from './harness';
import { fieldProblem } from './options';
import { DEMO_PROFILE, FEED_URL, PERSON_A } from './pages';
import { waitForPopup, waitForView, type PopupView } from './popup';
import { badgeText, findTabId, storedRead } from './tabs';
import { waitUntil } from './wait';

/** The match panel has loaded and chosen nothing. */
const matchedNothing = (view: PopupView) => view.matchReady && pressedIds(view).length === 0 && view.diff.length === 0;

/** 1. With a contact list, the demo contact is preselected by its LinkedIn URL and its diff shows at once. */
export async function preselectsByLinkedInUrl(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { view } = await openDemoDiff(harness, sandbox);
  const demo = view.candidates.find((c) => c.id === DEMO_CONTACT_ID)!;
  expect(demo.pressed).toBe(true);
  expect(demo.text).toContain('LinkedIn URL');
  // Only the URL match is chosen: the namesake (another LinkedIn URL) may be listed, never pressed.
  expect(pressedIds(view)).toEqual([DEMO_CONTACT_ID]);
  expect(view.diff.map((r) => r.field)).toEqual(expect.arrayContaining(['firstName', 'role', 'city', 'linkedinUrl']));
}

/**
 * 2. Without a contact list nothing is preselected; a malformed reference is
 * refused inline; the app URL finds the contact, shows its diff, and linking
 * it makes the next popup preselect it from the registry.
 */
export async function pastedReferenceAndLink(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  sandbox.setContactList(false);
  await configureDemo(harness, sandbox);
  await harness.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(harness, DEMO_PROFILE.url);
  const { page, view } = await waitForPopup(
    harness,
    tabId,
    (v) => v.matchReady && /offers no contact list/.test(v.hints.join(' ')),
    'the popup to say that the account has no contact list',
  );
  expect(matchedNothing(view), JSON.stringify(view)).toBe(true);
  expect(view.errors).toEqual([]);
  expect(view.linked).toBe(false);
  // The directory probe got a 404, and nothing else asked for a list.
  expect(sandbox.log.filter((e) => e.method === 'GET' && e.path === '/v1/contacts').map((e) => e.status)).toEqual([404]);

  await page.fill('[data-testid="contact-ref"]', 'not a contact link!');
  await page.press('[data-testid="contact-ref"]', 'Enter');
  const problem = await waitUntil(
    async () => {
      const found = await fieldProblem(page, 'contact-ref');
      return found.invalid && found.message ? found : null;
    },
    { what: 'contact-ref to be marked invalid with a message' },
  );
  expect(problem.message).toMatch(/app\.skipcall\.app\/contacts/);

  await page.fill('[data-testid="contact-ref"]', DEMO_APP_URL);
  await page.click('[data-testid="contact-ref-submit"]');
  const shown = await waitForView(page, showsContactDiff(DEMO_CONTACT_ID), 'the pasted contact to be chosen with its diff');
  expect((await fieldProblem(page, 'contact-ref')).invalid).toBe(false);
  expect(diffRow(shown, 'role').status).toBe('fill');
  expect(shown.linked).toBe(false);

  await page.click('[data-testid="link"]');
  await waitForView(page, (v) => v.linked, 'the popup to say the contact is linked');

  const reopened = await reopenPopup(
    harness,
    tabId,
    (v) => showsContactDiff(DEMO_CONTACT_ID)(v) && v.linked,
    'the reopened popup to preselect the linked contact',
  );
  expect(pressedIds(reopened.view)).toEqual([DEMO_CONTACT_ID]);
}

/** 3. No contact matches: the form creates one (phone in E.164) and the popup shows it linked, with its diff. */
export async function createContactFromProfile(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  await configureDemo(harness, sandbox);
  await harness.openLinkedIn(PERSON_A.url);
  const tabId = await findTabId(harness, PERSON_A.url);
  const { page } = await waitForPopup(
    harness,
    tabId,
    (v) => matchedNothing(v) && v.fields.firstName === PERSON_A.firstName,
    'the popup to show person A with no contact chosen',
  );
  const before = new Set(sandbox.contacts.keys());

  await page.click('[data-testid="create-contact"]');
  const names = await waitUntil(
    () =>
      page.evaluate(() => {
        const form = document.querySelector('[data-testid="create-form"]');
        if (!form) return null;
        const [firstName, lastName] = ['firstName', 'lastName'].map(
          (name) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? null,
        );
        return { firstName, lastName };
      }, null),
    { what: 'the create-form to open' },
  );
  expect(names).toEqual({ firstName: PERSON_A.firstName, lastName: PERSON_A.lastName });

  await page.fill('[data-testid="create-phone"]', '06 12 34 56 78');
  await page.click('[data-testid="create-submit"]');
  const view = await waitForView(page, (v) => v.linked && v.diff.length > 0, 'the new contact to be shown linked with its diff');

  const created = [...sandbox.contacts.values()].filter((c) => !before.has(c.id));
  expect(created).toHaveLength(1);
  const contact = created[0]!;
  expect(contact).toMatchObject({
    firstName: PERSON_A.firstName,
    lastName: PERSON_A.lastName,
    linkedinUrl: PERSON_A.canonicalUrl,
    phoneNumbers: ['+33612345678'],
  });
  expect(sandbox.log.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([201]);
  expect(pressedIds(view)).toEqual([contact.id]);
  expect(diffRow(view, 'firstName').status).toBe('same');
  expect(diffRow(view, 'linkedinUrl').status).toBe('same');

  // The link is remembered: the next popup for this profile preselects it.
  const reopened = await reopenPopup(harness, tabId, (v) => showsContactDiff(contact.id)(v) && v.linked, 'the reopened popup to show the created contact linked');
  expect(pressedIds(reopened.view)).toEqual([contact.id]);
}

/**
 * 4. Three tabs at once: the linked demo profile counts its changes (then ✓
 * once applied), an unlinked person says "?", a non-profile page says nothing.
 */
export async function badgesOnThreeTabs(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  await configureDemo(harness, sandbox);
  await harness.openLinkedIn(DEMO_PROFILE.url);
  await harness.openLinkedIn(PERSON_A.url);
  await harness.openLinkedIn(FEED_URL);
  const [demoTab, personTab, feedTab] = [
    await findTabId(harness, DEMO_PROFILE.url),
    await findTabId(harness, PERSON_A.url),
    await findTabId(harness, FEED_URL),
  ];
  await waitUntil(async () => (await storedRead(harness, feedTab))?.state === 'not-a-profile', { what: 'the feed tab to be read' });
  const badges = async () => ({
    demo: await badgeText(harness, demoTab),
    person: await badgeText(harness, personTab),
    feed: await badgeText(harness, feedTab),
  });
  const expectBadges = (wanted: { demo: string; person: string; feed: string }, what: string) =>
    waitUntil(async () => JSON.stringify(await badges()) === JSON.stringify(wanted), { what: `${what}: ${JSON.stringify(wanted)}` }).catch(
      async (error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; badges now ${JSON.stringify(await badges())}`);
      },
    );
  await expectBadges({ demo: '?', person: '?', feed: '' }, 'badges before any link');

  // Link the demo contact through the popup: role (fill) and city (update) are two changes.
  const { page } = await waitForPopup(harness, demoTab, showsContactDiff(DEMO_CONTACT_ID), 'the demo popup with its diff');
  await page.click('[data-testid="link"]');
  await waitForView(page, (v) => v.linked, 'the popup to say the contact is linked');
  await expectBadges({ demo: '2', person: '?', feed: '' }, 'badges once the demo contact is linked');

  // Both written: nothing left to change.
  await setTick(page, 'city', true);
  await apply(page);
  await expectBadges({ demo: '✓', person: '?', feed: '' }, 'badges once Skipcall is up to date');
}
