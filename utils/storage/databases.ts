// The extension origin's IndexedDB databases. Apart from ./items so a page can
// open its database before the item schemas have loaded (the popup's first reads).

/** The database of the persistent items (one object store, keys = item keys). */
export const DATA_DATABASE = { name: 'skipcall-enrich-data', store: 'items' } as const;

/** The settings item's key, here and in storage.local before it moved (./items declares the item). */
export const SETTINGS_KEY = 'settings';

/** The prefixes of the per-tab storage.session keys the popup opens with (./session declares the items). */
export const TAB_KEY_PREFIX = 'tab:';
export const MATCH_KEY_PREFIX = 'match:';
