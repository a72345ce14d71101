// Typed failures of the Skipcall API, and which sentence each one shows.
import type { TextRef } from '../i18n';
import type { FieldProblem } from './validation';

export const API_ERROR_KINDS = [
  'no-key', // no API key saved yet
  'bad-base-url', // the saved API base URL is not https (detail: 'insecure' or 'format')
  'redirect', // the API base URL answered with a redirect, not followed (it would carry the key)
  'no-permission', // the extension may not reach the API's origin (detail: its host)
  'invalid-key', // 401
  'plan', // 403: no subscription, or a plan without API access
  'not-found', // 404: missing, or in a workspace outside the key's scope
  'validation', // 400
  'rate-limited', // 429 after the retries
  'server', // 5xx after the retries
  'offline', // the request never got an answer
  'timeout',
  'bad-response', // the answer does not have the documented shape
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** Failures the user fixes in the settings: the pages offer a way there. */
export const FIXED_IN_SETTINGS: ReadonlySet<string> = new Set<ApiErrorKind>(['no-key', 'invalid-key', 'plan', 'bad-base-url', 'redirect', 'no-permission']);

/** The one next action a failure offers: the settings for what is fixed there, else asking again. */
export type ErrorAction = 'open-settings' | 'retry';

export function errorAction(kind: string): ErrorAction {
  return FIXED_IN_SETTINGS.has(kind) ? 'open-settings' : 'retry';
}

/** Serializable form, sent between background and pages. */
export interface ApiErrorInfo {
  kind: ApiErrorKind;
  status?: number;
  code?: string;
  problems?: FieldProblem[];
  /** Unix ms when a rate limit resets. */
  retryAt?: number;
  detail?: string;
}

export class SkipcallApiError extends Error {
  readonly info: ApiErrorInfo;
  constructor(info: ApiErrorInfo) {
    // The sentence for people comes from apiErrorText, worded where it is shown.
    super(`Skipcall API error: ${info.kind}${info.status ? ` (HTTP ${info.status})` : ''}`);
    this.name = 'SkipcallApiError';
    this.info = info;
  }
}

/**
 * The sentence for a failure: a message of public/_locales and its values. One
 * sentence that says what happened; what to do is the button shown with it
 * (Retry or Open settings, see `FIXED_IN_SETTINGS`), never repeated in words.
 * `now`: a rate limit names the seconds left until it resets.
 */
export function apiErrorText(info: ApiErrorInfo, now: number = Date.now()): TextRef {
  switch (info.kind) {
    case 'no-key':
      return ['apiNoKey'];
    case 'bad-base-url':
      return [info.detail === 'insecure' ? 'apiBaseUrlInsecure' : 'apiBaseUrlFormat'];
    case 'redirect':
      return ['apiRedirect'];
    case 'no-permission':
      return ['apiNoPermission', info.detail ?? ''];
    case 'invalid-key':
      return ['apiInvalidKey'];
    case 'plan':
      return [info.code === 'SUBSCRIPTION_REQUIRED' ? 'apiSubscriptionRequired' : 'apiPlan'];
    case 'not-found':
      return ['apiNotFound'];
    case 'validation': {
      const first = info.problems?.[0];
      return first ? ['apiValidationField', first.field, first.message] : ['apiValidation'];
    }
    case 'rate-limited': {
      if (info.retryAt === undefined) return ['apiRateLimited'];
      const seconds = Math.ceil((info.retryAt - now) / 1000);
      return seconds > 0 ? ['apiRateLimitedFor', String(seconds)] : ['apiRateLimitedOver'];
    }
    case 'server':
      return ['apiServer'];
    case 'offline':
      return ['apiOffline'];
    case 'timeout':
      return ['apiTimeout'];
    case 'bad-response':
      return info.detail ? ['apiBadResponseDetail', info.detail] : ['apiBadResponse'];
  }
}

export function toErrorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof SkipcallApiError) return error.info;
  return { kind: 'offline', detail: error instanceof Error ? error.message : String(error) };
}
