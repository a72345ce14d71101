// The contact-info overlay (/in/<slug>/overlay/contact-info/) when it is open:
// the only place a logged-in profile shows email, phone and websites.
import { hrefSlugs, txt } from './dom';
import { clean } from './text';
import type { Reading } from './types';
import { externalUrl } from './url';

const SEL = {
  // ember-contact-overlay.html (Ember modal); the SDUI overlay hooks come from the research notes.
  // Only contact-info views: a messaging dialog also links to the person but shows other links.
  overlay: '.pv-contact-info, [data-view-name^="profile-contact-info"], [componentkey*="ContactInfoDetailSection"]',
  profileLink: 'a[href*="/in/"]',
  email: 'a[href^="mailto:"]',
  phone: 'a[href^="tel:"], .ci-phone li, .ci-phone .t-14, [data-view-name="contact-phone"]',
  websites: '.ci-websites a[href], [data-view-name="contact-website"] a[href], a[href*="/redir/redirect"]',
} as const;

const PHONE = /\+?\d[\d\s().-]{5,}\d/;

export function readContactOverlay(doc: Document, slug: string, source: string): Reading | null {
  // The overlay links to the profile whose contact info it shows.
  const overlay = [...doc.querySelectorAll(SEL.overlay)].find((o) => hrefSlugs(o, SEL.profileLink).includes(slug));
  if (!overlay) return null;
  const email = clean(overlay.querySelector(SEL.email)?.getAttribute('href')?.slice(7).split('?')[0]);
  const phones = [...overlay.querySelectorAll(SEL.phone)].map((el) => txt(el) || clean(el.getAttribute('href')));
  return {
    source,
    email: email.includes('@') ? email : undefined,
    phone: phones.map((p) => PHONE.exec(p)?.[0]).find(Boolean),
    website: [...overlay.querySelectorAll(SEL.websites)].map((a) => externalUrl(a.getAttribute('href'))).find(Boolean),
  };
}
