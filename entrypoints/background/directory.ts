// The local contact directory: an index kept in memory, persisted in
// IndexedDB, and refreshed in the background from GET /v1/contacts when the
// account's API offers it.
import { createStore, del, get, set } from 'idb-keyval';
import { buildIndex, fromSnapshot, toSnapshot, upsertContacts, type DirectoryIndex } from '@/utils/match/directory';
import { createDirectorySync, progressOf, readSyncState, syncPhase, type ContactLister, type SyncState } from '@/utils/match/sync';
import type { ApiErrorKind } from '@/utils/skipcall/errors';
import type { DirectoryStatus } from '@/utils/messages';
import { session } from '@/utils/storage/extension';
import { DIRECTORY_DATABASE } from '@/utils/storage/items';
import { directoryStatusItem } from '@/utils/storage/session';

export interface DirectoryPersistence {
  loadSnapshot(): Promise<unknown>;
  saveSnapshot(snapshot: unknown): Promise<void>;
  loadSync(): Promise<unknown>;
  saveSync(state: SyncState): Promise<void>;
  clear(): Promise<void>;
}

export function indexedDbPersistence(): DirectoryPersistence {
  const { name, store: storeName, keys } = DIRECTORY_DATABASE;
  const store = createStore(name, storeName);
  return {
    loadSnapshot: () => get(keys.snapshot, store),
    saveSnapshot: (snapshot) => set(keys.snapshot, snapshot, store),
    loadSync: () => get(keys.sync, store),
    saveSync: (state) => set(keys.sync, state, store),
    clear: async () => {
      await del(keys.snapshot, store);
      await del(keys.sync, store);
    },
  };
}

export function memoryPersistence(): DirectoryPersistence {
  const values = new Map<string, unknown>();
  return {
    loadSnapshot: async () => values.get('snapshot'),
    saveSnapshot: async (snapshot) => void values.set('snapshot', snapshot),
    loadSync: async () => values.get('sync'),
    saveSync: async (state) => void values.set('sync', state),
    clear: async () => values.clear(),
  };
}

export function createDirectoryService(persistence: DirectoryPersistence, lister: () => Promise<ContactLister>) {
  let index: DirectoryIndex | undefined;
  let loading: Promise<DirectoryIndex> | undefined;
  let running: Promise<unknown> | undefined;
  // The sync state is read once and then kept: parsing a walk of many contacts on every status is slow.
  let syncState: SyncState | undefined;

  async function loadSyncState(): Promise<SyncState> {
    syncState ??= readSyncState(await persistence.loadSync());
    return syncState;
  }

  function loadIndex(): Promise<DirectoryIndex> {
    if (index) return Promise.resolve(index);
    loading ??= persistence.loadSnapshot().then((snapshot) => {
      index = snapshot ? fromSnapshot(snapshot) : buildIndex([]);
      return index;
    });
    return loading;
  }

  async function status(): Promise<DirectoryStatus> {
    const [state, current] = await Promise.all([loadSyncState(), loadIndex()]);
    const error = state.lastError;
    return {
      phase: syncPhase(state),
      progress: progressOf(state),
      size: current.size,
      ...(state.completedAt !== undefined ? { completedAt: state.completedAt } : {}),
      ...(error ? { lastError: { kind: error.kind as ApiErrorKind, ...(error.status ? { status: error.status } : {}) } } : {}),
    };
  }

  async function publish(): Promise<DirectoryStatus> {
    const current = await status();
    // The pages watch it for the sync's progress.
    await session.set(directoryStatusItem, undefined, current);
    return current;
  }

  /** Reads what is due (or everything, when forced); returns at once if a sync already runs. */
  function sync(force = false): Promise<unknown> {
    running ??= (async () => {
      try {
        const directorySync = createDirectorySync({
          client: await lister(),
          store: {
            load: loadSyncState,
            save: async (state) => {
              syncState = state;
              await persistence.saveSync(state);
            },
          },
          onContacts: async (contacts) => upsertContacts(await loadIndex(), contacts),
          onComplete: async (contacts) => {
            index = buildIndex(contacts);
            await persistence.saveSnapshot(toSnapshot(index));
          },
          onProgress: () => void publish(),
        });
        await directorySync.run({ force });
      } finally {
        running = undefined;
        await publish();
      }
    })();
    return running;
  }

  async function reset(): Promise<void> {
    await running?.catch(() => undefined);
    await persistence.clear();
    syncState = undefined;
    index = buildIndex([]);
    loading = undefined;
    await publish();
  }

  return { index: loadIndex, status, sync, reset, isSyncing: () => running !== undefined };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
