// LinkedIn people search and My Network connections, Ember 2024 and late
// Ember 2025. Search rows: `li.reusable-search__result-container` (2024) or
// `[data-view-name="search-entity-result-universal-template"]` (2025, hashed
// classes); the name is the aria-hidden span of the row's `/in/` link, the
// headline and location the two `t-14` lines under it. Out-of-network people
// show as "LinkedIn Member" with a `/search/results/people/headless` link.
// Connections: `li.mn-connection-card` (name, occupation = headline).
// Fixtures: tests/fixtures/linkedin/list/search-ember-2024-en.html, search-ember-2025-fr.html,
// connections-ember-2024-en.html.
import { txt } from '../dom';
import { ANONYMOUS, isAside, isSponsored, textOf } from './dom';
import type { ListStrategy, RawRow } from './types';

const SEL = {
  row: 'li.reusable-search__result-container, [data-view-name="search-entity-result-universal-template"], li.mn-connection-card',
  profileLink: 'a[href*="/in/"]',
  name: '.entity-result__title-text a span[aria-hidden="true"]; a[href*="/in/"] span[aria-hidden="true"]; .mn-connection-card__name',
  headline: '.entity-result__primary-subtitle; .mn-connection-card__occupation; div.t-14.t-black.t-normal',
  location: '.entity-result__secondary-subtitle; div.t-14.t-normal:not(.t-black)',
};

function read(row: Element): RawRow | 'skeleton' | null {
  if (isSponsored(row)) return null;
  const link = row.querySelector(SEL.profileLink);
  // A row with text but no profile link names no one we can open ("LinkedIn Member"); an empty one is still loading.
  if (!link) return txt(row) ? null : 'skeleton';
  const name = textOf(row, SEL.name) || (link.children.length ? '' : txt(link));
  if (!name || ANONYMOUS.test(name)) return null;
  const out: RawRow = { name, href: link.getAttribute('href') ?? '' };
  const headline = textOf(row, SEL.headline);
  if (headline) out.headline = headline;
  const location = textOf(row, SEL.location);
  if (location) out.location = location;
  return out;
}

export const searchEmber: ListStrategy = {
  name: 'search-ember',
  kinds: ['people-search', 'connections'],
  // A row nested in another row (2025 wraps the template in the 2024 li) counts once, as the outer one.
  rows: (doc) =>
    [...doc.querySelectorAll(SEL.row)].filter((el) => !isAside(el) && !el.parentElement?.closest(SEL.row)),
  read,
};
