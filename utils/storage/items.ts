// Every persistent key of the extension, declared once: where it lives, its
// stored form's version, and how it is read back. Everything here lives in the
// extension origin's IndexedDB: content scripts run in the page's origin and
// cannot open it, whereas storage.local is readable by them (and capped at
// 10 MB in Chrome). Per-tab state, caches and drafts are in storage.session,
// which is not persistent and not declared here.
import { readStoredHistory, type HistoryEntry } from '../diff/history';
import { readStoredJobChanges, type JobChangeSeen } from '../diff/job-change';
import { readStoredProvenance, type ContactProvenance } from '../diff/provenance';
import { readStoredRegistry, type Registry } from '../match/registry';
import { readStoredSequences, type SequenceSettings } from '../sequences';
import { readStoredSettings, type Settings } from '../settings';
import type { StorageItem } from './item';

/** The database of the items below (one object store, keys = item keys). */
export { DATA_DATABASE } from './databases';
import { SETTINGS_KEY } from './databases';

/**
 * The contact directory's database: its snapshot and the sync's progress, large
 * values read and checked by utils/match (fromSnapshot, readSyncState), which
 * carry their own versions.
 */
export const DIRECTORY_DATABASE = { name: 'skipcall-enrich', store: 'directory', keys: { snapshot: 'snapshot', sync: 'sync' } } as const;

/** The API key, the base URL and the diff policy. Secret: never in storage.local. */
export const settingsItem: StorageItem<Settings> = {
  key: SETTINGS_KEY,
  version: 1,
  read: readStoredSettings,
  legacyLocalKey: SETTINGS_KEY,
};

/** LinkedIn person → Skipcall contact (up to 50,000 links: past storage.local's quota). */
export const registryItem: StorageItem<Registry> = {
  key: 'registry',
  version: 1,
  read: readStoredRegistry,
  legacyLocalKey: 'registry',
};

/** The writes, newest first, with the values they replaced (for undo). */
export const historyItem: StorageItem<HistoryEntry[]> = {
  key: 'history',
  version: 1,
  read: readStoredHistory,
  legacyLocalKey: 'history',
};

/** Which account (base URL and key) the contact directory was read for: a new one starts it over. */
export const directoryAccountItem: StorageItem<string> = {
  key: 'directoryAccount',
  version: 1,
  read: (stored) => (typeof stored === 'string' || stored === undefined ? { value: stored ?? '', dropped: 0 } : { value: '', dropped: 1 }),
  legacyLocalKey: 'directoryAccount',
};

/**
 * Per linked contact (`provenance:<contactId>`): LinkedIn's values last read and
 * ours last written, per field with dates, for the three-way diff.
 */
export function provenanceItem(contactId: string): StorageItem<ContactProvenance> {
  return { key: `provenance:${contactId}`, version: 1, read: readStoredProvenance };
}

/** The job changes seen on linked profiles, newest first (options page, CSV export). */
export const jobChangesItem: StorageItem<JobChangeSeen[]> = {
  key: 'jobChanges',
  version: 1,
  read: readStoredJobChanges,
};


/** The sequences added by hand (the API lists none), the default one, each one's assignee, and "me". */
export const sequencesItem: StorageItem<SequenceSettings> = {
  key: 'sequences',
  version: 1,
  read: readStoredSequences,
};

export const PERSISTENT_ITEMS: readonly StorageItem<unknown>[] = [settingsItem, registryItem, historyItem, directoryAccountItem, sequencesItem];
