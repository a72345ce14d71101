// The link registry in extension storage; updates go one at a time so two
// tabs linking at once cannot lose a link.
import { browser } from 'wxt/browser';
import { migrateRegistry, type Registry } from '@/utils/match/registry';

const REGISTRY_KEY = 'registry';
let queue: Promise<unknown> = Promise.resolve();

export async function loadRegistry(): Promise<Registry> {
  const stored = await browser.storage.local.get(REGISTRY_KEY);
  return migrateRegistry(stored[REGISTRY_KEY]);
}

export function updateRegistry(change: (registry: Registry) => Registry): Promise<Registry> {
  const run = async () => {
    const next = change(await loadRegistry());
    await browser.storage.local.set({ [REGISTRY_KEY]: next });
    return next;
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
