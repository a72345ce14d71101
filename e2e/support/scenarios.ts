// Test bodies shared by the Chromium and Firefox suites: each drives the
// extension through its hooks and checks what the user and the sandbox see.
import { expect } from 'vitest';
import { DEMO_API_KEY, MOVED_PREFIX, type Sandbox } from '../../sandbox/server';
import type { ExtensionHarness } from './harness';
import { connectionStatus, configureExtension, fieldProblem, openOptions, submitSettings } from './options';
import { DEMO_PROFILE, PERSON_A, PERSON_B } from './pages';
import { waitForPopup, type PopupView } from './popup';
import { findTabId, readLocalStorage, readStoredItems, recordTabReads, storedRead, writeLocalStorage, type ExtApi, type StoredRead } from './tabs';
import { sleep, waitUntil } from './wait';

/** Well-formed (passes the options page's format check) but unknown to the sandbox. */
export const WRONG_KEY = 'sk_test_not_a_real_key_0000';

interface Person {
  url: string;
  canonicalUrl: string;
  firstName: string;
  lastName: string;
}

const shows = (person: Person) => (view: PopupView) =>
  view.state === 'profile' && view.fields.linkedinUrl === person.canonicalUrl && view.fields.firstName === person.firstName;

function expectPerson(view: PopupView, person: Person): void {
  expect(view.state).toBe('profile');
  expect(view.fields).toMatchObject({
    firstName: person.firstName,
    lastName: person.lastName,
    linkedinUrl: person.canonicalUrl,
  });
}

const workspaceCalls = (sandbox: Sandbox) =>
  sandbox.log.filter((entry) => entry.method === 'GET' && entry.path === '/v1/workspaces');

export async function malformedKeySavesNothing(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const page = await openOptions(harness);
  await submitSettings(page, { apiKey: 'my-skipcall-key', apiBaseUrl: sandbox.url });
  const problem = await waitUntil(
    async () => {
      const found = await fieldProblem(page, 'api-key');
      return found.invalid ? found : null;
    },
    { what: 'the API key field to be marked invalid' },
  );
  expect(problem.message).toMatch(/starts with sk_live_ or sk_test_/);
  // Nothing checked, nothing stored, nothing sent.
  expect(await page.evaluate(() => document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status') ?? null, null)).toBeNull();
  expect(await readLocalStorage(harness)).toEqual({});
  expect(await readStoredItems(harness)).toEqual({});
  expect(sandbox.log).toEqual([]);
}

export async function demoKeyConnects(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const status = await configureExtension(harness, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  expect(status.status, status.text).toBe('ok');
  expect(status.text).toContain('Équipe Paris');
  expect(status.text).toContain('Now open a LinkedIn profile');
  // The sandbox answers 200 to the demo key only: the background sent the saved key to the saved URL.
  expect(workspaceCalls(sandbox).map((entry) => entry.status)).toEqual([200]);
  // Saved in the extension's own database, out of content scripts' reach; nothing in storage.local.
  expect((await readStoredItems(harness)).settings?.value).toMatchObject({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  expect(await readLocalStorage(harness)).toEqual({});

  // Reopened, the page shows the key masked, never in full, and saving again without retyping it keeps it.
  const page = await openOptions(harness);
  const shown = await page.evaluate(
    () => ({
      value: document.querySelector<HTMLInputElement>('[data-testid="api-key"]')?.value ?? null,
      text: document.body.innerHTML,
    }),
    null,
  );
  expect(shown.value).toBe('');
  expect(shown.text).not.toContain(DEMO_API_KEY);
  await page.click('[data-testid="save-settings"]');
  const again = await connectionStatus(page);
  expect(again.status, again.text).toBe('ok');
  expect(workspaceCalls(sandbox).map((entry) => entry.status)).toEqual([200, 200]);
}

/** Settings an earlier version kept in storage.local move to the extension's database on first use, and leave storage.local. */
export async function legacySettingsMove(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  await writeLocalStorage(harness, { settings: { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url } });
  const page = await openOptions(harness);
  await page.click('[data-testid="save-settings"]');
  const status = await connectionStatus(page);
  expect(status.status, status.text).toBe('ok');
  expect(await readLocalStorage(harness)).toEqual({});
  expect((await readStoredItems(harness)).settings?.value).toMatchObject({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
}

export async function wrongKeyRefused(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const page = await openOptions(harness);
  await submitSettings(page, { apiKey: WRONG_KEY, apiBaseUrl: sandbox.url });
  const status = await connectionStatus(page);
  expect(status.status).toBe('error');
  // The user is on the settings page: the sentence says what to do there, not "check it in the settings".
  expect(status.text).toContain('Skipcall refused this key. Copy it again from Skipcall → Settings → API Keys');
  expect(status.text).not.toMatch(/in the settings/i);
  expect(workspaceCalls(sandbox).map((entry) => entry.status)).toEqual([401]);
}

export async function refusedKeyKeepsSaved(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  expect((await configureExtension(harness, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url })).status).toBe('ok');
  const page = await openOptions(harness);
  await submitSettings(page, { apiKey: WRONG_KEY, apiBaseUrl: sandbox.url });
  const status = await connectionStatus(page);
  expect(status.status).toBe('error');
  expect(status.text).toContain('Skipcall refused this key.');
  expect(status.text).toContain('Your previous settings are kept (key sk_test_…demo).');
  expect((await readStoredItems(harness)).settings?.value).toMatchObject({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  // The kept key is the one the next check sends: accepted.
  expect(workspaceCalls(sandbox).map((entry) => entry.status)).toEqual([200, 401]);
  await page.click('[data-testid="save-settings"]');
  expect((await connectionStatus(page)).status).toBe('ok');
}

export async function movedApiNamed(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const page = await openOptions(harness);
  await submitSettings(page, { apiKey: DEMO_API_KEY, apiBaseUrl: `${sandbox.url}${MOVED_PREFIX}` });
  const status = await connectionStatus(page);
  expect(status.status).toBe('error');
  // Named for what it is, not "cannot be reached"; and the key never went where the redirect pointed.
  expect(status.text).toContain('This API base URL answers with a redirect, which is not followed');
  expect(status.text).not.toMatch(/cannot be reached/);
  expect(workspaceCalls(sandbox)).toEqual([]);
}

export async function setupNeededWithoutKey(harness: ExtensionHarness): Promise<void> {
  await harness.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(harness, DEMO_PROFILE.url);
  const { view } = await waitForPopup(harness, tabId, (v) => v.state !== null, 'the popup to load');
  expect(view.setupNeeded).toBe(true);
}

export async function fullLoadShowsProfile(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const status = await configureExtension(harness, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  expect(status.status, status.text).toBe('ok');
  await harness.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(harness, DEMO_PROFILE.url);
  const { view } = await waitForPopup(harness, tabId, shows(DEMO_PROFILE), 'the popup to show the demo profile');
  expectPerson(view, DEMO_PROFILE);
  expect(view.fields).toMatchObject(DEMO_PROFILE.more);
  expect(view.setupNeeded).toBe(false);
}

export async function inPageNavigationShowsNextPerson(harness: ExtensionHarness): Promise<void> {
  const linkedin = await harness.openLinkedIn(PERSON_A.url);
  const tabId = await findTabId(harness, PERSON_A.url);
  await waitForPopup(harness, tabId, shows(PERSON_A), 'the popup to show person A before navigating');

  const reads = await recordTabReads(harness, tabId);
  await linkedin.click('[data-testid="spa-link"]');
  // The page sets this once it has rendered person B (e2e/pages/spa-navigation.js).
  await waitUntil(
    () => linkedin.evaluate(() => document.documentElement.dataset.e2eNavigated ?? null, null),
    { what: 'the page to render person B', timeout: 10_000 },
  );
  expect(await linkedin.url()).toBe(PERSON_B.url);

  const { view, seen } = await waitForPopup(harness, tabId, shows(PERSON_B), 'the popup to show person B after in-page navigation');
  expectPerson(view, PERSON_B);
  // Let a late re-read (content script debounce) land before judging every read.
  await sleep(1_000);
  const after = await reads();
  expect(after.length, 'the content script reported after navigating').toBeGreaterThan(0);
  expect(after.filter(mentions(PERSON_A)), 'reads that mention person A after navigating to B').toEqual([]);
  // Until B is read the popup may still show A's last read, but never A's name next to B's URL.
  expect(seen.filter((v) => v.fields.linkedinUrl === PERSON_B.canonicalUrl && !shows(PERSON_B)(v))).toEqual([]);
  expect(await storedRead(harness, tabId)).toMatchObject({
    state: 'profile',
    profile: { firstName: { value: PERSON_B.firstName }, linkedinUrl: { value: PERSON_B.canonicalUrl } },
  });
}

function mentions(person: Person) {
  return (read: StoredRead) =>
    Object.values(read.profile ?? {}).some((field) =>
      [person.firstName, person.lastName, person.canonicalUrl].some((value) => field?.value.includes(value)),
    );
}

/** Pages that are not a readable profile: the background gets the named state and the popup shows it, with no fields. */
export async function pageStates(harness: ExtensionHarness, cases: { url: string; state: string }[]): Promise<void> {
  for (const { url, state } of cases) {
    await harness.openLinkedIn(url);
    const tabId = await findTabId(harness, url);
    // The popup also says not-a-profile for a tab never read, so first check that this tab was read.
    await waitUntil(async () => (await storedRead(harness, tabId))?.state === state, {
      what: `the background to store state ${state} for ${url}`,
    });
    const { view } = await waitForPopup(harness, tabId, (v) => v.state === state, `the popup to show ${state} for ${url}`);
    expect(view.fields).toEqual({});
  }
}

/**
 * "Copy a page report": the content script hands the page as it is to the extension's own pages
 * (the popup masks it; tests/linkedin/report.test.ts checks the masking), and the popup goes on
 * showing the profile.
 */
export async function pageReportFromContentScript(harness: ExtensionHarness): Promise<void> {
  await harness.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(harness, DEMO_PROFILE.url);
  await waitForPopup(harness, tabId, (v) => v.fields.firstName === DEMO_PROFILE.firstName, 'the popup to show the demo profile');
  const control = await harness.control();
  const page = await control.evaluate(async (id) => {
    const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };
    return (await (g.browser ?? g.chrome)!.tabs.sendMessage(id, { type: 'page-report' })) as { url: string; html: string };
  }, tabId);
  expect(page.url).toBe(DEMO_PROFILE.url);
  expect(page.html).toContain(DEMO_PROFILE.lastName);
  const { view } = await waitForPopup(harness, tabId, (v) => v.state === 'profile', 'the popup to show the profile');
  expect(view.fields.firstName).toBe(DEMO_PROFILE.firstName);
}

/**
 * The settings page as laid out by the browser: every click target at least
 * 24 px each way, each review-default label on one line, Export and Import the same size.
 */
export async function optionsLayout(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const status = await configureExtension(harness, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  expect(status.status, status.text).toBe('ok');
  const page = await openOptions(harness);
  const layout = await waitUntil(
    () =>
      page.evaluate(() => {
        const exportButton = document.querySelector('[data-testid="registry-export"]');
        const importLabel = document.querySelector('[data-testid="registry-import"]')?.closest('label');
        const labels = [...document.querySelectorAll('fieldset label.check')];
        if (!exportButton || !importLabel || labels.length === 0 || !document.querySelector('[data-testid="directory-status"]')) return null;
        const size = (el: Element) => {
          const rect = el.getBoundingClientRect();
          return { width: Math.round(rect.width * 10) / 10, height: Math.round(rect.height * 10) / 10 };
        };
        // What a click lands on: a checkbox or radio through its label, the hidden file input through the label drawn as a button.
        const targets = [...document.querySelectorAll('main button, main a, main select, main summary, main input, main label.check, main label.button-like')]
          .filter((el) => !(el instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(el.type)))
          .map((el) => ({ target: `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 40)}`, ...size(el) }));
        const lines = labels.map((label) => {
          const text = [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
          const range = document.createRange();
          if (text) range.selectNodeContents(text);
          return { label: label.textContent, lines: text ? range.getClientRects().length : 0 };
        });
        return { targets, lines, exportSize: size(exportButton), importSize: size(importLabel) };
      }, null),
    { what: 'the settings sections to show' },
  );
  expect(layout.targets.length).toBeGreaterThan(5);
  expect(layout.targets.filter((t) => t.width < 24 || t.height < 24)).toEqual([]);
  expect(layout.lines.filter((l) => l.lines !== 1)).toEqual([]);
  expect(layout.importSize).toEqual(layout.exportSize);
}
