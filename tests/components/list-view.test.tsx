// @vitest-environment happy-dom
// The popup on a list page: every row with its match state, the per-row diff,
// the bulk buttons' counts, CSV export, French words.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { handleRequest } from '@/entrypoints/background/handlers';
import { updateRegistry } from '@/entrypoints/background/registry-store';
import { directoryService } from '@/entrypoints/background/services';
import { listCsv } from '@/utils/match/list-csv';
import { addLink } from '@/utils/match/registry';
import { useLocale } from '../setup/i18n';
import { saveSettings, startBackground } from '../support/background';
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
    expect(root.textContent).toContain('sequence');
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

  it('speaks French', async () => {
    useLocale('fr');
    const root = await renderPopup();
    expect(root.querySelector('[data-testid="list-summary"]')?.textContent).toBe(`25 personnes · ${LINKED} liées (${WITH_CHANGES} avec des changements) · ${LIKELY} probables · 0 avec plusieurs candidats · ${NONE} sans contact`);
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
