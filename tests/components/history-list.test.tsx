// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { HistoryList } from '@/components/HistoryList';
import type { HistoryEntry } from '@/utils/diff/history';
import { readCatalogue, useLocale } from '../setup/i18n';

const AT = Date.UTC(2026, 11, 4, 10, 0);

/** A write that filled Role (empty in Skipcall before) and changed City. */
const mixed: HistoryEntry = {
  id: 'h-mixed',
  contactId: 'c1',
  label: 'Élodie Marchand',
  at: AT,
  changes: [
    { key: 'role', before: '', after: 'Directrice commerciale' },
    { key: 'city', before: 'Paris', after: 'Lyon' },
  ],
};
/** A write that only filled empty fields: undo has nothing it may send. */
const fillOnly: HistoryEntry = {
  id: 'h-fill',
  contactId: 'c1',
  label: 'Élodie Marchand',
  at: AT - 1000,
  changes: [
    { key: 'email', before: '', after: 'elodie@example.com' },
    { key: 'phoneNumbers', before: [], after: ['+33612345678'] },
  ],
};
/** Only replaced values: undo restores all of them. */
const replaceOnly: HistoryEntry = {
  id: 'h-replace',
  contactId: 'c1',
  label: 'Élodie Marchand',
  at: AT - 2000,
  changes: [{ key: 'phoneNumbers', before: ['+33612345678'], after: ['+33612345678', '+33698765432'] }],
};

async function mount(entries: HistoryEntry[]): Promise<{ root: HTMLElement; undone: string[] }> {
  const undone: string[] = [];
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<HistoryList entries={entries} customFieldNames={{}} onUndo={(id) => undone.push(id)} disabled={false} />, root));
  return { root, undone };
}

const entry = (root: HTMLElement, index: number) => root.querySelectorAll<HTMLElement>('[data-testid="history-entry"]')[index]!;
const undoButton = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('[data-testid="undo"]')!;
/** The sentence tied to the undo button, shown before it is clicked. */
const undoNote = (el: HTMLElement) => {
  const id = undoButton(el).getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
};

describe('the history: what undo can restore, said before the click', () => {
  it('names what undo restores and what it cannot clear (English)', async () => {
    const { root, undone } = await mount([mixed, fillOnly, replaceOnly]);
    expect(undoNote(entry(root, 0))).toBe('Undo restores City but cannot clear Role (empty before: nothing is ever cleared in Skipcall).');
    expect(undoButton(entry(root, 0)).disabled).toBe(false);

    // Nothing it may send: said before the click (the button stays, its result says the same).
    expect(undoNote(entry(root, 1))).toBe('Undo cannot clear Email and Phone (empty before: nothing is ever cleared in Skipcall).');
    expect(undoButton(entry(root, 1)).disabled).toBe(false);

    // Everything restorable: no warning.
    expect(undoNote(entry(root, 2))).toBeNull();
    await act(async () => undoButton(entry(root, 2)).click());
    expect(undone).toEqual(['h-replace']);
  });

  it('says the same in French, with Undo worded apart from Cancel', async () => {
    useLocale('fr');
    const { root } = await mount([mixed, fillOnly]);
    expect(undoNote(entry(root, 0))).toBe(
      'Annuler la modification rétablit Ville, mais ne peut pas vider Poste (sans valeur auparavant\u00a0: rien n’est jamais effacé dans Skipcall).',
    );
    expect(undoNote(entry(root, 1))).toBe(
      'Annuler la modification ne peut pas vider E-mail et Téléphone (sans valeur auparavant\u00a0: rien n’est jamais effacé dans Skipcall).',
    );
    const undoLabel = undoButton(entry(root, 0)).textContent;
    expect(undoLabel).toBe('Annuler la modification');
    const fr = readCatalogue('fr');
    // Cancel (create form, list view) and the undone state never read like the Undo button.
    for (const cancel of ['createCancel', 'bulkCancel']) expect(fr[cancel]!.message).not.toBe(undoLabel);
    expect(fr.historyUndone!.message).toBe('Modification annulée');
  });

  it('shows an undone entry as undone, without an undo', async () => {
    useLocale('fr');
    const { root } = await mount([{ ...mixed, undoneAt: AT + 1000 }]);
    expect(entry(root, 0).textContent).toContain('Modification annulée');
    expect(entry(root, 0).querySelector('[data-testid="undo"]')).toBeNull();
  });

  it('keeps each phone number and each field name on one line, the sentence unchanged', async () => {
    useLocale('fr');
    const { root } = await mount([replaceOnly, fillOnly]);
    const line = entry(root, 0).querySelector('ul li')!;
    expect(line.textContent).toBe('Téléphone\u00a0: +33612345678 → +33612345678, +33698765432');
    const unbroken = [...line.querySelectorAll('.nowrap')].map((el) => el.textContent);
    expect(unbroken).toEqual(['Téléphone', '+33612345678', '+33612345678', '+33698765432']);
    const email = entry(root, 1).querySelector('ul li')!;
    expect(email.textContent).toBe('E-mail\u00a0: (vide) → elodie@example.com');
    expect(email.querySelector('.nowrap')?.textContent).toBe('E-mail');
  });
});
