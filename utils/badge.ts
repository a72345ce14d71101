// What the toolbar badge says about a tab.
import type { ApiErrorInfo } from './skipcall/errors';
export type TabStatus =
  | { kind: 'none' } // not a profile, or no API key yet
  | { kind: 'not-linked' }
  | { kind: 'linked'; contactId: string; changes: number }
  | { kind: 'error'; error: ApiErrorInfo };

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const ERROR_TITLES: Partial<Record<ApiErrorInfo['kind'], string>> = {
  'not-found': 'Skipcall Enrich: the linked contact no longer exists or is outside your workspaces',
  'invalid-key': 'Skipcall Enrich: Skipcall refused the API key; check the settings',
  offline: 'Skipcall Enrich: Skipcall cannot be reached',
};

const GREEN = '#09AA77';
const GREY = '#6B7780';
const RED = '#B3261E';

export function badgeFor(status: TabStatus): Badge {
  switch (status.kind) {
    case 'none':
      return { text: '', color: GREY, title: 'Skipcall Enrich' };
    case 'not-linked':
      return { text: '?', color: GREY, title: 'Skipcall Enrich: not linked to a Skipcall contact yet' };
    case 'linked':
      return status.changes === 0
        ? { text: '✓', color: GREEN, title: 'Skipcall Enrich: linked, Skipcall is up to date' }
        : {
            text: status.changes > 99 ? '99+' : String(status.changes),
            color: GREEN,
            title: `Skipcall Enrich: linked, ${status.changes} change${status.changes > 1 ? 's' : ''} to review`,
          };
    case 'error':
      return { text: '!', color: RED, title: ERROR_TITLES[status.error.kind] ?? 'Skipcall Enrich: the linked contact could not be read; open the popup for details' };
  }
}
