// @vitest-environment happy-dom
// The popup on a list page: every row with its match state, the per-row diff,
// the bulk buttons' counts, CSV export, French words.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { Popup } from '@/components/Popup';
import { handleRequest } from '@/entrypoints/background/handlers';
import { updateRegistry } from '@/entrypoints/background/registry-store';
import { directoryService } from '@/entrypoints/background/services';
import { listCsv } from '@/utils/match/list-csv';
import { addLink } from '@/utils/match/registry';
import { persistentStore, session } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { bulkJobItem } from '@/utils/storage/session';
import { useLocale } from '../setup/i18n';
import { beforeMessages, saveSettings, startBackground } from '../support/background';
import { LIKELY, LINKED, NONE, WITH_CHANGES, scenario, scenarioRead } from '../support/list-scenario';

const TAB = 9;

async function renderPopup(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => {
    render(<Popup tabId={TAB} />, root);
  });
  for (let i = 0; i < 40 && !root.querySelector('[data-testid="list-summary"]'); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  return root;
}

beforeEach(async () => {
  startBackground(TAB);
  // Nothing listens there: the directory reading fails at once, no request leaves the machine.
  await saveSettings({ apiKey: 'sk_test_abcd1234', apiBaseUrl: 'http://127.0.0.1:9' });
  const people = scenario();
  (await directoryService().index()).upsert(people.flatMap((p) => (p.contact ? [p.contact] : [])));
  for (const p of people.filter((x) => x.linked)) {
    await updateRegistry((r) => addLink(r, { linkedinSalesUrl: p.row.linkedinSalesUrl, contactId: p.contact!.id, workspaceId: null, label: p.row.name, via: 'match' }));
  }
  await handleRequest({ type: 'page-read', read: scenarioRead(people) }, TAB);
});

describe('list view', () => {
  it('shows every row with its state and the counts the bulk actions will take', async () => {
    const root = await renderPopup();
    expect(root.querySelector('[data-testid="page-state"]')?.getAttribute('data-state')).toBe('list');
    const rows = [...root.querySelectorAll('[data-testid="list-row"]')];
    expect(rows).toHaveLength(25);
    const count = (state: string) => rows.filter((r) => r.getAttribute('data-match-state') === state).length;
    expect([count('linked-changes'), count('linked-same'), count('likely'), count('several'), count('none')]).toEqual([WITH_CHANGES, LINKED - WITH_CHANGES, LIKELY, 0, NONE]);
    expect(root.querySelector('[data-testid="bulk-link"]')?.textContent).toBe(`Link ${LIKELY} sure matches`);
    expect(root.querySelector('[data-testid="bulk-apply"]')?.textContent).toBe(`Fill empty fields of ${WITH_CHANGES} contacts`);
    expect(root.querySelector('[data-testid="bulk-create"]')?.textContent).toBe(`Create 0 contacts (${NONE} without phone)`);
  });

  it('expands a linked row into its changes, and unticking a row leaves it out of the bulk actions', async () => {
    const root = await renderPopup();
    const first = root.querySelector<HTMLElement>('[data-testid="list-row"][data-match-state="linked-changes"]')!;
    await act(async () => first.querySelector<HTMLButtonElement>('[data-testid="list-row-expand"]')!.click());
    const change = first.querySelector('[data-testid="list-row-change"]')!;
    expect([change.getAttribute('data-field'), change.getAttribute('data-status')]).toEqual(['role', 'fill']);
    expect(change.textContent).toContain('Directeur commercial');
    await act(async () => first.querySelector<HTMLInputElement>('[data-testid="list-row-select"]')!.click());
    expect(root.querySelector('[data-testid="bulk-apply"]')?.textContent).toBe(`Fill empty fields of ${WITH_CHANGES - 1} contacts`);
  });

  it('says Stop for the rows not sent yet and Undo for the batch written, never the same word', async () => {
    const [a] = scenario();
    const job = (status: 'running' | 'done') => ({
      id: 'job-apply', kind: 'apply' as const, tabId: TAB, listKey: scenarioRead().listKey, status, createdAt: Date.now(), msPerRequest: 10,
      ...(status === 'done' && { finishedAt: Date.now() }),
      items: [{ key: a!.row.key, label: a!.row.name, contactId: a!.contact!.id, identity: {}, state: status === 'done' ? ('written' as const) : ('queued' as const), historyId: 'h1' }],
    });
    const labels: Record<string, string[]> = {};
    // The popup's list-open would resume the stored "running" job for real: held back, the job stays as set.
    const restore = beforeMessages((message) => (message.type === 'list-open' ? new Promise(() => undefined) : undefined));
    onTestFinished(() => {
      restore();
      render(null, document.body.firstElementChild!);
    });
    for (const locale of ['en', 'fr'] as const) {
      useLocale(locale);
      await session.set(bulkJobItem, undefined, job('running'));
      let root = await renderPopup();
      const stop = root.querySelector('[data-testid="bulk-cancel"]')?.textContent ?? '';
      expect(root.querySelector('[data-testid="bulk-undo"]')).toBeNull();
      await session.set(bulkJobItem, undefined, job('done'));
      root = await renderPopup();
      expect(root.querySelector('[data-testid="bulk-cancel"]')).toBeNull();
      labels[locale] = [stop, root.querySelector('[data-testid="bulk-undo"]')?.textContent ?? ''];
    }
    useLocale('en');
    expect(labels).toEqual({ en: ['Stop', 'Undo this batch'], fr: ['Arrêter', 'Annuler les modifications du lot'] });
  });

  it('speaks French', async () => {
    useLocale('fr');
    const root = await renderPopup();
    expect(root.querySelector('[data-testid="list-summary"]')?.textContent).toBe(`25 personnes · ${LINKED} liées (${WITH_CHANGES} avec des changements) · ${LIKELY} probables · 0 avec plusieurs candidats · ${NONE} sans contact`);
    useLocale('en');
  });
});

describe('add the selected contacts to a sequence', () => {
  const saveSequences = () =>
    persistentStore().set(sequencesItem, {
      sequences: [
        { id: 'seq-salons', name: 'Relance salons', assignee: { mode: 'round-robin' } },
        { id: 'seq-lyon', name: 'Prospection Lyon', assignee: { mode: 'round-robin' } },
      ],
      defaultId: 'seq-lyon',
    });

  it('without a saved sequence, says to save one in the options instead of offering the action', async () => {
    const root = await renderPopup();
    expect(root.querySelector('[data-testid="bulk-sequence"]')).toBeNull();
    expect(root.querySelector('[data-testid="bulk-sequence-none"]')?.textContent).toContain('save the sequence in the options first');
    expect(root.querySelector('[data-testid="bulk-sequence-options"]')).not.toBeNull();
  });

  it('offers the linked and sure contacts selected, in the default sequence, with a picker for the others', async () => {
    await saveSequences();
    const root = await renderPopup();
    const button = () => root.querySelector<HTMLButtonElement>('[data-testid="bulk-sequence"]')!;
    const choice = root.querySelector<HTMLSelectElement>('[data-testid="bulk-sequence-choice"]')!;
    expect(choice.value).toBe('seq-lyon');
    expect([...choice.options].map((o) => o.textContent)).toEqual(['Relance salons', 'Prospection Lyon']);
    expect(button().textContent).toBe(`Add ${LINKED + LIKELY} contacts to Prospection Lyon`);
    expect(root.querySelector('[data-testid="bulk-sequence-none"]')).toBeNull();
    // Unticking a linked row and a row without contact: only the linked one counts.
    const linked = root.querySelector<HTMLElement>('[data-testid="list-row"][data-match-state="linked-same"]')!;
    const none = root.querySelector<HTMLElement>('[data-testid="list-row"][data-match-state="none"]')!;
    await act(async () => linked.querySelector<HTMLInputElement>('[data-testid="list-row-select"]')!.click());
    await act(async () => none.querySelector<HTMLInputElement>('[data-testid="list-row-select"]')!.click());
    expect(button().textContent).toBe(`Add ${LINKED + LIKELY - 1} contacts to Prospection Lyon`);
    choice.value = 'seq-salons';
    await act(async () => {
      choice.dispatchEvent(new Event('change'));
    });
    expect(button().textContent).toBe(`Add ${LINKED + LIKELY - 1} contacts to Relance salons`);
    expect(button().getAttribute('data-sequence-id')).toBe('seq-salons');
  });

  it('tells each row’s result: added, already in, error with its reason; the batch can be undone', async () => {
    await saveSequences();
    const people = scenario();
    const [a, b, c] = people;
    await session.set(bulkJobItem, undefined, {
      id: 'job-seq', kind: 'sequence', sequence: { id: 'seq-lyon', name: 'Prospection Lyon' }, tabId: TAB, listKey: scenarioRead().listKey, status: 'done',
      createdAt: Date.now(), finishedAt: Date.now(), msPerRequest: 10,
      items: [
        { key: a!.row.key, label: a!.row.name, contactId: a!.contact!.id, identity: {}, state: 'written', historyId: 'h1' },
        { key: b!.row.key, label: b!.row.name, contactId: b!.contact!.id, identity: {}, state: 'skipped', reason: 'already-in' },
        { key: c!.row.key, label: c!.row.name, contactId: c!.contact!.id, identity: {}, state: 'error', reason: 'offline' },
      ],
    });
    const root = await renderPopup();
    const result = (key: string) => root.querySelector(`[data-testid="list-row"][data-key="${key}"] [data-testid="list-row-result"]`)?.textContent?.trim();
    expect(result(a!.row.key)).toBe('added to the sequence');
    expect(result(b!.row.key)).toBe('already in the sequence: nothing sent');
    expect(result(c!.row.key)).toBe('error (offline)');
    expect(root.querySelector('[data-testid="bulk-progress"]')?.getAttribute('data-kind')).toBe('sequence');
    expect(root.querySelector('[data-testid="bulk-progress"]')?.textContent).toContain('3 of 3 done · 1 added · 1 already in the sequence · 1 errors');
    expect(root.querySelector('[data-testid="bulk-undo"]')).not.toBeNull();
  });

  it('speaks French', async () => {
    await saveSequences();
    useLocale('fr');
    const root = await renderPopup();
    expect(root.querySelector('[data-testid="bulk-sequence"]')?.textContent).toBe(`Ajouter ${LINKED + LIKELY} contacts à Prospection Lyon`);
    useLocale('en');
  });
});

describe('CSV export', () => {
  it('one line per row with its state, quoting and formula cells neutralised', () => {
    const rows = [
      { key: 'https://www.linkedin.com/in/a', name: 'Anne, "Nana" Morel', company: '=HYPERLINK("x")', page: 1, linkedinUrl: 'https://www.linkedin.com/in/a' },
      { key: 'https://www.linkedin.com/in/b', name: 'Bob Roux', page: 2 },
    ];
    const csv = listCsv(rows, [{ key: rows[0]!.key, state: 'linked', contactId: 'c1', changes: [{ key: 'role', status: 'fill', current: '', proposed: 'CEO' }] }], new Map([[rows[0]!.key, { state: 'written' }]]));
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`"Anne, ""Nana"" Morel",,,,"'=HYPERLINK(""x"")",,https://www.linkedin.com/in/a,,1,linked-changes,c1,,,role: ∅ → CEO,written,`);
    expect(lines[2]).toBe('Bob Roux,,,,,,,,2,none,,,,,,');
  });
});
