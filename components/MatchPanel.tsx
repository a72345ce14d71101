import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProfileValues } from '@/utils/diff/compute';
import type { DirectoryContact } from '@/utils/match/contact';
import { CONTACT_REF_MESSAGES, parseContactRef } from '@/utils/match/contact-ref';
import { REASON_LABELS, type Candidate } from '@/utils/match/rank';
import type { MatchView } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import { profileValues, unsureFields, type PageRead } from '@/utils/profile';
import { ContactPanel } from './ContactPanel';
import { describeApiError, describeReplyError } from './describe';
import { t } from './i18n';
import { lazyComponent } from './lazy';
import { ask } from './runtime';

// Shown on demand: loaded on first use (components/lazy.tsx).
const CreateContactForm = lazyComponent(() => import('./CreateContactForm').then((m) => m.CreateContactForm));

type ProfileRead = Extract<PageRead, { state: 'profile' }>;

interface Props {
  tabId: number;
  read: ProfileRead;
  /** The id of `read`: a write names it. */
  readId: string;
  /** The background refused a write: the tab has read another page since. */
  onPageChanged: () => void;
  onBusy: (busy: boolean) => void;
  /** The match when the popup already has it. */
  initialMatch?: MatchView | undefined;
  settings?: Settings | undefined;
}

interface Shown {
  contact: DirectoryContact;
  /** Why it is listed: a match reason, a search hit, or a pasted reference. */
  why: string;
  warning?: string;
}

const SEARCH_DEBOUNCE_MS = 120;

function summary(contact: DirectoryContact): string {
  return [contact.role, contact.company, contact.city, contact.email].filter(Boolean).join(' · ');
}

function fromCandidate(candidate: Candidate): Shown {
  return {
    contact: candidate.contact,
    why: t(REASON_LABELS[candidate.reason]),
    ...(candidate.conflict ? { warning: t('matchConflict') } : {}),
  };
}

function directoryNote(view: MatchView): string | null {
  const { directory } = view;
  if (directory.phase === 'unavailable') return t('matchDirectoryUnavailable');
  if (directory.phase === 'syncing') {
    const { contactsRead, total } = directory.progress;
    return total ? t('matchDirectorySyncingOf', contactsRead, total) : t('matchDirectorySyncing', contactsRead);
  }
  if (directory.phase === 'failing') {
    return t('matchDirectoryFailing', directory.lastError ? describeApiError(directory.lastError) : t('matchDirectoryRetry'));
  }
  return null;
}

export function MatchPanel({ tabId, read, readId, onBusy, onPageChanged, initialMatch, settings }: Props) {
  const profile: ProfileValues = useMemo(() => profileValues(read.profile), [read]);
  const unsure = useMemo(() => unsureFields(read.profile), [read]);
  const identity = useMemo(
    () => ({
      ...(profile.linkedinUrl ? { linkedinUrl: profile.linkedinUrl } : {}),
      ...(profile.linkedinSalesUrl ? { linkedinSalesUrl: profile.linkedinSalesUrl } : {}),
    }),
    [profile],
  );
  const profileKey = profile.linkedinUrl ?? profile.linkedinSalesUrl ?? read.url;

  // A match prepared by the background renders on the first pass, without waiting for an effect.
  const [view, setView] = useState<MatchView | null>(initialMatch ?? null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(initialMatch?.preselected?.contactId ?? null);
  const [linkedId, setLinkedId] = useState<string | null>(initialMatch?.link?.contactId ?? null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DirectoryContact[] | null>(null);
  const [reference, setReference] = useState('');
  const [referenceProblem, setReferenceProblem] = useState<string | null>(null);
  const [referenced, setReferenced] = useState<DirectoryContact | null>(null);
  const [creating, setCreating] = useState(false);
  const [checking, setChecking] = useState(false);
  const [panelBusy, setPanelBusy] = useState(true);
  function choose(contactId: string | null) {
    if (contactId !== selected) setPanelBusy(true);
    setSelected(contactId);
  }
  const [createBusy, setCreateBusy] = useState(false);
  const [createWarning, setCreateWarning] = useState<string | null>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A chosen contact counts as busy until its panel says it is ready; reported before paint.
  const contactBusy = selected !== null && panelBusy;
  useLayoutEffect(
    () => onBusy(!view && !error ? true : checking || contactBusy || createBusy),
    [view, error, checking, contactBusy, createBusy],
  );

  useEffect(() => {
    let live = true;
    if (initialMatch) return;
    void ask({ type: 'match', profile }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(describeReplyError(reply.error));
      setView(reply);
      setLinkedId(reply.link?.contactId ?? null);
      choose(reply.preselected?.contactId ?? null);
    });
    return () => {
      live = false;
    };
  }, [profile]);

  function onSearch(value: string) {
    setQuery(value);
    clearTimeout(searchTimer.current);
    if (!value.trim()) return setResults(null);
    searchTimer.current = setTimeout(async () => {
      const reply = await ask({ type: 'search-contacts', query: value });
      setResults(reply.ok ? reply.contacts : []);
    }, SEARCH_DEBOUNCE_MS);
  }

  async function submitReference(event?: Event) {
    event?.preventDefault();
    const parsed = parseContactRef(reference);
    if (!parsed.ok) return setReferenceProblem(t(CONTACT_REF_MESSAGES[parsed.problem]));
    setReferenceProblem(null);
    setChecking(true);
    const reply = await ask({ type: 'get-contact', contactId: parsed.contactId });
    setChecking(false);
    if (!reply.ok) return setReferenceProblem(describeReplyError(reply.error));
    const { contact } = reply;
    setReferenced({
      id: contact.id,
      firstName: contact.firstName,
      lastName: contact.lastName,
      ...(contact.company ? { company: contact.company } : {}),
      ...(contact.city ? { city: contact.city } : {}),
      ...(contact.role ? { role: contact.role } : {}),
      ...(contact.email ? { email: contact.email } : {}),
    });
    choose(contact.id);
  }

  async function link(contactId: string, via: 'match' | 'reference' | 'directory') {
    const reply = await ask({ type: 'link', identity, contactId, via });
    if (reply.ok) setLinkedId(contactId);
    else setError(describeReplyError(reply.error));
  }

  async function unlink() {
    await ask({ type: 'unlink', identity });
    setLinkedId(null);
    choose(null);
  }

  if (error) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  if (!view) return <p class="hint">{t('matchLooking')}</p>;

  const shown: Shown[] = [];
  const seen = new Set<string>();
  const add = (item: Shown) => {
    if (seen.has(item.contact.id)) return;
    seen.add(item.contact.id);
    shown.push(item);
  };
  if (referenced) add({ contact: referenced, why: t('matchWhyReference') });
  if (results) results.forEach((contact) => add({ contact, why: t('matchWhySearch') }));
  else view.candidates.forEach((candidate) => add(fromCandidate(candidate)));

  const viaFor = (contactId: string): 'match' | 'reference' | 'directory' =>
    referenced?.id === contactId ? 'reference' : results ? 'directory' : 'match';
  const note = directoryNote(view);
  const chosen = shown.find((item) => item.contact.id === selected);

  return (
    <section class="match" aria-label={t('matchTitle')}>
      <h2>{t('matchTitle')}</h2>
      {linkedId && selected === linkedId && <p class="hint">{t('matchLinked')}</p>}
      {!linkedId && view.preselected && selected === view.preselected.contactId && (
        <p class="hint">{t(view.preselected.via === 'sales-url' ? 'matchPreselectedSalesNavigator' : 'matchPreselectedLinkedIn')}</p>
      )}
      {chosen && (
        <p class="chosen">
          <bdi>
            <strong>
              {chosen.contact.firstName} {chosen.contact.lastName}
            </strong>
            {summary(chosen.contact) && ` · ${summary(chosen.contact)}`}
          </bdi>{' '}
          <span class="reason">{t('matchMatchedBy', chosen.why)}</span>{' '}
          <a class="link" href="#contact-choice">
            {t('matchChange')}
          </a>
        </p>
      )}
      {selected && selected !== linkedId && (
        <button type="button" data-testid="link" onClick={() => void link(selected, viaFor(selected))}>
          {t('matchLink')}
        </button>
      )}
      {selected && (
        <ContactPanel
          key={selected}
          tabId={tabId}
          readId={readId}
          contactId={selected}
          profile={profile}
          unsure={unsure}
          profileKey={profileKey}
          onBusy={setPanelBusy}
          initialView={view.preselectedView?.contact.id === selected ? view.preselectedView : undefined}
          initialSettings={settings}
          onNotFound={linkedId === selected ? () => void unlink() : undefined}
          onPageChanged={onPageChanged}
          identityConfirmed={selected === linkedId || (!linkedId && selected === view.preselected?.contactId)}
          since={read.since}
          identity={identity}
          onRelinked={(contactId) => setLinkedId(contactId)}
          onJobChangeCreated={(contact, linkSaved) => {
            if (!linkSaved) setCreateWarning(t('createLinkNotSaved'));
            setReferenced({ id: contact.id, firstName: contact.firstName, lastName: contact.lastName, ...(contact.company ? { company: contact.company } : {}) });
            setLinkedId(linkSaved ? contact.id : null);
            choose(contact.id);
          }}
          onApplied={() => {
            if (selected !== linkedId) void link(selected, viaFor(selected));
          }}
        />
      )}
      {shown.length > 0 ? (
        <div class="candidates" id="contact-choice" role="group" aria-label={t('matchCandidatesLabel')}>
          {shown.map(({ contact, why, warning }) => (
            <button
              type="button"
              key={contact.id}
              class="candidate"
              data-testid="candidate"
              data-contact-id={contact.id}
              aria-pressed={selected === contact.id ? 'true' : 'false'}
              onClick={() => {
                setCreating(false);
                choose(selected === contact.id ? null : contact.id);
              }}
            >
              <strong>
                {contact.firstName} {contact.lastName}
              </strong>
              {summary(contact) && <span class="hint"> · {summary(contact)}</span>}
              <span class="reason"> {t('matchMatchedBy', why)}</span>
              {warning && <span class="error"> {warning}</span>}
            </button>
          ))}
        </div>
      ) : (
        <p class="hint">{t(results ? 'matchNoSearchResult' : 'matchNoCandidate')}</p>
      )}
      {note && (
        <p class="hint" role="status">
          {note}
        </p>
      )}
      <label class="stacked">
        {t('matchSearchLabel')}
        <input
          type="search"
          data-testid="contact-search"
          value={query}
          placeholder={t('matchSearchPlaceholder')}
          disabled={view.directory.phase === 'unavailable' && view.directory.size === 0}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
      </label>
      <form class="row" onSubmit={submitReference}>
        <label class="visually-hidden" for="contact-ref">
          {t('matchRefLabel')}
        </label>
        <input
          id="contact-ref"
          data-testid="contact-ref"
          type="text"
          placeholder={t('matchRefPlaceholder')}
          value={reference}
          aria-invalid={referenceProblem ? 'true' : 'false'}
          aria-describedby={referenceProblem ? 'contact-ref-problem' : undefined}
          onInput={(e) => setReference(e.currentTarget.value)}
        />
        <button type="submit" data-testid="contact-ref-submit" disabled={checking}>
          {t(checking ? 'matchRefChecking' : 'matchRefUse')}
        </button>
      </form>
      {referenceProblem && (
        <p id="contact-ref-problem" class="error">
          {referenceProblem}
        </p>
      )}
      {!selected && !creating && (
        <button type="button" class="link" data-testid="create-contact" onClick={() => setCreating(true)}>
          {t('matchCreate')}
        </button>
      )}
      {creating && !selected && (
        <CreateContactForm
          profile={profile}
          identity={identity}
          onBusy={setCreateBusy}
          onCancel={() => setCreating(false)}
          onCreated={(contact, linkSaved) => {
            if (!linkSaved) setCreateWarning(t('createLinkNotSaved'));
            setCreating(false);
            setReferenced({ id: contact.id, firstName: contact.firstName, lastName: contact.lastName, ...(contact.company ? { company: contact.company } : {}) });
            setLinkedId(linkSaved ? contact.id : null);
            choose(contact.id);
          }}
        />
      )}
      {createWarning && (
        <p class="error" role="alert" data-testid="create-warning">
          {createWarning}
        </p>
      )}
    </section>
  );
}
