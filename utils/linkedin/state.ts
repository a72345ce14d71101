// Pages that stand for a profile without showing one: auth wall, "profile not
// found", security checkpoint. Detected by page keys and landmarks, then by
// title (EN/FR); never reported as a half-read profile.
import { clean } from './text';

export type TerminalState = 'authwall' | 'not-found' | 'checkpoint';

const SEL = {
  pageKey: 'meta[name="pageKey"]',
  // not-found.html: the guest page keeps the public-profile pageKey; its canonical points to /public-profile/.
  notFound: '.page-not-found, .not-found__header, link[rel="canonical"][href*="/public-profile/in/"]',
  // authwall.html: the guest homepage served instead of a profile.
  authwall: '.authwall-join-form, form#join-form, [data-test-id="hero__headline"]',
  // checkpoint.html
  checkpoint: '#captcha-internal, form[action*="/checkpoint/"]',
} as const;

const AUTH_KEY = /guest-home|guest_home|auth_?wall|login|registration/i;
const AUTH_TITLE = /^linkedin\s*:\s*(?:log\s*in|sign\s*(?:in|up)|s.identifier|se\s+connecter|s.inscrire)/i;
const NOT_FOUND_TITLE = /^(?:profile|page)\s+not\s+found|^(?:profil|page)\s+introuvable|^this page doesn.t exist|^cette page n.existe pas/i;
const CHECKPOINT_KEY = /checkpoint|captcha/i;
const CHECKPOINT_TITLE = /^security verification|^v[ée]rification de s[ée]curit[ée]/i;

export function terminalState(doc: Document): TerminalState | null {
  const key = clean(doc.querySelector(SEL.pageKey)?.getAttribute('content'));
  const title = clean(doc.title);
  if (CHECKPOINT_KEY.test(key) || CHECKPOINT_TITLE.test(title) || doc.querySelector(SEL.checkpoint)) return 'checkpoint';
  if (NOT_FOUND_TITLE.test(title) || doc.querySelector(SEL.notFound)) return 'not-found';
  if (AUTH_KEY.test(key) || AUTH_TITLE.test(title) || doc.querySelector(SEL.authwall)) return 'authwall';
  return null;
}
