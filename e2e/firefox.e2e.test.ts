// The built test extension (MV2) in Debian Firefox ESR, against the Skipcall sandbox.
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchFirefox, type FirefoxExtension } from './support/firefox';
import { AUTHWALL_URL, FEED_URL, e2eLinkedIn } from './support/pages';
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
import { applyAndAddToSequence } from './support/sequence-scenarios';
import { welcomeTabOpened } from './support/store-scenarios';
import { resetExtensionStorage } from './support/tabs';
import { jobChangeCreatesNewContact } from './support/job-change-scenarios';
import { conflictWritesNothing, fullLoop, offlineKeepsChoices, undoRestores } from './support/write-scenarios';
import { enterNeverWritesByAccident, keyboardOnlyPath, otherPersonWarns } from './support/keyboard-scenarios';

let sandbox: Sandbox;
let firefox: FirefoxExtension;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  firefox = await launchFirefox({ serve: e2eLinkedIn });
});

afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  sandbox.reset();
  await resetExtensionStorage(firefox);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await firefox.screenshotPages(task.name);
  await firefox.closePages();
});

describe('first run', () => {
  it('opens the welcome page on install', async () => {
    await welcomeTabOpened(firefox);
  });
});

describe('options page', () => {
  it('shows an inline error for a malformed key and saves nothing', async () => {
    await malformedKeySavesNothing(firefox, sandbox);
  });

  it('saves the demo key and sandbox URL, and the background reaches the sandbox with it', async () => {
    await demoKeyConnects(firefox, sandbox);
  });

  it('reports a well-formed but wrong key as refused', async () => {
    await wrongKeyRefused(firefox, sandbox);
  });

  it('names an API base URL that redirects, and never follows it', async () => {
    await movedApiNamed(firefox, sandbox);
  });

  it('keeps the saved key when a new one is refused', async () => {
    await refusedKeyKeepsSaved(firefox, sandbox);
  });

  it('lays out the settings page: click targets of 24 px or more, whole labels, Export and Import alike', async () => {
    await optionsLayout(firefox, sandbox);
  });

  it('moves settings an earlier version kept in storage.local out of it', async () => {
    await legacySettingsMove(firefox, sandbox);
  });
});

describe('popup', () => {
  it('asks for setup when no key is saved', async () => {
    await setupNeededWithoutKey(firefox);
  });

  it('shows the demo profile read on a full page load', async () => {
    await fullLoadShowsProfile(firefox, sandbox);
  });

  it('follows LinkedIn in-page navigation to the next person', async () => {
    await inPageNavigationShowsNextPerson(firefox);
  });

  it('hands the page to the popup for a page report', async () => {
    await pageReportFromContentScript(firefox);
  });

  it('names non-profile pages and the auth wall', async () => {
    await pageStates(firefox, [
      { url: FEED_URL, state: 'not-a-profile' },
      { url: AUTHWALL_URL, state: 'authwall' },
    ]);
  });
});

describe('matching: find the right Skipcall contact', () => {
  it('preselects the contact with the profile’s LinkedIn URL and shows its diff at once', async () => {
    await preselectsByLinkedInUrl(firefox, sandbox);
  });

  it('without a contact list: refuses a malformed reference, finds the pasted app URL, links it', async () => {
    await pastedReferenceAndLink(firefox, sandbox);
  });

  it('creates a contact from the profile and shows it linked', async () => {
    await createContactFromProfile(firefox, sandbox);
  });

  it('badges three tabs at once: changes, not linked, nothing', async () => {
    await badgesOnThreeTabs(firefox, sandbox);
  });
});

// Firefox runs the write scenarios whose browser side differs most (MV2
// background page, its network stack, the popup's storage); Chromium runs them all.
describe('diff and write: review the diff and apply it', () => {
  it('applies the ticked changes in one PATCH', async () => {
    await fullLoop(firefox, sandbox);
  });

  it('writes nothing when Skipcall changed meanwhile', async () => {
    await conflictWritesNothing(firefox, sandbox);
  });

  it('keeps the choices when Skipcall is unreachable, and applies once it is back', async () => {
    await offlineKeepsChoices(firefox);
  });

  it('undoes a write without clearing a field that was empty', async () => {
    await undoRestores(firefox, sandbox);
  });
});

describe('keyboard and safety', () => {
  it('never writes on Enter in a checkbox, keeps the chosen contact on Enter', async () => {
    await enterNeverWritesByAccident(firefox, sandbox);
  });

  it('goes from open to written with the keyboard only, the result taking the focus', async () => {
    await keyboardOnlyPath(firefox, sandbox);
  });

  it('warns about a pasted contact of another person, ticks nothing and writes nothing', async () => {
    await otherPersonWarns(firefox, sandbox);
  });
});

describe('job change', () => {
  it('shows the job-change badge; "create a new contact for the new job" posts once and links the profile to it, the old contact untouched', async () => {
    await jobChangeCreatesNewContact(firefox, sandbox);
  });
});

describe('sequences: add the contact to a Skipcall sequence', () => {
  it('apply and add: one PATCH then one POST to the sequence with the chosen assignee; undo removes it', async () => {
    await applyAndAddToSequence(firefox, sandbox);
  });
});
