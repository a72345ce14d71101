// Errors worded for the settings page itself: the shared sentences send the
// user "to the settings", which is where they already are, so here each one
// names the next action on this page instead.
import type { MessageKey } from '@/utils/i18n';
import type { ReplyError } from '@/utils/messages';
import { describeReplyError } from './describe';
import { t } from './i18n';

const ON_THIS_PAGE: Readonly<Partial<Record<ReplyError['kind'], MessageKey>>> = {
  'invalid-key': 'optionsKeyRefused',
  'no-key': 'optionsKeyEmpty',
  offline: 'optionsOffline',
  redirect: 'optionsRedirect',
  server: 'optionsServer',
};

/** The sentence for a failure shown on the settings page; `otherwise` words the failures not fixed on this page. */
export function describeOptionsError(error: ReplyError, otherwise: (error: ReplyError) => string = describeReplyError): string {
  if (error.kind === 'bad-base-url') return t(error.detail === 'insecure' ? 'optionsUrlInsecure' : 'optionsUrlFormat');
  const key = ON_THIS_PAGE[error.kind];
  return key ? t(key) : otherwise(error);
}
