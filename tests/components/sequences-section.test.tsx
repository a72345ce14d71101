// @vitest-environment happy-dom
// The options page's sequences: added by link or id after a check against the API.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SequencesSection } from '@/components/SequencesSection';
import { persistentStore } from '@/utils/storage/extension';
import { sequencesItem } from '@/utils/storage/items';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { DEMO_SEQUENCE_ID, MEMBER_PARIS_KARIM, SEQUENCE_LYON_ID, SEQUENCE_OUT_OF_SCOPE_ID } from '../../sandbox/seed';
import { saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

const q = <T extends HTMLElement = HTMLElement>(root: HTMLElement, selector: string) => root.querySelector<T>(selector);

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function type(input: HTMLInputElement | null, value: string) {
  await act(async () => {
    input!.value = value;
    input!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function pick(select: HTMLSelectElement | null, value: string) {
  await act(async () => {
    select!.value = value;
    select!.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function addSequence(root: HTMLElement, ref: string, name: string) {
  await type(q(root, '[data-testid="sequence-ref"]'), ref);
  await type(q(root, '[data-testid="sequence-name"]'), name);
  const before = q(root, '[data-testid="sequence-message"]')?.textContent;
  await act(async () => q(root, '[data-testid="sequence-save"]')!.click());
  await until(() => !!q(root, '[data-testid="sequence-message"]') && q(root, '[data-testid="sequence-message"]')!.textContent !== before, 'the check');
  return q(root, '[data-testid="sequence-message"]')!;
}

let root: HTMLElement;
beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<SequencesSection connected />, root));
  await until(() => !!q(root, `[data-testid="sequence-me"] option[value="member:${MEMBER_PARIS_KARIM}"]`), 'the members');
});

describe('sequences in the options', () => {
  it('refuses a sequence the key cannot see, and saves nothing', async () => {
    const message = await addSequence(root, `https://app.skipcall.app/sequences/${SEQUENCE_OUT_OF_SCOPE_ID}`, 'Marseille');
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toMatch(/does not know this sequence/);
    expect((await persistentStore().get(sequencesItem)).sequences).toEqual([]);
  });

  it('refuses text that is not a sequence reference without asking the API', async () => {
    const from = sandbox.log.length;
    const message = await addSequence(root, 'https://example.com/x', 'X');
    expect(message.textContent).toMatch(/neither a sequence id nor a Skipcall link/);
    expect(sandbox.log.length).toBe(from);
  });

  it('saves verified sequences, the first as default, with the chosen "me" and assignee', async () => {
    await pick(q(root, '[data-testid="sequence-me"]'), `member:${MEMBER_PARIS_KARIM}`);
    expect((await addSequence(root, DEMO_SEQUENCE_ID, 'Relance')).getAttribute('role')).toBe('status');
    expect(sandbox.log.at(-1)).toMatchObject({ method: 'GET', path: `/v1/sequences/${DEMO_SEQUENCE_ID}/contacts`, query: { page: '0', size: '1' } });
    await addSequence(root, `app.skipcall.app/sequences/${SEQUENCE_LYON_ID}`, 'Lyon');
    await until(() => root.querySelectorAll('[data-testid="sequence-entry"]').length === 2, 'two entries');
    await pick(q(root, `[data-sequence-id="${DEMO_SEQUENCE_ID}"] [data-testid="sequence-assignee"]`), 'me');
    await act(async () => q(root, `[data-sequence-id="${SEQUENCE_LYON_ID}"] [data-testid="sequence-default"]`)!.click());
    await until(() => q<HTMLInputElement>(root, `[data-sequence-id="${SEQUENCE_LYON_ID}"] [data-testid="sequence-default"]`)!.checked, 'the new default');
    const saved = await persistentStore().get(sequencesItem);
    expect(saved).toEqual({
      sequences: [
        { id: DEMO_SEQUENCE_ID, name: 'Relance', assignee: { mode: 'me' } },
        { id: SEQUENCE_LYON_ID, name: 'Lyon', assignee: { mode: 'round-robin' } },
      ],
      defaultId: SEQUENCE_LYON_ID,
      me: { id: MEMBER_PARIS_KARIM, name: 'Karim Benali' },
    });
  });
});
