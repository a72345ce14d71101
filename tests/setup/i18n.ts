// fakeBrowser has no i18n: give it the extension's own catalogues, worded the
// way Chrome and Firefox word them, so tests read the texts users read.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, Entry>;

// From the string: under happy-dom, URL is the DOM's, which Node's fileURLToPath refuses.
const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');
const cache = new Map<Locale, Catalogue>();

export function readCatalogue(locale: Locale): Catalogue {
  let catalogue = cache.get(locale);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
    cache.set(locale, catalogue);
  }
  return catalogue;
}

/**
 * The browsers' rules: names are case-insensitive; `$name$` takes its
 * placeholder's content; then `$1`…`$9` take the substitutions (a missing one
 * is empty) and `$$` is a literal `$`. An unknown name gives ''.
 */
export function formatMessage(catalogue: Catalogue, name: string, substitutions: string | string[] = []): string {
  const entry = Object.entries(catalogue).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  if (!entry) return '';
  const values = Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([key, p]) => [key.toLowerCase(), p.content]));
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => placeholders[key.toLowerCase()] ?? whole);
  return withPlaceholders.replace(/\$(?:([1-9])|(\$+))/g, (_, index: string | undefined, dollars: string | undefined) =>
    index ? (values[Number(index) - 1] ?? '') : dollars!,
  );
}

/** Makes the fake browser speak `locale`. Assigned, not spied, so restoreMocks and fakeBrowser.reset() leave it. */
export function useLocale(locale: Locale): void {
  const catalogue = readCatalogue(locale);
  const i18n = fakeBrowser.i18n as unknown as {
    getMessage: (name: string, substitutions?: string | string[]) => string;
    getUILanguage: () => string;
  };
  i18n.getMessage = (name, substitutions) => (name === '@@ui_locale' ? locale : formatMessage(catalogue, name, substitutions));
  i18n.getUILanguage = () => locale;
}

useLocale('en');
// Every test starts in English, whatever the previous one switched to.
beforeEach(() => useLocale('en'));
