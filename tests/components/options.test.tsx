// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { startBackground } from '../support/background';

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
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
    expect(byId(root, 'connection-status')).toBeNull();
  });

  it('refuses plain http outside loopback', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), DEMO_API_KEY);
    await type(byId(root, 'api-base-url'), 'http://api.example.com');
    await save(root);
    expect(root.textContent).toContain('Use https');
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('saves, checks the connection against the sandbox and lists the workspaces', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), ` ${DEMO_API_KEY} `);
    await type(byId(root, 'api-base-url'), `${sandbox.url}/`);
    await save(root);
    await until(() => status(root) === 'ok' || status(root) === 'error', 'the connection check');
    expect(status(root)).toBe('ok');
    expect(byId(root, 'connection-status')?.textContent).toContain('Connected');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    expect(sandbox.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(['GET /v1/workspaces 200']);
    expect(permissionRequests).toEqual([]);
  });

  it('says in plain words when the key is refused', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), 'sk_live_wrongkey1234');
    await type(byId(root, 'api-base-url'), sandbox.url);
    await save(root);
    await until(() => status(root) === 'error', 'the connection error');
    expect(byId(root, 'connection-status')?.textContent).toContain('refused the API key');
  });

  it('asks for access to a custom https origin and stops when it is denied', async () => {
    const root = await mount();
    await type(byId(root, 'api-key'), DEMO_API_KEY);
    await type(byId(root, 'api-base-url'), 'https://skipcall-proxy.example.com/api');
    await save(root);
    await until(() => status(root) === 'error', 'the permission refusal');
    expect(permissionRequests).toEqual([{ origins: ['https://skipcall-proxy.example.com/*'] }]);
    expect(byId(root, 'connection-status')?.textContent).toContain('not granted');
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });
});
