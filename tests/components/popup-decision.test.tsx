// @vitest-environment happy-dom
// The popup's decision path against the real background handlers and the
// sandbox: nothing written by accident (Enter, another person's contact), the
// chosen contact kept, the result where the user looks, the unchanged rows
// out of the way.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { handleRequest } from '@/entrypoints/background/handlers';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { useLocale } from '../setup/i18n';
import { beforeMessages, readOnTab, saveSettings, startBackground } from '../support/background';

const TAB = 21;
const OTHER_PERSON_ID = 'c0ffee00-0000-4000-8000-000000000002'; // Jean-Baptiste Lefèbvre in the sandbox

const demo = {
  firstName: 'Élodie',
  lastName: 'Marchand',
  role: 'Directrice commerciale',
  company: 'Brasserie Lumière',
  city: 'Lyon',
  country: 'France',
  linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo',
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

let mounted: HTMLElement | undefined;

const q = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);
const qa = (root: HTMLElement, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const row = (root: HTMLElement, field: string) => q(root, `[data-testid="diff-row"][data-field="${field}"]`);
const box = (root: HTMLElement, field: string) => row(root, field)?.querySelector<HTMLInputElement>('input[type="checkbox"]');
const ticked = (root: HTMLElement) => qa(root, '[data-testid="diff-row"] input[type="checkbox"]').filter((b) => (b as HTMLInputElement).checked);
const idle = (root: HTMLElement) => q(root, '[data-testid="popup"]')?.getAttribute('aria-busy') === 'false';

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function open(values: Record<string, string> = demo): Promise<HTMLElement> {
  await readOnTab(TAB, values);
  if (mounted) render(null, mounted);
  const root = document.createElement('div');
  mounted = root;
  document.body.replaceChildren(root);
  await act(async () => render(<Popup tabId={TAB} />, root));
  await until(() => idle(root), 'the popup to be ready');
  return root;
}

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement | null | undefined) {
  if (!element) throw new Error('nothing to click');
  await act(async () => element.click());
}

async function pasteContact(root: HTMLElement, contactId: string) {
  await type(q(root, '[data-testid="contact-ref"]') as HTMLInputElement, contactId);
  await click(q(root, '[data-testid="contact-ref-submit"]'));
  await until(() => q(root, `[data-testid="candidate"][data-contact-id="${contactId}"]`)?.getAttribute('aria-pressed') === 'true' && idle(root), 'the pasted contact');
  await until(() => !!q(root, '[data-testid="apply"]'), 'its diff');
}

beforeEach(async () => {
  startBackground(TAB);
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  // The contact list read once, as the background does after the key is saved: matching finds the demo contact.
  await handleRequest({ type: 'sync-directory' }, undefined);
  for (let i = 0; i < 200; i++) {
    const status = await handleRequest({ type: 'get-directory' }, undefined);
    if (status.ok && status.directory.phase === 'ready' && status.directory.size > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the contact list was not read');
});

describe('another person’s contact', () => {
  it('warns, ticks nothing and asks before linking or applying', async () => {
    const root = await open();
    await pasteContact(root, OTHER_PERSON_ID);
    expect(q(root, '[data-testid="name-mismatch"]')?.textContent).toContain(
      'Another name: this contact is Jean-Baptiste Lefèbvre, the page is Élodie Marchand’s. Nothing is ticked.',
    );
    expect(ticked(root)).toHaveLength(0);
    expect(q(root, '[data-testid="apply"]')?.hasAttribute('disabled')).toBe(true);
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toBe('First confirm that this contact is the person on the page.');
    expect(q(root, '[data-testid="link"]')?.hasAttribute('disabled')).toBe(true);

    await click(q(root, '[data-testid="confirm-person"]'));
    expect(q(root, '[data-testid="link"]')?.hasAttribute('disabled')).toBe(false);
    expect(ticked(root)).toHaveLength(0);
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toBe('Tick at least one change to send.');
    await click(box(root, 'role'));
    expect(q(root, '[data-testid="apply"]')?.hasAttribute('disabled')).toBe(false);
  });

  it('says so in French', async () => {
    useLocale('fr');
    const root = await open();
    await pasteContact(root, OTHER_PERSON_ID);
    expect(q(root, '[data-testid="name-mismatch"]')?.textContent).toContain(
      'Nom différent\u00a0: ce contact est Jean-Baptiste Lefèbvre\u00a0; cette page\u00a0: Élodie Marchand. Rien n’est coché.',
    );
    expect(q(root, '[data-testid="confirm-person"]')?.textContent).toBe('C’est la même personne');
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toBe('Confirmez d’abord que ce contact est bien la personne de la page.');
  });

  it('does not warn for the same person written another way', async () => {
    const root = await open({ ...demo, firstName: 'ELODIE' });
    expect(q(root, '[data-testid="name-mismatch"]')).toBeNull();
    expect(ticked(root).length).toBeGreaterThan(0);
  });
});

describe('choosing a contact from the keyboard', () => {
  it('keeps the chosen contact when it is chosen again', async () => {
    const root = await open();
    const chosen = q(root, `[data-testid="candidate"][data-contact-id="${DEMO_CONTACT_ID}"]`);
    expect(chosen?.getAttribute('aria-pressed')).toBe('true');
    await click(chosen);
    await click(chosen);
    expect(chosen?.getAttribute('aria-pressed')).toBe('true');
    expect(q(root, '[data-testid="apply"]')).not.toBeNull();
  });

  it('lets Enter in a checkbox do nothing but lets Enter in an edited value apply', async () => {
    const root = await open();
    const enter = (target: HTMLElement) => {
      const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(enter(box(root, 'role')!)).toBe(true);
    expect(enter(row(root, 'role')!.querySelector('[data-testid="diff-value-input"]')!)).toBe(false);
    expect(sandbox.log.filter((entry) => entry.method === 'PATCH')).toHaveLength(0);
  });
});

describe('searching', () => {
  async function search(root: HTMLElement, text: string) {
    const before = q(root, '.search-results, [data-testid="search-result-note"]');
    await type(q(root, '[data-testid="contact-search"]') as HTMLInputElement, text);
    await until(() => {
      const now = q(root, '.search-results, [data-testid="search-result-note"]');
      return !!now && now !== before;
    }, `the search for ${text}`);
  }

  it('keeps the matched contact where it is when the search finds it again', async () => {
    const root = await open();
    await search(root, 'Marchand');
    const matched = q(root, `#contact-choice [data-testid="candidate"][data-contact-id="${DEMO_CONTACT_ID}"]`);
    expect(matched?.getAttribute('aria-pressed')).toBe('true');
    expect(matched?.textContent).not.toContain('Matched by: search');
    expect(q(root, '[data-testid="no-match"]')).toBeNull();
    expect(q(root, `.search-results [data-contact-id="${DEMO_CONTACT_ID}"]`)).toBeNull();
    expect(q(root, '[data-testid="chosen-contact"]')?.textContent).not.toContain('search');
  });

  it('says the contacts found are listed already rather than that nothing matches', async () => {
    const root = await open();
    await search(root, 'Brasserie Lumière');
    expect(q(root, '[data-testid="search-result-note"]')?.textContent).toBe('The contacts found are already in the list above.');
  });

  it('keeps a contact picked from the search chosen, and its warning, when the search changes', async () => {
    const root = await open();
    await search(root, 'Lefèbvre');
    await click(q(root, `.search-results [data-contact-id="${OTHER_PERSON_ID}"]`));
    await until(() => !!q(root, '[data-testid="apply"]') && idle(root), 'its diff');
    expect(q(root, '[data-testid="name-mismatch"]')).not.toBeNull();
    await search(root, 'nobody by that name');
    expect(q(root, '[data-testid="chosen-contact"]')?.textContent).toContain('Jean-Baptiste Lefèbvre');
    expect(q(root, '[data-testid="name-mismatch"]')).not.toBeNull();
    expect(ticked(root)).toHaveLength(0);
  });

  it('never lets a slow answer to an earlier text replace the hits for the text in the box', async () => {
    const root = await open();
    let release = () => {};
    let held = false;
    const restore = beforeMessages(async (message) => {
      if (message.type === 'search-contacts' && message.query === 'Lefèbvre') {
        held = true;
        await new Promise<void>((resolve) => (release = resolve));
      }
    });
    try {
      await type(q(root, '[data-testid="contact-search"]') as HTMLInputElement, 'Lefèbvre');
      await until(() => held, 'the first search to be asked');
      await search(root, 'Brasserie Lumière');
      await act(async () => release());
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(q(root, `.search-results [data-contact-id="${OTHER_PERSON_ID}"]`)).toBeNull();
      expect(q(root, '[data-testid="search-result-note"]')?.textContent).toBe('The contacts found are already in the list above.');
    } finally {
      restore();
    }
  });
});

describe('after Apply', () => {
  it('shows the result next to Apply with Undo, focuses it, and refreshes the contact line', async () => {
    const root = await open();
    expect(q(root, '[data-testid="chosen-contact"]')?.textContent).not.toContain('Directrice commerciale');
    await click(box(root, 'city'));
    // A slow history read: each time the popup reads idle after Apply, the Undo beside the result is already there.
    const restore = beforeMessages((message) => (message.type === 'get-history' ? new Promise((resolve) => setTimeout(resolve, 100)) : undefined));
    const undoWhenIdle: boolean[] = [];
    const popup = q(root, '[data-testid="popup"]')!;
    const observer = new MutationObserver(() => {
      if (popup.getAttribute('aria-busy') === 'false') undoWhenIdle.push(!!q(root, '[data-testid="result-undo"]'));
    });
    observer.observe(popup, { attributes: true, attributeFilter: ['aria-busy'] });
    try {
      await click(q(root, '[data-testid="apply"]'));
      await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'success' && idle(root), 'the write');
    } finally {
      observer.disconnect();
      restore();
    }
    expect(undoWhenIdle.length).toBeGreaterThan(0);
    expect(undoWhenIdle.every(Boolean)).toBe(true);
    const bar = q(root, '.apply-bar')!;
    expect(bar.querySelector('[data-testid="result"]')?.textContent).toBe('Updated in Skipcall: Role, City.');
    expect(bar.querySelector('[data-testid="result-undo"]')?.textContent).toBe('Undo');
    // Role was empty: said before the click that undo leaves it.
    expect(bar.querySelector('.undo-note')?.textContent).toBe('Undo restores City but cannot clear Role (empty before: nothing is ever cleared in Skipcall).');
    expect(document.activeElement?.classList.contains('result-line')).toBe(true);
    expect(q(root, '[data-testid="chosen-contact"]')?.textContent).toContain('Directrice commerciale');
    // The reason under a disabled Apply would read like a refusal next to the success.
    expect(q(root, '[data-testid="apply-reason"]')?.classList.contains('visually-hidden')).toBe(true);

    await click(bar.querySelector<HTMLElement>('[data-testid="result-undo"]'));
    await until(() => q(root, '[data-testid="result"]')?.textContent?.startsWith('Restored') === true && idle(root), 'the undo');
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)?.city).toBe('Paris');
  });

  it('shows the Undo of a write that finished after the popup was reopened', async () => {
    const root = await open();
    // Skipcall answers 500 once and the write retries: it is still running when the popup comes back.
    sandbox.failNext(1, 500);
    await click(q(root, '[data-testid="apply"]'));
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'pending', 'the write to start');
    render(null, root);
    const busy: string[] = [];
    const reopened = document.createElement('div');
    mounted = reopened;
    document.body.replaceChildren(reopened);
    await act(async () => render(<Popup tabId={TAB} />, reopened));
    await until(() => {
      busy.push(q(reopened, '[data-testid="popup"]')?.getAttribute('aria-busy') ?? '');
      return q(reopened, '[data-testid="result"]')?.getAttribute('data-status') === 'success' && idle(reopened);
    }, 'the write to finish');
    expect(busy).toContain('true');
    expect(q(reopened, '[data-testid="result-undo"]')?.textContent).toBe('Undo');
    expect(qa(reopened, '[data-testid="history-entry"]')).toHaveLength(1);
  }, 20_000);

  it('highlights the rows Skipcall changed when nothing was written', async () => {
    const root = await open();
    await click(box(root, 'city'));
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'Marseille' });
    await click(q(root, '[data-testid="apply"]'));
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'conflict' && idle(root), 'the conflict');
    expect(q(root, '[data-testid="result"]')?.textContent).toBe(
      'Nothing was written: Skipcall changed City since you opened this. The highlighted rows show the new values; tick them again to send them.',
    );
    expect(row(root, 'city')?.getAttribute('data-changed-in-skipcall')).toBe('true');
    expect(row(root, 'city')?.querySelector('.current')?.textContent).toBe('Marseille');
    expect(box(root, 'city')?.checked).toBe(false);
    expect(q(root, '[data-testid="chosen-contact"]')?.textContent).toContain('Marseille');
  });
});

describe('the diff', () => {
  it('shows the rows to decide and keeps the unchanged ones behind a button', async () => {
    const root = await open();
    const unchanged = qa(root, '[data-testid="diff-row"]').filter((r) => ['same', 'none'].includes(r.getAttribute('data-status')!));
    expect(unchanged.length).toBeGreaterThan(1);
    expect(unchanged.every((r) => r.closest('tbody')?.hidden)).toBe(true);
    const toggle = q(root, '[data-testid="show-unchanged"]')!;
    expect(toggle.textContent).toBe(`Show ${unchanged.length} unchanged fields`);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(unchanged.every((r) => !r.closest('tbody')?.hidden)).toBe(true);
    expect(toggle.textContent).toBe('Hide unchanged fields');
    // The rows to decide are never hidden.
    expect(row(root, 'role')?.closest('tbody')?.hidden).toBe(false);
  });

  it('shows Skipcall’s value struck where LinkedIn changes it, and counts the changes on Apply', async () => {
    const root = await open();
    expect(row(root, 'city')?.querySelector('.current del')?.textContent).toBe('Paris');
    expect(q(root, '[data-testid="apply"]')?.textContent).toBe('Apply 1 change');
    await click(box(root, 'city'));
    expect(q(root, '[data-testid="apply"]')?.textContent).toBe('Apply 2 changes');
  });

  it('cuts a long value to one line with the whole text on hover and focus', async () => {
    const long = 'Directrice commerciale et du développement international';
    sandbox.editContact(DEMO_CONTACT_ID, { role: long });
    const root = await open();
    const current = row(root, 'role')?.querySelector<HTMLElement>('.current');
    expect(current?.title).toBe(long);
    expect(current?.tabIndex).toBe(0);
    expect(current?.classList.contains('long')).toBe(true);
  });
});

describe('no contact for the person', () => {
  it('says so in one sentence, offers to create it, then confirms the creation', async () => {
    const person = { firstName: 'Nadia', lastName: 'Ferrand', role: 'Acheteuse', company: 'Les Halles', linkedinUrl: 'https://www.linkedin.com/in/nadia-ferrand-test' };
    const root = await open(person);
    expect(q(root, '[data-testid="no-match"] p')?.textContent).toBe('No Skipcall contact matches Nadia Ferrand.');
    await click(q(root, '[data-testid="create-contact"]'));
    await until(() => !!q(root, '[data-testid="create-phone"]'), 'the create form');
    await type(q(root, '[data-testid="create-phone"]') as HTMLInputElement, '06 12 34 56 78');
    await click(q(root, '[data-testid="create-submit"]'));
    await until(() => !!q(root, '[data-testid="created"]') && idle(root), 'the creation');
    expect(q(root, '[data-testid="created"]')?.textContent).toContain('Created in Skipcall: Nadia Ferrand.');
    expect(q(root, '[data-testid="candidate"][aria-pressed="true"]')?.textContent).toContain('Matched by: created from this profile');
  });

  it('opens the create form from the no-match message even with a contact from the search chosen', async () => {
    const person = { firstName: 'Nadia', lastName: 'Ferrand', role: 'Acheteuse', company: 'Les Halles', linkedinUrl: 'https://www.linkedin.com/in/nadia-ferrand-test' };
    const root = await open(person);
    await type(q(root, '[data-testid="contact-search"]') as HTMLInputElement, 'Lefèbvre');
    await until(() => !!q(root, `.search-results [data-contact-id="${OTHER_PERSON_ID}"]`), 'the search');
    await click(q(root, `.search-results [data-contact-id="${OTHER_PERSON_ID}"]`));
    await until(() => !!q(root, '[data-testid="apply"]') && idle(root), 'its diff');
    await click(q(root, '[data-testid="no-match"] [data-testid="create-contact"]'));
    await until(() => !!q(root, '[data-testid="create-phone"]'), 'the create form');
    expect(q(root, '[data-testid="chosen-contact"]')).toBeNull();
    expect(q(root, '[data-testid="apply"]')).toBeNull();
  });
});

describe('the decision in French', () => {
  it('words the unchanged fields, Apply, the result, its Undo and a conflict in French', async () => {
    useLocale('fr');
    const root = await open();
    expect(q(root, '[data-testid="show-unchanged"]')?.textContent).toMatch(/^Afficher les \d+ champs inchangés$/);
    expect(q(root, '[data-testid="apply"]')?.textContent).toBe('Appliquer 1 modification');
    await click(q(root, '[data-testid="apply"]'));
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'success' && idle(root), 'the write');
    expect(q(root, '[data-testid="result"]')?.textContent).toBe('Mis à jour dans Skipcall\u00a0: Poste.');
    expect(q(root, '[data-testid="result-undo"]')?.textContent).toBe('Annuler la modification');
    expect(q(root, '.apply-bar .undo-note')?.textContent).toBe(
      'Annuler la modification ne peut pas vider Poste (sans valeur auparavant\u00a0: rien n’est jamais effacé dans Skipcall).',
    );

    await click(box(root, 'city'));
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'Marseille' });
    await click(q(root, '[data-testid="apply"]'));
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'conflict' && idle(root), 'the conflict');
    expect(q(root, '[data-testid="result"]')?.textContent).toBe(
      'Rien n’a été écrit\u00a0: Skipcall a changé Ville depuis l’ouverture de cette fenêtre. Les lignes surlignées montrent les nouvelles valeurs\u00a0; cochez-les de nouveau pour les envoyer.',
    );
    expect(row(root, 'city')?.textContent).toContain('modifié dans Skipcall entre-temps');
  });
});
