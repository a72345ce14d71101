// A state of the popup in one sentence, with the one thing to do next as a
// button: a missing key, a page that is not a readable profile, a request that
// failed. The sentence says what happened; the button does what comes next.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ReplyError } from '@/utils/messages';
import type { PageStateName } from '@/utils/profile';
import { errorAction } from '@/utils/skipcall/errors';
import { describeReplyError, PAGE_STATE_TEXT } from './describe';
import { t } from './i18n';
import { openOptions } from './runtime';

export interface StateAction {
  label: string;
  onClick: () => void;
  testid?: string;
  disabled?: boolean;
}

interface Props {
  text: string;
  /** The next action; none only while it is already under way (e.g. the create form is open). */
  action?: StateAction | undefined;
  /** `error`: something failed (announced at once); `info`: the page or the setup asks for something. */
  tone?: 'info' | 'error';
  testid?: string;
}

export function StateMessage({ text, action, tone = 'info', testid }: Props) {
  return (
    <div class={`state-message ${tone}`} data-testid={testid} role={tone === 'error' ? 'alert' : 'status'}>
      <p>{text}</p>
      {action && (
        <button type="button" class="primary" data-testid={action.testid} disabled={action.disabled} onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}

/** The current time, ticking every second until `until` has passed (a rate limit's countdown). */
function useNowUntil(until: number | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === undefined || now >= until) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [until, now]);
  return now;
}

/**
 * A request that failed: its sentence and Retry, or Open settings when the
 * settings are where it gets fixed. `instead` replaces that action when the
 * caller has a better one (unlink a contact that no longer exists). Retry waits
 * for a rate limit to reset, counting down in the sentence.
 */
export function ErrorState({ error, onRetry, instead }: { error: ReplyError; onRetry: () => void; instead?: StateAction | undefined }) {
  const retryAt = error.kind === 'rate-limited' ? error.retryAt : undefined;
  const now = useNowUntil(retryAt);
  const action: StateAction =
    instead ??
    (errorAction(error.kind) === 'open-settings'
      ? { label: t('popupOpenSettings'), testid: 'open-settings', onClick: openOptions }
      : { label: t('stateRetry'), testid: 'retry', onClick: onRetry, disabled: retryAt !== undefined && now < retryAt });
  return <StateMessage tone="error" text={describeReplyError(error, now)} action={action} />;
}

const LINKEDIN = 'https://www.linkedin.com';

function linkedInUrl(value: string | null | undefined): URL | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'https:' && /(^|\.)linkedin\.com$/.test(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** LinkedIn's sign-in, coming back to the profile the auth wall stood in front of. */
export function signInUrl(pageUrl: string): string {
  const page = linkedInUrl(pageUrl);
  const back = linkedInUrl(page?.searchParams.get('sessionRedirect') ?? page?.searchParams.get('session_redirect'));
  const target = back ?? (page && /^\/(in|sales)\//.test(page.pathname) ? page : null);
  return `${LINKEDIN}/login${target ? `?session_redirect=${encodeURIComponent(target.href)}` : ''}`;
}

/** LinkedIn's people search, with the name a /in/<slug> address spells (its id suffix left out). */
export function peopleSearchUrl(pageUrl?: string): string {
  const slug = linkedInUrl(pageUrl)?.pathname.match(/^\/in\/([^/]+)/)?.[1];
  let words: string[] = [];
  try {
    words = slug ? decodeURIComponent(slug).split('-').filter((word) => word && !/\d/.test(word)) : [];
  } catch {
    // A malformed slug: search without keywords.
  }
  return `${LINKEDIN}/search/results/people/${words.length ? `?keywords=${encodeURIComponent(words.join(' '))}` : ''}`;
}

type NotProfileState = Exclude<PageStateName, 'profile' | 'list'>;

/**
 * A page that is not a readable profile: what is wrong in one sentence, and the
 * way on. `pageUrl`: the tab's address when LinkedIn reported it (absent for a
 * tab outside LinkedIn, which gets LinkedIn in a new tab).
 */
export function PageStateMessage({ state, tabId, pageUrl }: { state: NotProfileState; tabId: number | undefined; pageUrl: string | undefined }) {
  const inTab = (url: string) => () => void (tabId === undefined ? browser.tabs.create({ url }) : browser.tabs.update(tabId, { url }));
  let action: StateAction;
  switch (state) {
    case 'authwall':
      action = { label: t('stateSignIn'), testid: 'sign-in', onClick: inTab(signInUrl(pageUrl ?? '')) };
      break;
    case 'checkpoint':
      action = {
        label: t('stateReloadPage'),
        testid: 'reload-page',
        onClick: () => void (tabId === undefined ? undefined : browser.tabs.reload(tabId)),
      };
      break;
    case 'not-found':
      action = { label: t('stateSearchLinkedIn'), testid: 'search-linkedin', onClick: inTab(peopleSearchUrl(pageUrl)) };
      break;
    case 'not-a-profile':
      action =
        pageUrl && linkedInUrl(pageUrl)
          ? { label: t('stateSearchLinkedIn'), testid: 'search-linkedin', onClick: inTab(peopleSearchUrl()) }
          : { label: t('stateOpenLinkedIn'), testid: 'open-linkedin', onClick: () => void browser.tabs.create({ url: `${LINKEDIN}/feed/` }) };
      break;
  }
  return <StateMessage text={t(PAGE_STATE_TEXT[state])} action={action} />;
}
