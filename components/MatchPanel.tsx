import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProfileValues } from '@/utils/diff/compute';
import type { DirectoryContact } from '@/utils/match/contact';
import { CONTACT_REF_MESSAGES, parseContactRef } from '@/utils/match/contact-ref';
import { REASON_LABELS, type Candidate } from '@/utils/match/rank';
import { namesDiffer } from '@/utils/match/same-person';
import type { MatchView, ReplyError } from '@/utils/messages';
import type { Contact } from '@/utils/skipcall/schemas';
import type { Settings } from '@/utils/settings';
import { profileValues, unsureFields, type PageRead } from '@/utils/profile';
import { ContactPanel } from './ContactPanel';
import { describeApiError, describeReplyError } from './describe';
import { t } from './i18n';
import { lazyComponent } from './lazy';
import { ask } from './runtime';
import { ErrorState, StateMessage } from './StateMessage';

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

/** The one-line form of a contact Skipcall returned. */
function toShown(contact: Contact): DirectoryContact {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    ...(contact.company ? { company: contact.company } : {}),
    ...(contact.city ? { city: contact.city } : {}),
    ...(contact.role ? { role: contact.role } : {}),
    ...(contact.email ? { email: contact.email } : {}),
  };
}

const fullName = (person: { firstName?: string | undefined; lastName?: string | undefined }) =>
  [person.firstName, person.lastName].filter(Boolean).join(' ');

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
  const [error, setError] = useState<ReplyError | null>(null);
  /** Retry after the match failed: each one asks the background again. */
  const [matchAttempt, setMatchAttempt] = useState(0);
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
  /** The contact last clicked, as listed then: it stays the chosen one when a new search no longer lists it. */
  const [picked, setPicked] = useState<Shown | null>(null);
  /** Selecting is idempotent: choosing the chosen contact again keeps it. */
  function pick(item: Shown) {
    setCreating(false);
    setPicked(item);
    choose(item.contact.id);
  }
  /** Creating replaces the chosen contact: its diff would compare with the wrong person. */
  function startCreating() {
    choose(null);
    setCreating(true);
  }
  function onCreatedContact(contact: Contact, linkSaved: boolean) {
    if (!linkSaved) setCreateWarning(t('createLinkNotSaved'));
    setCreating(false);
    setCreated(toShown(contact));
    setReferenced(null);
    setLinkedId(linkSaved ? contact.id : null);
    choose(contact.id);
  }
  const [createBusy, setCreateBusy] = useState(false);
  const [createWarning, setCreateWarning] = useState<string | null>(null);
  /** The contact created from this profile in this popup: confirmed with its id. */
  const [created, setCreated] = useState<DirectoryContact | null>(null);
  /** The contact the user said is this person although the names differ. */
  const [confirmedId, setConfirmedId] = useState<string | null>(null);
  /** The chosen contact as Skipcall last returned it (after a write or a conflict), for its one-line summary. */
  const [fresh, setFresh] = useState<DirectoryContact | null>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The text the latest search was started for. */
  const searchedFor = useRef('');

  // A chosen contact counts as busy until its panel says it is ready; reported before paint.
  const contactBusy = selected !== null && panelBusy;
  useLayoutEffect(
    () => onBusy(!view && !error ? true : checking || contactBusy || createBusy),
    [view, error, checking, contactBusy, createBusy],
  );

  useEffect(() => {
    let live = true;
    if (initialMatch && matchAttempt === 0) return;
    void ask({ type: 'match', profile }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(reply.error);
      setView(reply);
      setLinkedId(reply.link?.contactId ?? null);
      choose(reply.preselected?.contactId ?? null);
    });
    return () => {
      live = false;
    };
  }, [profile, matchAttempt]);

  function onSearch(value: string) {
    setQuery(value);
    searchedFor.current = value;
    clearTimeout(searchTimer.current);
    if (!value.trim()) return setResults(null);
    searchTimer.current = setTimeout(async () => {
      const reply = await ask({ type: 'search-contacts', query: value });
      // A slower answer to an earlier text never replaces the hits for what the box holds now.
      if (searchedFor.current !== value) return;
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
    setReferenced(toShown(contact));
    choose(contact.id);
  }

  async function link(contactId: string, via: 'match' | 'reference' | 'directory') {
    const reply = await ask({ type: 'link', identity, contactId, via });
    if (reply.ok) setLinkedId(contactId);
    else setError(reply.error);
  }

  async function unlink() {
    await ask({ type: 'unlink', identity });
    setLinkedId(null);
    choose(null);
  }

  if (error) {
    // Retry: a failed match is asked again; a failed link goes back to the contact, to link again.
    const retry = () => {
      setError(null);
      if (!view) setMatchAttempt((n) => n + 1);
    };
    return <ErrorState error={error} onRetry={retry} />;
  }
  if (!view) return <p class="hint">{t('matchLooking')}</p>;

  // A pasted or created contact first, then the match's candidates; under the search box, the hits not listed already.
  const listed: Shown[] = [];
  const hits: Shown[] = [];
  const seen = new Set<string>();
  const add = (list: Shown[], item: Shown) => {
    if (seen.has(item.contact.id)) return;
    seen.add(item.contact.id);
    list.push(item);
  };
  if (created) add(listed, { contact: created, why: t('matchWhyCreated') });
  if (referenced) add(listed, { contact: referenced, why: t('matchWhyReference') });
  view.candidates.forEach((candidate) => add(listed, fromCandidate(candidate)));
  if (results) results.forEach((contact) => add(hits, { contact, why: t('matchWhySearch') }));

  const viaFor = (contactId: string): 'match' | 'reference' | 'directory' =>
    referenced?.id === contactId || created?.id === contactId
      ? 'reference'
      : view.candidates.some((c) => c.contact.id === contactId)
        ? 'match'
        : 'directory';
  const note = directoryNote(view);
  const chosen =
    [...listed, ...hits].find((item) => item.contact.id === selected) ?? (picked && picked.contact.id === selected ? picked : undefined);
  const chosenContact = fresh && fresh.id === selected ? fresh : chosen?.contact;
  // A saved link or the only contact with this LinkedIn URL proves who the contact is; anything else is checked by name.
  const identityProven = selected === linkedId || (!linkedId && selected === view.preselected?.contactId);
  const mismatch = !!selected && !!chosenContact && !identityProven && namesDiffer(chosenContact, profile);
  const confirmNeeded = mismatch && confirmedId !== selected;

  /** "Change": the list of contacts to choose from, in view, with the keyboard on it. */
  function showChoice(event?: Event) {
    event?.preventDefault();
    const target =
      document.querySelector<HTMLElement>('#contact-choice [aria-pressed="false"]') ??
      document.querySelector<HTMLElement>('[data-testid="contact-search"]:not([disabled])') ??
      document.querySelector<HTMLElement>('[data-testid="contact-ref"]');
    target?.scrollIntoView({ block: 'nearest' });
    target?.focus({ preventScroll: true });
  }

  const candidateButton = (item: Shown) => {
    const { contact, why, warning } = item;
    return (
    <button
      type="button"
      key={contact.id}
      class="candidate"
      data-testid="candidate"
      data-contact-id={contact.id}
      aria-pressed={selected === contact.id ? 'true' : 'false'}
      onClick={() => pick(item)}
    >
      <strong>
        {contact.firstName} {contact.lastName}
      </strong>
      {summary(contact) && <span class="hint"> · {summary(contact)}</span>}
      <span class="reason"> {t('matchMatchedBy', why)}</span>
      {warning && <span class="error"> {warning}</span>}
    </button>
    );
  };

  return (
    <section class="match" aria-label={t('matchTitle')}>
      <h2>{t('matchTitle')}</h2>
      {created && selected === created.id && (
        <p class="notice" role="status" data-testid="created">
          <bdi>{t('matchCreated', fullName(created))}</bdi> <span class="hint">{t('matchCreatedId', created.id)}</span>
        </p>
      )}
      {linkedId && selected === linkedId && <p class="hint">{t('matchLinked')}</p>}
      {!linkedId && view.preselected && selected === view.preselected.contactId && (
        <p class="hint">{t(view.preselected.via === 'sales-url' ? 'matchPreselectedSalesNavigator' : 'matchPreselectedLinkedIn')}</p>
      )}
      {chosenContact && (
        <p class="chosen" data-testid="chosen-contact">
          <bdi>
            <strong>
              {chosenContact.firstName} {chosenContact.lastName}
            </strong>
            {summary(chosenContact) && ` · ${summary(chosenContact)}`}
          </bdi>{' '}
          {chosen && <span class="reason">{t('matchMatchedBy', chosen.why)}</span>}{' '}
          <a class="link" href="#contact-choice" onClick={showChoice}>
            {t('matchChange')}
          </a>
        </p>
      )}
      {mismatch && chosenContact && (
        <div class="notice warning" role="alert" data-testid="name-mismatch">
          <p>
            <strong>{t('matchNameMismatch', fullName(chosenContact), fullName(profile))}</strong>
          </p>
          {confirmNeeded ? (
            <p class="row">
              <button type="button" data-testid="confirm-person" onClick={() => setConfirmedId(selected)}>
                {t('matchConfirmPerson')}
              </button>
              <a class="link" href="#contact-choice" onClick={showChoice}>
                {t('matchChooseAnother')}
              </a>
            </p>
          ) : (
            <p class="hint">{t('matchConfirmedPerson')}</p>
          )}
        </div>
      )}
      {selected && selected !== linkedId && (
        <button
          type="button"
          data-testid="link"
          disabled={confirmNeeded}
          aria-describedby={confirmNeeded ? 'name-mismatch-reason' : undefined}
          onClick={() => void link(selected, viaFor(selected))}
        >
          {t('matchLink')}
        </button>
      )}
      {confirmNeeded && (
        <span id="name-mismatch-reason" class="visually-hidden">
          {t('applyConfirmPerson')}
        </span>
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
          identityConfirmed={identityProven}
          confirmNeeded={confirmNeeded}
          untickAll={mismatch}
          onContact={(contact) => setFresh(toShown(contact))}
          since={read.since}
          identity={identity}
          onRelinked={(contactId) => setLinkedId(contactId)}
          onJobChangeCreated={onCreatedContact}
          onApplied={() => {
            if (selected !== linkedId) void link(selected, viaFor(selected));
          }}
        />
      )}
      {listed.length > 0 ? (
        <div class="candidates" id="contact-choice" role="group" aria-label={t('matchCandidatesLabel')}>
          {listed.map(candidateButton)}
        </div>
      ) : (
        <div id="contact-choice" class="no-match" data-testid="no-match">
          <StateMessage
            text={t('matchNoCandidate', fullName(profile) || profileKey)}
            action={creating ? undefined : { label: t('matchCreate'), testid: 'create-contact', onClick: startCreating }}
          />
        </div>
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
      {results &&
        (hits.length > 0 ? (
          <div class="candidates search-results" role="group" aria-label={t('matchSearchResultsLabel')}>
            {hits.map(candidateButton)}
          </div>
        ) : (
          <p class="hint" role="status" data-testid="search-result-note">
            {t(results.length > 0 ? 'matchSearchAllListed' : 'matchNoSearchResult')}
          </p>
        ))}
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
      {listed.length > 0 && !creating && (
        <button
          type="button"
          class="link"
          data-testid="create-contact"
          onClick={startCreating}
        >
          {t(selected ? 'matchCreateInstead' : 'matchCreate')}
        </button>
      )}
      {creating && !selected && (
        <CreateContactForm profile={profile} identity={identity} onBusy={setCreateBusy} onCancel={() => setCreating(false)} onCreated={onCreatedContact} />
      )}
      {createWarning && (
        <p class="error" role="alert" data-testid="create-warning">
          {createWarning}
        </p>
      )}
    </section>
  );
}
