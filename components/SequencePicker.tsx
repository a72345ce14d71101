// The sequences saved in the options, with one of them chosen (the default
// first), and the picker shown when there are several: one piece for the
// profile's "Add to" and the list view's bulk add.
import { useEffect, useState } from 'preact/hooks';
import { defaultSequence, type SavedSequence, type SequenceSettings } from '@/utils/sequences';
import { persistentStore } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { t } from './i18n';

/** The saved sequences (null while loading; none when they cannot be read) and the chosen one's id. */
export function useSavedSequences(): [SequenceSettings | null, string | null, (id: string) => void] {
  const [settings, setSettings] = useState<SequenceSettings | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void persistentStore()
      .get(sequencesItem)
      .then((loaded) => {
        if (!live) return;
        setSettings(loaded);
        setChosenId(defaultSequence(loaded)?.id ?? loaded.sequences[0]?.id ?? null);
      })
      .catch(() => live && setSettings({ sequences: [] }));
    return () => {
      live = false;
    };
  }, []);
  return [settings, chosenId, setChosenId];
}

interface PickerProps {
  testId: string;
  sequences: readonly SavedSequence[];
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
}

/** A choice among the saved sequences; nothing when there is only one. */
export function SequencePicker({ testId, sequences, value, disabled, onChange }: PickerProps) {
  if (sequences.length < 2) return null;
  return (
    <select data-testid={testId} aria-label={t('sequenceChoiceLabel')} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
      {sequences.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
