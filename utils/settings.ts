// User settings: the API key and the API base URL, with the checks the options
// page runs before saving and the client runs before every request.
import * as z from 'zod/mini';
import type { Reading } from './storage/item';

export const DEFAULT_API_BASE_URL = 'https://api-public.skipcall.app';

export const API_KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9_-]{4,}$/;

export interface Settings {
  apiKey: string;
  apiBaseUrl: string;
  /** Diff keys whose `update` rows start ticked (the user prefers LinkedIn there). */
  preferLinkedIn: string[];
  /** Profile field → custom field slug, e.g. headline → headline_linkedin. */
  customFieldMap: Record<string, string>;
}

const FIELDS: { [K in keyof Settings]: { schema: z.ZodMiniType<Settings[K]>; fallback: () => Settings[K] } } = {
  apiKey: { schema: z.string(), fallback: () => '' },
  apiBaseUrl: { schema: z.string(), fallback: () => DEFAULT_API_BASE_URL },
  preferLinkedIn: { schema: z.array(z.string()), fallback: () => [] },
  customFieldMap: { schema: z.record(z.string(), z.string()), fallback: () => ({}) },
};

/** Field by field: a damaged field falls back to its default and never costs the others (the API key above all). */
export function readStoredSettings(stored: unknown): Reading<Settings> {
  const record = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  let dropped = stored === undefined || record === stored ? 0 : 1;
  const settings = {} as Record<keyof Settings, unknown>;
  for (const [name, field] of Object.entries(FIELDS) as [keyof Settings, (typeof FIELDS)[keyof Settings]][]) {
    const parsed = record[name] === undefined ? undefined : field.schema.safeParse(record[name]);
    if (parsed && !parsed.success) dropped++;
    settings[name] = parsed?.success ? parsed.data : field.fallback();
  }
  return { value: settings as Settings, dropped };
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

/**
 * https anywhere; plain http only on loopback, and only where `allowLoopbackHttp`
 * (the test build, whose local sandbox stands in for the API). Path kept,
 * trailing slash dropped.
 */
export function checkApiBaseUrl(input: string, allowLoopbackHttp: boolean): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim() || DEFAULT_API_BASE_URL);
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'format' };
  if (url.protocol === 'http:' && !(allowLoopbackHttp && LOOPBACK.has(url.hostname))) return { ok: false, problem: 'insecure' };
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
