// @vitest-environment happy-dom
// Scenarios around the fixtures: in-page navigation, member-token URLs, page
// states, and the promise never to touch the page.
import { describe, expect, it } from 'vitest';
import { isPageSettled, readPage } from '../../utils/linkedin/read-page';
import { PageReadSchema } from '../../utils/profile';
import { fixtures, parse } from './helpers';

const byName = Object.fromEntries(fixtures().map((f) => [f.name, f]));
const doc = (name: string) => parse(byName[name]!.html);
const fields = (read: ReturnType<typeof readPage>) =>
  read.state === 'profile' ? Object.fromEntries(Object.entries(read.profile).map(([k, v]) => [k, v.value])) : {};

describe('in-page navigation', () => {
  it.each([
    ['ember-2024-full-en', 'https://www.linkedin.com/in/anne-sophie-morel-3f8a21/'],
    ['ember-2025-fr', 'https://www.linkedin.com/in/hugo-lambert-7c1e92/'],
    ['sdui-2026-en', 'https://www.linkedin.com/in/zaynab-k/'],
    ['public-profile', 'https://www.linkedin.com/in/hugo-lambert-7c1e92/'],
    ['salesnav-legacy-lead', 'https://www.linkedin.com/sales/lead/ACwAAB3xY7kQpL2mN8vR4tZ1sW6uE0oIaHc,NAME_SEARCH,pQ7x'],
  ])('%s still on screen at another person’s URL: not settled, nothing read', (name, url) => {
    const page = doc(name);
    expect(isPageSettled(page, url)).toBe(false);
    expect(readPage(page, url)).toEqual({ state: 'not-a-profile', url });
  });

  it('the feed still on screen at a profile URL is not read as that profile', () => {
    const url = 'https://www.linkedin.com/in/hugo-lambert-7c1e92/';
    expect(isPageSettled(doc('feed'), url)).toBe(false);
    expect(readPage(doc('feed'), url)).toEqual({ state: 'not-a-profile', url });
  });

  it('uses embedded JSON of the URL’s person while the top card is not rendered yet', () => {
    const page = doc('ember-2024-full-en');
    page.querySelector('main section')!.remove();
    const url = 'https://www.linkedin.com/in/hugo-lambert-7c1e92/';
    expect(isPageSettled(page, url)).toBe(false);
    const read = readPage(page, url);
    expect(fields(read)).toEqual({
      firstName: 'Hugo',
      lastName: 'Lambert',
      headline: 'Product Manager chez Cartoval | Mobilité urbaine',
      // No position and no current company shown yet: a headline is not a job title.
      city: 'Bordeaux',
      country: 'France',
      linkedinUrl: 'https://www.linkedin.com/in/hugo-lambert-7c1e92',
    });
    expect(read.state === 'profile' && read.profile.firstName?.strategy).toBe('bpr-json');
  });

  it('never uses stale JSON of another person, even with no top card', () => {
    const page = doc('ember-2024-stale-json');
    page.querySelector('main')!.remove();
    const url = 'https://www.linkedin.com/in/anne-sophie-morel-3f8a21/';
    expect(readPage(page, url)).toEqual({ state: 'not-a-profile', url });
  });

  it('ignores an Experience card that belongs to another member', () => {
    const ember = doc('ember-2024-full-en');
    const link = ember.createElement('a');
    link.setAttribute('href', 'https://www.linkedin.com/in/maxime-renard-5d2e90/details/experience/');
    ember.querySelector('#experience')!.append(link);
    const emberRead = readPage(ember, 'https://www.linkedin.com/in/hugo-lambert-7c1e92/');
    expect(emberRead.state === 'profile' && emberRead.profile.role).toEqual({
      value: 'Product Manager',
      strategy: 'headline-fallback',
      source: 'headline',
      certain: false,
    });

    const sdui = doc('sdui-2026-en');
    const section = sdui.querySelector('[componentkey$="ExperienceTopLevelSection"]')!;
    section.setAttribute('componentkey', 'com.linkedin.sdui.profile.card.refACoAAOtherMember1ExperienceTopLevelSection');
    const sduiRead = readPage(sdui, 'https://www.linkedin.com/in/sophie-nguyen-pm/');
    // Its headline names no company: without the Experience card no role is read.
    expect(sduiRead.state === 'profile' && sduiRead.profile.role).toBeUndefined();
    expect(sduiRead.state === 'profile' && sduiRead.profile.company?.value).toBe('Lumen Pay');
  });

  it('reads the vanity URL when the address holds a member token', () => {
    const url = 'https://www.linkedin.com/in/ACoAAHl8Hugo9kWq3';
    const read = readPage(doc('ember-2024-full-en'), url);
    expect(fields(read).linkedinUrl).toBe('https://www.linkedin.com/in/hugo-lambert-7c1e92');
    expect(fields(read).firstName).toBe('Hugo');
    expect(isPageSettled(doc('ember-2024-full-en'), url)).toBe(true);
  });
});

describe('page states', () => {
  const profileUrl = 'https://www.linkedin.com/in/someone-1/';

  it('reports the auth wall, checkpoint and not-found pages at any URL', () => {
    expect(readPage(doc('authwall'), 'https://www.linkedin.com/').state).toBe('authwall');
    expect(readPage(doc('checkpoint'), profileUrl).state).toBe('checkpoint');
    expect(readPage(doc('not-found'), profileUrl).state).toBe('not-found');
  });

  it('trusts the URL for the auth wall and checkpoint paths', () => {
    const empty = parse('<html><body></body></html>');
    expect(readPage(empty, 'https://www.linkedin.com/authwall?trk=x').state).toBe('authwall');
    expect(readPage(empty, 'https://www.linkedin.com/checkpoint/challenge/x').state).toBe('checkpoint');
    expect(isPageSettled(empty, 'https://www.linkedin.com/authwall?trk=x')).toBe(true);
  });

  it.each([
    ['<title>LinkedIn : S’identifier ou s’inscrire</title>', 'authwall'],
    ['<title>Profil introuvable | LinkedIn</title>', 'not-found'],
    ['<title>Page introuvable | LinkedIn</title>', 'not-found'],
    ['<title>Security Verification | LinkedIn</title>', 'checkpoint'],
  ])('%s', (head, state) => {
    expect(readPage(parse(`<html><head>${head}</head><body><main></main></body></html>`), profileUrl).state).toBe(state);
  });

  it('an empty or unrelated page at a profile URL is not a profile, and not settled', () => {
    const empty = parse('<html><body><main><h1>Loading</h1></main></body></html>');
    expect(readPage(empty, profileUrl)).toEqual({ state: 'not-a-profile', url: profileUrl });
    expect(isPageSettled(empty, profileUrl)).toBe(false);
    expect(readPage(empty, 'https://example.com/in/x').state).toBe('not-a-profile');
    expect(isPageSettled(empty, 'https://www.linkedin.com/feed/')).toBe(true);
  });
});

describe('read-only', () => {
  it.each(Object.keys(byName))('%s is left untouched', (name) => {
    const page = doc(name);
    const before = page.documentElement.outerHTML;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(page, { subtree: true, childList: true, attributes: true, characterData: true });
    const read = readPage(page, byName[name]!.expected.url);
    isPageSettled(page, byName[name]!.expected.url);
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes).toEqual([]);
    expect(page.documentElement.outerHTML).toBe(before);
    expect(PageReadSchema.safeParse(read).success).toBe(true);
  });
});

describe('contact info', () => {
  it('is read only from the contact-info view of the URL’s person', () => {
    const page = doc('ember-contact-overlay');
    const url = 'https://www.linkedin.com/in/nadia-cherif/overlay/contact-info/';
    // A messaging bubble with the person: it links to them but its links are not theirs.
    const bubble = page.createElement('div');
    bubble.setAttribute('role', 'dialog');
    bubble.innerHTML =
      '<a href="/in/nadia-cherif/">Nadia Cherif</a><a href="mailto:someone@else.example">someone@else.example</a>' +
      '<a href="https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fshared.example">shared.example</a>';
    page.body.prepend(bubble);
    const read = readPage(page, url);
    expect(read.state === 'profile' && read.profile.email?.value).toBe('n.cherif@cherif-lenoir-avocats.fr');
    expect(read.state === 'profile' && read.profile.website?.value).toBe('https://www.cherif-lenoir-avocats.fr');

    // The same overlay for someone else gives nothing.
    const other = doc('ember-contact-overlay');
    other.querySelector('.pv-contact-info a[href*="/in/"]')!.setAttribute('href', 'https://www.linkedin.com/in/bruno-lenoir');
    const otherRead = readPage(other, url);
    expect(otherRead.state === 'profile' && [otherRead.profile.email, otherRead.profile.phone]).toEqual([
      undefined,
      undefined,
    ]);
  });
});
