import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_BASE_URL,
  checkApiBaseUrl,
  checkApiKey,
  maskApiKey,
  originPermission,
  readStoredSettings,
} from '@/utils/settings';

describe('checkApiKey', () => {
  it('accepts live and test keys, trimmed', () => {
    expect(checkApiKey('  sk_live_AbC123xyz ')).toEqual({ ok: true, key: 'sk_live_AbC123xyz' });
    expect(checkApiKey('sk_test_skipcall_enrich_demo')).toEqual({ ok: true, key: 'sk_test_skipcall_enrich_demo' });
  });
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['pk_live_123456', 'format'],
    ['sk_prod_123456', 'format'],
    ['sk_live_', 'format'],
    ['sk_live_ab cd', 'format'],
    ['Bearer sk_live_123456', 'format'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(checkApiKey(input)).toEqual({ ok: false, problem });
  });
});

const TEST_BUILD = true;
const PRODUCTION = false;

describe('checkApiBaseUrl', () => {
  it('keeps https URLs without a trailing slash', () => {
    expect(checkApiBaseUrl('https://api-public.skipcall.app/', TEST_BUILD)).toEqual({
      ok: true,
      url: 'https://api-public.skipcall.app',
      origin: 'https://api-public.skipcall.app',
    });
    expect(checkApiBaseUrl('https://proxy.example.com/skipcall/', TEST_BUILD)).toMatchObject({ ok: true, url: 'https://proxy.example.com/skipcall' });
  });
  it('falls back to the default when empty', () => {
    expect(checkApiBaseUrl('', TEST_BUILD)).toMatchObject({ ok: true, url: DEFAULT_API_BASE_URL });
  });
  it('allows plain http on loopback only, and only in the test build', () => {
    expect(checkApiBaseUrl('http://127.0.0.1:8787', TEST_BUILD)).toMatchObject({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(checkApiBaseUrl('http://localhost:9000/', TEST_BUILD)).toMatchObject({ ok: true, url: 'http://localhost:9000' });
    expect(checkApiBaseUrl('http://api-public.skipcall.app', TEST_BUILD)).toEqual({ ok: false, problem: 'insecure' });
    expect(checkApiBaseUrl('http://192.168.1.4:8787', TEST_BUILD)).toEqual({ ok: false, problem: 'insecure' });
    for (const loopback of ['http://127.0.0.1:8787', 'http://localhost:9000/', 'http://[::1]:8787']) {
      expect(checkApiBaseUrl(loopback, PRODUCTION), loopback).toEqual({ ok: false, problem: 'insecure' });
    }
  });
  it.each(['not a url', 'ftp://example.com', 'https://user:pw@example.com', 'https://example.com/?x=1', 'javascript:alert(1)'])(
    'refuses %j',
    (input) => {
      expect(checkApiBaseUrl(input, TEST_BUILD)).toEqual({ ok: false, problem: 'format' });
    },
  );
});

describe('settings storage shape', () => {
  it('reads defaults from nothing and from garbage', () => {
    const defaults = { apiKey: '', apiBaseUrl: DEFAULT_API_BASE_URL, preferLinkedIn: [], customFieldMap: {} };
    expect(readStoredSettings(undefined)).toEqual({ value: defaults, dropped: 0 });
    expect(readStoredSettings('junk')).toEqual({ value: defaults, dropped: 1 });
    expect(readStoredSettings({ apiKey: 42 }).value).toMatchObject({ apiKey: '', apiBaseUrl: DEFAULT_API_BASE_URL });
    expect(readStoredSettings({ apiKey: 'sk_test_abcd', preferLinkedIn: ['city'] }).value).toMatchObject({ apiKey: 'sk_test_abcd', apiBaseUrl: DEFAULT_API_BASE_URL, preferLinkedIn: ['city'] });
  });
  it('a damaged field costs only itself, never the API key', () => {
    const read = readStoredSettings({ apiKey: 'sk_test_abcd', apiBaseUrl: 'http://127.0.0.1:1', preferLinkedIn: 'city', customFieldMap: { headline: 5 } });
    expect(read).toEqual({ value: { apiKey: 'sk_test_abcd', apiBaseUrl: 'http://127.0.0.1:1', preferLinkedIn: [], customFieldMap: {} }, dropped: 2 });
  });
  it('asks for the host of a custom origin, any port', () => {
    expect(originPermission('https://proxy.example.com:8443')).toBe('https://proxy.example.com/*');
    expect(originPermission('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
  it('never shows a key in full', () => {
    const key = 'sk_live_0123456789abcdef';
    expect(maskApiKey(key)).not.toContain('0123456789ab');
    expect(maskApiKey(key).endsWith('cdef')).toBe(true);
    expect(maskApiKey('sk_live_ab')).toBe('••••');
  });
});
