// @vitest-environment happy-dom
// The list reader over its fixtures (Sales Navigator lists and searches, people
// search, connections; 2024–2026 markup, EN and FR), rows rendered lazily,
// hidden characters injected everywhere, and seeded random mutations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPageOf, readListUnguarded } from '../../utils/linkedin/list/read-list';
import { canonicalLinkedInUrl } from '../../utils/linkedin/url';
import { PageReadSchema, type ListRead, type ListRow } from '../../utils/profile';
import { HIDDEN_CHARS, inject } from '../support/hidden-chars';
import { prng } from '../support/prng';
import { FIXTURES, parse } from './helpers';
import { MUTATIONS } from './mutations';

const DIR = join(FIXTURES, 'list');
interface Expected {
  notes: string;
  url: string;
  kind: ListRead['kind'];
  page: number;
  pending: number;
  strategy: string;
  rows: Partial<ListRow>[];
  foreign: string[];
}
const LIST_FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({
    name: file.replace(/\.html$/, ''),
    html: readFileSync(join(DIR, file), 'utf8'),
    expected: JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.json')), 'utf8')) as Expected,
  }));

function readList(doc: Document, url: string): ListRead {
  const read = readListUnguarded(doc, url);
  if (read?.state !== 'list') throw new Error(`not a list read: ${JSON.stringify(read)}`);
  return read;
}

const allText = (read: ListRead) => read.rows.flatMap((r) => Object.values(r).map(String)).join('\n').toLowerCase();

describe('list pages: which URL is which list', () => {
  it('knows the four kinds, the page number, and one key for every page of a list', () => {
    expect(listPageOf('https://www.linkedin.com/sales/lists/people/71?page=3')).toMatchObject({ kind: 'salesnav-list', page: 3 });
    expect(listPageOf('https://www.linkedin.com/sales/search/people?query=x')).toMatchObject({ kind: 'salesnav-search', page: 1 });
    expect(listPageOf('https://fr.linkedin.com/search/results/people/?keywords=a&page=2')).toMatchObject({ kind: 'people-search', page: 2 });
    expect(listPageOf('https://www.linkedin.com/mynetwork/invite-connect/connections/')).toMatchObject({ kind: 'connections' });
    expect(listPageOf('https://www.linkedin.com/in/someone/')).toBeNull();
    expect(listPageOf('https://www.linkedin.com/feed/')).toBeNull();
    expect(listPageOf('https://evil.example/sales/lists/people/1')).toBeNull();
    const a = listPageOf('https://www.linkedin.com/search/results/people/?keywords=a&page=2&sid=x')!;
    const b = listPageOf('https://www.linkedin.com/search/results/people/?page=5&keywords=a')!;
    const c = listPageOf('https://www.linkedin.com/search/results/people/?keywords=b')!;
    expect(a.listKey).toBe(b.listKey);
    expect(a.listKey).not.toBe(c.listKey);
  });
});

describe('list reader fixtures', () => {
  for (const { name, html, expected } of LIST_FIXTURES) {
    it(`${name}: ${expected.notes.split('.')[0]}`, () => {
      const doc = parse(html);
      const before = doc.documentElement.outerHTML;
      const read = readList(doc, expected.url);
      expect(doc.documentElement.outerHTML, 'the reader never writes to the page').toBe(before);
      expect(PageReadSchema.safeParse(read).success).toBe(true);
      expect({ kind: read.kind, page: read.page, pending: read.pending, strategy: read.strategy }).toEqual({
        kind: expected.kind,
        page: expected.page,
        pending: expected.pending,
        strategy: expected.strategy,
      });
      expect(read.rows.map((r) => r.key)).toEqual(expected.rows.map((r) => r.key));
      expected.rows.forEach((want, i) => expect(read.rows[i], want.name).toMatchObject(want));
      for (const row of read.rows) {
        expect(canonicalLinkedInUrl(row.key)).toBe(row.key);
        expect(row.linkedinUrl ?? row.linkedinSalesUrl).toBe(row.key);
      }
      const text = allText(read);
      for (const foreign of expected.foreign) expect(text, `"${foreign}" belongs to no row`).not.toContain(foreign.toLowerCase());
    });
  }
});

describe('rows rendered as the user scrolls', () => {
  it('a skeleton row is pending, then read once LinkedIn renders it; nothing else changes', () => {
    const fixture = LIST_FIXTURES.find((f) => f.name === 'salesnav-search-2024-fr')!;
    const doc = parse(fixture.html);
    const first = readList(doc, fixture.expected.url);
    const skeleton = doc.querySelector('li.artdeco-list__item ._skeleton_q1')!.parentElement!;
    skeleton.innerHTML =
      '<div data-x-search-result="LEAD"><a href="/sales/lead/ACwAAB4late,NAME_SEARCH,zz"><span data-anonymize="person-name">Late Comer</span></a><span data-anonymize="title">CTO</span></div>';
    const second = readList(doc, fixture.expected.url);
    expect(first.pending).toBe(3);
    expect(second.pending).toBe(2);
    expect(second.rows.map((r) => r.name)).toEqual([...first.rows.map((r) => r.name), 'Late Comer']);
    expect(second.rows.at(-1)).toMatchObject({ title: 'CTO', page: 2, key: 'https://www.linkedin.com/sales/lead/ACwAAB4late' });
  });

  it('a list page with no row yet reads as an empty list, not as a profile or an error', () => {
    const read = readList(parse('<main><table class="artdeco-models-table"><tbody></tbody></table></main>'), 'https://www.linkedin.com/sales/lists/people/1');
    expect(read).toMatchObject({ state: 'list', rows: [], pending: 0 });
  });
});

describe('hidden characters in a list page', () => {
  for (const { name, html, expected } of LIST_FIXTURES) {
    it(`${name}: injected into every text, the rows read the same and pass the schema`, () => {
      const doc = parse(html);
      const rand = prng(name.length * 97);
      const walker = doc.createTreeWalker(doc.documentElement, 4);
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
      for (const node of texts) if (node.data.trim()) node.data = inject(node.data, HIDDEN_CHARS, rand);
      const read = readList(doc, expected.url);
      expect(PageReadSchema.safeParse(read).success).toBe(true);
      expect(read.rows).toEqual(readList(parse(html), expected.url).rows);
    });
  }
});

describe('list reader under random page mutations', () => {
  const CASES = Number(process.env.ROBUSTNESS_CASES) || 40;
  for (const { name, html, expected } of LIST_FIXTURES) {
    it(`${name}: ${CASES} mutated pages`, () => {
      const doc = parse(html);
      const baseline = new Map(readList(doc, expected.url).rows.map((r) => [r.key, r]));
      // Anyone the page links to outside sidebars and nav; rows may only ever be among them.
      const linked = new Set(
        [...doc.querySelectorAll('a[href]')]
          .filter((a) => !a.closest('aside, nav, header'))
          .map((a) => canonicalLinkedInUrl(a.getAttribute('href')!))
          .filter(Boolean),
      );
      const rand = prng([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 11));
      for (let i = 0; i < CASES; i++) {
        const undo: (() => void)[] = [];
        let altersText = false;
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
          const mutation = MUTATIONS[Math.floor(rand() * MUTATIONS.length)]!;
          if (mutation.name === 'move a sidebar into main') continue;
          const u = mutation.apply(doc, rand);
          if (u) undo.push(u);
          altersText ||= mutation.altersText;
        }
        const read = readListUnguarded(doc, expected.url);
        expect(read && PageReadSchema.safeParse(read).success).toBe(true);
        if (read?.state === 'list') {
          for (const row of read.rows) {
            expect(linked.has(row.key), `${row.key} is linked from the main column`).toBe(true);
            const before = baseline.get(row.key);
            if (before && !altersText) expect(row.name).toBe(before.name);
          }
        }
        undo.reverse().forEach((u) => u());
      }
    });
  }
});
