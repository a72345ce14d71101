// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContactPanel } from '@/components/ContactPanel';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { useLocale } from '../setup/i18n';
import { readOnTab, saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const profile = {
  firstName: 'Élodie',
  lastName: 'Marchand',
  role: 'Directrice commerciale',
  company: 'Brasserie Lumière',
  city: 'Lyon',
  country: 'France',
  linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo',
};

const q = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);
const row = (root: HTMLElement, field: string) => q(root, `[data-testid="diff-row"][data-field="${field}"]`);
const box = (root: HTMLElement, field: string) => row(root, field)?.querySelector<HTMLInputElement>('input[type="checkbox"]');

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const TAB = 7;

async function mount(values = profile, unsure?: ('role' | 'lastName')[]): Promise<HTMLElement> {
  const readId = await readOnTab(TAB, values);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () =>
    render(
      <ContactPanel tabId={TAB} readId={readId} contactId={DEMO_CONTACT_ID} profile={values} unsure={unsure} profileKey="k" onBusy={() => undefined} />,
      root,
    ),
  );
  await until(() => !!q(root, '[data-testid="apply"]'), 'the diff');
  return root;
}

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
});

describe('the diff table', () => {
  it('shows each field with its status; same and none rows cannot be ticked', async () => {
    const root = await mount();
    const statuses = Object.fromEntries([...root.querySelectorAll('[data-testid="diff-row"]')].map((r) => [r.getAttribute('data-field'), r.getAttribute('data-status')]));
    expect(statuses).toMatchObject({ firstName: 'same', role: 'fill', city: 'update', linkedinUrl: 'same', email: 'none', phoneNumbers: 'none' });
    for (const field of ['firstName', 'linkedinUrl', 'email']) {
      expect(row(root, field)?.querySelectorAll('input[type="checkbox"]')).toHaveLength(1);
      expect(box(root, field)?.disabled).toBe(true);
      expect(row(root, field)?.querySelector('[data-testid="diff-value-input"]')).toBeNull();
    }
    expect(box(root, 'role')?.checked).toBe(true);
    expect(box(root, 'city')?.checked).toBe(false);
    expect(row(root, 'city')?.textContent).toContain('Paris');
    expect(row(root, 'city')?.querySelector<HTMLInputElement>('[data-testid="diff-value-input"]')?.value).toBe('Lyon');
  });

  it('offers a value read as a guess unticked, for the user to tick', async () => {
    const root = await mount(profile, ['role']);
    expect(row(root, 'role')?.getAttribute('data-status')).toBe('fill');
    expect(box(root, 'role')?.checked).toBe(false);
    expect(box(root, 'role')?.disabled).toBe(false);
  });

  it('says why apply is disabled: nothing ticked', async () => {
    const root = await mount();
    await act(async () => box(root, 'role')!.click());
    expect(q(root, '[data-testid="apply"]')?.hasAttribute('disabled')).toBe(true);
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toBe('Tick at least one change to send.');
  });

  it('says why apply is disabled: a value over the API limit, shown on its row', async () => {
    const root = await mount();
    await type(row(root, 'role')!.querySelector('[data-testid="diff-value-input"]')!, 'x'.repeat(201));
    expect(box(root, 'role')?.checked).toBe(true);
    expect(row(root, 'role')?.textContent).toContain('At most 200 characters');
    expect(q(root, '[data-testid="apply"]')?.hasAttribute('disabled')).toBe(true);
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toContain('Fix Role');
  });

  it('says why apply is disabled: nothing to change', async () => {
    const root = await mount({ ...profile, role: '', city: 'paris' });
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toBe('Up to date: Skipcall already has everything LinkedIn shows.');
  });

  it('applies the ticked rows, shows the result and the history entry', async () => {
    const root = await mount();
    await act(async () => box(root, 'city')!.click());
    expect(q(root, '[data-testid="apply"]')?.textContent).toContain('Apply 2 changes');
    await act(async () => q(root, '[data-testid="apply"]')!.click());
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'success', 'the write');
    expect(q(root, '[data-testid="result"]')?.textContent).toContain('Role, City');
    expect(sandbox.contacts.get(DEMO_CONTACT_ID)).toMatchObject({ role: 'Directrice commerciale', city: 'Lyon' });
    await until(() => root.querySelectorAll('[data-testid="history-entry"]').length === 1, 'the history');
    expect(row(root, 'city')?.getAttribute('data-status')).toBe('same');
  });

  it('shows a conflict without writing, with the fresh value unticked', async () => {
    const root = await mount();
    await act(async () => box(root, 'city')!.click());
    sandbox.editContact(DEMO_CONTACT_ID, { city: 'Marseille' });
    await act(async () => q(root, '[data-testid="apply"]')!.click());
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'conflict', 'the conflict');
    expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
    expect(row(root, 'city')?.textContent).toContain('Marseille');
    expect(box(root, 'city')?.checked).toBe(false);
  });

  it('refuses to write when the tab has read another page since, and writes nothing', async () => {
    const root = await mount();
    await readOnTab(TAB, { firstName: 'Paul', lastName: 'Durand', role: 'Acheteur', linkedinUrl: 'https://www.linkedin.com/in/paul-durand' });
    await act(async () => q(root, '[data-testid="apply"]')!.click());
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'error', 'the refusal');
    expect(q(root, '[data-testid="result"]')?.textContent).toContain('The page changed');
    expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
  });

  it('offers to unlink a contact that no longer exists', async () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    let unlinked = false;
    await act(async () =>
      render(<ContactPanel tabId={TAB} readId="r" contactId="gone-contact" profile={profile} profileKey="k" onBusy={() => undefined} onNotFound={() => (unlinked = true)} />, root),
    );
    await until(() => !!q(root, '[data-testid="unlink"]'), 'the not-found state');
    expect(root.textContent).toContain('not found, or it is in a workspace outside');
    await act(async () => q(root, '[data-testid="unlink"]')!.click());
    expect(unlinked).toBe(true);
  });
});

describe('the diff table in French', () => {
  beforeEach(() => useLocale('fr'));

  it('words the statuses, the reasons and the apply button, with the count', async () => {
    const root = await mount();
    expect(row(root, 'city')?.querySelector('.badge')?.textContent).toBe('différent');
    expect(row(root, 'role')?.querySelector('.badge')?.textContent).toBe('nouveau');
    expect(row(root, 'role')?.querySelector('th label')?.textContent).toBe('Poste');
    expect(q(root, '[data-testid="apply"]')?.textContent).toBe('Appliquer 1 modification');
    await act(async () => box(root, 'city')!.click());
    expect(q(root, '[data-testid="apply"]')?.textContent).toBe('Appliquer 2 modifications');
    await type(row(root, 'role')!.querySelector('[data-testid="diff-value-input"]')!, 'x'.repeat(201));
    expect(row(root, 'role')?.textContent).toContain('200 caractères au maximum (201 actuellement).');
    expect(q(root, '[data-testid="apply-reason"]')?.textContent).toBe('Corrigez le champ «\u00a0Poste\u00a0»\u00a0: 200 caractères au maximum (201 actuellement).');
  });
});

describe('a refused key', () => {
  it('says so and links to the settings', async () => {
    await saveSettings({ apiKey: 'sk_live_revokedkey1234', apiBaseUrl: sandbox.url });
    let opened = false;
    fakeBrowser.runtime.openOptionsPage = async () => {
      opened = true;
    };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<ContactPanel tabId={TAB} readId="r" contactId={DEMO_CONTACT_ID} profile={profile} profileKey="k" onBusy={() => undefined} />, root));
    await until(() => !!q(root, '[data-testid="open-settings"]'), 'the settings link');
    expect(root.textContent).toContain('refused the API key');
    await act(async () => q(root, '[data-testid="open-settings"]')!.click());
    expect(opened).toBe(true);
  });
});
