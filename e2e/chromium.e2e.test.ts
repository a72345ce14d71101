// The built test extension in Debian Chromium, against the Skipcall sandbox.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { BUSY_SAMPLER, openDemoDiff, type BusySample } from './support/enrich';
import { installMutationRecorder, recordedMutations } from './support/mutations';
import { AUTHWALL_URL, DEMO_PROFILE, FEED_URL, e2eLinkedIn } from './support/pages';
import { CHROME_BUILD, FIREFOX_BUILD } from './support/paths';
import { waitForPopup } from './support/popup';
import {
  demoKeyConnects,
  legacySettingsMove,
  fullLoadShowsProfile,
  inPageNavigationShowsNextPerson,
  pageReportFromContentScript,
  malformedKeySavesNothing,
  optionsLayout,
  pageStates,
  setupNeededWithoutKey,
  wrongKeyRefused,
  movedApiNamed,
  refusedKeyKeepsSaved,
} from './support/scenarios';
import {
  badgesOnThreeTabs,
  createContactFromProfile,
  pastedReferenceAndLink,
  preselectsByLinkedInUrl,
} from './support/match-scenarios';
import { findTabId, resetExtensionStorage } from './support/tabs';
import { jobChangeCreatesNewContact } from './support/job-change-scenarios';
import {
  accessibility,
  choicesSurviveClosing,
  conflictWritesNothing,
  editInPlace,
  enterApplies,
  fullLoop,
  offlineKeepsChoices,
  retriesThenWrites,
  undoRestores,
  writeSurvivesClosing,
} from './support/write-scenarios';
import { fromPlaywright } from './support/ui';
import { slowRefreshNeverPairsWrongPerson } from './support/identity-scenarios';
import { optionsLinkPrivacy, storePagesAccessible, welcomeOpenedOnInstall, welcomeTabOpened } from './support/store-scenarios';
import { applyAndAddToSequence } from './support/sequence-scenarios';
import { enterNeverWritesByAccident, keyboardOnlyPath, otherPersonWarns } from './support/keyboard-scenarios';

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
  await resetExtensionStorage(chromium);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await chromium.screenshotPages(task.name);
  await chromium.closePages();
});

describe('keyboard and safety', () => {
  it('never writes on Enter in a checkbox, keeps the chosen contact on Enter', async () => {
    await enterNeverWritesByAccident(chromium, sandbox);
  });

  it('goes from open to written with the keyboard only, the result taking the focus', async () => {
    await keyboardOnlyPath(chromium, sandbox);
  });

  it('warns about a pasted contact of another person, ticks nothing and writes nothing', async () => {
    await otherPersonWarns(chromium, sandbox);
  });
});

describe('first run and store pages', () => {
  it('opens the welcome page on install', async () => {
    await welcomeOpenedOnInstall(chromium);
    await welcomeTabOpened(chromium);
  });

  it('links the privacy policy from the options page', async () => {
    await optionsLinkPrivacy(chromium);
  });

  it('has no axe-core violation on the welcome and privacy pages, light and dark', async () => {
    await storePagesAccessible(chromium);
  });
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

  it('names an API base URL that redirects, and never follows it', async () => {
    await movedApiNamed(chromium, sandbox);
  });

  it('keeps the saved key when a new one is refused', async () => {
    await refusedKeyKeepsSaved(chromium, sandbox);
  });

  it('lays out the settings page: click targets of 24 px or more, whole labels, Export and Import alike', async () => {
    await optionsLayout(chromium, sandbox);
  });

  it('moves settings an earlier version kept in storage.local out of it', async () => {
    await legacySettingsMove(chromium, sandbox);
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

  it('hands the page to the popup for a page report', async () => {
    await pageReportFromContentScript(chromium);
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

describe('matching: find the right Skipcall contact', () => {
  it('preselects the contact with the profile’s LinkedIn URL and shows its diff at once', async () => {
    await preselectsByLinkedInUrl(chromium, sandbox);
  });

  it('without a contact list: refuses a malformed reference, finds the pasted app URL, links it', async () => {
    await pastedReferenceAndLink(chromium, sandbox);
  });

  it('creates a contact from the profile and shows it linked', async () => {
    await createContactFromProfile(chromium, sandbox);
  });

  it('badges three tabs at once: changes, not linked, nothing', async () => {
    await badgesOnThreeTabs(chromium, sandbox);
  });
});

describe('identity lock: never the wrong person', () => {
  it('never pairs B with linked A after in-page navigation while Skipcall is slow', async () => {
    await slowRefreshNeverPairsWrongPerson(chromium, sandbox, (s) => s.setLatency(2_500));
  }, 90_000);

  it('never pairs B with linked A after in-page navigation during a 429 window', async () => {
    await slowRefreshNeverPairsWrongPerson(chromium, sandbox, (s) => s.failNext(3, 429));
  }, 90_000);
});

describe('sequences: add the contact to a Skipcall sequence', () => {
  it('apply and add: one PATCH then one POST to the sequence with the chosen assignee; undo removes it', async () => {
    await applyAndAddToSequence(chromium, sandbox);
  });
});

describe('popup busy state (PRODUCT.md §7)', () => {
  it('stays aria-busy until the preselected contact and its diff are shown', async () => {
    const { tabId } = await openDemoDiff(chromium, sandbox);
    for (let run = 0; run < 3; run++) {
      const page = await chromium.newPage();
      await page.addInitScript({ content: BUSY_SAMPLER });
      await page.goto(`${chromium.extensionOrigin}/popup.html?tabId=${tabId}`);
      await page.waitForSelector('[data-testid="diff-row"]');
      await page.waitForTimeout(300);
      const samples = await page.evaluate(() => (window as unknown as { __e2eBusy: BusySample[] }).__e2eBusy);
      // Idle ("false") before the diff is there lets a reader take a half-loaded popup for the answer.
      const idleTooSoon = samples.filter((s) => s.busy === 'false' && s.rows === 0);
      expect(idleTooSoon, `run ${run + 1}, every aria-busy change: ${JSON.stringify(samples)}`).toEqual([]);
      expect(samples.at(-1)).toMatchObject({ busy: 'false' });
      await page.close();
    }
  });
});

describe('diff and write: review the diff and apply it', () => {
  it('applies the ticked changes in one PATCH', async () => {
    await fullLoop(chromium, sandbox);
  });

  it('sends an edited value and keeps its row ticked', async () => {
    await editInPlace(chromium, sandbox);
  });

  it('writes nothing when Skipcall changed meanwhile', async () => {
    await conflictWritesNothing(chromium, sandbox);
  });

  it('retries after a 429', async () => {
    await retriesThenWrites(chromium, sandbox, { count: 1, status: 429 });
  });

  it('retries after two 500s', async () => {
    await retriesThenWrites(chromium, sandbox, { count: 2, status: 500 });
  });

  it('keeps the choices when Skipcall is unreachable, and applies once it is back', async () => {
    await offlineKeepsChoices(chromium);
  });

  it('undoes a write without clearing a field that was empty', async () => {
    await undoRestores(chromium, sandbox);
  });

  it('finishes a write after the popup closes', async () => {
    await writeSurvivesClosing(chromium, sandbox);
  });

  it('keeps ticks and edits when the popup closes', async () => {
    await choicesSurviveClosing(chromium, sandbox);
  });

  it('applies with Enter in a value field', async () => {
    await enterApplies(chromium, sandbox);
  });

  it('has no axe-core violation in the popup and the options page', async () => {
    await accessibility(chromium, sandbox);
  });
});

describe('job change', () => {
  it('shows the job-change badge; "create a new contact for the new job" posts once and links the profile to it, the old contact untouched', async () => {
    await jobChangeCreatesNewContact(chromium, sandbox);
  });
});
