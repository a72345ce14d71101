// What Undo of a history entry cannot restore, said before the click: undo
// never sends an empty value, so a field the write filled keeps its value.
import type { HistoryEntry } from '@/utils/diff/history';
import { diffLabel } from './describe';
import { t } from './i18n';

export const isEmpty = (value: string | string[]) => (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** "Role, Company and City", in the page's language. */
function listOf(labels: string[]): string {
  try {
    return new Intl.ListFormat(t('lang'), { type: 'conjunction' }).format(labels);
  } catch {
    return labels.join(', ');
  }
}

/**
 * Said before Undo is clicked: undo never sends an empty value, so a field the
 * write filled (empty in Skipcall before) keeps its value. Null when undo restores everything.
 */
export function undoLimit(entry: HistoryEntry, customFieldNames: Record<string, string>): string | null {
  const kept = entry.changes.filter((change) => isEmpty(change.before)).map((change) => diffLabel(change.key, customFieldNames));
  if (kept.length === 0) return null;
  const restored = entry.changes.filter((change) => !isEmpty(change.before)).map((change) => diffLabel(change.key, customFieldNames));
  return restored.length
    ? t('historyUndoPartial', listOf(restored), listOf(kept))
    : t('historyUndoNothing', listOf(kept));
}

