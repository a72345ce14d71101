// Visual regression of the popup's main states in Chromium: light and dark,
// English and French, against e2e/visual-baselines/ (npm run test:visual:update
// rewrites them from the current build).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { e2eLinkedIn } from './support/pages';
import {
  COLOR_SCHEMES,
  DEMO_DIFF,
  NOT_A_PROFILE,
  SETUP_NEEDED,
  UI_LANGUAGES,
  configureDemoQuietly,
  openPopup,
  shootPopup,
  tabFor,
  type PopupState,
} from './support/shots';
import { compareWithBaseline, type Comparison } from './support/visual';

describe.each(UI_LANGUAGES)('popup pictures in %s', (language) => {
  let sandbox: Sandbox;
  let chromium: ChromiumExtension;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    chromium = await launchChromium({ serve: e2eLinkedIn, uiLanguage: language });
  });

  afterAll(async () => {
    await chromium?.close();
    await sandbox?.close();
  });

  async function check(state: PopupState): Promise<void> {
    const tabId = await tabFor(chromium, state.url);
    const results: Comparison[] = [];
    for (const scheme of COLOR_SCHEMES) {
      const page = await openPopup(chromium, tabId, state, scheme);
      results.push(compareWithBaseline(`popup-${state.name}-${language}-${scheme}`, await shootPopup(page)));
      await page.close();
    }
    const failed = results.filter((r) => r.outcome !== 'same' && r.outcome !== 'updated');
    expect(failed.map((r) => r.message).join('\n'), 'pictures that differ from their baseline').toBe('');
  }

  // In this order: the key is saved after the setup-needed pictures.
  it('setup needed (no key), on the demo profile', async () => {
    await check(SETUP_NEEDED);
  });

  it('not a profile, on the feed', async () => {
    await configureDemoQuietly(chromium, sandbox);
    await chromium.closePages();
    await check(NOT_A_PROFILE);
  });

  it('the demo contact and its diff, on the demo profile', async () => {
    await check(DEMO_DIFF);
  });
});
