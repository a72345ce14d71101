// The sentence each Skipcall failure shows, and the one action offered with it.
import { describe, expect, it } from 'vitest';
import { describeApiError, describeReplyError } from '@/components/describe';
import { API_ERROR_KINDS, apiErrorText, errorAction, type ApiErrorInfo, type ApiErrorKind } from '@/utils/skipcall/errors';
import { LOCALES, readCatalogue, useLocale } from '../setup/i18n';

const NOW = 1_800_000_000_000;

/** One failure of each kind, as the client reports them. */
const SAMPLES: Record<ApiErrorKind, ApiErrorInfo> = {
  'no-key': { kind: 'no-key' },
  'bad-base-url': { kind: 'bad-base-url', detail: 'insecure' },
  redirect: { kind: 'redirect', status: 301 },
  'no-permission': { kind: 'no-permission', detail: 'api.example.com' },
  'invalid-key': { kind: 'invalid-key', status: 401 },
  plan: { kind: 'plan', status: 403, code: 'SUBSCRIPTION_REQUIRED' },
  'not-found': { kind: 'not-found', status: 404 },
  validation: { kind: 'validation', status: 400, problems: [{ field: 'city', message: 'too long' }] },
  'rate-limited': { kind: 'rate-limited', status: 429, retryAt: NOW + 12_400 },
  server: { kind: 'server', status: 503 },
  offline: { kind: 'offline' },
  timeout: { kind: 'timeout' },
  'bad-response': { kind: 'bad-response' },
};

const ACTION_WORDS = /try again|retry|réessay|nouvel essai/i;

describe.each(LOCALES)('failure sentences (%s)', (locale) => {
  it('are one sentence each, with no "try again" in them (the Retry button is the action)', () => {
    useLocale(locale);
    for (const kind of API_ERROR_KINDS) {
      const text = describeApiError(SAMPLES[kind], NOW);
      expect(text, kind).toMatch(/[.)]$/);
      expect(text.split(/(?<=[.!?])\s+(?=\p{Lu})/u), `${kind}: ${text}`).toHaveLength(1);
      expect(text, kind).not.toMatch(ACTION_WORDS);
      // Nothing was attempted when a read fails: no reassurance about losses.
      expect(text, kind).not.toMatch(/nothing was lost|rien n’a été perdu/i);
    }
  });

  it('a server error is said once, plainly', () => {
    useLocale(locale);
    expect(describeReplyError({ kind: 'server', status: 500 })).toBe(
      locale === 'en' ? 'Skipcall is not answering properly right now.' : 'Skipcall ne répond pas correctement pour le moment.',
    );
  });
});

describe('the rate limit', () => {
  it('names the seconds left until the window resets, then says it is over', () => {
    const info: ApiErrorInfo = { kind: 'rate-limited', retryAt: NOW + 12_400 };
    expect(apiErrorText(info, NOW)).toEqual(['apiRateLimitedFor', '13']);
    expect(apiErrorText(info, NOW + 12_000)).toEqual(['apiRateLimitedFor', '1']);
    expect(apiErrorText(info, NOW + 12_400)).toEqual(['apiRateLimitedOver']);
    expect(apiErrorText({ kind: 'rate-limited' }, NOW)).toEqual(['apiRateLimited']);
    useLocale('en');
    expect(describeApiError(info, NOW)).toBe('Skipcall has had too many requests; it accepts new ones in 13 s.');
    useLocale('fr');
    expect(describeApiError(info, NOW)).toBe('Skipcall a reçu trop de requêtes\u00a0; il en accepte de nouvelles dans 13 s.');
  });
});

describe('the next action', () => {
  it('is the settings for what is fixed there, Retry for the rest', () => {
    const inSettings = API_ERROR_KINDS.filter((kind) => errorAction(kind) === 'open-settings');
    expect(inSettings.sort()).toEqual(['bad-base-url', 'invalid-key', 'no-key', 'no-permission', 'plan', 'redirect']);
    for (const kind of ['server', 'rate-limited', 'offline', 'timeout', 'not-found', 'refused', 'page-changed']) {
      expect(errorAction(kind), kind).toBe('retry');
    }
  });
});

describe('the catalogues', () => {
  it('never say "try again" twice in one message, nor "Nothing was lost" outside a write result', () => {
    for (const locale of LOCALES) {
      for (const [name, { message }] of Object.entries(readCatalogue(locale))) {
        expect((message.match(/try again|réessayez/gi) ?? []).length, `${locale}: ${name}`).toBeLessThanOrEqual(1);
        if (/nothing was lost|rien n’a été perdu/i.test(message)) expect(name, locale).toMatch(/^result/);
      }
    }
  });
});
