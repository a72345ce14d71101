// The Skipcall client configured from the saved settings, and the custom field
// definitions (cached briefly: the diff needs them for every contact).
import { browser } from 'wxt/browser';
import { LOOPBACK_HTTP_ALLOWED } from '@/utils/build';
import { createSkipcallClient, type SkipcallClient } from '@/utils/skipcall/client';
import type { CustomField } from '@/utils/skipcall/schemas';
import type { Settings } from '@/utils/settings';
import { session } from '@/utils/storage/extension';
import { customFieldsItem } from '@/utils/storage/session';
import { loadSettings } from './stores';

const CUSTOM_FIELDS_TTL_MS = 60 * 60_000;
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * A client for the given settings (loaded when not given), re-checked before
 * every request (see the client's `endpoint`).
 */
export async function clientFromSettings(loaded?: Settings): Promise<SkipcallClient> {
  const settings = loaded ?? (await loadSettings());
  return createSkipcallClient({
    baseUrl: settings.apiBaseUrl,
    apiKey: settings.apiKey,
    allowLoopbackHttp: LOOPBACK_HTTP_ALLOWED,
    originGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });
}

export async function customFieldDefinitions(client: SkipcallClient): Promise<CustomField[]> {
  const stored = await session.get(customFieldsItem, undefined);
  if (stored && Date.now() - stored.at < CUSTOM_FIELDS_TTL_MS) return stored.fields;
  const fields: CustomField[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, total } = await client.listCustomFields(page, PAGE_SIZE);
    fields.push(...items);
    if (items.length < PAGE_SIZE || (total !== undefined && fields.length >= total)) break;
  }
  await session.set(customFieldsItem, undefined, { at: Date.now(), fields });
  return fields;
}

export async function forgetCustomFields(): Promise<void> {
  await session.remove(customFieldsItem.key());
}
