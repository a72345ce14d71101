// What the toolbar badge says about a tab.
import type { TextRef } from './i18n';
import type { ApiErrorInfo } from './skipcall/errors';
export type TabStatus =
  | { kind: 'none' } // not a profile, or no API key yet
  | { kind: 'not-linked' }
  | { kind: 'linked'; contactId: string; changes: number }
  /** Linked, and LinkedIn shows the person at another company than Skipcall. */
  | { kind: 'job-change'; contactId: string; changes: number; company: string }
  | { kind: 'error'; error: ApiErrorInfo };

export interface Badge {
  text: string;
  color: string;
  /** The tooltip, worded by the background in the browser's language. */
  title: TextRef;
}

const ERROR_TITLES: Partial<Record<ApiErrorInfo['kind'], TextRef>> = {
  'not-found': ['badgeNotFound'],
  'invalid-key': ['badgeInvalidKey'],
  offline: ['badgeOffline'],
};

const GREEN = '#09AA77';
const GREY = '#6B7780';
const RED = '#B3261E';
const AMBER = '#9A5B00';

export function badgeFor(status: TabStatus): Badge {
  switch (status.kind) {
    case 'none':
      return { text: '', color: GREY, title: ['extName'] };
    case 'not-linked':
      return { text: '?', color: GREY, title: ['badgeNotLinked'] };
    case 'linked':
      return status.changes === 0
        ? { text: '✓', color: GREEN, title: ['badgeUpToDate'] }
        : {
            text: status.changes > 99 ? '99+' : String(status.changes),
            color: GREEN,
            title: [status.changes > 1 ? 'badgeChanges' : 'badgeOneChange', String(status.changes)],
          };
    case 'job-change':
      return { text: '⇄', color: AMBER, title: ['badgeJobChange', status.company] };
    case 'error':
      return { text: '!', color: RED, title: ERROR_TITLES[status.error.kind] ?? ['badgeError'] };
  }
}
