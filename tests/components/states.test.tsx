// @vitest-environment happy-dom
// Every state of the popup says what is going on in one sentence and offers
// exactly one next action, a button that does it: no key, a page that is not a
// readable profile, a request that failed, no matching contact. In English and French.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContactPanel } from '@/components/ContactPanel';
import { MatchPanel } from '@/components/MatchPanel';
import { Popup } from '@/components/Popup';
import { ErrorState } from '@/components/StateMessage';
import { directoryService } from '@/entrypoints/background/services';
import type { ReplyError, Request } from '@/utils/messages';
import type { PageRead } from '@/utils/profile';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { useLocale, type Locale } from '../setup/i18n';
import { readOnTab, saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const TAB = 7;
const q = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function mountRoot(): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  return root;
}

/** The one state message under `scope`: its sentence and its buttons. */
function stateOf(scope: Element | null) {
  const message = scope?.matches('.state-message') ? scope : scope?.querySelector('.state-message');
  expect(message, 'a state message').toBeTruthy();
  return {
    text: message!.querySelector('p')?.textContent ?? '',
    buttons: [...message!.querySelectorAll('button')],
  };
}

/** One sentence: a single final stop, nothing after it. */
function expectOneSentence(text: string) {
  expect(text).toMatch(/[.)]$/);
  expect(text.split(/(?<=[.!?])\s+(?=\p{Lu})/u), text).toHaveLength(1);
}

/** The next action is the button: the words never say "try again" on top of it. */
function expectNoRepeatedAction(text: string) {
  expect(text).not.toMatch(/try again|réessayez|nothing was lost|rien n’a été perdu/i);
}

/** Answers the next requests of the given types with a failure; the rest go to the real background. */
function failNext(type: Request['type'], ...errors: ReplyError[]): Request[] {
  const asked: Request[] = [];
  const real = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
  fakeBrowser.runtime.sendMessage = (async (message: Request) => {
    if (message.type === type) {
      asked.push(message);
      const error = errors.shift();
      if (error) return { ok: false, error };
    }
    return real(message);
  }) as typeof fakeBrowser.runtime.sendMessage;
  return asked;
}

const profile = {
  firstName: 'Élodie',
  lastName: 'Marchand',
  role: 'Directrice commerciale',
  company: 'Brasserie Lumière',
  city: 'Lyon',
  country: 'France',
  linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo',
};

beforeEach(async () => {
  startBackground(TAB);
  sandbox.reset();
});

const WORDS = {
  en: {
    retry: 'Retry',
    settings: 'Open settings',
    server: 'Skipcall is not answering properly right now.',
    offline: 'Skipcall cannot be reached (no connection, or a wrong API base URL in the settings).',
    invalidKey: 'Skipcall refused the API key; copy a valid one from Skipcall → Settings → API Keys.',
    rateIn: /^Skipcall has had too many requests; it accepts new ones in (\d+) s\.$/,
    rateOver: 'Skipcall had too many requests; it accepts new ones again.',
    noMatch: 'No Skipcall contact matches Zoé Inconnue.',
    create: 'Create a new Skipcall contact from this profile',
    setup: 'Add your Skipcall API key to start.',
  },
  fr: {
    retry: 'Réessayer',
    settings: 'Ouvrir les paramètres',
    server: 'Skipcall ne répond pas correctement pour le moment.',
    offline: 'Impossible de joindre Skipcall (pas de connexion, ou URL de base de l’API erronée dans les paramètres).',
    invalidKey: 'Skipcall a refusé la clé API\u00a0; copiez-en une valide depuis Skipcall → Paramètres → Clés API.',
    rateIn: /^Skipcall a reçu trop de requêtes\u00a0; il en accepte de nouvelles dans (\d+) s\.$/,
    rateOver: 'Skipcall recevait trop de requêtes\u00a0; il en accepte à nouveau.',
    noMatch: 'Aucun contact Skipcall ne correspond à Zoé Inconnue.',
    create: 'Créer un contact Skipcall à partir de ce profil',
    setup: 'Ajoutez votre clé API Skipcall pour commencer.',
  },
} as const;

describe.each(['en', 'fr'] as Locale[])('a failed request (%s)', (locale) => {
  const words = WORDS[locale];
  beforeEach(() => useLocale(locale));

  async function showError(error: ReplyError, onRetry = () => undefined) {
    const root = mountRoot();
    await act(async () => render(<ErrorState error={error} onRetry={onRetry} />, root));
    return root;
  }

  it.each([
    ['server', { kind: 'server', status: 500 }, 'server', 'retry'],
    ['offline', { kind: 'offline' }, 'offline', 'retry'],
    ['refused key', { kind: 'invalid-key', status: 401 }, 'invalidKey', 'open-settings'],
  ] as const)('%s: one sentence and one button', async (_, error, sentence, action) => {
    const root = await showError(error);
    const state = stateOf(root);
    expect(state.text).toBe(words[sentence]);
    expectOneSentence(state.text);
    expectNoRepeatedAction(state.text);
    expect(state.buttons).toHaveLength(1);
    expect(state.buttons[0]!.getAttribute('data-testid')).toBe(action);
    expect(state.buttons[0]!.textContent).toBe(action === 'retry' ? words.retry : words.settings);
    expect(q(root, '.state-message')?.getAttribute('role')).toBe('alert');
  });

  it('a refused key: the button opens the settings', async () => {
    let opened = 0;
    fakeBrowser.runtime.openOptionsPage = async () => void opened++;
    const root = await showError({ kind: 'plan', status: 403 });
    await act(() => stateOf(root).buttons[0]!.click());
    expect(opened).toBe(1);
  });

  it('rate limited: says when Skipcall accepts requests again, and Retry waits until then', async () => {
    let retried = 0;
    const root = await showError({ kind: 'rate-limited', status: 429, retryAt: Date.now() + 1200 }, () => void retried++);
    const before = stateOf(root);
    expect(before.text).toMatch(words.rateIn);
    expect(Number(before.text.match(words.rateIn)![1])).toBeLessThanOrEqual(2);
    expectNoRepeatedAction(before.text);
    expect(before.buttons).toHaveLength(1);
    expect(before.buttons[0]!.textContent).toBe(words.retry);
    expect(before.buttons[0]!.disabled).toBe(true);
    await until(() => !stateOf(root).buttons[0]!.disabled, 'the rate limit to reset');
    expect(stateOf(root).text).toBe(words.rateOver);
    await act(() => stateOf(root).buttons[0]!.click());
    expect(retried).toBe(1);
  });
});

describe.each(['en', 'fr'] as Locale[])('a contact that cannot be loaded (%s)', (locale) => {
  const words = WORDS[locale];
  beforeEach(async () => {
    useLocale(locale);
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  });

  async function mountPanel(onNotFound?: () => void, contactId = DEMO_CONTACT_ID): Promise<HTMLElement> {
    const readId = await readOnTab(TAB, profile);
    const root = mountRoot();
    await act(async () =>
      render(
        <ContactPanel tabId={TAB} readId={readId} contactId={contactId} profile={profile} profileKey="k" onBusy={() => undefined} onNotFound={onNotFound} />,
        root,
      ),
    );
    return root;
  }

  it('says so in one sentence with Retry, which asks again and shows the contact', async () => {
    const asked = failNext('get-contact', { kind: 'server', status: 502 });
    const root = await mountPanel();
    await until(() => !!q(root, '[data-testid="retry"]'), 'the error');
    const state = stateOf(root);
    expect(state.text).toBe(words.server);
    expect(state.buttons.map((b) => b.getAttribute('data-testid'))).toEqual(['retry']);
    expect(q(root, '[data-testid="apply"]')).toBeNull();
    await act(() => q(root, '[data-testid="retry"]')!.click());
    await until(() => !!q(root, '[data-testid="apply"]'), 'the diff after Retry');
    expect(asked).toHaveLength(2);
    expect(root.querySelectorAll('[data-testid="diff-row"]').length).toBeGreaterThan(0);
    expect(q(root, '.state-message')).toBeNull();
  });

  it('a failed Apply says "try again" once, after the reason', async () => {
    failNext('apply', { kind: 'server', status: 500 });
    const root = await mountPanel();
    await until(() => !!q(root, '[data-testid="apply"]'), 'the diff');
    await act(() => q(root, '[data-testid="apply"]')!.click());
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'error', 'the failed write');
    const text = q(root, '[data-testid="result"]')!.textContent!;
    expect(text.startsWith(words.server)).toBe(true);
    expect(text.match(/try again|réessayez/gi)).toHaveLength(1);
  });

  it('a refused key: Open settings only', async () => {
    await saveSettings({ apiKey: 'sk_live_revokedkey1234', apiBaseUrl: sandbox.url });
    const root = await mountPanel();
    await until(() => !!q(root, '.state-message'), 'the error');
    const state = stateOf(root);
    expect(state.text).toBe(words.invalidKey);
    expect(state.buttons.map((b) => b.getAttribute('data-testid'))).toEqual(['open-settings']);
  });

  it('a linked contact that no longer exists: Unlink only', async () => {
    let unlinked = 0;
    const root = await mountPanel(() => void unlinked++, 'gone-contact');
    await until(() => !!q(root, '.state-message'), 'the error');
    const state = stateOf(root);
    expectOneSentence(state.text);
    expect(state.buttons.map((b) => b.getAttribute('data-testid'))).toEqual(['unlink']);
    await act(() => state.buttons[0]!.click());
    expect(unlinked).toBe(1);
  });
});

describe.each(['en', 'fr'] as Locale[])('the match (%s)', (locale) => {
  const words = WORDS[locale];
  beforeEach(async () => {
    useLocale(locale);
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  });

  async function mountMatch(values: Record<string, string>): Promise<HTMLElement> {
    const readId = await readOnTab(TAB, values);
    const read: Extract<PageRead, { state: 'profile' }> = {
      state: 'profile',
      kind: 'profile',
      url: values.linkedinUrl!,
      profile: Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { value, strategy: 'test' }])),
    };
    const root = mountRoot();
    await act(async () =>
      render(<MatchPanel tabId={TAB} read={read} readId={readId} onBusy={() => undefined} onPageChanged={() => undefined} />, root),
    );
    return root;
  }

  it('cannot be made: one sentence with Retry, which asks again and shows the contact', async () => {
    // The directory already holds the contact: the match finds it without waiting for a sync.
    (await directoryService().index()).upsert([sandbox.contacts.get(DEMO_CONTACT_ID)!]);
    const asked = failNext('match', { kind: 'offline' });
    const root = await mountMatch(profile);
    await until(() => !!q(root, '[data-testid="retry"]'), 'the error');
    const state = stateOf(root);
    expect(state.text).toBe(words.offline);
    expect(state.buttons).toHaveLength(1);
    await act(() => q(root, '[data-testid="retry"]')!.click());
    await until(() => !!q(root, `[data-testid="candidate"][data-contact-id="${DEMO_CONTACT_ID}"]`), 'the candidate after Retry');
    expect(asked).toHaveLength(2);
    await until(() => !!q(root, '[data-testid="apply"]'), 'the diff');
  });

  it('finds no contact: names the person, offers Create, and the search stays', async () => {
    const root = await mountMatch({ firstName: 'Zoé', lastName: 'Inconnue', linkedinUrl: 'https://www.linkedin.com/in/zoe-inconnue-42' });
    await until(() => !!q(root, '.match .state-message'), 'the no-match state');
    const state = stateOf(q(root, '.match'));
    expect(state.text).toBe(words.noMatch);
    expect(state.buttons.map((b) => [b.getAttribute('data-testid'), b.textContent])).toEqual([['create-contact', words.create]]);
    // One way to create, not two.
    expect(root.querySelectorAll('[data-testid="create-contact"]')).toHaveLength(1);
    expect(q(root, '[data-testid="contact-search"]')).not.toBeNull();
    await act(() => state.buttons[0]!.click());
    // The form's code loads on first use (components/lazy.tsx).
    await until(() => !!q(root, '[data-testid="create-form"]'), 'the create form');
    // The form is the action now: the sentence stays, its button goes.
    expect(stateOf(q(root, '.match')).buttons).toHaveLength(0);
  });
});

describe.each(['en', 'fr'] as Locale[])('the page states in the popup (%s)', (locale) => {
  beforeEach(() => useLocale(locale));
  let mounted: HTMLElement | undefined;

  async function renderPopup(): Promise<HTMLElement> {
    if (mounted) render(null, mounted);
    const root = mountRoot();
    mounted = root;
    await act(async () => render(<Popup tabId={TAB} />, root));
    await until(() => q(root, '[data-testid="popup"]')?.getAttribute('aria-busy') === 'false', 'the popup');
    return root;
  }

  /** Records what the buttons ask of the tabs API. */
  function watchTabs() {
    const calls: unknown[][] = [];
    fakeBrowser.tabs.create = (async (props: unknown) => void calls.push(['create', props])) as never;
    fakeBrowser.tabs.update = (async (tabId: unknown, props: unknown) => void calls.push(['update', tabId, props])) as never;
    fakeBrowser.tabs.reload = (async (tabId: unknown) => void calls.push(['reload', tabId])) as never;
    return calls;
  }

  const CASES = {
    authwall: {
      url: 'https://www.linkedin.com/authwall?trk=bf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fcamille-rousseau-e2e%2F',
      en: ['Sign in to LinkedIn to read this profile.', 'Sign in'],
      fr: ['Connectez-vous à LinkedIn pour lire ce profil.', 'Se connecter'],
      does: ['update', TAB, { url: 'https://www.linkedin.com/login?session_redirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fcamille-rousseau-e2e%2F' }],
    },
    'not-found': {
      url: 'https://www.linkedin.com/in/jean-dupont-9a8b7c/',
      en: ['LinkedIn says this profile does not exist or is not available.', 'Search LinkedIn'],
      fr: ['LinkedIn indique que ce profil n’existe pas ou n’est pas disponible.', 'Rechercher sur LinkedIn'],
      does: ['update', TAB, { url: 'https://www.linkedin.com/search/results/people/?keywords=jean%20dupont' }],
    },
    checkpoint: {
      url: 'https://www.linkedin.com/checkpoint/challenge/x',
      en: ['LinkedIn shows a security check in this tab: complete it to read the profile.', 'Reload the page'],
      fr: ['LinkedIn affiche une vérification de sécurité dans cet onglet\u00a0: effectuez-la pour lire le profil.', 'Recharger la page'],
      does: ['reload', TAB],
    },
    'not-a-profile': {
      url: 'https://www.linkedin.com/feed/',
      en: ['Open a LinkedIn profile or a Sales Navigator lead to enrich its Skipcall contact.', 'Search LinkedIn'],
      fr: ['Ouvrez un profil LinkedIn ou un lead Sales Navigator pour enrichir son contact Skipcall.', 'Rechercher sur LinkedIn'],
      does: ['update', TAB, { url: 'https://www.linkedin.com/search/results/people/' }],
    },
  } as const;

  it.each(Object.keys(CASES) as (keyof typeof CASES)[])('%s: one sentence, one button that does it', async (state) => {
    const { url, does, ...texts } = CASES[state];
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: { read: { state, url }, readId: 'r1', readAt: 1 } });
    const calls = watchTabs();
    const root = await renderPopup();
    const section = q(root, '[data-testid="page-state"]');
    expect(section?.getAttribute('data-state')).toBe(state);
    const shown = stateOf(section);
    expect([shown.text, ...shown.buttons.map((b) => b.textContent)]).toEqual(texts[locale]);
    expectOneSentence(shown.text);
    // The only button in the popup besides the header's Settings link.
    expect(root.querySelectorAll('main > :not(header) button:not([data-testid="copy-page-report"])')).toHaveLength(1);
    expect(document.activeElement).toBe(shown.buttons[0]);
    await act(() => shown.buttons[0]!.click());
    expect(calls).toEqual([does]);
  });

  it('a tab outside LinkedIn: Open LinkedIn, in a new tab', async () => {
    await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    const calls = watchTabs();
    const root = await renderPopup();
    const shown = stateOf(q(root, '[data-testid="page-state"]'));
    expect(shown.buttons.map((b) => b.textContent)).toEqual([locale === 'en' ? 'Open LinkedIn' : 'Ouvrir LinkedIn']);
    await act(() => shown.buttons[0]!.click());
    expect(calls).toEqual([['create', { url: 'https://www.linkedin.com/feed/' }]]);
  });

  it('no key: one sentence and Open settings, which opens them', async () => {
    let opened = 0;
    fakeBrowser.runtime.openOptionsPage = async () => void opened++;
    const root = await renderPopup();
    const shown = stateOf(q(root, '[data-testid="setup-needed"]'));
    expect(shown.text).toBe(WORDS[locale].setup);
    expect(shown.buttons.map((b) => b.textContent)).toEqual([WORDS[locale].settings]);
    await act(() => shown.buttons[0]!.click());
    expect(opened).toBe(1);
  });
});
