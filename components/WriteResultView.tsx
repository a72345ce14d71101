import type { WriteResult } from '@/utils/messages';
import { describeReplyError, diffLabel } from './describe';
import { t } from './i18n';
import { describeSequenceError } from './sequence-words';

interface Props {
  result: WriteResult;
  customFieldNames: Record<string, string>;
  /** The undo of a job-change creation linked the profile back to this contact. */
  relinkedTo?: string | null | undefined;
}

/** The outcome of the last write: what was sent, or why nothing was. */
export function WriteResultView({ result, customFieldNames, relinkedTo }: Props) {
  const names = (keys: string[]) => keys.map((key) => diffLabel(key, customFieldNames)).join(', ');
  let text: string;
  switch (result.status) {
    case 'pending':
      text = t(result.kind === 'undo' ? 'resultUndoing' : 'resultSending');
      break;
    case 'success':
      if (result.kind === 'undo' && result.sequence) {
        text = t('sequenceResultRemoved', result.sequence.name);
      } else if (result.kind === 'undo') {
        text = relinkedTo ? t('resultRelinked', relinkedTo) : result.keys.length ? t('resultRestored', names(result.keys)) : t('resultNothingRestored');
        const wasEmpty = result.blocked?.filter((b) => b.reason === 'was-empty').map((b) => b.key) ?? [];
        const changed = result.blocked?.filter((b) => b.reason === 'changed').map((b) => b.key) ?? [];
        if (wasEmpty.length) text += ` ${t('resultKeptEmpty', names(wasEmpty))}`;
        if (changed.length) text += ` ${t('resultKeptChanged', names(changed))}`;
      } else {
        text = result.keys.length ? t('resultUpdated', names(result.keys)) : t('resultNothingToSend');
      }
      if (result.warning === 'not-recorded') text += ` ${t(result.kind === 'undo' ? 'resultUndoNotRecorded' : 'resultNotRecorded')}`;
      break;
    case 'conflict':
      text = t('resultConflict', names(result.keys));
      break;
    case 'error':
      text = result.sequence ? describeSequenceError(result.error) : result.error ? describeReplyError(result.error) : t('resultFailed');
      if (result.kind === 'apply' && result.error?.kind !== 'page-changed') text += ` ${t('resultChoicesKept')}`;
      break;
  }
  return (
    <p data-testid="result" data-status={result.status} role={result.status === 'error' || result.status === 'conflict' ? 'alert' : 'status'} class={`result ${result.status}`}>
      {text}
    </p>
  );
}
