// The identity lock under any interleaving: page reads of two people on one
// tab, their badge/match refreshes waiting on Skipcall answers delivered in any
// order, popups opening and applying at any point. The popup's (read, contact)
// pair is always consistent, and a write only ever carries a read's values to
// the contact matched for that read.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/entrypoints/background/handlers';
import { updateRegistry } from '@/entrypoints/background/registry-store';
import { readTabView } from '@/components/runtime';
import { addLink } from '@/utils/match/registry';
import type { PageRead } from '@/utils/profile';
import type { Contact } from '@/utils/skipcall/schemas';
import { saveSettings, startBackground } from '../support/background';

const TAB = 5;
const API = 'https://api-public.skipcall.app';
const CONTACT_A = 'contact-a';

const people = {
  A: { firstName: 'Camille', lastName: 'Rousseau', role: 'Role A', linkedinUrl: 'https://www.linkedin.com/in/camille-a' },
  B: { firstName: 'Bastien', lastName: 'Leroy', role: 'Role B', linkedinUrl: 'https://www.linkedin.com/in/bastien-b' },
} as const;
type Person = keyof typeof people;

function readOf(person: Person): PageRead {
  const values = people[person];
  const profile = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { value, strategy: 'test' }]));
  return { state: 'profile', kind: 'profile', url: `${values.linkedinUrl}/`, profile };
}

function contactA(): Contact {
  return {
    id: CONTACT_A,
    firstName: 'Camille',
    lastName: 'Rousseau',
    phoneNumbers: ['+33450123456'],
    customFields: {},
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    role: null,
    linkedinUrl: people.A.linkedinUrl,
  };
}

/** A Skipcall stand-in: contact A only, no contact list, no custom fields; records every PATCH. */
function fakeSkipcall() {
  let stored = contactA();
  const patches: { id: string; body: Record<string, unknown> }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  async function answer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (url.pathname === '/v1/custom-fields') return json(200, { data: [], total: 0 });
    if (url.pathname === `/v1/contacts/${CONTACT_A}`) {
      if (method === 'PATCH') {
        const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
        patches.push({ id: CONTACT_A, body });
        stored = { ...stored, ...body };
      }
      return json(200, stored);
    }
    return json(404, { code: 'NOT_FOUND', details: null });
  }
  return { answer, patches };
}

type Step = { kind: 'read'; person: Person } | { kind: 'popup' };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), person: fc.constantFrom<Person>('A', 'B') }),
  fc.constant({ kind: 'popup' as const }),
);

afterEach(() => vi.unstubAllGlobals());

describe('the identity lock', () => {
  it('pairs every popup read with state computed for that read, and writes a read only to its own contact', async () => {
    // Across all runs, so the property is known to have met the cases it is about.
    const seen = { pairedA: 0, pairedB: 0, writes: 0 };
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (s, steps) => {
        startBackground();
        const api = fakeSkipcall();
        // Every Skipcall answer arrives when the scheduler says: any order, any delay.
        vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => s.schedule(Promise.resolve()).then(() => api.answer(input, init)));
        await saveSettings({ apiKey: 'sk_test_identitylock', apiBaseUrl: API });
        await updateRegistry((registry) =>
          addLink(registry, { linkedinUrl: people.A.linkedinUrl, contactId: CONTACT_A, workspaceId: null, label: 'Camille Rousseau', via: 'match' }),
        );

        const problems: string[] = [];
        async function openPopupAndApply() {
          const view = await readTabView(TAB);
          const read = view.tab?.read;
          if (!view.match || read?.state !== 'profile') return;
          const person: Person = read.profile.linkedinUrl?.value === people.A.linkedinUrl ? 'A' : 'B';
          const chosen = view.match.preselected?.contactId;
          seen[person === 'A' ? 'pairedA' : 'pairedB']++;
          if (person === 'B' && chosen === CONTACT_A) problems.push(`B's read paired with A's contact`);
          if (!chosen) return;
          const reply = await handleRequest(
            { type: 'apply', tabId: TAB, readId: view.tab!.readId, contactId: chosen, plan: [{ key: 'role', value: people[person].role, seen: '' }] },
            undefined,
          );
          if (!reply.ok) problems.push(`apply refused as a message: ${JSON.stringify(reply.error)}`);
        }

        const runs = steps.map((step) =>
          s.schedule(Promise.resolve(step)).then(async (current) => {
            if (current.kind === 'read') await handleRequest({ type: 'page-read', read: readOf(current.person) }, TAB);
            else await openPopupAndApply();
          }),
        );
        await s.waitFor(Promise.all(runs));
        await s.waitIdle();

        expect(problems).toEqual([]);
        for (const patch of api.patches) expect(patch.body).toEqual({ role: people.A.role });
        seen.writes += api.patches.length;
        // Once everything settled, the stored match belongs to the tab's last read.
        const final = await readTabView(TAB);
        const stored = (await fakeBrowser.storage.session.get(`match:${TAB}`))[`match:${TAB}`] as { readId: string } | undefined;
        if (stored) expect(stored.readId).toBe(final.tab?.readId);
      }),
      { numRuns: 150, seed: 20261204 },
    );
    expect(seen.pairedA).toBeGreaterThan(0);
    expect(seen.pairedB).toBeGreaterThan(0);
    expect(seen.writes).toBeGreaterThan(0);
  }, 60_000);
});
