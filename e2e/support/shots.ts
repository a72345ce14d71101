// The popup's main states as pictures, in Chromium, for the visual regression
// test (e2e/visual.e2e.test.ts) and the store screenshots (scripts/store-assets.ts).
import type { Page } from 'playwright-core';
import { DEMO_API_KEY, DEMO_CONTACT_ID, type Sandbox } from '../../sandbox/server';
import type { ChromiumExtension } from './chromium';
import { showsContactDiff, settle } from './enrich';
import { configureExtension } from './options';
import { DEMO_PROFILE, FEED_URL } from './pages';
import { waitForPopupOn, type PopupView } from './popup';
import { findTabId } from './tabs';
import { fromPlaywright } from './ui';

export type ColorScheme = 'light' | 'dark';
export const COLOR_SCHEMES: readonly ColorScheme[] = ['light', 'dark'];
/** The UI languages the extension has catalogues for. */
export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The popup's width (components/theme.css .popup); its height follows the content. */
export const POPUP_WIDTH = 380;

export interface PopupState {
  name: string;
  /** The LinkedIn page the popup is opened for. */
  url: string;
  accept: (view: PopupView) => boolean;
  what: string;
}

/** Without a key, on the demo profile: the profile read and the setup notice. */
export const SETUP_NEEDED: PopupState = {
  name: 'setup-needed',
  url: DEMO_PROFILE.url,
  accept: (v) => v.setupNeeded && v.fields.firstName === DEMO_PROFILE.firstName,
  what: 'the popup to show the demo profile and ask for setup',
};

/** With the demo key, on LinkedIn's feed. */
export const NOT_A_PROFILE: PopupState = {
  name: 'not-a-profile',
  url: FEED_URL,
  accept: (v) => v.state === 'not-a-profile' && !v.setupNeeded,
  what: 'the popup to say the feed is not a profile',
};

/** With the demo key, on the demo profile: the linked demo contact and its diff. */
export const DEMO_DIFF: PopupState = {
  name: 'demo-diff',
  url: DEMO_PROFILE.url,
  accept: showsContactDiff(DEMO_CONTACT_ID),
  what: 'the popup to preselect the demo contact and show its diff',
};

/** Saves the demo key and sandbox URL through the options page, and waits for the background's first sync to end. */
export async function configureDemoQuietly(chromium: ChromiumExtension, sandbox: Sandbox): Promise<void> {
  const status = await configureExtension(chromium, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  if (status.status !== 'ok') throw new Error(`the options page could not reach the sandbox: ${status.text}`);
  await settle(sandbox);
}

/** Opens the LinkedIn page of `state` (once per URL) and returns its tab id. */
export async function tabFor(chromium: ChromiumExtension, url: string): Promise<number> {
  const open = chromium.context.pages().some((p) => p.url() === url);
  if (!open) await chromium.openLinkedIn(url);
  return findTabId(chromium, url);
}

/** A popup page for `tabId` in `scheme`, showing `state` and idle. */
export async function openPopup(chromium: ChromiumExtension, tabId: number, state: PopupState, scheme: ColorScheme): Promise<Page> {
  const page = await chromium.newPage();
  await page.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(`${chromium.extensionOrigin}/popup.html?tabId=${tabId}`);
  await waitForPopupOn(fromPlaywright(page), state.accept, state.what);
  // Fonts and images settled: a picture of a half-painted popup would differ run to run.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** The whole popup (its full height), without the text caret or animations. */
export function shootPopup(page: Page): Promise<Buffer> {
  return page.screenshot({ fullPage: true, caret: 'hide', animations: 'disabled' });
}
