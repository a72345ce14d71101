import { describe, expect, it } from 'vitest';
import { assigneeId, defaultSequence, parseSequenceRef, readStoredSequences } from '@/utils/sequences';
import { SequenceContactSchema, WorkspaceMemberSchema, memberOf, sequenceContactOf } from '@/utils/skipcall/schemas';

const contactIdOf = (item: unknown) => sequenceContactOf(SequenceContactSchema.parse(item)).contactId;
const memberFrom = (item: unknown) => memberOf(WorkspaceMemberSchema.parse(item));

const ID = '5e000000-0000-4000-8000-000000000001';

describe('parseSequenceRef', () => {
  it('takes a bare id or a Skipcall link to a sequence', () => {
    expect(parseSequenceRef(` ${ID} `)).toEqual({ ok: true, sequenceId: ID });
    expect(parseSequenceRef(`https://app.skipcall.app/sequences/${ID}/contacts?tab=2`)).toEqual({ ok: true, sequenceId: ID });
    expect(parseSequenceRef(`app.skipcall.app/#/sequence/${ID}`)).toEqual({ ok: true, sequenceId: ID });
    expect(parseSequenceRef(`https://app.skipcall.app/campaigns?sequenceId=${ID}`)).toEqual({ ok: true, sequenceId: ID });
  });

  it('refuses empty input, other sites and links without a sequence', () => {
    expect(parseSequenceRef('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseSequenceRef(`https://skipcalls.com/sequences/${ID}`)).toEqual({ ok: false, problem: 'format' });
    expect(parseSequenceRef(`https://app.skipcall.app/contacts/${ID}/x y`)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('stored sequences', () => {
  it('keeps the good sequences, drops a damaged one, and forgets a default that is not saved', () => {
    const read = readStoredSequences({
      sequences: [{ id: ID, name: 'Relance', assignee: { mode: 'round-robin' } }, { id: 'x', assignee: { mode: 'boss' } }],
      defaultId: 'gone',
      me: { id: 'm1', name: 'Claire' },
    });
    expect(read.dropped).toBe(1);
    expect(read.value).toEqual({ sequences: [{ id: ID, name: 'Relance', assignee: { mode: 'round-robin' } }], me: { id: 'm1', name: 'Claire' } });
    // With one sequence, it is the default.
    expect(defaultSequence(read.value)?.id).toBe(ID);
    expect(readStoredSequences(undefined)).toEqual({ value: { sequences: [] }, dropped: 0 });
  });

  it('resolves the assignee: round-robin sends none, "me" needs a chosen member', () => {
    expect(assigneeId({ mode: 'round-robin' }, undefined)).toEqual({ ok: true });
    expect(assigneeId({ mode: 'me' }, undefined)).toEqual({ ok: false });
    expect(assigneeId({ mode: 'me' }, { id: 'm1', name: 'C' })).toEqual({ ok: true, id: 'm1' });
    expect(assigneeId({ mode: 'member', memberId: 'm2', memberName: 'K' }, { id: 'm1', name: 'C' })).toEqual({ ok: true, id: 'm2' });
  });
});

describe('undocumented list items, read tolerantly', () => {
  it('finds the contact id of a sequence item in contactId, contact.id or id', () => {
    expect(contactIdOf({ contactId: 'a', id: 'row' })).toBe('a');
    expect(contactIdOf({ contact: { id: 'b' }, tags: [] })).toBe('b');
    expect(contactIdOf({ id: 'c', firstName: 'X' })).toBe('c');
  });

  it('names a member from whatever name fields it has', () => {
    expect(memberFrom({ id: 'm', firstName: 'Claire', lastName: 'Dumas', status: 'ACTIVE' })).toEqual({ id: 'm', name: 'Claire Dumas', status: 'ACTIVE' });
    expect(memberFrom({ id: 'm', user: { email: 'c@x.fr' } }).name).toBe('c@x.fr');
    expect(memberFrom({ id: 'm' }).name).toBe('m');
  });
});
