// The popup on a list page: every row with its match state, a per-row diff on
// expand, and the bulk actions (link the sure candidates, fill the empty fields
// of the selected linked contacts, create the missing contacts that have a
// phone number, add the selected contacts to a saved sequence), with progress,
// cancel, per-row results, batch undo and CSV export.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listCsv, rowStateName, type RowStateName } from '@/utils/match/list-csv';
import type { RowMatch } from '@/utils/match/list';
import { REASON_LABELS } from '@/utils/match/rank';
import type { BulkJob, Request } from '@/utils/messages';
import type { ListRead, ListRow } from '@/utils/profile';
import { session } from '@/utils/storage/extension';
import { bulkJobItem, listItem } from '@/utils/storage/session';
import { describeReplyError } from './describe';
import { t } from './i18n';
import { ask, openOptions } from './runtime';
import { SequencePicker, useSavedSequences } from './SequencePicker';
import type { MessageKey } from '@/utils/i18n';

type Stored = NonNullable<Awaited<ReturnType<typeof session.get<{ readId: string; listKey: string; rows: ListRow[]; matches: RowMatch[]; at: number }, number>>>>;

const STATE_TEXT: Readonly<Record<RowStateName, MessageKey>> = {
  'linked-changes': 'listStateLinkedChanges',
  'linked-same': 'listStateLinkedSame',
  likely: 'listStateLikely',
  several: 'listStateSeveral',
  none: 'listStateNone',
};
const RESULT_TEXT: Readonly<Record<string, MessageKey>> = {
  queued: 'bulkRowQueued',
  sending: 'bulkRowQueued',
  written: 'bulkRowWritten',
  conflict: 'bulkRowConflict',
  error: 'bulkRowError',
  skipped: 'bulkRowSkipped',
};
const REQUESTS_PER_ROW: Readonly<Record<BulkJob['kind'], number>> = { link: 0, apply: 2, create: 1, sequence: 1 };

/** The words of a row's result: a sequence add tells added / already in / ignored. */
function resultText(kind: BulkJob['kind'], state: string, reason: string | undefined): { key: MessageKey; reason?: string } {
  if (kind === 'sequence') {
    if (state === 'written') return { key: 'bulkRowAdded', ...(reason && { reason }) };
    if (state === 'skipped' && reason === 'already-in') return { key: 'bulkRowAlreadyIn' };
    if (state === 'error' && reason === 'ignored') return { key: 'bulkRowIgnored' };
  }
  return { key: RESULT_TEXT[state] ?? 'bulkRowError', ...(reason && { reason }) };
}

function useStored(tabId: number): [Stored | undefined, BulkJob | undefined] {
  const [list, setList] = useState<Stored | undefined>();
  const [job, setJob] = useState<BulkJob | undefined>();
  useEffect(() => {
    let live = true;
    void session.get(listItem, tabId).then((v) => live && setList(v));
    void session.get(bulkJobItem, undefined).then((v) => live && setJob(v));
    // Rows matched again against the directory as it is now; a bulk operation the worker left resumes.
    void ask({ type: 'list-open', tabId });
    const stopList = session.watch(listItem, tabId, (v) => live && setList(v));
    const stopJob = session.watch(bulkJobItem, undefined, (v) => live && setJob(v));
    return () => {
      live = false;
      stopList();
      stopJob();
    };
  }, [tabId]);
  return [list, job];
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function RowDetail({ match, phone, onPhone }: { match: RowMatch | undefined; phone: string; onPhone: (v: string) => void }) {
  if (!match) return null;
  if (match.state === 'linked') {
    if (!match.changes?.length) return <p class="hint">{t('listUpToDate')}</p>;
    return (
      <table class="diff compact">
        <tbody>
          {match.changes.map((c) => (
            <tr key={c.key} data-testid="list-row-change" data-field={c.key} data-status={c.status}>
              <th scope="row">{c.key}</th>
              <td>{c.current || '—'}</td>
              <td>{c.proposed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (match.state === 'likely') {
    return (
      <p class="hint">
        {match.label} · {t('matchMatchedBy', t(REASON_LABELS[match.reason!]))}
        {!match.highConfidence && ` · ${t('listNeedsReview')}`}
      </p>
    );
  }
  if (match.state === 'several') {
    return (
      <ul class="hint">
        {match.candidates?.map((c) => (
          <li key={c.contactId}>
            {c.label} · {t('matchMatchedBy', t(REASON_LABELS[c.reason]))}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <label class="stacked">
      {t('listPhoneForCreate')}
      <input data-testid="list-row-phone" type="tel" value={phone} onInput={(e) => onPhone((e.target as HTMLInputElement).value)} />
    </label>
  );
}

export function ListView({ tabId, read, onBusy }: { tabId: number; read: ListRead; onBusy?: (busy: boolean) => void }) {
  const [list, job] = useStored(tabId);
  const [unselected, setUnselected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sequences, chosenId, setChosenId] = useSavedSequences();
  const sequence = sequences?.sequences.find((s) => s.id === chosenId);

  const ready = list?.listKey === read.listKey ? list : undefined;
  const rows = ready?.rows ?? [];
  const matches = useMemo(() => new Map((ready?.matches ?? []).map((m) => [m.key, m])), [ready]);
  const myJob = job?.listKey === read.listKey && job.tabId === tabId ? job : undefined;
  const running = myJob?.status === 'running';
  const results = useMemo(() => new Map((myJob?.items ?? []).map((i) => [i.key, i])), [myJob]);
  useEffect(() => onBusy?.(!ready || sending || running), [ready, sending, running]);

  const selected = rows.filter((r) => !unselected.has(r.key));
  const stateOf = (r: ListRow) => rowStateName(matches.get(r.key));
  const counts = rows.reduce<Record<RowStateName, number>>(
    (acc, r) => ({ ...acc, [stateOf(r)]: acc[stateOf(r)] + 1 }),
    { 'linked-changes': 0, 'linked-same': 0, likely: 0, several: 0, none: 0 },
  );
  const toLink = selected.filter((r) => matches.get(r.key)?.state === 'likely' && matches.get(r.key)?.highConfidence);
  const fillPlan = (r: ListRow) =>
    (matches.get(r.key)?.changes ?? []).filter((c) => c.status === 'fill').map((c) => ({ key: c.key, value: c.proposed, seen: '' }));
  const toApply = selected.filter((r) => stateOf(r) === 'linked-changes' && fillPlan(r).length > 0);
  const toCreate = selected.filter((r) => stateOf(r) === 'none');
  /** A phone typed for the row (checked and put in international form at create time; the parser loads only then). */
  const phoneOf = (r: ListRow) => ((phones[r.key] ?? '').replace(/\D/g, '').length >= 6 ? phones[r.key] : undefined);
  const withPhone = toCreate.filter((r) => phoneOf(r));
  /** Rows with a sure contact: linked, or the one high-confidence candidate shown (as for a link). */
  const toSequence = selected.filter((r) => {
    const m = matches.get(r.key);
    return !!m?.contactId && (m.state === 'linked' || (m.state === 'likely' && m.highConfidence));
  });

  async function start(kind: BulkJob['kind'], items: Extract<Request, { type: 'bulk-start' }>['items'], sequenceId?: string) {
    setSending(true);
    setError(null);
    const reply = await ask({ type: 'bulk-start', tabId, listKey: read.listKey, kind, items, ...(sequenceId && { sequenceId }) });
    setSending(false);
    if (!reply.ok) setError(describeReplyError(reply.error));
  }
  const link = () => start('link', toLink.map((r) => ({ key: r.key, contactId: matches.get(r.key)!.contactId! })));
  const apply = () => start('apply', toApply.map((r) => ({ key: r.key, contactId: matches.get(r.key)!.contactId!, plan: fillPlan(r) })));
  const addToSequence = () =>
    sequence && start('sequence', toSequence.map((r) => ({ key: r.key, contactId: matches.get(r.key)!.contactId! })), sequence.id);
  const create = async () => {
    const { toE164 } = await import('@/utils/phone');
    const e164 = (r: ListRow) => {
      const check = toE164(phoneOf(r) ?? '');
      return check.ok ? check.e164 : undefined;
    };
    await start(
      'create',
      toCreate.map((r) => {
        const phone = e164(r);
        if (!phone || !r.firstName || !r.lastName) return { key: r.key };
        const contact = {
          firstName: r.firstName,
          lastName: r.lastName,
          phoneNumbers: [phone],
          ...(r.title && { role: r.title.slice(0, 200) }),
          ...(r.company && { company: r.company.slice(0, 200) }),
          ...(r.city && { city: r.city.slice(0, 200) }),
          ...(r.country && { country: r.country.slice(0, 200) }),
          ...(r.linkedinUrl && { linkedinUrl: r.linkedinUrl }),
          ...(r.linkedinSalesUrl && { linkedinSalesUrl: r.linkedinSalesUrl }),
        };
        return { key: r.key, contact };
      }),
    );
  };
  const exportCsv = () => download(`skipcall-list-page-${read.page}.csv`, listCsv(rows, ready?.matches ?? [], results));
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (!next.delete(key)) next.add(key);
    return next;
  };

  const done = myJob ? myJob.items.filter((i) => i.state !== 'queued' && i.state !== 'sending') : [];
  const left = myJob ? myJob.items.length - done.length : 0;
  const etaSeconds = myJob ? Math.ceil((left * REQUESTS_PER_ROW[myJob.kind] * myJob.msPerRequest) / 1000) : 0;
  const count = (state: string) => myJob?.items.filter((i) => i.state === state).length ?? 0;

  return (
    <section data-testid="list-view" data-kind={read.kind} data-page={read.page} class="list-view" aria-label={t('pageStateList')}>
      {!ready && <p class="hint">{t('matchLooking')}</p>}
      {ready && (
        <p data-testid="list-summary" class="hint">
          {t('listSummary', rows.length, counts['linked-changes'] + counts['linked-same'], counts['linked-changes'], counts.likely, counts.several, counts.none)}
        </p>
      )}
      {read.pending > 0 && <p class="hint">{t('listPending', read.pending)}</p>}
      <div class="row actions">
        <button type="button" class="primary" data-testid="bulk-link" disabled={!toLink.length || running || sending} onClick={link}>
          {t('listLinkSure', toLink.length)}
        </button>
        <button type="button" data-testid="bulk-apply" disabled={!toApply.length || running || sending} onClick={apply}>
          {t('listApplyFill', toApply.length)}
        </button>
        <button type="button" data-testid="bulk-create" disabled={!toCreate.length || running || sending} onClick={() => void create()}>
          {t('listCreate', withPhone.length, toCreate.length - withPhone.length)}
        </button>
        <button type="button" class="link" data-testid="list-export" disabled={!rows.length} onClick={exportCsv}>
          {t('listExport')}
        </button>
      </div>
      {sequences && sequence && (
        <div class="row actions" data-testid="bulk-sequence-actions">
          <SequencePicker
            testId="bulk-sequence-choice"
            sequences={sequences.sequences}
            value={sequence.id}
            disabled={running || sending}
            onChange={setChosenId}
          />
          <button
            type="button"
            data-testid="bulk-sequence"
            data-sequence-id={sequence.id}
            disabled={!toSequence.length || running || sending}
            onClick={() => void addToSequence()}
          >
            {t('listSequenceAdd', toSequence.length, sequence.name)}
          </button>
        </div>
      )}
      {sequences && !sequence && (
        <p class="hint" data-testid="bulk-sequence-none">
          {t('listSequenceNone')}{' '}
          <button type="button" class="link" data-testid="bulk-sequence-options" onClick={openOptions}>
            {t('listSequenceOptions')}
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {myJob && (
        <div data-testid="bulk-progress" data-status={myJob.status} data-kind={myJob.kind} role="status" class="notice">
          <p>
            {myJob.kind === 'sequence'
              ? t('bulkProgressSequence', done.length, myJob.items.length, count('written'), count('skipped'), count('error'))
              : t('bulkProgress', done.length, myJob.items.length, count('written'), count('conflict'), count('error'), count('skipped'))}
            {running && etaSeconds > 0 && ` · ${t('bulkEta', etaSeconds)}`}
          </p>
          {running && (
            <button type="button" data-testid="bulk-cancel" onClick={() => void ask({ type: 'bulk-cancel' })}>
              {t('bulkCancel')}
            </button>
          )}
          {!running && (myJob.kind === 'apply' || myJob.kind === 'sequence') && myJob.items.some((i) => i.historyId && !i.undone) && (
            <button type="button" data-testid="bulk-undo" onClick={() => void ask({ type: 'bulk-undo', jobId: myJob.id })}>
              {t('bulkUndo')}
            </button>
          )}
        </div>
      )}
      <ul class="list-rows">
        {rows.map((r) => {
          const state = stateOf(r);
          const result = results.get(r.key);
          const words = result && myJob ? resultText(myJob.kind, result.state, result.reason) : undefined;
          const open = expanded.has(r.key);
          return (
            <li key={r.key} data-testid="list-row" data-key={r.key} data-match-state={state} data-changes={matches.get(r.key)?.changes?.length ?? 0}>
              <label class="row">
                <input
                  type="checkbox"
                  data-testid="list-row-select"
                  checked={!unselected.has(r.key)}
                  onChange={() => setUnselected((s) => toggle(s, r.key))}
                />
                <span>
                  <bdi>{r.name}</bdi>
                  {(r.title || r.company) && <span class="hint"> · {[r.title, r.company].filter(Boolean).join(' · ')}</span>}
                </span>
              </label>
              <span class="reason">
                {t(STATE_TEXT[state], matches.get(r.key)?.changes?.length ?? 0)}
                {state === 'none' && !phoneOf(r) && ` · ${t('listNoPhone')}`}
              </span>
              {result && (
                <span data-testid="list-row-result" data-status={result.state} class={result.state === 'written' ? 'ok' : result.state === 'queued' ? 'hint' : 'error'}>
                  {' '}
                  {t(words!.key)}
                  {words!.reason && ` (${words!.reason})`}
                </span>
              )}
              <button
                type="button"
                class="link"
                data-testid="list-row-expand"
                aria-expanded={open ? 'true' : 'false'}
                onClick={() => setExpanded((s) => toggle(s, r.key))}
              >
                {t(open ? 'listHide' : 'listShow')}
              </button>
              {open && <RowDetail match={matches.get(r.key)} phone={phones[r.key] ?? ''} onPhone={(v) => setPhones((p) => ({ ...p, [r.key]: v }))} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
