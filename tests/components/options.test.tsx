// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { maskApiKey } from '@/utils/settings';
import { persistentStore } from '@/utils/storage/extension';
import { settingsItem } from '@/utils/storage/items';
import { describeOptionsError } from '@/components/options-words';
import { useLocale } from '../setup/i18n';
import { saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const byId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function mount(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<Options />, root));
  await until(() => root.querySelector('main')?.getAttribute('aria-busy') === 'false', 'settings to load');
  return root;
}

async function type(input: HTMLElement | null, value: string) {
  const el = input as HTMLInputElement;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function save(root: HTMLElement) {
  await act(async () => byId(root, 'save-settings')!.click());
}

const savedSettings = () => persistentStore().get(settingsItem);
const keyInput = (root: HTMLElement) => byId(root, 'api-key') as HTMLInputElement;

const status = (root: HTMLElement) => byId(root, 'connection-status')?.getAttribute('data-status');

describe('Options', () => {
  const permissionRequests: unknown[] = [];
  beforeEach(() => {
    startBackground();
    sandbox.reset();
    permissionRequests.length = 0;
    // The testing build's manifest: loopback is granted up front.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      host_permissions: ['https://*.linkedin.com/*', 'https://api-public.skipcall.app/*', 'http://127.0.0.1/*'],
    });
    fakeBrowser.permissions.request = async (request: unknown) => {
      permissionRequests.push(request);
      return false;
    };
  });

  it('shows no connection status before the first save', async () => {
    const root = await mount();
    expect(byId(root, 'connection-status')).toBeNull();
  });

  it('refuses a malformed key inline and saves nothing', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), 'pk_live_nope');
    await save(root);
    expect(byId(root, 'api-key')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('starts with sk_live_ or sk_test_');
    expect((await savedSettings()).apiKey).toBe('');
    expect(byId(root, 'connection-status')).toBeNull();
  });

  it('refuses plain http outside loopback', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), DEMO_API_KEY);
    await type(byId(root, 'api-base-url'), 'http://api.example.com');
    await save(root);
    expect(root.textContent).toContain('Use https');
    expect((await savedSettings()).apiKey).toBe('');
  });

  it('saves, checks the connection against the sandbox and lists the workspaces', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), ` ${DEMO_API_KEY} `);
    await type(byId(root, 'api-base-url'), `${sandbox.url}/`);
    await save(root);
    await until(() => status(root) === 'ok' || status(root) === 'error', 'the connection check');
    expect(status(root)).toBe('ok');
    expect(byId(root, 'connection-status')?.textContent).toContain('Connected');
    expect(await savedSettings()).toMatchObject({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    // Nothing a content script could read.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // One connection check (the custom fields and the directory are read in the background after it, at their own pace).
    const checks = sandbox.log.filter((entry) => entry.path === '/v1/workspaces');
    expect(checks.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(['GET /v1/workspaces 200']);
    expect(permissionRequests).toEqual([]);
  });

  it('never shows the saved key in full: the field empties, the key shows masked', async () => {
    const root = await mount();
    await type(keyInput(root), DEMO_API_KEY);
    await type(byId(root, 'api-base-url'), sandbox.url);
    await save(root);
    await until(() => status(root) === 'ok', 'the connection check');
    expect(keyInput(root).value).toBe('');
    expect(keyInput(root).placeholder).toBe(maskApiKey(DEMO_API_KEY));
    expect(root.textContent).toContain(maskApiKey(DEMO_API_KEY));
    expect(root.innerHTML).not.toContain(DEMO_API_KEY);

    // Opened again later: still masked.
    const reopened = await mount();
    expect(keyInput(reopened).value).toBe('');
    expect(reopened.innerHTML).not.toContain(DEMO_API_KEY);
    expect(reopened.textContent).toContain(maskApiKey(DEMO_API_KEY));
  });

  it('saving again without retyping the key keeps it; a typed key replaces it', async () => {
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url, preferLinkedIn: ['city'] });
    const root = await mount();
    await type(byId(root, 'api-base-url'), `${sandbox.url}/`);
    await save(root);
    await until(() => status(root) === 'ok' || status(root) === 'error', 'the connection check');
    expect(status(root)).toBe('ok');
    expect(await savedSettings()).toEqual({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url, preferLinkedIn: ['city'], customFieldMap: {} });

    // A key Skipcall knows but whose plan has no API access: saved, the key itself is right.
    await type(keyInput(root), 'sk_test_no_subscription');
    await save(root);
    await until(() => status(root) === 'error', 'the plan error');
    expect((await savedSettings()).apiKey).toBe('sk_test_no_subscription');
    expect(keyInput(root).placeholder).toBe(maskApiKey('sk_test_no_subscription'));
    expect(byId(root, 'key-kept')).toBeNull();
  });

  it('a typed key Skipcall refuses does not replace the key saved before, nor its base URL', async () => {
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url, preferLinkedIn: ['city'] });
    fakeBrowser.permissions.request = async () => true;
    const root = await mount();
    await type(keyInput(root), 'sk_live_wrongkey1234');
    await type(byId(root, 'api-base-url'), `http://localhost:${new URL(sandbox.url).port}`);
    await save(root);
    await until(() => status(root) === 'error', 'the refused key');
    expect(byId(root, 'connection-status')?.textContent).toBe(
      `Skipcall refused this key. Copy it again from Skipcall → Settings → API Keys, paste it above and save.Your previous settings are kept (key ${maskApiKey(DEMO_API_KEY)}).`,
    );
    expect(await savedSettings()).toEqual({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url, preferLinkedIn: ['city'], customFieldMap: {} });
    expect(keyInput(root).placeholder).toBe(maskApiKey(DEMO_API_KEY));
    expect((byId(root, 'api-base-url') as HTMLInputElement).value).toBe(sandbox.url);
    // The kept settings still work.
    await save(root);
    await until(() => status(root) === 'ok' || status(root) === 'error', 'the connection check');
    expect(status(root)).toBe('ok');
  });

  it('moves settings an earlier version left in storage.local, and leaves nothing there', async () => {
    await fakeBrowser.storage.local.set({ settings: { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url } });
    const root = await mount();
    expect(root.textContent).toContain(maskApiKey(DEMO_API_KEY));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await save(root);
    await until(() => status(root) === 'ok' || status(root) === 'error', 'the connection check');
    expect(status(root)).toBe('ok');
  });

  async function refusedKeyText(): Promise<string> {
    const root = await mount();
    await type(byId(root, 'api-key'), 'sk_live_wrongkey1234');
    await type(byId(root, 'api-base-url'), sandbox.url);
    await save(root);
    await until(() => status(root) === 'error', 'the connection error');
    expect(byId(root, 'next-step')).toBeNull();
    return byId(root, 'connection-status')?.textContent ?? '';
  }

  it('says the key was refused and how to get it again, without sending the user "to the settings" they are on', async () => {
    const text = await refusedKeyText();
    expect(text).toBe('Skipcall refused this key. Copy it again from Skipcall → Settings → API Keys, paste it above and save.');
    expect(text).not.toMatch(/in the settings/i);
  });

  it('says the same in French', async () => {
    useLocale('fr');
    const text = await refusedKeyText();
    expect(text).toBe('Skipcall a refusé cette clé. Copiez-la à nouveau depuis Skipcall → Paramètres → Clés API, collez-la ci-dessus et enregistrez.');
    expect(text).not.toMatch(/dans les paramètres/i);
  });

  it('once connected, tells what to do next, in English and in French', async () => {
    for (const [locale, connected, next] of [
      ['en', 'Connected. Workspaces: Équipe Paris', 'Now open a LinkedIn profile and click the Skipcall Enrich button in the toolbar'],
      ['fr', 'Connecté. Espaces de travail\u00a0: Équipe Paris', 'Ouvrez maintenant un profil LinkedIn et cliquez sur le bouton Skipcall Enrich de la barre d’outils'],
    ] as const) {
      useLocale(locale);
      startBackground();
      const root = await mount();
      // Before the first save, no status and no next step.
      expect(byId(root, 'next-step')).toBeNull();
      await type(byId(root, 'api-key'), DEMO_API_KEY);
      await type(byId(root, 'api-base-url'), sandbox.url);
      await save(root);
      await until(() => status(root) === 'ok', 'the connection check');
      expect(byId(root, 'connection-status')?.textContent, locale).toContain(connected);
      expect(byId(root, 'next-step')?.textContent, locale).toContain(next);
    }
  });

  it('words the other connection failures for this page: the next action is here, and nothing was attempted', () => {
    expect(describeOptionsError({ kind: 'offline' })).toBe(
      'Skipcall cannot be reached. Check your internet connection and the API base URL under Advanced, then save again.',
    );
    expect(describeOptionsError({ kind: 'server', status: 500 })).toBe('Skipcall is not answering properly right now. Save again in a moment to check the connection.');
    expect(describeOptionsError({ kind: 'bad-base-url', detail: 'insecure' })).toBe('Use https: the API key must never travel unencrypted.');
    // Failures not fixed on this page keep their usual sentence.
    expect(describeOptionsError({ kind: 'plan' })).toContain('plan does not include API access');
    useLocale('fr');
    expect(describeOptionsError({ kind: 'offline' })).toBe(
      'Impossible de joindre Skipcall. Vérifiez votre connexion Internet et l’URL de base de l’API (sous Avancé), puis enregistrez à nouveau.',
    );
    expect(describeOptionsError({ kind: 'server', status: 503 })).toBe(
      'Skipcall ne répond pas correctement pour le moment. Enregistrez à nouveau dans un instant pour vérifier la connexion.',
    );
    for (const kind of ['invalid-key', 'offline', 'server'] as const) {
      expect(describeOptionsError({ kind }), kind).not.toMatch(/dans les paramètres|Rien n’a été perdu/);
    }
  });

  it('names the review defaults naturally in French', async () => {
    useLocale('fr');
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    const root = await mount();
    await until(() => !!root.querySelector('#policy-title'), 'the review defaults');
    expect(root.querySelector('#policy-title')?.textContent).toBe('Cases cochées par défaut');
    const labels = [...root.querySelectorAll('fieldset label.check')].map((label) => label.textContent);
    expect(labels).toEqual(['Prénom', 'Nom', 'Poste', 'Entreprise', 'Ville', 'Pays', 'Site web', 'E-mail']);
  });

  it('asks for access to a custom https origin and stops when it is denied', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), DEMO_API_KEY);
    await type(byId(root, 'api-base-url'), 'https://skipcall-proxy.example.com/api');
    await save(root);
    await until(() => status(root) === 'error', 'the permission refusal');
    expect(permissionRequests).toEqual([{ origins: ['https://skipcall-proxy.example.com/*'] }]);
    expect(byId(root, 'connection-status')?.textContent).toContain('not granted');
    expect((await savedSettings()).apiKey).toBe('');
  });
});
