// @vitest-environment happy-dom
// The popup's sequence buttons beside Apply, against the real background and the sandbox.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContactPanel } from '@/components/ContactPanel';
import { persistentStore } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { DEMO_SEQUENCE_ID, MEMBER_PARIS_KARIM } from '../../sandbox/seed';
import { beforeMessages, readOnTab, saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const profile = { firstName: 'Élodie', lastName: 'Marchand', role: 'Directrice commerciale', city: 'Lyon', linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo' };
const ALREADY_IN = 'c0ffee00-0000-4000-8000-000000000002';
const q = (root: HTMLElement, testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function mount(contactId = DEMO_CONTACT_ID, extra: { confirmNeeded?: boolean } = {}): Promise<HTMLElement> {
  const readId = await readOnTab(7, profile);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<ContactPanel tabId={7} readId={readId} contactId={contactId} profile={profile} profileKey="k" onBusy={() => undefined} {...extra} />, root));
  await until(() => !!q(root, 'sequence-add') && q(root, 'sequence-add')!.dataset.state !== 'checking', 'the sequence buttons');
  return root;
}

async function click(element: HTMLElement | null) {
  await act(async () => element!.click());
}

const writes = () => sandbox.log.filter((e) => e.method !== 'GET').map((e) => e.method);

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  await persistentStore().set(sequencesItem, {
    sequences: [{ id: DEMO_SEQUENCE_ID, name: 'Relance salons', assignee: { mode: 'me' } }],
    defaultId: DEMO_SEQUENCE_ID,
    me: { id: MEMBER_PARIS_KARIM, name: 'Karim' },
  });
});

describe('sequence actions', () => {
  it('offers "Add to" the default sequence; once added it shows as done and the history can undo it', async () => {
    const root = await mount();
    const add = q(root, 'sequence-add') as HTMLButtonElement;
    expect(add.textContent).toBe('Add to Relance salons');
    expect(add.dataset.state).toBe('todo');
    expect(q(root, 'sequence-assignee-hint')!.textContent).toBe('Assigned to: Me (Karim)');
    await click(add);
    await until(() => q(root, 'sequence-result')?.dataset.status === 'added', 'the add');
    expect(q(root, 'sequence-add')!.dataset.state).toBe('done');
    expect((q(root, 'sequence-add') as HTMLButtonElement).disabled).toBe(true);
    await until(() => !!q(root, 'history-sequence'), 'the history entry');
    await click(q(root, 'undo'));
    await until(() => q(root, 'result')?.dataset.status === 'success', 'the undo');
    expect(q(root, 'result')!.textContent).toBe('Removed from Relance salons.');
    await until(() => q(root, 'sequence-add')?.dataset.state === 'todo', 'the add offered again');
    expect(writes()).toEqual(['POST', 'DELETE']);
  });

  it('the Undo beside an Apply undoes that write, even after an add to a sequence', async () => {
    const root = await mount();
    // City was Paris: its undo restores it.
    await click(root.querySelector<HTMLElement>('[data-testid="diff-row"][data-field="city"] input[type="checkbox"]'));
    await click(q(root, 'apply'));
    await until(() => !!q(root, 'result-undo'), 'the write and its Undo');
    await click(q(root, 'sequence-add'));
    await until(() => q(root, 'sequence-result')?.dataset.status === 'added' && !!q(root, 'history-sequence'), 'the add and its history entry');
    await click(q(root, 'result-undo'));
    await until(() => q(root, 'result')?.textContent?.startsWith('Restored') === true, 'the undo');
    // The PATCH is undone by another PATCH; the contact stays in the sequence.
    expect(writes()).toEqual(['PATCH', 'POST', 'PATCH']);
    expect(q(root, 'result-undo')).toBeNull();
  });

  it('keeps Apply disabled while an add to the sequence is running', async () => {
    const root = await mount();
    let release = () => {};
    const restore = beforeMessages((message) => (message.type === 'sequence-add' ? new Promise<void>((resolve) => (release = resolve)) : undefined));
    try {
      expect((q(root, 'apply') as HTMLButtonElement).disabled).toBe(false);
      await click(q(root, 'sequence-add'));
      expect((q(root, 'apply') as HTMLButtonElement).disabled).toBe(true);
      expect(q(root, 'apply-reason')?.textContent).toBe('A write is in progress.');
      await act(async () => release());
      await until(() => q(root, 'sequence-result')?.dataset.status === 'added', 'the add');
      await until(() => !(q(root, 'apply') as HTMLButtonElement).disabled, 'Apply offered again');
    } finally {
      restore();
    }
  });

  it('adds nothing while the contact’s name is not confirmed as the person’s', async () => {
    const root = await mount(DEMO_CONTACT_ID, { confirmNeeded: true });
    expect((q(root, 'sequence-add') as HTMLButtonElement).disabled).toBe(true);
    expect((q(root, 'sequence-apply-add') as HTMLButtonElement).disabled).toBe(true);
    expect((q(root, 'apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the add as done, with nothing to click, when the contact is in the sequence already', async () => {
    const root = await mount(ALREADY_IN);
    expect(q(root, 'sequence-add')!.dataset.state).toBe('done');
    expect(q(root, 'sequence-add')!.textContent).toBe('In Relance salons ✓');
    expect(q(root, 'sequence-apply-add')).toBeNull();
  });

  it('"Apply and add" writes the ticked fields, then adds the contact', async () => {
    const root = await mount();
    await click(q(root, 'sequence-apply-add'));
    await until(() => q(root, 'sequence-result')?.dataset.status === 'added', 'the add');
    expect(q(root, 'result')!.dataset.status).toBe('success');
    expect(writes()).toEqual(['PATCH', 'POST']);
  });

  it('shows nothing when no sequence is saved', async () => {
    await persistentStore().set(sequencesItem, { sequences: [] });
    const readId = await readOnTab(7, profile);
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<ContactPanel tabId={7} readId={readId} contactId={DEMO_CONTACT_ID} profile={profile} profileKey="k" onBusy={() => undefined} />, root));
    await until(() => !!q(root, 'apply'), 'the diff');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(q(root, 'sequence-actions')).toBeNull();
  });
});
