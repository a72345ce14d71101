// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/Popup';
import type { PageRead } from '@/utils/profile';
import { useLocale } from '../setup/i18n';
import { saveSettings, startBackground } from '../support/background';

const demoRead: PageRead = {
  state: 'profile',
  url: 'https://www.linkedin.com/in/elodie-marchand-demo/',
  kind: 'profile',
  profile: {
    firstName: { value: 'Élodie', strategy: 'display-name' },
    lastName: { value: 'Marchand', strategy: 'display-name' },
    role: { value: 'Directrice commerciale', strategy: 'headline-fallback', source: 'headline', certain: false },
    linkedinUrl: { value: 'https://www.linkedin.com/in/elodie-marchand-demo', strategy: 'url', source: 'url', certain: true },
  },
  otherPositions: [{ role: 'Trésorière', company: 'Association des Brasseurs' }],
};

let mounted: HTMLElement | undefined;

async function renderPopup(tabId: number | undefined): Promise<HTMLElement> {
  // The previous test's popup goes, with its listeners.
  if (mounted) render(null, mounted);
  const root = document.createElement('div');
  mounted = root;
  document.body.replaceChildren(root);
  await act(async () => {
    render(<Popup tabId={tabId} />, root);
  });
  // Let the storage reads and the background reply settle.
  for (let i = 0; i < 20 && root.querySelector('[data-testid="popup"]')?.getAttribute('aria-busy') !== 'false'; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  return root;
}

const fields = (root: HTMLElement) =>
  Object.fromEntries([...root.querySelectorAll('[data-testid="profile-field"]')].map((el) => [el.getAttribute('data-field'), el.textContent]));

describe('Popup', () => {
  beforeEach(() => {
    startBackground(7);
      });

  it('shows the profile read for the tab, one element per field', async () => {
    await saveSettings({ apiKey: 'sk_test_abcd1234', apiBaseUrl: 'https://api-public.skipcall.app' });
    await fakeBrowser.storage.session.set({ 'tab:7': { read: demoRead, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    expect(root.querySelector('[data-testid="page-state"]')?.getAttribute('data-state')).toBe('profile');
    expect(fields(root)).toEqual({
      firstName: 'Élodie',
      lastName: 'Marchand',
      role: 'Directrice commerciale',
      linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo',
    });
    expect(root.textContent).toContain('guessed from the headline');
    // The guess is marked as unsure; what was read for sure is not.
    const role = root.querySelector('[data-field="role"]')!;
    expect(role.getAttribute('data-certain')).toBe('false');
    expect(role.getAttribute('title')).toContain('from the headline');
    expect(root.querySelector('[data-field="linkedinUrl"]')?.getAttribute('data-certain')).toBe('true');
    expect(root.querySelector('[data-testid="copy-page-report"]')?.textContent).toBe('Copy a page report');
    expect(root.textContent).toContain('Trésorière · Association des Brasseurs');
    expect(root.querySelector('[data-testid="setup-needed"]')).toBeNull();
  });

  it('puts focus on the first thing to do, and closes on Escape', async () => {
    await fakeBrowser.storage.session.set({ 'tab:7': { read: demoRead, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    // No key saved: the way to the settings.
    expect(document.activeElement).toBe(root.querySelector('[data-testid="setup-needed"] button'));
    let closed = 0;
    const close = window.close;
    window.close = () => void closed++;
    try {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    } finally {
      window.close = close;
    }
    expect(closed).toBe(1);
  });

  it('asks for the API key when none is saved', async () => {
    await fakeBrowser.storage.session.set({ 'tab:7': { read: demoRead, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    expect(root.querySelector('[data-testid="setup-needed"]')?.textContent).toContain('API key');
    expect(root.querySelector('[data-testid="page-state"]')?.getAttribute('data-state')).toBe('profile');
  });

  it.each([
    ['authwall', 'Sign in to LinkedIn'],
    ['not-found', 'does not exist'],
    ['checkpoint', 'security check'],
    ['not-a-profile', 'Open a LinkedIn profile'],
  ] as const)('names the %s state and shows no profile field', async (state, text) => {
    await fakeBrowser.storage.session.set({ 'tab:7': { read: { state, url: 'https://www.linkedin.com/x' }, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    const pageState = root.querySelector('[data-testid="page-state"]');
    expect(pageState?.getAttribute('data-state')).toBe(state);
    expect(pageState?.textContent).toContain(text);
    expect(root.querySelectorAll('[data-testid="profile-field"]')).toHaveLength(0);
  });

  it('treats a tab the content script never reported as not a profile', async () => {
    const root = await renderPopup(7);
    expect(root.querySelector('[data-testid="page-state"]')?.getAttribute('data-state')).toBe('not-a-profile');
  });

  it('is busy until loaded', async () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<Popup tabId={7} />, root);
    expect(root.querySelector('[data-testid="popup"]')?.getAttribute('aria-busy')).toBe('true');
  });
});

describe('Popup in French', () => {
  beforeEach(() => {
    startBackground(7);
    useLocale('fr');
  });

  it('shows the header, the setup notice and the profile card in French', async () => {
    await fakeBrowser.storage.session.set({ 'tab:7': { read: demoRead, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    const text = root.textContent ?? '';
    expect(root.querySelector('header')?.textContent).toContain('Paramètres');
    expect(root.querySelector('[data-testid="setup-needed"]')?.textContent).toContain('Ajoutez votre clé API Skipcall');
    expect(root.querySelector('[data-testid="setup-needed"] button')?.textContent).toBe('Ouvrir les paramètres');
    const labels = [...root.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(labels).toEqual(['Prénom', 'Nom', 'Poste', 'LinkedIn']);
    expect(text).toContain('déduit du titre');
    expect(text).toContain('Également en poste\u00a0: Trésorière · Association des Brasseurs');
    expect(root.querySelector('section.card')?.getAttribute('aria-label')).toBe('Profil lu sur LinkedIn');
    for (const english of ['Settings', 'Add your Skipcall API key', 'First name', 'guessed from the headline', 'Also current']) {
      expect(text).not.toContain(english);
    }
    expect(document.documentElement.lang).toBe('fr');
  });

  it('names the page state in French', async () => {
    await fakeBrowser.storage.session.set({ 'tab:7': { read: { state: 'authwall', url: 'https://www.linkedin.com/x' }, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    expect(root.querySelector('[data-testid="page-state"] p')?.textContent).toBe('Connectez-vous à LinkedIn pour lire ce profil.');
    expect(root.querySelector('[data-testid="page-state"] button')?.textContent).toBe('Se connecter');
  });
});

describe('Copy a page report', () => {
  beforeEach(() => {
    startBackground(7);
  });

  it('copies the masked page and the reader’s masked result, none of the page’s names', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const html = readFileSync(resolve(import.meta.dirname, '../fixtures/linkedin/ember-2024-full-en.html'), 'utf8');
    const url = 'https://www.linkedin.com/in/hugo-lambert-7c1e92/';
    const sent: unknown[] = [];
    fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown) => {
      sent.push({ tabId, message });
      return { url, html };
    }) as typeof fakeBrowser.tabs.sendMessage;
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    await fakeBrowser.storage.session.set({ 'tab:7': { read: demoRead, readId: 'r1', readAt: 1 } });
    const root = await renderPopup(7);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="copy-page-report"]')!.click());
    for (let i = 0; i < 100 && !root.querySelector('[data-testid="page-report-status"]'); i++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    expect(sent).toEqual([{ tabId: 7, message: { type: 'page-report' } }]);
    expect(root.querySelector('[data-testid="page-report-status"]')?.getAttribute('data-status')).toBe('done');
    const report = JSON.parse(copied);
    expect(report.state).toBe('profile');
    expect(Object.keys(report.profile)).toEqual(expect.arrayContaining(['firstName', 'lastName', 'role', 'company', 'city']));
    for (const secret of ['Hugo', 'Lambert', 'Cartoval', 'hugo-lambert', 'Léa', 'Fontaine']) expect(copied).not.toContain(secret);
  });
});
