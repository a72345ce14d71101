import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLink,
  emptyRegistry,
  exportRegistry,
  findLink,
  IMPORT_PROBLEM_MESSAGES,
  importRegistry,
  listLinks,
  MAX_LINKS,
  readStoredRegistry,
  removeLink,
  type LinkEntry,
  type Registry,
} from '@/utils/match/registry';
import { t } from '@/components/i18n';

const IN_URL = 'https://www.linkedin.com/in/elodie-marchand-demo';
const LEAD = 'ACwAAB1234567';
const LEAD_URL = `https://www.linkedin.com/sales/lead/${LEAD},NAME_SEARCH,x1Yz`;
const C1 = 'c0ffee00-0000-4000-8000-000000000001';
const C2 = 'c0ffee00-0000-4000-8000-000000000002';
const LABEL = 'Élodie Marchand · Brasserie Lumière';

function link(overrides: Partial<Parameters<typeof addLink>[1]> = {}): Parameters<typeof addLink>[1] {
  return { linkedinUrl: IN_URL, contactId: C1, label: LABEL, via: 'match', linkedAt: 1000, ...overrides };
}

describe('findLink / addLink', () => {
  it('finds a link by any form of the /in/ URL', () => {
    const registry = addLink(emptyRegistry(), link());
    for (const url of [IN_URL, 'http://fr.linkedin.com/in/Elodie-Marchand-Demo/?trk=x', 'linkedin.com/in/elodie-marchand-demo/overlay/contact-info/']) {
      expect(findLink(registry, { linkedinUrl: url })?.contactId, url).toBe(C1);
    }
    expect(findLink(registry, { linkedinUrl: 'https://www.linkedin.com/in/someone-else' })).toBeUndefined();
    expect(findLink(registry, {})).toBeUndefined();
  });

  it('stores the canonical URL and the given fields', () => {
    const registry = addLink(emptyRegistry(), link({ linkedinUrl: 'https://fr.linkedin.com/in/Elodie-Marchand-Demo/', workspaceId: 'ws-1', via: 'reference' }));
    expect(registry).toEqual({
      version: 2,
      entries: [{ linkedinUrl: IN_URL, contactId: C1, workspaceId: 'ws-1', label: LABEL, linkedAt: 1000, via: 'reference' }],
    });
  });

  it('a lead page finds the link made on the /in/ page once both are known, and the reverse', () => {
    // Linked on the /in/ page.
    let registry = addLink(emptyRegistry(), link());
    // The lead page alone does not know the person yet…
    expect(findLink(registry, { salesLeadId: LEAD })).toBeUndefined();
    // …but when it shows the public URL, the link is found and learns the lead id.
    const hit = findLink(registry, { linkedinUrl: IN_URL, linkedinSalesUrl: LEAD_URL });
    expect(hit?.contactId).toBe(C1);
    registry = addLink(registry, link({ linkedinSalesUrl: LEAD_URL, linkedAt: 2000 }));
    expect(registry.entries).toHaveLength(1);
    expect(findLink(registry, { salesLeadId: LEAD })?.contactId).toBe(C1);
    expect(findLink(registry, { linkedinSalesUrl: `https://www.linkedin.com/sales/people/${LEAD},NAME_SEARCH` })?.contactId).toBe(C1);

    // Reverse: linked on the lead page first.
    let reverse = addLink(emptyRegistry(), { salesLeadId: LEAD, contactId: C2, label: 'x', via: 'directory', linkedAt: 10 });
    expect(findLink(reverse, { linkedinUrl: IN_URL })).toBeUndefined();
    reverse = addLink(reverse, { salesLeadId: LEAD, linkedinUrl: IN_URL, contactId: C2, label: 'x', via: 'match', linkedAt: 20 });
    expect(reverse.entries).toHaveLength(1);
    expect(findLink(reverse, { linkedinUrl: IN_URL })).toMatchObject({ contactId: C2, salesLeadId: LEAD, linkedinUrl: IN_URL });
  });

  it('merges a /in/ entry and a lead entry into one when a page shows both', () => {
    let registry = addLink(emptyRegistry(), link({ contactId: C1, linkedAt: 1 }));
    registry = addLink(registry, { salesLeadId: LEAD, contactId: C2, label: 'B', via: 'match', linkedAt: 2 });
    expect(registry.entries).toHaveLength(2);
    registry = addLink(registry, { linkedinUrl: IN_URL, salesLeadId: LEAD, contactId: C2, label: 'B', via: 'match', linkedAt: 3 });
    expect(registry.entries).toEqual([{ linkedinUrl: IN_URL, salesLeadId: LEAD, contactId: C2, label: 'B', linkedAt: 3, via: 'match' }]);
  });

  it('the most recent link wins for the contact, and a lone key keeps the other one', () => {
    let registry = addLink(emptyRegistry(), link({ linkedinSalesUrl: LEAD_URL }));
    registry = addLink(registry, link({ contactId: C2, label: 'Other', linkedAt: 5000 }));
    expect(registry.entries).toEqual([{ linkedinUrl: IN_URL, salesLeadId: LEAD, contactId: C2, label: 'Other', linkedAt: 5000, via: 'match' }]);
    expect(findLink(registry, { salesLeadId: LEAD })?.contactId).toBe(C2);
  });

  it('when the two keys point at different links, the most recent wins', () => {
    let registry = addLink(emptyRegistry(), link({ contactId: C1, linkedAt: 1 }));
    registry = addLink(registry, { salesLeadId: LEAD, contactId: C2, label: 'B', via: 'match', linkedAt: 2 });
    expect(findLink(registry, { linkedinUrl: IN_URL, salesLeadId: LEAD })?.contactId).toBe(C2);
  });

  it('ignores a link without a LinkedIn key or contact id', () => {
    const registry = emptyRegistry();
    expect(addLink(registry, link({ linkedinUrl: 'https://example.com/x' }))).toBe(registry);
    expect(addLink(registry, link({ contactId: '  ' }))).toBe(registry);
  });

  it('keeps every field within the import limits, so an export always imports again', () => {
    const registry = addLink(emptyRegistry(), link({ label: 'x'.repeat(2000), workspaceId: 'w'.repeat(300) }));
    expect(registry.entries[0]!.label).toHaveLength(500);
    expect(registry.entries[0]!.workspaceId).toBeUndefined();
    expect(addLink(emptyRegistry(), link({ contactId: 'c'.repeat(201) })).entries).toEqual([]);
    expect(importRegistry(exportRegistry(registry), emptyRegistry())).toMatchObject({ ok: true, added: 1 });
  });

  it('returns the same registry when nothing changes', () => {
    const registry = addLink(emptyRegistry(), link());
    expect(addLink(registry, link())).toBe(registry);
  });

  it('drops the least recent link past the limit', () => {
    const entries: LinkEntry[] = Array.from({ length: MAX_LINKS }, (_, i) => ({
      linkedinUrl: `https://www.linkedin.com/in/p${i}`,
      contactId: `contact-${i}`,
      label: '',
      linkedAt: i + 10,
      via: 'match' as const,
    }));
    const full: Registry = { version: 2, entries };
    const next = addLink(full, link({ linkedAt: 1e12 }));
    expect(next.entries).toHaveLength(MAX_LINKS);
    expect(findLink(next, { linkedinUrl: 'https://www.linkedin.com/in/p0' })).toBeUndefined();
    expect(findLink(next, { linkedinUrl: 'https://www.linkedin.com/in/p1' })?.contactId).toBe('contact-1');
    expect(findLink(next, { linkedinUrl: IN_URL })?.contactId).toBe(C1);
  });
});

describe('removeLink', () => {
  const base = addLink(addLink(emptyRegistry(), link({ linkedinSalesUrl: LEAD_URL })), {
    linkedinUrl: 'https://www.linkedin.com/in/other',
    contactId: C1,
    label: 'dup',
    via: 'create',
    linkedAt: 3,
  });

  it('by either key of the person', () => {
    expect(removeLink(base, { salesLeadId: LEAD }).entries.map((e) => e.linkedinUrl)).toEqual(['https://www.linkedin.com/in/other']);
    expect(removeLink(base, { linkedinUrl: `${IN_URL}/` }).entries).toHaveLength(1);
  });

  it('every link to a contact', () => {
    expect(removeLink(base, { contactId: C1 }).entries).toEqual([]);
  });

  it('the person’s link only if it points at the contact', () => {
    expect(removeLink(base, { linkedinUrl: IN_URL, contactId: C2 })).toBe(base);
    expect(removeLink(base, { linkedinUrl: IN_URL, contactId: C1 }).entries).toHaveLength(1);
  });

  it('changes nothing without a usable target', () => {
    expect(removeLink(base, {})).toBe(base);
    // A person named in an unusable form must not turn into "every link to this contact".
    expect(removeLink(base, { linkedinUrl: 'https://example.com/x', contactId: C1 })).toBe(base);
  });
});

const migrateRegistry = (stored: unknown) => readStoredRegistry(stored).value;

describe('readStoredRegistry', () => {
  it('keeps a current registry as it is', () => {
    const registry = addLink(emptyRegistry(), link({ linkedinSalesUrl: LEAD_URL }));
    expect(migrateRegistry(JSON.parse(JSON.stringify(registry)))).toEqual(registry);
    expect(migrateRegistry(exportRegistry(registry))).toEqual(registry);
  });

  it('migrates version 1 (linkedinUrl → contactId) with canonical URLs', () => {
    const v1 = {
      version: 1,
      links: {
        'https://fr.linkedin.com/in/Elodie-Marchand-Demo/': C1,
        [`${IN_URL}?trk=dup`]: C2, // same person twice: one entry survives
        'https://example.com/not-linkedin': 'c-123456',
        'https://www.linkedin.com/in/jb-lefebvre': 42,
      },
    };
    const registry = migrateRegistry(v1);
    expect(registry.version).toBe(2);
    expect(registry.entries).toEqual([{ linkedinUrl: IN_URL, contactId: C1, label: '', linkedAt: 0, via: 'match' }]);
  });

  it('gives an empty registry for garbage', () => {
    for (const value of [undefined, null, 42, 'nope', '{"version":2', [], { version: 2 }, { version: 2, entries: 'x' }, { links: 5 }]) {
      expect(migrateRegistry(value), JSON.stringify(value)).toEqual(emptyRegistry());
    }
  });

  it('keeps the valid links of a damaged or newer document', () => {
    const registry = migrateRegistry({
      version: 7,
      entries: [{ linkedinUrl: IN_URL, contactId: C1, label: 'A', linkedAt: 5, via: 'match', extra: true }, { contactId: C2 }, 'junk', null],
    });
    expect(registry.entries).toEqual([{ linkedinUrl: IN_URL, contactId: C1, label: 'A', linkedAt: 5, via: 'match' }]);
    expect(readStoredRegistry({ version: 2, entries: [{ linkedinUrl: IN_URL, contactId: C1 }, 'junk', null] }).dropped).toBe(2);
    expect(readStoredRegistry(undefined)).toEqual({ value: emptyRegistry(), dropped: 0 });
  });

  it('never throws, and always returns a valid registry (any input)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), fc.record({ version: fc.constantFrom(1, 2, 3), entries: fc.anything(), links: fc.anything() })), (value) => {
        const registry = migrateRegistry(value);
        expect(registry.version).toBe(2);
        for (const entry of registry.entries) {
          expect(entry.linkedinUrl || entry.salesLeadId).toBeTruthy();
          expect(typeof entry.contactId).toBe('string');
        }
      }),
    );
  });
});

describe('export / import', () => {
  it('exports pretty JSON with the version', () => {
    const text = exportRegistry(addLink(emptyRegistry(), link()));
    expect(text).toContain('\n  "version": 2,');
    expect(JSON.parse(text)).toMatchObject({ version: 2, entries: [{ contactId: C1 }] });
  });

  it('round-trips into an empty registry', () => {
    const registry = addLink(addLink(emptyRegistry(), link({ linkedinSalesUrl: LEAD_URL })), { salesLeadId: 'ACwAAZZZ', contactId: C2, label: 'B', via: 'create', linkedAt: 3 });
    const result = importRegistry(exportRegistry(registry), emptyRegistry());
    expect(result).toEqual({ ok: true, registry, added: 2, updated: 0 });
  });

  it('merges without losing current entries; the most recent link wins', () => {
    const current = addLink(addLink(emptyRegistry(), link({ linkedAt: 100 })), { linkedinUrl: 'https://www.linkedin.com/in/kept', contactId: 'c-kept1', label: 'K', via: 'match', linkedAt: 1 });
    const incoming = addLink(
      addLink(emptyRegistry(), link({ contactId: C2, label: 'Newer', linkedAt: 200, linkedinSalesUrl: LEAD_URL })),
      { linkedinUrl: 'https://www.linkedin.com/in/new', contactId: 'c-new01', label: 'N', via: 'match', linkedAt: 1 },
    );
    const result = importRegistry(exportRegistry(incoming), current);
    if (!result.ok) throw new Error(result.problem);
    expect(result.added).toBe(1);
    expect(result.updated).toBe(1);
    expect(findLink(result.registry, { linkedinUrl: IN_URL })).toMatchObject({ contactId: C2, salesLeadId: LEAD });
    expect(findLink(result.registry, { linkedinUrl: 'https://www.linkedin.com/in/kept' })?.contactId).toBe('c-kept1');
    expect(result.registry.entries).toHaveLength(3);

    // An older import does not override the current link, but its lead id is learned.
    const older = importRegistry(exportRegistry(addLink(emptyRegistry(), link({ contactId: C2, linkedAt: 50, linkedinSalesUrl: LEAD_URL }))), current);
    if (!older.ok) throw new Error(older.problem);
    expect(findLink(older.registry, { salesLeadId: LEAD })).toMatchObject({ contactId: C1, linkedAt: 100 });
    expect(older.updated).toBe(1);

    // The same file twice changes nothing the second time.
    const again = importRegistry(exportRegistry(incoming), result.registry);
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0 });
  });

  it('imports version 1 files', () => {
    const result = importRegistry(JSON.stringify({ version: 1, links: { [IN_URL]: C1 } }), emptyRegistry());
    expect(result).toMatchObject({ ok: true, added: 1, updated: 0 });
  });

  it('names the problem of a bad file and keeps nothing of it', () => {
    expect(importRegistry('not json {', emptyRegistry())).toEqual({ ok: false, problem: 'not-json' });
    expect(importRegistry('[1,2]', emptyRegistry())).toMatchObject({ ok: false, problem: 'shape' });
    expect(importRegistry('{"hello":1}', emptyRegistry())).toMatchObject({ ok: false, problem: 'shape' });
    expect(importRegistry('{"entries":[]}', emptyRegistry())).toMatchObject({ ok: false, problem: 'version' });
    expect(importRegistry('{"version":3,"entries":[]}', emptyRegistry())).toMatchObject({ ok: false, problem: 'version', detail: 'version 3' });
    expect(importRegistry('{"version":2,"entries":{}}', emptyRegistry())).toMatchObject({ ok: false, problem: 'shape' });
    const badEntry = JSON.stringify({ version: 2, entries: [{ linkedinUrl: IN_URL, contactId: C1 }, { linkedinUrl: 'https://example.com', contactId: C2 }] });
    expect(importRegistry(badEntry, emptyRegistry())).toMatchObject({ ok: false, problem: 'shape', detail: expect.stringMatching(/^link 2 /) });
    const badV1 = JSON.stringify({ version: 1, links: { [IN_URL]: 12 } });
    expect(importRegistry(badV1, emptyRegistry())).toMatchObject({ ok: false, problem: 'shape' });
    for (const message of Object.values(IMPORT_PROBLEM_MESSAGES)) expect(t(message).length).toBeGreaterThan(20);
  });

  it('refuses an import that would pass the limit', () => {
    const entries = Array.from({ length: MAX_LINKS }, (_, i) => ({ linkedinUrl: `https://www.linkedin.com/in/p${i}`, contactId: `c-${i}xxxx` }));
    const current = addLink(emptyRegistry(), link());
    expect(importRegistry(JSON.stringify({ version: 2, entries }), current)).toEqual({ ok: false, problem: 'too-many' });
    const tooLong = JSON.stringify({ version: 2, entries: [...entries, { linkedinUrl: IN_URL, contactId: C1 }] });
    expect(importRegistry(tooLong, emptyRegistry())).toEqual({ ok: false, problem: 'too-many' });
  });

  it('round-trips any registry (property)', () => {
    const slug = fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/);
    const entry = fc.record({
      linkedinUrl: fc.option(slug.map((s) => `https://www.linkedin.com/in/${s}`), { nil: undefined }),
      salesLeadId: fc.option(fc.stringMatching(/^ACwAA[A-Za-z0-9_-]{4,12}$/), { nil: undefined }),
      contactId: fc.stringMatching(/^[a-z0-9-]{6,36}$/),
      label: fc.string({ maxLength: 40 }),
      linkedAt: fc.nat(),
      via: fc.constantFrom('match' as const, 'reference' as const, 'create' as const, 'directory' as const),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (links) => {
        let registry = emptyRegistry();
        for (const l of links) registry = addLink(registry, l);
        const exported = exportRegistry(registry);
        const into = importRegistry(exported, emptyRegistry());
        expect(into.ok).toBe(true);
        if (!into.ok) return;
        expect(listLinks(into.registry)).toEqual(listLinks(registry));
        // Importing into itself changes nothing.
        expect(importRegistry(exported, registry)).toMatchObject({ ok: true, added: 0, updated: 0 });
        // One entry per identity key.
        const urls = registry.entries.flatMap((e) => (e.linkedinUrl ? [e.linkedinUrl] : []));
        const leads = registry.entries.flatMap((e) => (e.salesLeadId ? [e.salesLeadId] : []));
        expect(new Set(urls).size).toBe(urls.length);
        expect(new Set(leads).size).toBe(leads.length);
      }),
      { numRuns: 200 },
    );
  });
});
