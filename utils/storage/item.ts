// What a persistent item is: its key, the version of its stored form, the
// steps from an older form to the current one, and a tolerant reading. Stored
// values are envelopes `{version, value}` so a later release knows what it
// reads. Pure: the store (store.ts) does the I/O.

/** A stored value read back, with how many damaged parts (entries, fields) were left out. */
export interface Reading<T> {
  value: T;
  dropped: number;
}

export interface StorageItem<T> {
  /** Its key in the extension's database. */
  key: string;
  /** Version of the stored form written now. */
  version: number;
  /** `migrations[n]` turns a version n-1 value into version n. */
  migrations?: Readonly<Record<number, (previous: unknown) => unknown>>;
  /** Any stored value (undefined when nothing is stored) → a usable one. Never throws. */
  read(stored: unknown): Reading<T>;
  /** The storage.local key it lived under before it moved (its form there is version 1). */
  legacyLocalKey?: string;
}

export interface Envelope {
  version: number;
  value: unknown;
}

const isEnvelope = (stored: unknown): stored is Envelope =>
  !!stored && typeof stored === 'object' && typeof (stored as Envelope).version === 'number' && 'value' in stored;

/** The stored form of a value. */
export function envelope<T>(item: StorageItem<T>, value: T): Envelope {
  return { version: item.version, value };
}

/**
 * An envelope read back: brought to the current version step by step, then read
 * tolerantly. A newer form (written by a later release) is read as it is; a
 * failing migration reads nothing rather than throwing.
 */
export function readStored<T>(item: StorageItem<T>, stored: unknown): Reading<T> {
  if (stored === undefined) return item.read(undefined);
  if (!isEnvelope(stored)) return { ...item.read(undefined), dropped: 1 };
  let value = stored.value;
  try {
    for (let version = stored.version + 1; version <= item.version; version++) {
      const step = item.migrations?.[version];
      if (step) value = step(value);
    }
  } catch {
    return { ...item.read(undefined), dropped: 1 };
  }
  return item.read(value);
}

/** Reads a list entry by entry: the good ones are kept, the others counted. */
export function readEach<T>(stored: unknown, readEntry: (raw: unknown) => T | undefined): Reading<T[]> {
  if (stored === undefined) return { value: [], dropped: 0 };
  if (!Array.isArray(stored)) return { value: [], dropped: 1 };
  const value: T[] = [];
  for (const raw of stored) {
    const entry = readEntry(raw);
    if (entry !== undefined) value.push(entry);
  }
  return { value, dropped: stored.length - value.length };
}
