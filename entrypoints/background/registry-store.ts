// The link registry in the persistent store; each update is one read-write
// transaction, so two tabs linking at once cannot lose a link.
import type { Registry } from '@/utils/match/registry';
import { persistentStore } from '@/utils/storage/extension';
import { registryItem } from '@/utils/storage/items';

export function loadRegistry(): Promise<Registry> {
  return persistentStore().get(registryItem);
}

export function updateRegistry(change: (registry: Registry) => Registry): Promise<Registry> {
  return persistentStore().update(registryItem, change);
}
