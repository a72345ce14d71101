// Typed failures of the Skipcall API, and the plain sentence each one shows.
import type { FieldProblem } from './validation';

export type ApiErrorKind =
  | 'no-key' // no API key saved yet
  | 'invalid-key' // 401
  | 'plan' // 403: no subscription, or a plan without API access
  | 'not-found' // 404: missing, or in a workspace outside the key's scope
  | 'validation' // 400
  | 'rate-limited' // 429 after the retries
  | 'server' // 5xx after the retries
  | 'offline' // the request never got an answer
  | 'timeout'
  | 'bad-response'; // the answer does not have the documented shape

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
    // The sentence for people comes from describeApiError where it is shown.
    super(`Skipcall API error: ${info.kind}${info.status ? ` (HTTP ${info.status})` : ''}`);
    this.name = 'SkipcallApiError';
    this.info = info;
  }
}

export function describeApiError(info: ApiErrorInfo): string {
  switch (info.kind) {
    case 'no-key':
      return 'Add your Skipcall API key in the settings first.';
    case 'invalid-key':
      return 'Skipcall refused the API key. Check it in the settings (Skipcall → Settings → API Keys).';
    case 'plan':
      return info.code === 'SUBSCRIPTION_REQUIRED'
        ? 'Your Skipcall workspace needs an active subscription to use the API.'
        : 'Your Skipcall plan does not include API access (Starter, Intermédiaire or Expert is needed).';
    case 'not-found':
      return 'This contact was not found, or it is in a workspace outside your API key’s scope.';
    case 'validation': {
      const first = info.problems?.[0];
      return first
        ? `Skipcall rejected the value of ${first.field}: ${first.message}.`
        : 'Skipcall rejected the request as invalid.';
    }
    case 'rate-limited': {
      const seconds = info.retryAt ? Math.max(1, Math.ceil((info.retryAt - Date.now()) / 1000)) : undefined;
      return seconds
        ? `Too many requests to Skipcall. Try again in ${seconds} s.`
        : 'Too many requests to Skipcall. Try again in a minute.';
    }
    case 'server':
      return 'Skipcall is not answering properly right now. Nothing was lost; try again in a moment.';
    case 'offline':
      return 'Skipcall cannot be reached. Check your connection (or the API base URL in the settings).';
    case 'timeout':
      return 'Skipcall took too long to answer. Try again in a moment.';
    case 'bad-response':
      return `Skipcall answered in an unexpected format${info.detail ? ` (${info.detail})` : ''}.`;
  }
}

export function toErrorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof SkipcallApiError) return error.info;
  return { kind: 'offline', detail: error instanceof Error ? error.message : String(error) };
}
