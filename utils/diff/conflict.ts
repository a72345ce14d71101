// Lost-update guard: which of the keys the user is about to write changed in
// Skipcall since the contact was shown to them.
import type { Contact, CustomField } from '../skipcall/schemas';
import { currentValue } from './compute';
import { PHONE_KEY, fold, kindOfKey } from './fields';

export function changedKeys(
  seen: Contact,
  fresh: Contact,
  keys: readonly string[],
  definitions: readonly CustomField[] = [],
): string[] {
  return keys.filter((key) => {
    if (key === PHONE_KEY) {
      const a = seen.phoneNumbers.map((n) => fold('phone', n)).sort().join();
      const b = fresh.phoneNumbers.map((n) => fold('phone', n)).sort().join();
      return a !== b;
    }
    const kind = kindOfKey(key);
    return fold(kind, currentValue(seen, key, definitions)) !== fold(kind, currentValue(fresh, key, definitions));
  });
}
