import { useEffect, useState } from 'preact/hooks';
import type { SequenceResult, WriteResult } from '@/utils/messages';
import { t } from './i18n';
import { ask } from './runtime';
import { assigneeText, describeSequenceError } from './sequence-words';
import { SequencePicker, useSavedSequences } from './SequencePicker';

interface Props {
  contactId: string;
  /** Why the apply button is disabled, or null when it is enabled ("Apply and add" follows it). */
  applyBlocked: boolean;
  /** Busy with any write: nothing else may start. */
  writing: boolean;
  /** The contact's name is not the person's and the user has not confirmed it: nothing is sent, not even an add. */
  confirmNeeded?: boolean;
  /** The panel's last write result: an "Apply and add" carries its sequence part. */
  result: WriteResult | null;
  onApplyAndAdd: (sequenceId: string) => void;
  /** An add was sent (history changed), or is in progress. */
  onAdded: () => void;
  onBusy: (busy: boolean) => void;
}

/** checking: asking whether the contact is in; todo / done / unknown: the answer (unknown: too long a sequence to tell). */
type State = 'checking' | 'todo' | 'done' | 'unknown' | 'adding';

/**
 * "Add to <sequence>" and "Apply and add to <sequence>" for the contact, with
 * the sequences saved in the options (the default one first). The add shows as
 * done when the contact is in the sequence already.
 */
export function SequenceActions({ contactId, applyBlocked, writing, confirmNeeded = false, result, onApplyAndAdd, onAdded, onBusy }: Props) {
  const [settings, chosenId, setChosenId] = useSavedSequences();
  const [state, setState] = useState<State>('checking');
  const [outcome, setOutcome] = useState<SequenceResult | null>(null);

  const sequence = settings?.sequences.find((s) => s.id === chosenId);

  async function check(sequenceId: string) {
    setState('checking');
    const reply = await ask({ type: 'sequence-status', sequenceId, contactId });
    setState(!reply.ok || reply.inSequence === null ? 'unknown' : reply.inSequence ? 'done' : 'todo');
  }

  useEffect(() => {
    if (chosenId) void check(chosenId);
  }, [chosenId, contactId]);

  // The sequence part of an "Apply and add", or of an undo from the history, is shown here and tells the state.
  useEffect(() => {
    const part = result?.sequence;
    // A failed undo is told by the write result; "Not added" would be wrong here.
    if (!part || (part.status === 'error' && result?.kind === 'undo')) return;
    setOutcome(part);
    if (part.sequenceId !== chosenId) return;
    if (part.status === 'added' || part.status === 'already-in') setState('done');
    else if (part.status === 'removed') setState('todo');
  }, [result?.sequence, result?.at]);

  if (!settings || !sequence) return null;

  async function add() {
    if (!sequence) return;
    setState('adding');
    onBusy(true);
    try {
      const reply = await ask({ type: 'sequence-add', sequenceId: sequence.id, contactId });
      const done: SequenceResult = reply.ok ? reply.sequence : { sequenceId: sequence.id, name: sequence.name, status: 'error', error: reply.error };
      setOutcome(done);
      setState(done.status === 'added' || done.status === 'already-in' ? 'done' : 'todo');
      if (done.status === 'added') onAdded();
    } finally {
      onBusy(false);
    }
  }

  const done = state === 'done';
  const outcomeText =
    outcome &&
    (outcome.status === 'added'
      ? t('sequenceResultAdded', outcome.name) + (outcome.warning ? ` ${t('resultNotRecorded')}` : '')
      : outcome.status === 'already-in'
        ? t('sequenceResultAlreadyIn', outcome.name)
        : outcome.status === 'removed'
          ? t('sequenceResultRemoved', outcome.name)
          : outcome.status === 'ignored'
            ? t('sequenceResultIgnored', outcome.name)
          : t('sequenceResultFailed', outcome.name, describeSequenceError(outcome.error)));

  return (
    <div class="sequence-actions" data-testid="sequence-actions">
      <SequencePicker
        testId="sequence-choice"
        sequences={settings.sequences}
        value={sequence.id}
        disabled={writing || state === 'adding'}
        onChange={(id) => {
          setOutcome(null);
          setChosenId(id);
        }}
      />
      <button
        type="button"
        data-testid="sequence-add"
        data-sequence-id={sequence.id}
        data-state={state}
        aria-pressed={done ? 'true' : 'false'}
        aria-describedby={confirmNeeded ? 'name-mismatch-reason' : undefined}
        disabled={done || writing || confirmNeeded || state === 'adding' || state === 'checking'}
        onClick={() => void add()}
      >
        {done ? t('sequenceInAlready', sequence.name) : t('sequenceAddTo', sequence.name)}
      </button>
      {!done && (
        <button
          type="button"
          data-testid="sequence-apply-add"
          disabled={applyBlocked || writing || state === 'adding'}
          onClick={() => onApplyAndAdd(sequence.id)}
        >
          {t('sequenceApplyAndAdd', sequence.name)}
        </button>
      )}
      {!done && (
        <span class="hint" data-testid="sequence-assignee-hint">
          {t('sequenceAssigneeHint', assigneeText(sequence.assignee, settings.me))}
        </span>
      )}
      {outcome && outcome.sequenceId === sequence.id && (
        <p
          data-testid="sequence-result"
          data-status={outcome.status}
          role={outcome.status === 'error' || outcome.status === 'ignored' ? 'alert' : 'status'}
          class={`result ${outcome.status === 'error' || outcome.status === 'ignored' ? 'error' : 'success'}`}
        >
          {outcomeText}
        </p>
      )}
    </div>
  );
}
