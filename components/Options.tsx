import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/utils/i18n';
import type { Workspace } from '@/utils/skipcall/schemas';
import { LOOPBACK_HTTP_ALLOWED } from '@/utils/build';
import {
  DEFAULT_API_BASE_URL,
  checkApiBaseUrl,
  checkApiKey,
  maskApiKey,
  originPermission,
  type KeyCheck,
} from '@/utils/settings';
import { DiffPolicySection } from './DiffPolicySection';
import { DirectorySection } from './DirectorySection';
import { localizeDocument, t } from './i18n';
import { JobChangesSection } from './JobChangesSection';
import { describeOptionsError } from './options-words';
import { RegistrySection } from './RegistrySection';
import { SequencesSection } from './SequencesSection';
import { ask, readSettings, updateSettings } from './runtime';

type Connection =
  | { status: 'pending' }
  | { status: 'ok'; workspaces: Workspace[] }
  /** `kept`: a refused new key did not replace the key saved before (masked). */
  | { status: 'error'; message: string; kept?: string };

const KEY_PROBLEM: Readonly<Record<'empty' | 'format', MessageKey>> = {
  empty: 'optionsKeyEmpty',
  format: 'optionsKeyFormat',
};
const URL_PROBLEM: Readonly<Record<'format' | 'insecure', MessageKey>> = {
  format: 'optionsUrlFormat',
  insecure: 'optionsUrlInsecure',
};

/** Host patterns the manifest grants up front (MV3 host_permissions, MV2 permissions). */
function grantedPatterns(): string[] {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter((p) => p.includes('://'));
}

function patternCovers(pattern: string, origin: string): boolean {
  const match = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\//.exec(pattern);
  if (!match) return false;
  const url = new URL(origin);
  const [, scheme, host] = match;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host!.startsWith('*.')) return url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1));
  return url.hostname === host;
}

export function Options() {
  /** A new key being typed; the saved key is never put back into the field. */
  const [apiKey, setApiKey] = useState('');
  /** The saved key, masked; null when none is saved. */
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [apiBaseUrl, setApiBaseUrl] = useState(DEFAULT_API_BASE_URL);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [connection, setConnection] = useState<Connection | null>(null);
  const [busy, setBusy] = useState(true);

  useEffect(() => localizeDocument(t('optionsTitle')), []);
  useEffect(() => {
    void readSettings().then((settings) => {
      setSavedKey(settings.apiKey ? maskApiKey(settings.apiKey) : null);
      setApiBaseUrl(settings.apiBaseUrl);
      setBusy(false);
    });
  }, []);

  function onSave(event: Event) {
    event.preventDefault();
    // An empty field keeps the saved key; anything typed replaces it.
    const key: KeyCheck | null = savedKey && !apiKey.trim() ? null : checkApiKey(apiKey);
    const base = checkApiBaseUrl(apiBaseUrl, LOOPBACK_HTTP_ALLOWED);
    setKeyError(key && !key.ok ? t(KEY_PROBLEM[key.problem]) : null);
    setUrlError(base.ok ? null : t(URL_PROBLEM[base.problem]));
    if ((key && !key.ok) || !base.ok) return;
    // Asked synchronously inside the click: Firefox only grants a request made in the user's gesture.
    const needsPermission = !grantedPatterns().some((pattern) => patternCovers(pattern, base.origin));
    const permission = needsPermission
      ? browser.permissions.request({ origins: [originPermission(base.origin)] })
      : Promise.resolve(true);
    void save(key?.key, base.url, permission);
  }

  /** `key`: a new key, or undefined to keep the saved one. */
  async function save(key: string | undefined, baseUrl: string, permission: Promise<boolean>) {
    setBusy(true);
    setConnection({ status: 'pending' });
    try {
      if (!(await permission)) {
        setConnection({ status: 'error', message: t('optionsNotGranted', new URL(baseUrl).host) });
        return;
      }
      const before = await readSettings();
      const saved = await updateSettings({ ...(key !== undefined && { apiKey: key }), apiBaseUrl: baseUrl });
      setApiKey('');
      setSavedKey(maskApiKey(saved.apiKey));
      setApiBaseUrl(baseUrl);
      const reply = await ask({ type: 'check-connection' });
      if (reply.ok) return setConnection({ status: 'ok', workspaces: reply.workspaces });
      const message = describeOptionsError(reply.error);
      // A new key Skipcall refuses never costs the user the key saved before: those settings come back.
      if (reply.error.kind === 'invalid-key' && key !== undefined && before.apiKey && before.apiKey !== key) {
        const restored = await updateSettings({ apiKey: before.apiKey, apiBaseUrl: before.apiBaseUrl });
        setSavedKey(maskApiKey(restored.apiKey));
        setApiBaseUrl(restored.apiBaseUrl);
        return setConnection({ status: 'error', message, kept: maskApiKey(restored.apiKey) });
      }
      setConnection({ status: 'error', message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="options" aria-busy={busy ? 'true' : 'false'}>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={onSave} noValidate>
        <label for="api-key">{t('optionsApiKeyLabel')}</label>
        <input
          id="api-key"
          data-testid="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          placeholder={savedKey ?? 'sk_live_…'}
          value={apiKey}
          aria-invalid={keyError ? 'true' : 'false'}
          aria-describedby="api-key-help"
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
        <p id="api-key-help" class={keyError ? 'error' : 'hint'}>
          {keyError ?? (savedKey ? t('optionsKeySaved', savedKey) : t('optionsApiKeyHelp'))}
        </p>
        <details open={apiBaseUrl !== DEFAULT_API_BASE_URL || !!urlError}>
          <summary>{t('optionsAdvanced')}</summary>
          <label for="api-base-url">{t('optionsBaseUrlLabel')}</label>
          <input
            id="api-base-url"
            data-testid="api-base-url"
            type="url"
            spellcheck={false}
            value={apiBaseUrl}
            aria-invalid={urlError ? 'true' : 'false'}
            aria-describedby="api-base-url-help"
            onInput={(e) => setApiBaseUrl(e.currentTarget.value)}
          />
          <p id="api-base-url-help" class={urlError ? 'error' : 'hint'}>
            {urlError ?? t('optionsBaseUrlHelp', DEFAULT_API_BASE_URL)}
          </p>
        </details>
        <button type="submit" class="primary" data-testid="save-settings" disabled={busy && connection?.status === 'pending'}>
          {t('optionsSave')}
        </button>
      </form>
      {connection && (
        <div data-testid="connection-status" data-status={connection.status} role="status" class={`status ${connection.status}`}>
          {connection.status === 'pending' && <p>{t('optionsChecking')}</p>}
          {connection.status === 'ok' && (
            <>
              <p>{t('optionsConnected', connection.workspaces.map((w) => w.name ?? w.id).join(', ') || t('optionsNoWorkspace'))}</p>
              {/* What to do next: the settings are done, the work happens on LinkedIn. */}
              <p class="next-step" data-testid="next-step">
                {t('optionsNextStep')}
              </p>
            </>
          )}
          {connection.status === 'error' && <p>{connection.message}</p>}
          {connection.status === 'error' && connection.kept && <p data-testid="key-kept">{t('optionsKeyKept', connection.kept)}</p>}
        </div>
      )}
      {savedKey && !busy && (
        <>
          <DirectorySection />
          <DiffPolicySection connected={connection?.status !== 'error'} />
          <RegistrySection />
          <JobChangesSection />
          <SequencesSection connected={connection?.status !== 'error'} />
        </>
      )}
      <p class="page-links hint">
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener" data-testid="privacy-link">
          {t('privacyLink')}
        </a>
      </p>
    </main>
  );
}
