import { Fragment } from 'preact';
import type { HistoryEntry } from '@/utils/diff/history';
import { diffLabel } from './describe';
import { t } from './i18n';
import { isEmpty, undoLimit } from './undo-limit';

interface Props {
  entries: HistoryEntry[];
  customFieldNames: Record<string, string>;
  onUndo: (entryId: string) => void;
  disabled: boolean;
}

/** A value as written; each phone number kept on one line. */
function show(value: string | string[]) {
  if (isEmpty(value)) return t('historyEmptyValue');
  if (!Array.isArray(value)) return value;
  return value.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && ', '}
      <span class="nowrap">{item}</span>
    </Fragment>
  ));
}

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
                <li key={change.key}>{changeLine(change, customFieldNames)}</li>
              ))}
            </ul>
            {entry.undoneAt ? (
              <span class="hint">{t('historyUndone')}</span>
            ) : entry.sequence?.undoable === false ? (
              <span class="hint">{t('sequenceUndoUnverified')}</span>
            ) : (
              <UndoButton entry={entry} customFieldNames={customFieldNames} onUndo={onUndo} disabled={disabled} />
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** "Field: before → after", the field name and phone numbers each kept on one line. */
function changeLine(change: HistoryEntry['changes'][number], customFieldNames: Record<string, string>) {
  // The sentence is the catalogue's; only its three parts are marked up.
  const marks = ['\u0001', '\u0002', '\u0003'];
  const parts = [<span class="nowrap">{diffLabel(change.key, customFieldNames)}</span>, show(change.before), show(change.after)];
  return t('historyChange', ...marks)
    .split(/([\u0001-\u0003])/)
    .map((piece, i) => {
      const index = marks.indexOf(piece);
      return <Fragment key={i}>{index >= 0 ? parts[index] : piece}</Fragment>;
    });
}

function UndoButton({ entry, customFieldNames, onUndo, disabled }: { entry: HistoryEntry } & Pick<Props, 'customFieldNames' | 'onUndo' | 'disabled'>) {
  const limit = undoLimit(entry, customFieldNames);
  const noteId = `undo-note-${entry.id}`;
  return (
    <>
      <button
        type="button"
        data-testid="undo"
        class="link"
        disabled={disabled}
        aria-describedby={limit ? noteId : undefined}
        onClick={() => onUndo(entry.id)}
      >
        {t('historyUndo')}
      </button>
      {limit && (
        <p id={noteId} class="hint undo-note" data-testid="undo-note">
          {limit}
        </p>
      )}
    </>
  );
}
