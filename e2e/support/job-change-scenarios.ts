// Issue 9, job change: shared bodies for the Chromium and Firefox suites. Each
// starts from empty extension storage and a reset sandbox.
import { expect } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { JOB_CHANGE_CONTACT_ID, jobChangeContact } from '../../sandbox/seed';
import { configureDemo, pressedIds, showsContactDiff } from './enrich';
import type { ExtensionHarness } from './harness';
import { JOB_CHANGE_PROFILE } from './pages';
import { waitForPopup, waitForView } from './popup';
import { badgeText, findTabId } from './tabs';
import type { UiPage } from './ui';
import { waitUntil } from './wait';
import { axeViolations, describeViolations } from './write-scenarios';

/** The banner's sentence, once it shows. */
function jobChangeText(page: UiPage): Promise<string> {
  return waitUntil(() => page.evaluate(() => document.querySelector('[data-testid="job-change-text"]')?.textContent ?? null, null), {
    what: 'the job-change banner',
  });
}

/**
 * The linked contact still works at the old company: the badge of the tab says
 * job change, the popup leads with it, and "create a new contact for the new
 * job" sends one POST, links the profile to the new contact and leaves the old
 * one as it was.
 */
export async function jobChangeCreatesNewContact(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  sandbox.contacts.set(JOB_CHANGE_CONTACT_ID, jobChangeContact());
  const old = structuredClone(sandbox.contacts.get(JOB_CHANGE_CONTACT_ID)!);
  await configureDemo(harness, sandbox);
  await harness.openLinkedIn(JOB_CHANGE_PROFILE.url);
  const tabId = await findTabId(harness, JOB_CHANGE_PROFILE.url);
  const { page } = await waitForPopup(harness, tabId, showsContactDiff(JOB_CHANGE_CONTACT_ID), 'the popup to preselect the contact by its LinkedIn URL');

  await page.click('[data-testid="link"]');
  await waitForView(page, (v) => v.linked, 'the popup to say the contact is linked');
  await waitUntil(async () => (await badgeText(harness, tabId)) === '⇄', { what: 'the tab badge to show the job-change state' }).catch(async (error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; badge now "${await badgeText(harness, tabId)}"`);
  });

  expect(await jobChangeText(page)).toBe(
    `Left ${JOB_CHANGE_PROFILE.oldCompany} → now ${JOB_CHANGE_PROFILE.newRole} at ${JOB_CHANGE_PROFILE.newCompany} (since ${JOB_CHANGE_PROFILE.since})`,
  );
  // The banner, the kept-edit texts and the phone warning pass axe-core like the rest of the popup.
  expect(describeViolations(await axeViolations(page)), 'axe-core violations').toBe('');

  const before = new Set(sandbox.contacts.keys());
  sandbox.log.length = 0;
  await page.click('[data-testid="job-change-create"]');
  await page.fill('[data-testid="create-phone"]', '06 98 76 54 32');
  await page.click('[data-testid="create-submit"]');
  const created = await waitUntil(() => [...sandbox.contacts.values()].find((c) => !before.has(c.id)) ?? null, { what: 'the new contact' });
  const view = await waitForView(page, (v) => v.linked && pressedIds(v).includes(created.id), 'the new contact to be shown linked');

  expect(sandbox.log.filter((e) => e.method === 'POST').map((e) => [e.path, e.status])).toEqual([['/v1/contacts', 201]]);
  expect(sandbox.log.filter((e) => e.method === 'PATCH')).toEqual([]);
  expect(created).toMatchObject({
    firstName: JOB_CHANGE_PROFILE.firstName,
    lastName: JOB_CHANGE_PROFILE.lastName,
    company: JOB_CHANGE_PROFILE.newCompany,
    role: JOB_CHANGE_PROFILE.newRole,
    linkedinUrl: JOB_CHANGE_PROFILE.canonicalUrl,
    phoneNumbers: ['+33698765432'],
  });
  expect(sandbox.contacts.get(JOB_CHANGE_CONTACT_ID)).toEqual(old);
  expect(pressedIds(view)).toEqual([created.id]);

  // The link is the new contact's now: the next popup preselects it, and the badge leaves the job-change state.
  const reopened = await waitForPopup(harness, tabId, (v) => showsContactDiff(created.id)(v) && v.linked, 'the reopened popup on the new contact');
  expect(pressedIds(reopened.view)).toEqual([created.id]);
  await waitUntil(async () => (await badgeText(harness, tabId)) !== '⇄', { what: 'the badge to leave the job-change state' });
}
