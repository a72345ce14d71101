import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MatchView, TabState } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import type { PageRead, PageStateName } from '@/utils/profile';
import { session } from '@/utils/storage/extension';
import { tabItem } from '@/utils/storage/session';
import { PAGE_STATE_TEXT } from './describe';
import { localizeDocument, t } from './i18n';
import { MatchPanel } from './MatchPanel';
import { PageReportButton } from './PageReportButton';
import { ProfileCard } from './ProfileCard';
import { PageStateMessage, StateMessage } from './StateMessage';
import type { PopupReads } from './popup-reads';
import { openOptions, readSettings, readTabView } from './runtime';
import { lazyComponent, useLazyBusy } from './lazy';

// List pages only: their view loads when one is shown (components/lazy.tsx).
const ListView = lazyComponent(() => import('./ListView').then((m) => m.ListView));

type Loaded = {
  tab: TabState | null;
  hasKey: boolean;
  /** The background's match for the tab's profile, prepared when the page was read. */
  match?: MatchView | undefined;
  settings?: Settings;
};

/** How long to show "reading" for a LinkedIn tab that has not reported yet. */
const READ_WAIT_MS = 12_000;

/**
 * The settings and what the background prepared for the tab, read in parallel;
 * `prefetched`: the same reads, started by the entry module for this tab.
 */
export async function loadPopupData(tabId: number | undefined, prefetched?: PopupReads): Promise<Loaded> {
  const reads = prefetched?.tabId === tabId ? prefetched : undefined;
  const [settings, view] = await Promise.all([
    readSettings(reads?.settings),
    tabId === undefined ? Promise.resolve(null) : readTabView(tabId, reads?.session),
  ]);
  return { tab: view?.tab ?? null, hasKey: !!settings.apiKey, match: view?.match, settings };
}

/** The tab's read as it changes; `reload` reads it again (after the background refused a write for an older read). */
function useTabState(tabId: number | undefined, initial: Loaded | undefined): [Loaded | null, () => void] {
  const [loaded, setLoaded] = useState<Loaded | null>(initial ?? null);
  const reload = () => void loadPopupData(tabId).then(setLoaded);
  useEffect(() => {
    let live = true;
    if (!initial) void loadPopupData(tabId).then((data) => live && setLoaded(data));
    // The content script reports in-page navigations while the popup is open: a new read
    // never keeps the match prepared for the previous one.
    const stopWatching =
      tabId === undefined
        ? undefined
        : session.watch(tabItem, tabId, (tab) => {
            if (tab) setLoaded((previous) => previous && { ...previous, tab, match: undefined });
          });
    return () => {
      live = false;
      stopWatching?.();
    };
  }, [tabId]);
  return [loaded, reload];
}

/** Escape closes the popup, as the browser's own popups do. */
function useEscapeCloses(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) window.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Once the popup is ready, focus goes to the first thing to do: Apply when it
 * can send; with no contact chosen, the way to the settings or the contact
 * search. Never scrolls, never moves focus the user already placed.
 */
function useFirstUsefulFocus(busy: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (busy || done.current) return;
    done.current = true;
    if (document.activeElement && document.activeElement !== document.body) return;
    const apply = document.querySelector<HTMLButtonElement>('[data-testid="apply"]');
    // A diff on screen: Apply if it can send; otherwise nothing moves (the banner and rows stay in view).
    if (apply) return apply.disabled ? undefined : apply.focus({ preventScroll: true });
    // A failure's Retry before the search; a page state's way on (Sign in, Open LinkedIn…) when nothing else is there.
    const candidates = [
      '[data-testid="setup-needed"] button',
      '.state-message.error button:not([disabled])',
      '[data-testid="contact-search"]:not([disabled])',
      '[data-testid="contact-ref"]',
      '.state-message button:not([disabled])',
    ];
    for (const selector of candidates) {
      const target = document.querySelector<HTMLElement>(selector);
      if (target) return target.focus({ preventScroll: true });
    }
  }, [busy]);
}

/** The person's current position and place, under their name: "Directrice commerciale · Brasserie Lumière · Lyon, France". */
function pageSummary(read: Extract<PageRead, { state: 'profile' }>): string {
  const { role, company, city, country } = read.profile;
  const place = [city?.value, country?.value].filter(Boolean).join(', ');
  return [role?.value, company?.value, place].filter(Boolean).join(' · ');
}

/** Whose page the popup works on, and their position and place under the name. */
function PageHeader({ read }: { read: Extract<PageRead, { state: 'profile' }> }) {
  const summary = pageSummary(read);
  return (
    <div class="page-header">
      <p data-testid="page-person" class="page-person">
        <bdi>{pagePerson(read)}</bdi>
      </p>
      {summary && (
        <p class="hint">
          <bdi>{summary}</bdi>
        </p>
      )}
    </div>
  );
}

/** Whose page the popup works on: "Élodie Marchand · /in/elodie-marchand". */
function pagePerson(read: Extract<PageRead, { state: 'profile' }>): string {
  const name = [read.profile.firstName?.value, read.profile.lastName?.value].filter(Boolean).join(' ');
  let path = read.url;
  try {
    path = new URL(read.profile.linkedinUrl?.value ?? read.profile.linkedinSalesUrl?.value ?? read.url).pathname.replace(/\/$/, '');
  } catch {
    // Keep the page URL as it is.
  }
  return [name, path].filter(Boolean).join(' · ');
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

/**
 * The popup's root: busy while the popup is, and while a lazily loaded part on
 * screen has not rendered yet. Its own state, so a lazy part loading re-renders
 * this element only (the children are the same vnodes, which Preact skips).
 */
function PopupRoot({ busy, children }: { busy: boolean; children: ComponentChildren }) {
  const lazyBusy = useLazyBusy();
  return (
    <main data-testid="popup" aria-busy={busy || lazyBusy ? 'true' : 'false'} class="popup">
      {children}
    </main>
  );
}

/** `initial`: the data loaded before the first render, so the popup opens complete. */
export function Popup({ tabId, initial }: { tabId: number | undefined; initial?: Loaded }) {
  const [loaded, reload] = useTabState(tabId, initial);
  const waiting = useWaitingForRead(tabId, loaded);
  // Busy from the start when the match panel will show, so aria-busy never flickers to false.
  const [matchBusy, setMatchBusy] = useState(true);
  useEffect(() => localizeDocument(t('extName')), []);

  const read = loaded?.tab?.read;
  const state: PageStateName = read?.state ?? 'not-a-profile';
  const showsMatch = !!loaded?.hasKey && read?.state === 'profile' && tabId !== undefined;
  const showsList = !!loaded?.hasKey && read?.state === 'list' && tabId !== undefined;
  const busy = !loaded || waiting || ((showsMatch || showsList) && matchBusy);
  useEscapeCloses();
  useFirstUsefulFocus(!loaded || busy);
  const pageState = (
    <section data-testid="page-state" data-state={state} class="page-state">
      {read?.state === 'profile' ? (
        <ProfileCard read={read} />
      ) : state !== 'profile' && state !== 'list' ? (
        <PageStateMessage state={state} tabId={tabId} pageUrl={read?.url} />
      ) : (
        <p>{t(PAGE_STATE_TEXT[state])}</p>
      )}
    </section>
  );
  return (
    <PopupRoot busy={busy}>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={openOptions}>
          {t('popupSettings')}
        </button>
      </header>
      {loaded && !loaded.hasKey && (
        <StateMessage testid="setup-needed" text={t('popupSetupNeeded')} action={{ label: t('popupOpenSettings'), onClick: openOptions }} />
      )}
      {loaded && waiting && <p class="hint">{t('popupReading')}</p>}
      {loaded && !waiting && read?.state === 'profile' && <PageHeader read={read} />}
      {loaded && !waiting && !showsMatch && pageState}
      {showsMatch && read?.state === 'profile' && tabId !== undefined && (
        <MatchPanel
          key={read.url}
          tabId={tabId}
          read={read}
          readId={loaded.tab!.readId}
          initialMatch={loaded.match}
          settings={loaded.settings}
          onBusy={setMatchBusy}
          onPageChanged={reload}
        />
      )}
      {/* With a contact to compare, the decision comes first and what was read follows it. */}
      {loaded && !waiting && showsMatch && pageState}
      {showsList && read?.state === 'list' && <ListView key={read.listKey} tabId={tabId!} read={read} onBusy={setMatchBusy} />}
      {/* For reporting a page read wrong: rarely needed, so last. */}
      {loaded && !waiting && read && tabId !== undefined && <PageReportButton tabId={tabId} />}
      <p class="hint shortcuts">{t('popupShortcuts')}</p>
    </PopupRoot>
  );
}
