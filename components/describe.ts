// Sentences for the states and errors the pages show.
import { describeApiError } from '@/utils/skipcall/errors';
import type { ReplyError } from '@/utils/messages';
import type { PageStateName, ProfileFieldName } from '@/utils/profile';

export function describeReplyError(error: ReplyError): string {
  if (error.kind === 'refused') return `The extension could not handle this request (${error.detail}). Reload the page and try again.`;
  return describeApiError(error);
}

export const PAGE_STATE_TEXT: Record<PageStateName, string> = {
  profile: 'LinkedIn profile',
  authwall: 'LinkedIn asks you to sign in. Sign in, then open the profile again.',
  'not-found': 'LinkedIn says this profile does not exist or is not available.',
  checkpoint: 'LinkedIn is asking for a security check. Complete it, then open the profile again.',
  'not-a-profile': 'Open a LinkedIn profile or a Sales Navigator lead to enrich its Skipcall contact.',
};

export const FIELD_LABELS: Record<ProfileFieldName, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  headline: 'Headline',
  role: 'Role',
  company: 'Company',
  city: 'City',
  country: 'Country',
  linkedinUrl: 'LinkedIn',
  linkedinSalesUrl: 'Sales Navigator',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
};

const DIFF_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  role: 'Role',
  company: 'Company',
  city: 'City',
  country: 'Country',
  linkedinUrl: 'LinkedIn',
  linkedinSalesUrl: 'Sales Navigator',
  url: 'Website',
  email: 'Email',
  phoneNumbers: 'Phone',
};

/** Label of a diff row; custom fields by their Skipcall name. */
export function diffLabel(key: string, customFieldNames: Record<string, string>): string {
  if (key.startsWith('customFields.')) {
    const slug = key.slice('customFields.'.length);
    return customFieldNames[slug] ?? slug;
  }
  return DIFF_LABELS[key] ?? key;
}
