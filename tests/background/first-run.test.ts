// Installing opens the welcome page once; an update or a browser update does not.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { usePersistentBackend } from '@/utils/storage/extension';
import { memoryBackend } from '@/utils/storage/store';

async function openTabs(): Promise<string[]> {
  // Let the listener's tabs.create settle.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
}

describe('first run', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    usePersistentBackend(memoryBackend());
    background.main();
  });

  it('opens the welcome page when the extension is installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(await openTabs()).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
  });

  it('opens nothing on an update or a browser update', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(await openTabs()).toEqual([]);
  });
});
