// @vitest-environment happy-dom
// What the result line says when a write or an undo went through but its history bookkeeping failed.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { WriteResultView } from '@/components/WriteResultView';
import type { WriteResult } from '@/utils/messages';
import { useLocale, type Locale } from '../setup/i18n';

function say(result: WriteResult): string {
  const root = document.createElement('div');
  render(<WriteResultView result={result} customFieldNames={{}} />, root);
  return root.querySelector('[data-testid="result"]')!.textContent!;
}

const base = { contactId: 'c1', at: 0, keys: ['city'], status: 'success' as const, warning: 'not-recorded' as const };

describe.each([
  ['en', 'Updated in Skipcall: City. It could not be added to the history, so it cannot be undone from here.', 'Restored: City. The history could not be updated: this change still shows there as not undone.'],
  [
    'fr',
    'Mis à jour dans Skipcall\u00a0: Ville. Elle n’a pas pu être ajoutée à l’historique\u00a0: impossible de l’annuler d’ici.',
    'Valeurs restaurées\u00a0: Ville. L’historique n’a pas pu être mis à jour\u00a0: cette modification y figure encore comme non annulée.',
  ],
] as [Locale, string, string][])('a result whose history could not be kept (%s)', (locale, afterWrite, afterUndo) => {
  it('after a write: says it cannot be undone', () => {
    useLocale(locale);
    expect(say({ ...base, kind: 'apply' })).toBe(afterWrite);
  });

  it('after an undo: says the history still shows the change, not that it cannot be undone', () => {
    useLocale(locale);
    expect(say({ ...base, kind: 'undo' })).toBe(afterUndo);
  });
});
