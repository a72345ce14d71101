// Issue "Add to a Skipcall sequence": shared bodies for the Chromium and Firefox
// suites, and the options-page steps the demo reuses.
import { expect } from 'vitest';
import { DEMO_CONTACT_ID, type Sandbox } from '../../sandbox/server';
import { DEMO_SEQUENCE_ID, MEMBER_PARIS_KARIM } from '../../sandbox/seed';
import { configureDemo, settle, showsContactDiff } from './enrich';
import type { ExtensionHarness } from './harness';
import { openOptions } from './options';
import { DEMO_PROFILE } from './pages';
import { waitForPopup } from './popup';
import { findTabId } from './tabs';
import type { UiPage } from './ui';
import { waitUntil } from './wait';

export interface SequenceInput {
  /** A sequence link or id, as pasted. */
  ref: string;
  name: string;
  /** The workspace membership chosen as "me" (before the sequence is added). */
  me?: string;
  /** 'me', 'round-robin', or a membership id. */
  assignee?: string;
}

/** Picks an option of a <select> as a user does (the change event Preact listens to). */
async function choose(page: UiPage, selector: string, value: string): Promise<void> {
  await waitUntil(
    () => page.evaluate(([sel, val]) => !!document.querySelector(sel)?.querySelector(`option[value="${val}"]`), [selector, value] as const),
    { what: `option ${value} in ${selector}` },
  );
  await page.evaluate(
    ([sel, val]) => {
      const select = document.querySelector<HTMLSelectElement>(sel)!;
      select.value = val;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, value] as const,
  );
}

/** Adds a sequence through the options page (the key is already saved); returns the options page. */
export async function addSequenceInOptions(harness: ExtensionHarness, input: SequenceInput): Promise<UiPage> {
  const page = await openOptions(harness);
  await waitUntil(() => page.evaluate(() => !!document.querySelector('[data-testid="sequences-section"]'), null), { what: 'the sequences section' });
  if (input.me) await choose(page, '[data-testid="sequence-me"]', `member:${input.me}`);
  await page.fill('[data-testid="sequence-ref"]', input.ref);
  await page.fill('[data-testid="sequence-name"]', input.name);
  await page.click('[data-testid="sequence-save"]');
  const message = await waitUntil(
    () => page.evaluate(() => {
      const el = document.querySelector('[data-testid="sequence-message"]');
      return el ? { error: el.getAttribute('role') === 'alert', text: el.textContent ?? '' } : null;
    }, null),
    { what: 'the sequence to be checked' },
  );
  if (message.error) return page;
  if (input.assignee) {
    const value = input.assignee === 'me' || input.assignee === 'round-robin' ? input.assignee : `member:${input.assignee}`;
    await choose(page, '[data-testid="sequence-entry"]:last-child [data-testid="sequence-assignee"]', value);
  }
  return page;
}

const sequenceState = (page: UiPage) =>
  page.evaluate(() => {
    const add = document.querySelector('[data-testid="sequence-add"]');
    const result = document.querySelector('[data-testid="sequence-result"]');
    return {
      state: add?.getAttribute('data-state') ?? null,
      addText: add?.textContent ?? null,
      applyAdd: document.querySelector('[data-testid="sequence-apply-add"]')?.textContent ?? null,
      result: result?.getAttribute('data-status') ?? null,
      write: document.querySelector('[data-testid="result"]')?.getAttribute('data-status') ?? null,
      busy: document.querySelector('[data-testid="popup"]')?.getAttribute('aria-busy') ?? null,
    };
  }, null);

/** Non-GET requests, in the order the sandbox received them. */
const writes = (sandbox: Sandbox, from: number) =>
  sandbox.log.slice(from).filter((e) => e.method !== 'GET').map((e) => ({ method: e.method, path: e.path, status: e.status, body: e.body }));

/**
 * The options page verifies a pasted sequence link and refuses a foreign one;
 * then "Apply and add to <sequence>" sends one PATCH and one POST to the
 * sequence, in that order, with "me" as the assignee; the add then shows as
 * done; undo from the history removes the contact from the sequence.
 */
export async function applyAndAddToSequence(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  await configureDemo(harness, sandbox);
  const options = await addSequenceInOptions(harness, { ref: 'https://app.skipcall.app/sequences/5e000000-0000-4000-8000-000000000099', name: 'Marseille' });
  expect(await options.evaluate(() => document.querySelector('[data-testid="sequence-message"]')?.getAttribute('role'), null)).toBe('alert');
  await options.close();
  await addSequenceInOptions(harness, {
    ref: `https://app.skipcall.app/sequences/${DEMO_SEQUENCE_ID}`,
    name: 'Relance salons',
    me: MEMBER_PARIS_KARIM,
    assignee: 'me',
  });

  await harness.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(harness, DEMO_PROFILE.url);
  const { page } = await waitForPopup(harness, tabId, showsContactDiff(DEMO_CONTACT_ID), 'the popup to show the demo contact diff');
  const before = await waitUntil(async () => {
    const s = await sequenceState(page);
    return s.state === 'todo' ? s : null;
  }, { what: 'the sequence add to be offered' });
  expect(before.addText).toBe('Add to Relance salons');
  expect(before.applyAdd).toBe('Apply and add to Relance salons');
  await settle(sandbox);

  const from = sandbox.log.length;
  await page.click('[data-testid="sequence-apply-add"]');
  const after = await waitUntil(async () => {
    const s = await sequenceState(page);
    return s.result && s.busy === 'false' && s.state !== 'checking' ? s : null;
  }, { what: 'the apply and the add to finish' });
  expect(after).toMatchObject({ write: 'success', result: 'added', state: 'done', addText: 'In Relance salons ✓' });
  const sent = writes(sandbox, from);
  expect(sent.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
    `PATCH /v1/contacts/${DEMO_CONTACT_ID} 200`,
    `POST /v1/sequences/${DEMO_SEQUENCE_ID}/contacts 201`,
  ]);
  expect(sent[1]!.body).toEqual([{ contactId: DEMO_CONTACT_ID, assignedToWorkspaceMembershipId: MEMBER_PARIS_KARIM }]);

  // Undo the sequence addition (the newest history entry).
  await page.evaluate(() => {
    const details = document.querySelector<HTMLDetailsElement>('details.history');
    if (details) details.open = true;
  }, null);
  await page.click('[data-testid="history-entry"]:first-child [data-testid="undo"]');
  const undone = await waitUntil(async () => {
    const s = await sequenceState(page);
    return s.state === 'todo' && s.busy === 'false' ? s : null;
  }, { what: 'the undo to remove the contact from the sequence' });
  expect(undone.result).toBe('removed');
  expect(writes(sandbox, from).map((e) => e.method)).toEqual(['PATCH', 'POST', 'DELETE']);
  expect(writes(sandbox, from)[2]!.body).toEqual([DEMO_CONTACT_ID]);
}
