// User settings: the API key and the API base URL, with the checks the options
// page runs before saving.
import * as z from 'zod/mini';

export const DEFAULT_API_BASE_URL = 'https://api-public.skipcall.app';

export const API_KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9_-]{4,}$/;

export const SettingsSchema = z.object({
  apiKey: z._default(z.string(), ''),
  apiBaseUrl: z._default(z.string(), DEFAULT_API_BASE_URL),
  /** Diff keys whose `update` rows start ticked (the user prefers LinkedIn there). */
  preferLinkedIn: z._default(z.array(z.string()), []),
  /** Profile field → custom field slug, e.g. headline → headline_linkedin. */
  customFieldMap: z._default(z.record(z.string(), z.string()), {}),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';

export function parseSettings(stored: unknown): Settings {
  const result = SettingsSchema.safeParse(stored ?? {});
  return result.success ? result.data : SettingsSchema.parse({});
}

export type KeyCheck = { ok: true; key: string } | { ok: false; problem: 'empty' | 'format' };

export function checkApiKey(input: string): KeyCheck {
  const key = input.trim();
  if (!key) return { ok: false, problem: 'empty' };
  if (!API_KEY_PATTERN.test(key)) return { ok: false, problem: 'format' };
  return { ok: true, key };
}

export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; problem: 'format' | 'insecure' };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only on loopback (a local sandbox). Path kept, trailing slash dropped. */
export function checkApiBaseUrl(input: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim() || DEFAULT_API_BASE_URL);
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'format' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, problem: 'insecure' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'format' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}

/** Match pattern for the optional host permission a custom base URL needs. */
export function originPermission(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Shows only the start and the last four characters of a key. */
export function maskApiKey(key: string): string {
  if (key.length <= 12) return '••••';
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}
