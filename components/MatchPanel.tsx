import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProfileValues } from '@/utils/diff/compute';
import type { DirectoryContact } from '@/utils/match/contact';
import { CONTACT_REF_MESSAGES, parseContactRef } from '@/utils/match/contact-ref';
import { REASON_LABELS, type Candidate } from '@/utils/match/rank';
import type { MatchView } from '@/utils/messages';
import { profileValues, type PageRead } from '@/utils/profile';
import { ContactPanel } from './ContactPanel';
import { CreateContactForm } from './CreateContactForm';
import { describeApiError } from '@/utils/skipcall/errors';
import { describeReplyError } from './describe';
import { ask } from './runtime';

type ProfileRead = Extract<PageRead, { state: 'profile' }>;

interface Props {
  tabId: number;
  read: ProfileRead;
  onBusy: (busy: boolean) => void;
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
    why: REASON_LABELS[candidate.reason],
    ...(candidate.conflict ? { warning: 'Its LinkedIn field names another profile.' } : {}),
  };
}

function directoryNote(view: MatchView): string | null {
  const { directory } = view;
  if (directory.phase === 'unavailable') return 'Your Skipcall API offers no contact list: paste the contact’s link or id, or create it.';
  if (directory.phase === 'syncing') {
    const { contactsRead, total } = directory.progress;
    return `Reading your Skipcall contacts… ${contactsRead}${total ? ` of ${total}` : ''}`;
  }
  if (directory.phase === 'failing') {
    return `The contact list could not be read. ${directory.lastError ? describeApiError(directory.lastError) : 'It will be tried again later.'}`;
  }
  return null;
}

export function MatchPanel({ read, onBusy }: Props) {
  const profile: ProfileValues = useMemo(() => profileValues(read.profile), [read]);
  const identity = useMemo(
    () => ({
      ...(profile.linkedinUrl ? { linkedinUrl: profile.linkedinUrl } : {}),
      ...(profile.linkedinSalesUrl ? { linkedinSalesUrl: profile.linkedinSalesUrl } : {}),
    }),
    [profile],
  );
  const profileKey = profile.linkedinUrl ?? profile.linkedinSalesUrl ?? read.url;

  const [view, setView] = useState<MatchView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [linkedId, setLinkedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DirectoryContact[] | null>(null);
  const [reference, setReference] = useState('');
  const [referenceProblem, setReferenceProblem] = useState<string | null>(null);
  const [referenced, setReferenced] = useState<DirectoryContact | null>(null);
  const [creating, setCreating] = useState(false);
  const [checking, setChecking] = useState(false);
  const [panelBusy, setPanelBusy] = useState(false);
  const [createBusy, setCreateBusy] = useState(false);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => onBusy(!view && !error ? true : checking || panelBusy || createBusy), [view, error, checking, panelBusy, createBusy]);

  useEffect(() => {
    let live = true;
    void ask({ type: 'match', profile }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(describeReplyError(reply.error));
      setView(reply);
      setLinkedId(reply.link?.contactId ?? null);
      setSelected(reply.preselected?.contactId ?? null);
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
    if (!parsed.ok) return setReferenceProblem(CONTACT_REF_MESSAGES[parsed.problem]);
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
    setSelected(contact.id);
  }

  async function link(contactId: string, via: 'match' | 'reference' | 'directory') {
    const reply = await ask({ type: 'link', identity, contactId, via });
    if (reply.ok) setLinkedId(contactId);
    else setError(describeReplyError(reply.error));
  }

  async function unlink() {
    await ask({ type: 'unlink', identity });
    setLinkedId(null);
    setSelected(null);
  }

  if (error) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  if (!view) return <p class="hint">Looking for the Skipcall contact…</p>;

  const shown: Shown[] = [];
  const seen = new Set<string>();
  const add = (item: Shown) => {
    if (seen.has(item.contact.id)) return;
    seen.add(item.contact.id);
    shown.push(item);
  };
  if (referenced) add({ contact: referenced, why: 'pasted reference' });
  if (results) results.forEach((contact) => add({ contact, why: 'search' }));
  else view.candidates.forEach((candidate) => add(fromCandidate(candidate)));

  const viaFor = (contactId: string): 'match' | 'reference' | 'directory' =>
    referenced?.id === contactId ? 'reference' : results ? 'directory' : 'match';
  const note = directoryNote(view);

  return (
    <section class="match" aria-label="Skipcall contact">
      <h2>Skipcall contact</h2>
      {linkedId && selected === linkedId && <p class="hint">Linked to this profile.</p>}
      {!linkedId && view.preselected && selected === view.preselected.contactId && (
        <p class="hint">Preselected: the only contact with this {view.preselected.via === 'sales-url' ? 'Sales Navigator' : 'LinkedIn'} URL.</p>
      )}
      {shown.length > 0 ? (
        <div class="candidates" role="group" aria-label="Matching contacts">
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
                setSelected(selected === contact.id ? null : contact.id);
              }}
            >
              <strong>
                {contact.firstName} {contact.lastName}
              </strong>
              {summary(contact) && <span class="hint"> · {summary(contact)}</span>}
              <span class="reason"> Matched by: {why}</span>
              {warning && <span class="error"> {warning}</span>}
            </button>
          ))}
        </div>
      ) : (
        <p class="hint">{results ? 'No contact matches this search.' : 'No matching contact found.'}</p>
      )}
      {note && (
        <p class="hint" role="status">
          {note}
        </p>
      )}
      <label class="stacked">
        Search your contacts
        <input
          type="search"
          data-testid="contact-search"
          value={query}
          placeholder="Name, company or email"
          disabled={view.directory.phase === 'unavailable' && view.directory.size === 0}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
      </label>
      <form class="row" onSubmit={submitReference}>
        <label class="visually-hidden" for="contact-ref">
          Skipcall contact link or id
        </label>
        <input
          id="contact-ref"
          data-testid="contact-ref"
          type="text"
          placeholder="Paste a Skipcall contact link or id"
          value={reference}
          aria-invalid={referenceProblem ? 'true' : 'false'}
          aria-describedby={referenceProblem ? 'contact-ref-problem' : undefined}
          onInput={(e) => setReference(e.currentTarget.value)}
        />
        <button type="submit" data-testid="contact-ref-submit" disabled={checking}>
          {checking ? 'Checking…' : 'Use'}
        </button>
      </form>
      {referenceProblem && (
        <p id="contact-ref-problem" class="error">
          {referenceProblem}
        </p>
      )}
      {!selected && !creating && (
        <button type="button" class="link" data-testid="create-contact" onClick={() => setCreating(true)}>
          Create a new Skipcall contact from this profile
        </button>
      )}
      {creating && !selected && (
        <CreateContactForm
          profile={profile}
          identity={identity}
          onBusy={setCreateBusy}
          onCancel={() => setCreating(false)}
          onCreated={(contact) => {
            setCreating(false);
            setReferenced({ id: contact.id, firstName: contact.firstName, lastName: contact.lastName, ...(contact.company ? { company: contact.company } : {}) });
            setLinkedId(contact.id);
            setSelected(contact.id);
          }}
        />
      )}
      {selected && selected !== linkedId && (
        <button type="button" data-testid="link" onClick={() => void link(selected, viaFor(selected))}>
          Link this contact to the profile
        </button>
      )}
      {selected && (
        <ContactPanel
          key={selected}
          contactId={selected}
          profile={profile}
          profileKey={profileKey}
          onBusy={setPanelBusy}
          onNotFound={linkedId === selected ? () => void unlink() : undefined}
          onApplied={() => {
            if (selected !== linkedId) void link(selected, viaFor(selected));
          }}
        />
      )}
    </section>
  );
}
