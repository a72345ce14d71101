import { useEffect, useState } from 'preact/hooks';
import type { WorkspaceMembers } from '@/utils/messages';
import { parseSequenceRef, SEQUENCES_MAX, type Assignee, type SequenceSettings } from '@/utils/sequences';
import { persistentStore } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { t } from './i18n';
import { describeOptionsError } from './options-words';
import { ask } from './runtime';
import { describeSequenceError } from './sequence-words';

type Message = { text: string; error: boolean };

/** Encodes an assignee choice as a <select> value. */
const assigneeValue = (a: Assignee) => (a.mode === 'member' ? `member:${a.memberId}` : a.mode);

/**
 * The Skipcall sequences the popup can add a contact to. The API lists none, so
 * the user pastes a sequence link or id and names it; it is verified with
 * GET /v1/sequences/{id}/contacts?page=0&size=1 before it is saved.
 */
export function SequencesSection({ connected }: { connected: boolean }) {
  const [saved, setSaved] = useState<SequenceSettings | null>(null);
  const [members, setMembers] = useState<WorkspaceMembers[] | null>(null);
  const [membersError, setMembersError] = useState<string | null>(null);
  const [ref, setRef] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  // Members only once the key is known to work (a failed check would only fail again).
  useEffect(() => {
    void persistentStore().get(sequencesItem).then(setSaved);
    if (!connected) return;
    void ask({ type: 'list-members' }).then((reply) => {
      if (reply.ok) setMembers(reply.workspaces);
      else setMembersError(describeOptionsError(reply.error));
    });
  }, []);

  async function change(update: (current: SequenceSettings) => SequenceSettings) {
    setSaved(await persistentStore().update(sequencesItem, update));
  }

  async function add(event: Event) {
    event.preventDefault();
    const parsed = parseSequenceRef(ref);
    if (!parsed.ok) return setMessage({ text: t(parsed.problem === 'empty' ? 'sequenceRefEmpty' : 'sequenceRefFormat'), error: true });
    const label = name.trim();
    if (!label) return setMessage({ text: t('sequenceNameEmpty'), error: true });
    if ((saved?.sequences.length ?? 0) >= SEQUENCES_MAX) return setMessage({ text: t('sequenceTooMany', SEQUENCES_MAX), error: true });
    setBusy(true);
    setMessage(null);
    try {
      const reply = await ask({ type: 'verify-sequence', sequenceId: parsed.sequenceId });
      if (!reply.ok) return setMessage({ text: describeOptionsError(reply.error, describeSequenceError), error: true });
      await change((current) => {
        const others = current.sequences.filter((s) => s.id !== parsed.sequenceId);
        const kept = current.sequences.find((s) => s.id === parsed.sequenceId);
        const sequences = [...others, { id: parsed.sequenceId, name: label.slice(0, 200), assignee: kept?.assignee ?? { mode: 'round-robin' as const } }];
        // The first sequence becomes the default.
        return { ...current, sequences, defaultId: current.defaultId ?? parsed.sequenceId };
      });
      setRef('');
      setName('');
      setMessage({ text: t('sequenceAdded', label), error: false });
    } finally {
      setBusy(false);
    }
  }

  function setAssignee(sequenceId: string, value: string) {
    let assignee: Assignee = { mode: 'round-robin' };
    if (value === 'me') assignee = { mode: 'me' };
    else if (value.startsWith('member:')) {
      const id = value.slice('member:'.length);
      const member = members?.flatMap((w) => w.members).find((m) => m.id === id);
      assignee = { mode: 'member', memberId: id, memberName: member?.name ?? id };
    }
    void change((current) => ({ ...current, sequences: current.sequences.map((s) => (s.id === sequenceId ? { ...s, assignee } : s)) }));
  }

  function setMe(value: string) {
    const member = members?.flatMap((w) => w.members).find((m) => m.id === value);
    void change(({ me: _old, ...current }) => (member ? { ...current, me: { id: member.id, name: member.name } } : current));
  }

  function remove(sequenceId: string) {
    void change((current) => {
      const sequences = current.sequences.filter((s) => s.id !== sequenceId);
      const { defaultId, ...rest } = current;
      return { ...rest, sequences, ...(defaultId && defaultId !== sequenceId ? { defaultId } : sequences[0] ? { defaultId: sequences[0].id } : {}) };
    });
  }

  const isListed = (memberId: string) => !!members?.some((w) => w.members.some((m) => m.id === memberId));

  const memberOptions = (members ?? []).map((w) => (
    <optgroup key={w.workspace.id} label={w.workspace.name ?? w.workspace.id}>
      {w.members.map((m) => (
        <option key={m.id} value={`member:${m.id}`}>
          {m.name}
        </option>
      ))}
    </optgroup>
  ));

  return (
    <section aria-labelledby="sequences-title" data-testid="sequences-section" aria-busy={busy ? 'true' : 'false'}>
      <h2 id="sequences-title">{t('sequencesTitle')}</h2>
      <p class="hint">{t('sequencesHint')}</p>
      <label for="sequence-me">{t('sequenceMeLabel')}</label>
      <select id="sequence-me" data-testid="sequence-me" value={saved?.me ? `member:${saved.me.id}` : ''} onChange={(e) => setMe(e.currentTarget.value.replace(/^member:/, ''))}>
        <option value="">{t('sequenceMeNone')}</option>
        {memberOptions}
      </select>
      {membersError && <p class="error">{t('sequenceMembersFailed', membersError)}</p>}
      {saved && saved.sequences.length > 0 && (
        <>
          <p class="hint">{t('sequenceDefaultHint')}</p>
          <ul class="links sequences" data-testid="sequences">
            {saved.sequences.map((s) => (
              <li key={s.id} data-testid="sequence-entry" data-sequence-id={s.id}>
                <label class="check">
                  <input
                    type="radio"
                    name="sequence-default"
                    data-testid="sequence-default"
                    checked={saved.defaultId === s.id}
                    onChange={() => void change((current) => ({ ...current, defaultId: s.id }))}
                  />{' '}
                  <strong>{s.name}</strong>
                </label>
                <span class="hint"> {s.id}</span>
                <label class="check">
                  {t('sequenceAssigneeLabel')}{' '}
                  <select data-testid="sequence-assignee" value={assigneeValue(s.assignee)} onChange={(e) => setAssignee(s.id, e.currentTarget.value)}>
                    <option value="me">{saved.me ? t('sequenceAssigneeMeNamed', saved.me.name) : t('sequenceAssigneeMe')}</option>
                    <option value="round-robin">{t('sequenceAssigneeRoundRobin')}</option>
                    {s.assignee.mode === 'member' && !isListed(s.assignee.memberId) && (
                      <option value={assigneeValue(s.assignee)}>{s.assignee.memberName}</option>
                    )}
                    {memberOptions}
                  </select>
                </label>
                <button type="button" class="link" data-testid="sequence-remove" aria-label={t('sequenceRemoveLabel', s.name)} onClick={() => remove(s.id)}>
                  {t('registryRemove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={add} noValidate>
        <label for="sequence-ref">{t('sequenceRefLabel')}</label>
        <input id="sequence-ref" data-testid="sequence-ref" spellcheck={false} value={ref} onInput={(e) => setRef(e.currentTarget.value)} />
        <label for="sequence-name">{t('sequenceNameLabel')}</label>
        <input id="sequence-name" data-testid="sequence-name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" data-testid="sequence-save" disabled={busy}>
          {t('sequenceSave')}
        </button>
      </form>
      {message && (
        <p data-testid="sequence-message" role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
      <p class="hint">{t('sequenceUndoNote')}</p>
    </section>
  );
}
