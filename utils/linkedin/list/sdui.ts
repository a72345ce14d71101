// LinkedIn people search and connections, React/SDUI 2026: every class hashed;
// rows are `[data-view-name="people-search-result"]` (search) or
// `[data-view-name="connections-list-item"]` (connections) under the lazy
// column. In a row: the title link to `/in/<slug>` holds the name, then the
// `<p>` lines in order: headline, location (search), or headline alone.
// Promoted rows carry `data-view-name="search-sponsored-result"` or a
// "Promoted"/"Sponsorisé" label; "People also viewed" lives in an `aside`.
// Fixtures: tests/fixtures/linkedin/list/search-sdui-2026-en.html, connections-sdui-2026-fr.html.
import { txt } from '../dom';
import { clean } from '../text';
import { ANONYMOUS, isAside, isSponsored } from './dom';
import type { ListStrategy, RawRow } from './types';

const SEL = {
  row: '[data-view-name="people-search-result"], [data-view-name="connections-list-item"]',
  titleLink: 'a[data-view-name="search-result-lockup-title"], a[data-view-name="connections-profile"], a[href*="/in/"]',
};

/** Degree badges and status lines that sit among the paragraphs ("• 2nd", "2e", "Connected 3 weeks ago"). */
const NOISE = /^(?:[•·]\s*)?(?:1st|2nd|3rd\+?|1er|2e|3e\+?)$|^(?:connected|relation depuis|connecté)/i;

function read(row: Element): RawRow | 'skeleton' | null {
  if (isSponsored(row)) return null;
  const link = row.querySelector(SEL.titleLink);
  if (!link) return clean(row.textContent) ? null : 'skeleton';
  const name = txt(link.querySelector('span[aria-hidden="true"]') ?? link).replace(/\s*[•·].*$/, '');
  if (!name || ANONYMOUS.test(name)) return null;
  const lines = [...row.querySelectorAll('p')]
    .filter((p) => !p.contains(link) && !link.contains(p))
    .map((p) => txt(p))
    .filter((line) => line && line !== name && !NOISE.test(line));
  const out: RawRow = { name, href: link.getAttribute('href') ?? '' };
  if (lines[0]) out.headline = lines[0];
  if (lines[1] && row.matches('[data-view-name="people-search-result"]')) out.location = lines[1];
  return out;
}

export const sdui: ListStrategy = {
  name: 'search-sdui',
  kinds: ['people-search', 'connections'],
  rows: (doc) => [...doc.querySelectorAll(SEL.row)].filter((el) => !isAside(el)),
  read,
};
