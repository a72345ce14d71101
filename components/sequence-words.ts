// Words shared by the sequence parts of the popup and the options.
import type { ReplyError } from '@/utils/messages';
import type { Assignee, MemberRef } from '@/utils/sequences';
import { describeReplyError } from './describe';
import { t } from './i18n';

/** A sequence failure as a sentence; the background's own refusals name a message. */
export function describeSequenceError(error: ReplyError | undefined): string {
  if (!error) return t('resultFailed');
  if (error.kind === 'refused' && error.detail === 'no-me') return t('sequenceNoMe');
  if (error.kind === 'refused' && error.detail === 'sequence-add-unverified') return t('sequenceUndoUnverified');
  if (error.kind === 'not-found') return t('sequenceNotFound');
  return describeReplyError(error);
}

export function assigneeText(assignee: Assignee, me: MemberRef | undefined): string {
  if (assignee.mode === 'round-robin') return t('sequenceAssigneeRoundRobin');
  if (assignee.mode === 'member') return assignee.memberName || assignee.memberId;
  return me ? t('sequenceAssigneeMeNamed', me.name) : t('sequenceAssigneeMe');
}
