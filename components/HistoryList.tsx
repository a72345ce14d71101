import type { HistoryEntry } from '@/utils/diff/history';
import { diffLabel } from './describe';
import { t } from './i18n';

interface Props {
  entries: HistoryEntry[];
  customFieldNames: Record<string, string>;
  onUndo: (entryId: string) => void;
  disabled: boolean;
}

const show = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value) || t('historyEmptyValue');

/** Past writes to this contact, newest first, each with its undo. */
export function HistoryList({ entries, customFieldNames, onUndo, disabled }: Props) {
  if (entries.length === 0) return null;
  return (
    <details class="history">
      <summary>{t('historyTitle', entries.length)}</summary>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="history-entry">
            <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time>
            {entry.jobChange && (
              <p data-testid="history-job-change">
                {t('historyJobChange', entry.jobChange.fromLabel)} <span class="hint">{t('historyJobChangeUndo', entry.jobChange.fromLabel)}</span>
              </p>
            )}
            {entry.sequence && <p data-testid="history-sequence">{t('historySequenceAdded', entry.sequence.name)}</p>}
            <ul>
              {entry.changes.map((change) => (
                <li key={change.key}>
                  {t('historyChange', diffLabel(change.key, customFieldNames), show(change.before), show(change.after))}
                </li>
              ))}
            </ul>
            {entry.undoneAt ? (
              <span class="hint">{t('historyUndone')}</span>
            ) : entry.sequence?.undoable === false ? (
              <span class="hint">{t('sequenceUndoUnverified')}</span>
            ) : (
              <button type="button" data-testid="undo" class="link" disabled={disabled} onClick={() => onUndo(entry.id)}>
                {t('historyUndo')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
