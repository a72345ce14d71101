// @vitest-environment happy-dom
// Job change and three-way diff in the popup's contact panel, against the real
// background handlers and the sandbox.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContactPanel } from '@/components/ContactPanel';
import { JobChangesSection } from '@/components/JobChangesSection';
import { forgetContact } from '@/entrypoints/background/contact-cache';
import { handleRequest } from '@/entrypoints/background/handlers';
import { loadRegistry } from '@/entrypoints/background/registry-store';
import { findLink } from '@/utils/match/registry';
import type { Contact } from '@/utils/skipcall/schemas';
import { persistentStore, session } from '@/utils/storage/extension';
import { jobChangesItem } from '@/utils/storage/items';
import { statusItem } from '@/utils/storage/session';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { JOB_CHANGE_CONTACT_ID, JOB_CHANGE_PROFILE_URL, jobChangeContact } from '../../sandbox/seed';
import { readOnTab, saveSettings, startBackground } from '../support/background';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, extraContacts: () => [jobChangeContact()] });
});
afterAll(() => sandbox.close());

const profile = {
  firstName: 'Julien',
  lastName: 'Mercier',
  role: 'Directeur des achats',
  company: 'Maison Vernet',
  city: 'Villeurbanne',
  country: 'France',
  linkedinUrl: JOB_CHANGE_PROFILE_URL,
};
const identity = { linkedinUrl: JOB_CHANGE_PROFILE_URL };
const TAB = 11;

const q = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);
const row = (root: HTMLElement, field: string) => q(root, `[data-testid="diff-row"][data-field="${field}"]`);

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const click = (el: HTMLElement | null) => act(() => el!.click());

async function mount(values: Record<string, string>, created: Contact[] = [], contactId = JOB_CHANGE_CONTACT_ID): Promise<HTMLElement> {
  const readId = await readOnTab(TAB, values);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () =>
    render(
      <ContactPanel
        tabId={TAB}
        readId={readId}
        contactId={contactId}
        profile={values}
        profileKey="k"
        onBusy={() => undefined}
        identityConfirmed
        since="Sep 2025"
        identity={identity}
        onJobChangeCreated={(contact) => created.push(contact)}
      />,
      root,
    ),
  );
  await until(() => !!q(root, '[data-testid="apply"]'), 'the diff');
  return root;
}

beforeEach(async () => {
  startBackground();
  sandbox.reset();
  await saveSettings({ apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  await handleRequest({ type: 'link', identity, contactId: JOB_CHANGE_CONTACT_ID, via: 'match' }, undefined);
});

describe('job change', () => {
  it('the badge has its own state and the move is listed for the options page', async () => {
    await readOnTab(TAB, profile);
    const stored = await session.get(statusItem, TAB);
    expect(stored?.status).toMatchObject({ kind: 'job-change', contactId: JOB_CHANGE_CONTACT_ID, company: 'Maison Vernet' });
    expect(await persistentStore().get(jobChangesItem)).toMatchObject([
      { contactId: JOB_CHANGE_CONTACT_ID, person: 'Julien Mercier', oldCompany: 'Fromagerie Dubois', newCompany: 'Maison Vernet' },
    ]);
  });

  it('leads the panel with the move and flags the old phone numbers', async () => {
    const root = await mount(profile);
    expect(q(root, '[data-testid="job-change-text"]')?.textContent).toBe('Left Fromagerie Dubois → now Directeur des achats at Maison Vernet (since Sep 2025)');
    expect(q(root, '[data-testid="job-change-phones"]')?.textContent).toContain('+33478901234');
    expect(sandbox.contacts.get(JOB_CHANGE_CONTACT_ID)?.phoneNumbers).toEqual(['+33478901234']);
  });

  it('"update this contact" sends role and company only, in one PATCH, phones kept', async () => {
    const root = await mount(profile);
    sandbox.log.length = 0;
    await click(q(root, '[data-testid="job-change-update"]'));
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'success', 'the write');
    const patches = sandbox.log.filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.body).toEqual({ role: 'Directeur des achats', company: 'Maison Vernet' });
    expect(sandbox.contacts.get(JOB_CHANGE_CONTACT_ID)).toMatchObject({ company: 'Maison Vernet', city: 'Lyon', phoneNumbers: ['+33478901234'] });
    expect(q(root, '[data-testid="job-change"]')).toBeNull();
  });

  it('"create a new contact" posts once, links the profile to it, leaves the old one; undo links back and keeps the new one', async () => {
    const created: Contact[] = [];
    const root = await mount(profile, created);
    const before = structuredClone(sandbox.contacts.get(JOB_CHANGE_CONTACT_ID));
    sandbox.log.length = 0;
    await click(q(root, '[data-testid="job-change-create"]'));
    // The form's code loads on first use (components/lazy.tsx).
    await until(() => !!q(root, '[data-testid="create-form"]'), 'the creation form');
    const form = q(root, '[data-testid="create-form"]')!;
    expect(form.querySelector<HTMLInputElement>('input[name="company"]')?.value).toBe('Maison Vernet');
    expect(form.querySelector<HTMLInputElement>('[data-testid="create-phone"]')?.value).toBe('');
    await act(async () => {
      const phone = form.querySelector<HTMLInputElement>('[data-testid="create-phone"]')!;
      phone.value = '06 98 76 54 32';
      phone.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(q(root, '[data-testid="create-submit"]'));
    await until(() => created.length === 1, 'the new contact');
    expect(sandbox.log.filter((e) => e.method === 'POST')).toHaveLength(1);
    expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
    const fresh = created[0]!;
    expect(fresh).toMatchObject({ company: 'Maison Vernet', role: 'Directeur des achats', phoneNumbers: ['+33698765432'] });
    expect(findLink(await loadRegistry(), identity)?.contactId).toBe(fresh.id);
    expect(sandbox.contacts.get(JOB_CHANGE_CONTACT_ID)).toEqual(before);

    const history = await handleRequest({ type: 'get-history', contactId: fresh.id }, undefined);
    if (!history.ok) throw new Error('history');
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]!.jobChange).toMatchObject({ fromContactId: JOB_CHANGE_CONTACT_ID, fromLabel: 'Julien Mercier · Fromagerie Dubois' });
    // The popup on the new contact: its history holds the creation, whose undo links the profile back.
    const panel = await mount(profile, [], fresh.id);
    await until(() => !!q(panel, '[data-testid="history-job-change"]'), 'the job-change history entry');
    await click(q(panel, '[data-testid="undo"]'));
    await until(() => q(panel, '[data-testid="result"]')?.getAttribute('data-status') === 'success', 'the undo');
    expect(q(panel, '[data-testid="result"]')?.textContent).toBe(
      'The profile is linked to Julien Mercier · Fromagerie Dubois again; the new contact stays in Skipcall (it is not deleted).',
    );
    expect(findLink(await loadRegistry(), identity)?.contactId).toBe(JOB_CHANGE_CONTACT_ID);
    expect(sandbox.contacts.has(fresh.id)).toBe(true);
    expect(sandbox.log.filter((e) => e.method === 'DELETE')).toHaveLength(0);
  });
});

describe('the options page', () => {
  it('lists the job changes seen: person, old → new, when', async () => {
    await readOnTab(TAB, profile);
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<JobChangesSection />, root));
    await until(() => !!q(root, '[data-testid="job-change-seen"]'), 'the list');
    const item = q(root, '[data-testid="job-change-seen"]')!;
    expect(item.textContent).toContain('Julien Mercier');
    expect(item.textContent).toContain('Fromagerie Dubois → Directeur des achats, Maison Vernet');
    expect(item.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(q(root, '[data-testid="job-changes-export"]')).not.toBeNull();
  });
});

describe('three-way diff in the panel', () => {
  it('a colleague’s edit since our write is kept, unticked, and says so', async () => {
    const values = { ...profile, company: 'Fromagerie Dubois', role: 'Responsable achats' };
    let root = await mount(values);
    // We write LinkedIn's city, then a colleague changes it in Skipcall.
    await click(row(root, 'city')!.querySelector<HTMLInputElement>('input[type="checkbox"]'));
    await click(q(root, '[data-testid="apply"]'));
    await until(() => q(root, '[data-testid="result"]')?.getAttribute('data-status') === 'success', 'the write');
    sandbox.editContact(JOB_CHANGE_CONTACT_ID, { city: 'Vaulx-en-Velin' });
    // A minute later the prefetched copy is gone; the write result is still kept for a reopened popup.
    await forgetContact(JOB_CHANGE_CONTACT_ID);
    root = await mount(values);
    await until(() => row(root, 'city')?.getAttribute('data-provenance') === 'skipcall-edited', 'the kept row');
    expect(row(root, 'city')?.getAttribute('data-status')).toBe('update');
    expect(row(root, 'city')?.textContent).toContain('kept: edited in Skipcall');
    expect(row(root, 'city')?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(false);
    // Nothing left to review: the badge does not count a kept edit.
    expect((await session.get(statusItem, TAB))?.status).toEqual({ kind: 'linked', contactId: JOB_CHANGE_CONTACT_ID, changes: 0 });
  });
});
