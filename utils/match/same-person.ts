// Does a chosen contact carry the name of the person whose page is open? A
// contact pasted, searched or created by hand can be someone else: the popup
// then warns, ticks nothing and asks before linking.
import { nameKeys } from './keys';

interface Named {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
}

/**
 * True when both sides have a full name and no name key of one is a key of
 * the other (accents, case, punctuation, word order and first/last swaps do
 * not count as a difference). A side without a full name proves nothing.
 */
export function namesDiffer(contact: Named, person: Named): boolean {
  const contactKeys = nameKeys(contact.firstName, contact.lastName);
  const personKeys = nameKeys(person.firstName, person.lastName);
  if (!contactKeys.length || !personKeys.length) return false;
  return !contactKeys.some((key) => personKeys.includes(key));
}
