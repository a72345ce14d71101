// Words for the states, fields and errors the pages show.
import type { MessageKey } from '@/utils/i18n';
import type { ReplyError } from '@/utils/messages';
import type { PageStateName, ProfileFieldName } from '@/utils/profile';
import { apiErrorText, type ApiErrorInfo } from '@/utils/skipcall/errors';
import { messageNamed, t } from './i18n';

/** One sentence saying what went wrong; the page shows the next action as a button (see StateMessage). `now`: for a rate limit's countdown. */
export function describeApiError(info: ApiErrorInfo, now?: number): string {
  return t(...apiErrorText(info, now));
}

export function describeReplyError(error: ReplyError, now?: number): string {
  // The background names a message when it refuses for a reason the user can fix (a bad import file).
  if (error.kind === 'refused') return t('errorRefused', messageNamed(error.detail) ?? error.detail);
  if (error.kind === 'page-changed') return t('errorPageChanged');
  return describeApiError(error, now);
}

export const PAGE_STATE_TEXT: Readonly<Record<PageStateName, MessageKey>> = {
  profile: 'pageStateProfile',
  list: 'pageStateList',
  authwall: 'pageStateAuthwall',
  'not-found': 'pageStateNotFound',
  checkpoint: 'pageStateCheckpoint',
  'not-a-profile': 'pageStateNotAProfile',
};

export const FIELD_LABELS: Readonly<Record<ProfileFieldName, MessageKey>> = {
  firstName: 'fieldFirstName',
  lastName: 'fieldLastName',
  headline: 'fieldHeadline',
  role: 'fieldRole',
  company: 'fieldCompany',
  city: 'fieldCity',
  country: 'fieldCountry',
  linkedinUrl: 'fieldLinkedIn',
  linkedinSalesUrl: 'fieldSalesNavigator',
  website: 'fieldWebsite',
  email: 'fieldEmail',
  phone: 'fieldPhone',
};

const DIFF_LABELS: Readonly<Record<string, MessageKey>> = {
  firstName: 'fieldFirstName',
  lastName: 'fieldLastName',
  role: 'fieldRole',
  company: 'fieldCompany',
  city: 'fieldCity',
  country: 'fieldCountry',
  linkedinUrl: 'fieldLinkedIn',
  linkedinSalesUrl: 'fieldSalesNavigator',
  url: 'fieldWebsite',
  email: 'fieldEmail',
  phoneNumbers: 'fieldPhone',
};

/** Label of a diff row; custom fields by their Skipcall name. */
export function diffLabel(key: string, customFieldNames: Record<string, string>): string {
  if (key.startsWith('customFields.')) {
    const slug = key.slice('customFields.'.length);
    return customFieldNames[slug] ?? slug;
  }
  const label = DIFF_LABELS[key];
  return label ? t(label) : key;
}
