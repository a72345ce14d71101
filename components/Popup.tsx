import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabState } from '@/utils/messages';
import type { PageStateName } from '@/utils/profile';
import { PAGE_STATE_TEXT, describeReplyError } from './describe';
import { MatchPanel } from './MatchPanel';
import { ProfileCard } from './ProfileCard';
import { ask, openOptions, readSettings } from './runtime';

type Loaded = { tab: TabState | null; hasKey: boolean; error?: string };

/** How long to show "reading" for a LinkedIn tab that has not reported yet. */
const READ_WAIT_MS = 12_000;

function useTabState(tabId: number | undefined): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [settings, reply] = await Promise.all([
        readSettings(),
        tabId === undefined ? Promise.resolve(null) : ask({ type: 'get-tab', tabId }),
      ]);
      if (!live) return;
      if (reply && !reply.ok) setLoaded({ tab: null, hasKey: !!settings.apiKey, error: describeReplyError(reply.error) });
      else setLoaded({ tab: reply?.tab ?? null, hasKey: !!settings.apiKey });
    })();
    // The content script reports in-page navigations while the popup is open.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[`tab:${tabId}`];
      if (area === 'session' && change?.newValue) {
        setLoaded((previous) => previous && { ...previous, tab: change.newValue as TabState });
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return loaded;
}

/** True while a LinkedIn tab has not reported yet (the content script is still waiting for the page). */
function useWaitingForRead(tabId: number | undefined, loaded: Loaded | null): boolean {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!loaded || loaded.tab || tabId === undefined) return setWaiting(false);
    let live = true;
    void browser.tabs.get(tabId).then(
      (tab) => live && setWaiting(!!tab?.url && /^https:\/\/([a-z0-9-]+\.)*linkedin\.com\//.test(tab.url)),
      () => undefined,
    );
    const timer = setTimeout(() => live && setWaiting(false), READ_WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId, loaded?.tab]);
  return waiting;
}

export function Popup({ tabId }: { tabId: number | undefined }) {
  const loaded = useTabState(tabId);
  const waiting = useWaitingForRead(tabId, loaded);
  const [matchBusy, setMatchBusy] = useState(false);

  const read = loaded?.tab?.read;
  const state: PageStateName = read?.state ?? 'not-a-profile';
  const busy = !loaded || waiting || matchBusy;
  return (
    <main data-testid="popup" aria-busy={busy ? 'true' : 'false'} class="popup">
      <header class="bar">
        <h1>Skipcall Enrich</h1>
        <button type="button" class="link" onClick={openOptions}>
          Settings
        </button>
      </header>
      {loaded && !loaded.hasKey && (
        <div data-testid="setup-needed" class="notice" role="status">
          <p>Add your Skipcall API key to match and update contacts.</p>
          <button type="button" class="primary" onClick={openOptions}>
            Open settings
          </button>
        </div>
      )}
      {loaded?.error && (
        <p class="error" role="alert">
          {loaded.error}
        </p>
      )}
      {loaded && waiting && <p class="hint">Reading the LinkedIn page…</p>}
      {loaded && !waiting && (
        <section data-testid="page-state" data-state={state} class="page-state">
          {read?.state === 'profile' ? <ProfileCard read={read} /> : <p>{PAGE_STATE_TEXT[state]}</p>}
        </section>
      )}
      {loaded?.hasKey && read?.state === 'profile' && tabId !== undefined && (
        <MatchPanel key={read.url} tabId={tabId} read={read} onBusy={setMatchBusy} />
      )}
    </main>
  );
}
