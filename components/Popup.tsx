import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '@/utils/messages';
import type { PageStateName } from '@/utils/profile';
import { PAGE_STATE_TEXT, describeReplyError } from './describe';
import { ProfileCard } from './ProfileCard';
import { ask, openOptions, readSettings } from './runtime';

type Loaded = { tab: TabState | null; hasKey: boolean; error?: string };

export function Popup({ tabId }: { tabId: number | undefined }) {
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
    return () => {
      live = false;
    };
  }, [tabId]);

  const read = loaded?.tab?.read;
  const state: PageStateName = read?.state ?? 'not-a-profile';
  return (
    <main data-testid="popup" aria-busy={loaded ? 'false' : 'true'} class="popup">
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
      {loaded && (
        <section data-testid="page-state" data-state={state} class="page-state">
          {read?.state === 'profile' ? (
            <ProfileCard read={read} />
          ) : (
            <p>{PAGE_STATE_TEXT[state]}</p>
          )}
        </section>
      )}
    </main>
  );
}
