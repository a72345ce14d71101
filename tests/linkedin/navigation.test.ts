// @vitest-environment happy-dom
// After LinkedIn's in-page navigation the previous person's top card can stay on
// screen under the new URL. A card proves whose it is by its own links; one that
// carries none is read on a first load, or when it shows another name than the
// previous person's, never as the new URL with the previous person's values.
import { describe, expect, it } from 'vitest';
import { isPageSettled, readPage, readPageUnguarded, type ReadContext } from '../../utils/linkedin/read-page';
import { parseLinkedInUrl } from '../../utils/linkedin/url';
import type { PageRead } from '../../utils/profile';
import { prng } from '../support/prng';
import { fixtures, parse, type Fixture } from './helpers';
import { MUTATIONS } from './mutations';

const profiles = fixtures().filter((f) => f.expected.state === 'profile');
const byName = Object.fromEntries(profiles.map((f) => [f.name, f]));

/** Another person's address of the same kind as the fixture's. */
const otherUrl = (f: Fixture) =>
  f.expected.kind === 'salesnav-lead'
    ? 'https://www.linkedin.com/sales/lead/ACwAAZz9Other7Lead,NAME_SEARCH,q1w2'
    : 'https://www.linkedin.com/in/zoe-quintal-0a1b2c/';

const shownName = (f: Fixture) =>
  [f.expected.profile?.firstName?.value, f.expected.profile?.lastName?.value].filter(Boolean).join(' ');

/** The fixture's person as the previous read of the tab. */
const previousIs = (f: Fixture, name = shownName(f)): ReadContext => ({ previous: { url: f.expected.url, name } });

/** The slug or lead id the fixture's URL names. */
function idOf(f: Fixture): string {
  const page = parseLinkedInUrl(f.expected.url);
  return page.kind === 'profile' ? page.slug : page.kind === 'salesnav-lead' ? page.leadId : '';
}

/**
 * Removes everything that names the person: attributes holding the slug or lead
 * id (overlay links, verification trigger, canonical, og:url, shared connections)
 * and the JSON-LD URLs. Embedded Voyager JSON stays: it is checked by its own ids.
 */
function forgetIdentity(doc: Document, id: string): Document {
  const needle = id.toLowerCase();
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (attr.value.toLowerCase().includes(needle)) el.removeAttribute(attr.name);
    }
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    script.textContent = JSON.stringify(JSON.parse(script.textContent ?? ''), (key, value) =>
      (key === 'url' || key === 'sameAs') && String(value).toLowerCase().includes(needle) ? undefined : value,
    );
  }
  return doc;
}

const unlinked = (f: Fixture) => forgetIdentity(parse(f.html), idOf(f));
const fields = (read: PageRead) =>
  read.state === 'profile' ? Object.fromEntries(Object.entries(read.profile).map(([k, v]) => [k, v.value])) : {};
const notRead = (url: string) => ({ state: 'not-a-profile', url });

// Ways the same person's name is shown elsewhere: order, capitals, accents, pronouns, titles.
const sameNameForms = (first: string, last: string) => [
  `${first} ${last}`,
  `${last.toUpperCase()} ${first}`,
  `${first} ${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(),
  `${first} ${last} (She/Her)`,
  `Dr. ${first} ${last}, MBA`,
  `🚀 ${first}-${last}`,
];

describe('a stale card under another person’s URL', () => {
  it.each(profiles.map((f) => [f.name, f] as const))('%s: never read after navigating away from it', (_, f) => {
    const url = otherUrl(f);
    for (const doc of [parse(f.html), unlinked(f)]) {
      expect(readPage(doc, url, previousIs(f))).toEqual(notRead(url));
      expect(isPageSettled(doc, url, previousIs(f))).toBe(false);
    }
  });

  it.each(profiles.map((f) => [f.name, f] as const))(
    '%s: not read either when the previous name is shown in another form',
    (_, f) => {
      const url = otherUrl(f);
      const doc = unlinked(f);
      const first = f.expected.profile!.firstName!.value;
      const last = f.expected.profile!.lastName?.value ?? '';
      for (const name of sameNameForms(first, last)) {
        expect(readPage(doc, url, previousIs(f, name)), name).toEqual(notRead(url));
        expect(isPageSettled(doc, url, previousIs(f, name)), name).toBe(false);
      }
    },
  );

  it('without a known previous name, an unproven card is not read after navigation', () => {
    const f = byName['ember-2025-limited']!;
    const url = otherUrl(f);
    expect(readPage(parse(f.html), url, { previous: { url: f.expected.url } })).toEqual(notRead(url));
  });

  it('is not read on settle timeout either: the content script reads with the same context', () => {
    // Ember limited card, SDUI, public and Sales Navigator 2026 cards without links.
    for (const name of ['ember-2025-limited', 'sdui-2026-en', 'public-no-canonical', 'salesnav-2026-lead']) {
      const f = byName[name]!;
      const url = otherUrl(f);
      const read = readPage(unlinked(f), url, previousIs(f));
      expect(read, name).toEqual(notRead(url));
    }
  });
});

describe('a card without identifying links at its own URL', () => {
  // The member's own card without its edit links shows the viewer's name: it is then the viewer's
  // mini card as far as anyone can tell, and is not read (tests/linkedin/subpages.test.ts).
  const cases = profiles.filter((f) => f.name !== 'ember-2024-self-view').map((f) => [f.name, f] as const);

  it.each(cases)('%s: read on a first load, and after navigating from someone else', (_, f) => {
    const url = f.expected.url;
    const first = readPage(unlinked(f), url);
    expect(first.state).toBe('profile');
    expect(fields(first).firstName).toBe(f.expected.profile!.firstName!.value);
    expect(isPageSettled(unlinked(f), url)).toBe(true);

    const fromOther: ReadContext = { previous: { url: otherUrl(f), name: 'Zoé Quintal' } };
    expect(readPage(unlinked(f), url, fromOther)).toEqual(first);
    expect(isPageSettled(unlinked(f), url, fromOther)).toBe(true);

    // The previous person is this URL's (e.g. back from its contact-info overlay): nothing changed.
    const overlay = `${url.replace(/\?.*$/, '').replace(/\/?$/, '/')}overlay/contact-info/`;
    const samePerson: ReadContext = { previous: { url: overlay, name: shownName(f) } };
    expect(readPage(unlinked(f), url, samePerson)).toEqual(first);
  });

  it.each(cases)('%s: not read after navigating from someone with the same displayed name', (_, f) => {
    const url = f.expected.url;
    const context: ReadContext = { previous: { url: otherUrl(f), name: shownName(f) } };
    expect(readPage(unlinked(f), url, context)).toEqual(notRead(url));
    expect(isPageSettled(unlinked(f), url, context)).toBe(false);
  });

  it('the fixtures without links read on a first load, after navigation only under another name', () => {
    for (const name of ['ember-2025-limited', 'public-no-canonical', 'salesnav-2026-lead']) {
      const f = byName[name]!;
      const doc = parse(f.html);
      const url = f.expected.url;
      const read = readPage(doc, url);
      expect(read.state === 'profile' && read.profile).toEqual(f.expected.profile);
      expect(readPage(doc, url, { previous: { url: otherUrl(f), name: 'Zoé Quintal' } }).state).toBe('profile');
      expect(readPage(doc, url, { previous: { url: otherUrl(f), name: shownName(f) } })).toEqual(notRead(url));
    }
  });
});

describe('proof that does not depend on the card', () => {
  it('embedded JSON of the URL’s person is read before its card renders, whoever came before', () => {
    const f = byName['ember-2024-full-en']!;
    const doc = parse(f.html);
    doc.querySelector('main section')!.remove();
    const context: ReadContext = { previous: { url: otherUrl(f), name: 'Hugo Lambert' } };
    const read = readPage(doc, f.expected.url, context);
    expect(fields(read).firstName).toBe('Hugo');
    expect(read.state === 'profile' && read.profile.firstName?.strategy).toBe('bpr-json');
  });

  it('stale JSON never stands in for an unproven card: nothing is read, not a half profile', () => {
    // The DOM shows Anne Sophie Morel; the JSON still describes Maxime Renard, loaded first.
    const f = byName['ember-2024-stale-json']!;
    const maxime = 'https://www.linkedin.com/in/maxime-renard-5d2e90/';
    const doc = unlinked(f);
    expect(readPage(doc, maxime, previousIs(f))).toEqual(notRead(maxime));
    expect(isPageSettled(doc, maxime, previousIs(f))).toBe(false);
  });

  it('public page data that names nobody is not read after navigation without a card', () => {
    const f = byName['public-no-canonical']!;
    const doc = parse(f.html);
    doc.querySelector('.top-card-layout')!.remove();
    expect(readPage(doc, f.expected.url).state).toBe('profile');
    const context: ReadContext = { previous: { url: otherUrl(f), name: 'Zoé Quintal' } };
    expect(readPage(doc, f.expected.url, context)).toEqual(notRead(f.expected.url));
  });

  it('public page data that names nobody follows the page’s canonical URL', () => {
    const f = byName['public-profile']!;
    const doc = parse(f.html);
    doc.querySelector('.top-card-layout')!.remove();
    for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const data = JSON.parse(script.textContent ?? '');
      script.textContent = JSON.stringify(data, (key, value) => (key === 'url' || key === 'sameAs' ? undefined : value));
    }
    const url = otherUrl(f);
    expect(readPage(doc, url)).toEqual(notRead(url));
    const own = readPage(doc, f.expected.url);
    expect(own.state === 'profile' && own.profile.role?.strategy).toBe('json-ld');
  });

  it('Sales Navigator: a legacy card proves its lead id; a 2026 card is judged by its name', () => {
    const legacy = byName['salesnav-legacy-lead']!;
    const url = otherUrl(legacy);
    expect(readPage(parse(legacy.html), url)).toEqual(notRead(url));
    const modern = byName['salesnav-2026-lead']!;
    expect(readPage(parse(modern.html), url).state).toBe('profile'); // first load: the server rendered the lead
    expect(readPage(parse(modern.html), url, previousIs(modern))).toEqual(notRead(url));
  });
});

describe('member-token URLs', () => {
  const f = byName['ember-2024-full-en']!;
  const token = 'https://www.linkedin.com/in/ACoAAHl8Hugo9kWq3';

  it('the card’s vanity slug is read on a first load', () => {
    expect(fields(readPage(parse(f.html), token)).linkedinUrl).toBe('https://www.linkedin.com/in/hugo-lambert-7c1e92');
  });

  it('a card showing the previous person’s vanity slug is theirs', () => {
    const context: ReadContext = { previous: { url: f.expected.url, name: 'Someone Else' } };
    expect(readPage(parse(f.html), token, context)).toEqual(notRead(token));
  });

  it('nothing ties a vanity slug to the token: after navigation the name decides', () => {
    const other = 'https://www.linkedin.com/in/ACoAAZz0Prev1ous';
    expect(readPage(parse(f.html), token, { previous: { url: other, name: 'Hugo Lambert' } })).toEqual(notRead(token));
    expect(readPage(parse(f.html), token, { previous: { url: other, name: 'Zoé Quintal' } }).state).toBe('profile');
  });
});

// Seeded fuzz: random page mutations (undone after each case, as in robustness.test.ts)
// on a stale page, links kept or not, the previous name in any of its forms: the
// previous person's page never reads as the new URL.
const CASES = Number(process.env.ROBUSTNESS_CASES) || 30;
const SEED = Number(process.env.ROBUSTNESS_SEED) || 11;

describe('stale pages under random mutations', () => {
  it.each(profiles.map((f) => [f.name, f] as const))(`%s: ${CASES} mutated stale pages, never read`, (name, f) => {
    const rand = prng([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED));
    const url = otherUrl(f);
    const forms = sameNameForms(f.expected.profile!.firstName!.value, f.expected.profile!.lastName?.value ?? '');
    const pages = [parse(f.html), unlinked(f)];
    for (let i = 0; i < CASES; i++) {
      const doc = pages[i % 2]!;
      const undo: (() => void)[] = [];
      const applied: string[] = [];
      for (let n = Math.floor(rand() * 4); n > 0; n--) {
        const mutation = MUTATIONS[Math.floor(rand() * MUTATIONS.length)]!;
        const u = mutation.apply(doc, rand);
        if (!u) continue;
        undo.push(u);
        applied.push(mutation.name);
      }
      const context = previousIs(f, forms[Math.floor(rand() * forms.length)]);
      const label = `${name} case ${i}: ${applied.join(', ')} / ${context.previous!.name}`;
      expect(readPageUnguarded(doc, url, context), label).toEqual(notRead(url));
      expect(isPageSettled(doc, url, context), label).toBe(false);
      undo.reverse().forEach((u) => u());
    }
  }, Math.max(5000, CASES * 100));
});
