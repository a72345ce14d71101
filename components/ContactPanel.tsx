import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { computeDiff, type ProfileValues } from '@/utils/diff/compute';
import type { HistoryEntry } from '@/utils/diff/history';
import type { Choices, RowChoice } from '@/utils/diff/patch';
import { planWrite } from '@/utils/diff/plan';
import { detectJobChange } from '@/utils/diff/job-change';
import { emptyProvenance, withProvenance, type ContactProvenance } from '@/utils/diff/provenance';
import { persistentStore } from '@/utils/storage/extension';
import { provenanceItem } from '@/utils/storage/items';
import type { Contact } from '@/utils/skipcall/schemas';
import { JobChangeBanner } from './JobChangeBanner';
import type { ContactView, ReplyError, WriteResult } from '@/utils/messages';
import type { ProfileFieldName } from '@/utils/profile';
import type { Settings } from '@/utils/settings';
import { diffLabel } from './describe';
import { DiffTable } from './DiffTable';
import { loadDraft, saveDraft } from './drafts';
import { t } from './i18n';
import { ask, readSettings } from './runtime';
import { ErrorState } from './StateMessage';
import { lazyComponent } from './lazy';
import { undoLimit } from './undo-limit';

// Shown on demand or under the diff: loaded after the first render (components/lazy.tsx).
const CreateContactForm = lazyComponent(() => import('./CreateContactForm').then((m) => m.CreateContactForm));
const HistoryList = lazyComponent(() => import('./HistoryList').then((m) => m.HistoryList));
const SequenceActions = lazyComponent(() => import('./SequenceActions').then((m) => m.SequenceActions));
const WriteResultView = lazyComponent(() => import('./WriteResultView').then((m) => m.WriteResultView));

interface Props {
  tabId: number;
  /** The page read the profile comes from: the write names it, and is refused if the tab has read another page since. */
  readId: string;
  contactId: string;
  profile: ProfileValues;
  /** Fields read as a guess: never ticked by default. */
  unsure?: readonly ProfileFieldName[] | undefined;
  /** Identifies the profile the draft choices belong to. */
  profileKey: string;
  onBusy: (busy: boolean) => void;
  onNotFound?: (() => void) | undefined;
  /** The contact when the caller already has it (the match prefetched it). */
  initialView?: ContactView | undefined;
  initialSettings?: Settings | undefined;
  /** A write succeeded: the match is confirmed. */
  onApplied?: () => void;
  /** The background refused the write: the tab has read another page since. */
  onPageChanged?: () => void;
  /** The contact is this person's for sure (saved link or unique LinkedIn URL): a job change may be offered. */
  identityConfirmed?: boolean;
  /** When the current position started, as the page shows it. */
  since?: string | undefined;
  identity?: { linkedinUrl?: string; linkedinSalesUrl?: string };
  /** A contact was created for the person's new job and linked. */
  onJobChangeCreated?: (contact: Contact, linkSaved: boolean) => void;
  /** The undo of a job-change creation linked the profile back to this contact. */
  onRelinked?: (contactId: string) => void;
  /** The contact's name is not the person's: nothing is sent until the user says it is the same person. */
  confirmNeeded?: boolean;
  /** The contact's name is not the person's: no row starts ticked. */
  untickAll?: boolean;
  /** The contact as Skipcall last returned it (loaded, written, or fresh after a conflict). */
  onContact?: (contact: Contact) => void;
}

const POLL_MS = 300;

export function ContactPanel(props: Props) {
  const { tabId, readId, contactId, profile, unsure, profileKey, onBusy, onNotFound, onApplied, onPageChanged, initialView, initialSettings } = props;
  // With the contact and settings at hand, the diff shows on the first render.
  const [view, setView] = useState<ContactView | null>(initialView ?? null);
  const [settings, setSettings] = useState<Settings | null>(initialSettings ?? null);
  const [loadError, setLoadError] = useState<ReplyError | null>(null);
  /** Retry: each one asks the background for the contact again. */
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [choices, setChoices] = useState<Choices>({});
  const [result, setResult] = useState<WriteResult | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  // What was last read and written for this contact (three-way diff); null: not loaded yet.
  const [provenance, setProvenance] = useState<ContactProvenance | null>(initialView?.provenance ?? null);
  const [creatingForJob, setCreatingForJob] = useState(false);
  /** The last undo was of a job-change creation: the contact the profile is linked to again. */
  const [relinkedTo, setRelinkedTo] = useState<string | null>(null);
  const [sequenceBusy, setSequenceBusy] = useState(false);
  /** History reads in flight: the popup is busy until the entries (and the Undo beside a result) are shown. */
  const [historyReads, setHistoryReads] = useState(0);
  /** Set when the user started a write or an undo: its outcome takes the focus, where the user looks. */
  const focusResult = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const loading = (!view || !provenance) && !loadError;
  const writing = result?.status === 'pending';
  // Before paint, so aria-busy never reads false while the diff is still loading.
  useLayoutEffect(() => onBusy(loading || writing || sequenceBusy || historyReads > 0), [loading, writing, sequenceBusy, historyReads]);

  /** Numbers the history reads: a reply older than the newest read started is dropped. */
  const historyRead = useRef(0);
  async function refreshHistory() {
    const read = ++historyRead.current;
    setHistoryReads((n) => n + 1);
    try {
      const reply = await ask({ type: 'get-history', contactId });
      if (reply.ok && read === historyRead.current) setHistory(reply.entries);
    } finally {
      setHistoryReads((n) => n - 1);
    }
  }

  /**
   * A write may still be running from before the popup was reopened: wait for
   * it. `waited`: it was running, so the history read at open predates its entry.
   */
  async function followWrite(): Promise<{ last: WriteResult | null; waited: boolean }> {
    for (let waited = false; ; waited = true) {
      const reply = await ask({ type: 'get-write', contactId });
      const current = reply.ok ? reply.result : null;
      if (current?.status !== 'pending') return { last: current, waited };
      setResult(current);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  useEffect(() => {
    let live = true;
    setLoadError(null);
    void (async () => {
      const [contactReply, loadedSettings, draft] = await Promise.all([
        initialView && loadAttempt === 0 ? { ok: true as const, ...initialView } : ask({ type: 'get-contact', contactId }),
        initialSettings ?? readSettings(),
        loadDraft(tabId, contactId, profileKey),
      ]);
      if (!live) return;
      setSettings(loadedSettings);
      if (!contactReply.ok) return setLoadError(contactReply.error);
      setChoices(draft ?? {});
      // The background sends it with the contact; read here only when the sender did not know it.
      setProvenance(contactReply.provenance ?? (await persistentStore().get(provenanceItem(contactId)).catch(() => emptyProvenance())));
      if (!live) return;
      setView({ contact: contactReply.contact, customFields: contactReply.customFields });
      void refreshHistory();
      const { last, waited } = await followWrite();
      if (!live || !last) return;
      setResult(last);
      // Read again in the same render, so the entry and the Undo beside the result show before the popup reads idle.
      if (waited) void refreshHistory();
      // The written contact, unless Skipcall has changed it since (a colleague's edit is shown, not hidden for the hour the result is kept).
      if (last.status === 'success' && last.contact && last.contact.updatedAt >= contactReply.contact.updatedAt) {
        setView({ contact: last.contact, customFields: contactReply.customFields });
      }
    })();
    return () => {
      live = false;
    };
  }, [contactId, loadAttempt]);

  useEffect(() => {
    if (view) props.onContact?.(view.contact);
  }, [view?.contact]);

  useEffect(() => {
    if (!result || result.status === 'pending' || !focusResult.current) return;
    focusResult.current = false;
    resultRef.current?.focus({ preventScroll: true });
    resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);

  const customFieldNames = useMemo(
    () => Object.fromEntries((view?.customFields ?? []).map((f) => [f.slug, f.name])),
    [view?.customFields],
  );
  const rows = useMemo(() => {
    const computed =
      view && settings
        ? withProvenance(
            computeDiff(view.contact, profile, {
              customFieldMap: settings.customFieldMap,
              customFields: view.customFields,
              preferLinkedIn: settings.preferLinkedIn,
              unsure,
            }),
            provenance ?? undefined,
            view.contact,
            view.customFields,
          )
        : [];
    return props.untickAll ? computed.map((row) => ({ ...row, defaultTicked: false })) : computed;
  }, [view, settings, profile, provenance, unsure, props.untickAll]);
  const jobChange = useMemo(
    () => (view && props.identityConfirmed ? detectJobChange(view.contact, profile, rows, provenance ?? undefined, props.since) : null),
    [view, rows, provenance, props.identityConfirmed, props.since],
  );
  // Exactly what the table shows as going out, with the Skipcall values it was shown against.
  const plan = useMemo(() => (view ? planWrite(rows, choices, view.contact, view.customFields) : null), [rows, choices, view]);

  function choose(key: string, choice: RowChoice) {
    const next = { ...choices, [key]: choice };
    setChoices(next);
    void saveDraft(tabId, contactId, profileKey, next);
  }

  /** `sequenceId`: "Apply and add", the contact goes into that sequence once the PATCH went through. */
  async function apply(event?: Event, sequenceId?: string) {
    event?.preventDefault();
    // Only this form's own submit: a submit from elsewhere never writes.
    if (event && event.target !== event.currentTarget) return;
    if (!view || !plan || disabledReason) return;
    await send(plan.plan, sequenceId);
  }

  /** Job change, "update this contact": role and company only, as shown in the diff (phones kept). */
  async function applyJobUpdate() {
    if (!view || writing) return;
    const only: Choices = Object.fromEntries(rows.map((r) => [r.key, { ticked: r.key === 'role' || r.key === 'company' }]));
    const job = planWrite(rows, only, view.contact, view.customFields);
    if (job.plan.length && !Object.keys(job.problems).length) await send(job.plan);
  }

  async function send(items: NonNullable<typeof plan>['plan'], sequenceId?: string) {
    if (!view) return;
    focusResult.current = true;
    setResult({ status: 'pending', kind: 'apply', contactId, at: Date.now(), keys: [] });
    const reply = await ask({ type: 'apply', tabId, readId, contactId, plan: items, ...(sequenceId ? { sequenceId } : {}) });
    const outcome: WriteResult = reply.ok
      ? reply.result
      : { status: 'error', kind: 'apply', contactId, at: Date.now(), keys: [], error: reply.error };
    setResult(outcome);
    if (outcome.status === 'success' && outcome.contact) {
      setView({ ...view, contact: outcome.contact });
      setChoices({});
      void saveDraft(tabId, contactId, profileKey, {});
      void refreshHistory();
      onApplied?.();
    } else if (outcome.status === 'error' && outcome.error?.kind === 'page-changed') {
      onPageChanged?.();
    } else if (outcome.status === 'conflict' && outcome.contact) {
      // Fresh values are shown; the rows that changed in Skipcall wait for a new decision.
      const next = { ...choices };
      for (const key of outcome.keys) next[key] = { ticked: false };
      setView({ ...view, contact: outcome.contact });
      setChoices(next);
      void saveDraft(tabId, contactId, profileKey, next);
    }
  }

  async function undo(entryId: string) {
    focusResult.current = true;
    setResult({ status: 'pending', kind: 'undo', contactId, at: Date.now(), keys: [] });
    const jobChange = history.find((e) => e.id === entryId)?.jobChange;
    setRelinkedTo(jobChange?.fromLabel ?? null);
    const reply = await ask({ type: 'undo', entryId });
    const outcome: WriteResult = reply.ok
      ? reply.result
      : { status: 'error', kind: 'undo', contactId, at: Date.now(), keys: [], error: reply.error };
    setResult(outcome);
    if (outcome.contact && view) setView({ ...view, contact: outcome.contact });
    void refreshHistory();
    if (jobChange && outcome.status === 'success') props.onRelinked?.(jobChange.fromContactId);
  }

  if (loadError) {
    // One next action: unlink a linked contact that no longer exists, else Retry or Open settings.
    const unlink = loadError.kind === 'not-found' && onNotFound ? { label: t('contactUnlink'), testid: 'unlink', onClick: onNotFound } : undefined;
    return <ErrorState error={loadError} instead={unlink} onRetry={() => setLoadAttempt((n) => n + 1)} />;
  }
  if (!view || !plan || !provenance) return <p class="hint">{t('contactLoading')}</p>;

  const problems = Object.entries(plan.problems);
  const offered = rows.some((r) => r.status === 'fill' || r.status === 'update');
  // A sequence add is a write too: Apply waits for it, so the two never race in the popup.
  const disabledReason = writing || sequenceBusy
    ? t('applyWriting')
    : props.confirmNeeded
      ? t('applyConfirmPerson')
      : problems.length
        ? t('applyFix', diffLabel(problems[0]![0], customFieldNames), t(...problems[0]![1]))
        : !offered
          ? t('applyNothingOffered')
          : plan.plan.length === 0
            ? t('applyNothingTicked')
            : null;
  // After a write the result says what happened; a reason under it would read like a refusal.
  const showReason = !!disabledReason && !(result && result.status !== 'pending' && !offered);
  // The Undo beside the result undoes that write only: shown once its history entry is loaded and while it is not undone.
  const shownEntry =
    result?.status === 'success' && result.kind === 'apply' && result.historyId
      ? history.find((entry) => entry.id === result.historyId && !entry.undoneAt)
      : undefined;
  // Said before the click: undo never clears a field the write filled.
  const undoNote = shownEntry ? undoLimit(shownEntry, customFieldNames) : null;
  const changedInSkipcall = result?.status === 'conflict' ? result.keys : undefined;

  // Enter in a checkbox or another field of the diff would submit the form: only Apply and a value being edited send.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.dataset.testid !== 'diff-value-input') event.preventDefault();
  }

  return (
    <div class="contact-panel">
      {jobChange && !creatingForJob && (
        <JobChangeBanner change={jobChange} disabled={writing} onUpdate={() => void applyJobUpdate()} onCreate={() => setCreatingForJob(true)} />
      )}
      {jobChange && creatingForJob && (
        <CreateContactForm
          profile={{ ...profile, phone: profile.phone ?? '' }}
          identity={props.identity ?? {}}
          jobChangeFrom={contactId}
          onBusy={onBusy}
          onCancel={() => setCreatingForJob(false)}
          onCreated={(contact, linkSaved) => props.onJobChangeCreated?.(contact, linkSaved)}
        />
      )}
      <form class="diff-form" onSubmit={(e) => void apply(e)} onKeyDown={onKeyDown}>
        <DiffTable
          rows={rows}
          choices={choices}
          contact={view.contact}
          customFieldNames={customFieldNames}
          onChoice={choose}
          disabled={writing}
          changedInSkipcall={changedInSkipcall}
        />
        <div class="apply-bar">
          {result && (
            <div class="result-line" ref={resultRef} tabIndex={-1}>
              <WriteResultView result={result} customFieldNames={customFieldNames} relinkedTo={result.kind === 'undo' ? relinkedTo : null} />
              {shownEntry && (
                <button
                  type="button"
                  class="link"
                  data-testid="result-undo"
                  disabled={writing}
                  aria-describedby={undoNote ? 'result-undo-note' : undefined}
                  onClick={() => void undo(shownEntry.id)}
                >
                  {t('historyUndo')}
                </button>
              )}
            </div>
          )}
          {undoNote && (
            <p id="result-undo-note" class="hint undo-note">
              {undoNote}
            </p>
          )}
          <div class="apply-row">
            <button
              type="submit"
              class="primary"
              data-testid="apply"
              disabled={!!disabledReason}
              aria-describedby={disabledReason ? 'apply-reason' : undefined}
            >
              {plan.plan.length ? t(plan.plan.length > 1 ? 'applyFields' : 'applyOneField', plan.plan.length) : t('applyNoField')}
            </button>
            {disabledReason && (
              <span id="apply-reason" data-testid="apply-reason" class={showReason ? 'hint' : 'visually-hidden'}>
                {disabledReason}
              </span>
            )}
          </div>
        </div>
      </form>
      <SequenceActions
        contactId={contactId}
        applyBlocked={!!disabledReason}
        writing={writing}
        confirmNeeded={!!props.confirmNeeded}
        result={result}
        onApplyAndAdd={(sequenceId) => void apply(undefined, sequenceId)}
        onAdded={() => void refreshHistory()}
        onBusy={setSequenceBusy}
      />
      <HistoryList entries={history} customFieldNames={customFieldNames} onUndo={undo} disabled={writing} />
    </div>
  );
}
