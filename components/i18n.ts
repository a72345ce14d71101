// The pages' words, in the browser's language (public/_locales, chosen by the
// browser; English when it has no catalogue for the user's language).
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/utils/i18n';

function lookup(name: string, substitutions: readonly (string | number)[]): string {
  try {
    return browser.i18n.getMessage(name as MessageKey, substitutions.map(String)) ?? '';
  } catch {
    // A page must still render if the API is missing or refuses the call.
    return '';
  }
}

/**
 * The text of a message, with $1… replaced by the substitutions. A missing
 * message shows its name, so a forgotten translation is visible, not blank.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = lookup(key, substitutions);
  if (text) return text;
  if (import.meta.env.DEV) console.warn(`[i18n] no message "${key}"`);
  return key;
}

/** The text of a message named at run time (e.g. in a reply from the background), or null if none has that name. */
export function messageNamed(name: string): string | null {
  return /^\w+$/.test(name) ? lookup(name, []) || null : null;
}

/** Tells assistive technology which language the page is in, and titles it. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = t('lang');
  document.title = title;
}
