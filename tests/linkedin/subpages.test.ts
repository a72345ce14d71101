// @vitest-environment happy-dom
// The member's own profile (self view, edit views, /in/me/) and profile sub-pages
// (/details/experience/, /recent-activity/): what the page shows for that member,
// never the viewer's own card on someone else's page.
import { describe, expect, it } from 'vitest';
import { isPageSettled, readPage } from '../../utils/linkedin/read-page';
import { profileSubPage } from '../../utils/linkedin/url';
import { fixtures, parse } from './helpers';

const byName = Object.fromEntries(fixtures().map((f) => [f.name, f]));
const values = (read: ReturnType<typeof readPage>) =>
  read.state === 'profile' ? Object.fromEntries(Object.entries(read.profile).map(([k, v]) => [k, v.value])) : {};

describe('profile sub-pages', () => {
  it('tells sub-pages from the profile, its overlays and edit views', () => {
    expect(profileSubPage('https://www.linkedin.com/in/x/details/experience/')).toBe('details/experience');
    expect(profileSubPage('https://www.linkedin.com/in/x/recent-activity/all/')).toBe('recent-activity/all');
    expect(profileSubPage('https://www.linkedin.com/in/x/')).toBeUndefined();
    expect(profileSubPage('https://www.linkedin.com/in/x/overlay/contact-info/')).toBeUndefined();
    expect(profileSubPage('https://www.linkedin.com/in/x/edit/intro/')).toBeUndefined();
  });

  it('reads the own profile at /in/me/ under its real address', () => {
    const f = byName['ember-2024-self-view']!;
    const read = readPage(parse(f.html), 'https://www.linkedin.com/in/me/');
    expect(values(read)).toMatchObject({ firstName: 'Léa', lastName: 'Fontaine', linkedinUrl: 'https://www.linkedin.com/in/lea-fontaine-2b9d01' });
  });

  it('never reads a card without proof that shows the viewer’s name', () => {
    const f = byName['ember-2024-recent-activity']!;
    const doc = parse(f.html);
    // Make the viewer's identity card look like a top card: still not the member's.
    doc.querySelector('.feed-identity-module')!.setAttribute('data-member-id', '7710042');
    const url = 'https://www.linkedin.com/in/zoe-quintal-0a1b2c/';
    expect(readPage(doc, url)).toEqual({ state: 'not-a-profile', url });
    expect(isPageSettled(doc, url)).toBe(false);
    // At the sub-page's own address the title names the member; the viewer's card is not read.
    expect(values(readPage(doc, f.expected.url))).toMatchObject({ firstName: 'Hélène', lastName: 'Garnier' });
  });

  it('a sub-page left on screen is not read under the next member’s sub-page address', () => {
    const f = byName['ember-2024-details-experience']!;
    const url = 'https://www.linkedin.com/in/zoe-quintal-0a1b2c/details/experience/';
    const context = { previous: { url: f.expected.url, name: 'Sofia Marquez' } };
    expect(readPage(parse(f.html), url, context)).toEqual({ state: 'not-a-profile', url });
    expect(isPageSettled(parse(f.html), url, context)).toBe(false);
  });
});
