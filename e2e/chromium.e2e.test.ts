// The built test extension in Debian Chromium, against the Skipcall sandbox.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { installMutationRecorder, recordedMutations } from './support/mutations';
import { AUTHWALL_URL, DEMO_PROFILE, FEED_URL, e2eLinkedIn } from './support/pages';
import { CHROME_BUILD, FIREFOX_BUILD } from './support/paths';
import { waitForPopup } from './support/popup';
import {
  demoKeyConnects,
  fullLoadShowsProfile,
  inPageNavigationShowsNextPerson,
  malformedKeySavesNothing,
  pageStates,
  setupNeededWithoutKey,
  wrongKeyRefused,
} from './support/scenarios';
import { clearLocalStorage, findTabId } from './support/tabs';
import { fromPlaywright } from './support/ui';

let sandbox: Sandbox;
let chromium: ChromiumExtension;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  chromium = await launchChromium({ serve: e2eLinkedIn });
});

afterAll(async () => {
  await chromium?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  sandbox.reset();
  await clearLocalStorage(chromium);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await chromium.screenshotPages(task.name);
  await chromium.closePages();
});

describe('options page', () => {
  it('shows an inline error for a malformed key and saves nothing', async () => {
    await malformedKeySavesNothing(chromium, sandbox);
  });

  it('saves the demo key and sandbox URL, and the background reaches the sandbox with it', async () => {
    await demoKeyConnects(chromium, sandbox);
  });

  it('reports a well-formed but wrong key as refused', async () => {
    await wrongKeyRefused(chromium, sandbox);
  });
});

describe('popup', () => {
  it('asks for setup when no key is saved', async () => {
    await setupNeededWithoutKey(chromium);
  });

  it('shows the demo profile read on a full page load', async () => {
    await fullLoadShowsProfile(chromium, sandbox);
  });

  it('follows LinkedIn in-page navigation to the next person', async () => {
    await inPageNavigationShowsNextPerson(chromium);
  });

  it('names non-profile pages and the auth wall', async () => {
    await pageStates(chromium, [
      { url: FEED_URL, state: 'not-a-profile' },
      { url: AUTHWALL_URL, state: 'authwall' },
    ]);
  });
});

describe('LinkedIn is left untouched', () => {
  it('makes no DOM mutation on the profile page', async () => {
    const page = await chromium.newPage();
    await page.addInitScript(installMutationRecorder);
    await page.goto(DEMO_PROFILE.url);
    const ui = fromPlaywright(page);
    const tabId = await findTabId(chromium, DEMO_PROFILE.url);
    // The popup showing the profile proves the content script has run and reported.
    await waitForPopup(chromium, tabId, (v) => v.fields.firstName === DEMO_PROFILE.firstName, 'the popup to show the demo profile');
    // Past the content script's 250 ms debounce, so a late re-read would have shown up too.
    await page.waitForTimeout(600);
    expect(await recordedMutations(ui)).toEqual([]);

    // The recorder itself works: a page-side change is seen.
    await page.evaluate(() => document.body.setAttribute('data-e2e-probe', '1'));
    expect(await recordedMutations(ui)).toEqual(['attributes on <body>: data-e2e-probe="1"']);
  });

  it('declares no web-accessible resources', () => {
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      const manifest = JSON.parse(readFileSync(path.join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest, build).not.toHaveProperty('web_accessible_resources');
    }
  });
});
