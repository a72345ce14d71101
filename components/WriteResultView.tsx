import type { WriteResult } from '@/utils/messages';
import { describeReplyError, diffLabel } from './describe';

interface Props {
  result: WriteResult;
  customFieldNames: Record<string, string>;
}

/** The outcome of the last write: what was sent, or why nothing was. */
export function WriteResultView({ result, customFieldNames }: Props) {
  const names = (keys: string[]) => keys.map((key) => diffLabel(key, customFieldNames)).join(', ');
  let text: string;
  switch (result.status) {
    case 'pending':
      text = result.kind === 'undo' ? 'Undoing…' : 'Sending to Skipcall…';
      break;
    case 'success':
      if (result.kind === 'undo') {
        text = result.keys.length ? `Restored: ${names(result.keys)}.` : 'Nothing could be restored.';
        const wasEmpty = result.blocked?.filter((b) => b.reason === 'was-empty').map((b) => b.key) ?? [];
        const changed = result.blocked?.filter((b) => b.reason === 'changed').map((b) => b.key) ?? [];
        if (wasEmpty.length) text += ` ${names(wasEmpty)}: empty before, and Skipcall values are never cleared.`;
        if (changed.length) text += ` ${names(changed)}: changed in Skipcall since, left as is.`;
      } else {
        text = result.keys.length ? `Updated in Skipcall: ${names(result.keys)}.` : 'Nothing to send: Skipcall already has these values.';
      }
      break;
    case 'conflict':
      text = `Nothing was written: ${names(result.keys)} changed in Skipcall since you opened this. Review the fresh values below.`;
      break;
    case 'error':
      text = result.error ? describeReplyError(result.error) : 'The write failed.';
      if (result.kind === 'apply') text += ' Your choices are kept; try again.';
      break;
  }
  return (
    <p data-testid="result" data-status={result.status} role={result.status === 'error' || result.status === 'conflict' ? 'alert' : 'status'} class={`result ${result.status}`}>
      {text}
    </p>
  );
}
