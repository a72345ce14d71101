// The HTML served in place of linkedin.com: our own fixtures, looked up by URL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_PAGES, LINKEDIN_FIXTURES } from './paths';
import { listPageHtml } from '../../tests/support/list-page';
import { SCENARIO_LIST_URL, scenario } from '../../tests/support/list-scenario';

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

/** Answers one LinkedIn URL; the browser helpers call it for every linkedin.com request. */
export type LinkedInServer = (url: string) => Served;

const HTML = 'text/html; charset=utf-8';

export const DEMO_PROFILE = {
  url: 'https://www.linkedin.com/in/elodie-marchand-demo/',
  canonicalUrl: 'https://www.linkedin.com/in/elodie-marchand-demo',
  firstName: 'Élodie',
  lastName: 'Marchand',
  /** What tests/fixtures/linkedin/demo-profile.html shows for the other profile fields. */
  more: {
    headline: 'Directrice commerciale chez Brasserie Lumière | Bières artisanales',
    role: 'Directrice commerciale',
    company: 'Brasserie Lumière',
    city: 'Lyon',
    country: 'France',
  },
};

/** The job-change profile (tests/fixtures/linkedin/job-change-profile.html); the sandbox contact is still at the old company. */
export const JOB_CHANGE_PROFILE = {
  url: 'https://www.linkedin.com/in/julien-mercier-demo/',
  canonicalUrl: 'https://www.linkedin.com/in/julien-mercier-demo',
  firstName: 'Julien',
  lastName: 'Mercier',
  oldCompany: 'Fromagerie Dubois',
  newCompany: 'Maison Vernet',
  newRole: 'Directeur des achats',
  since: 'Sep 2025',
};

/** The two people of the navigation pages in e2e/pages/. */
export const PERSON_A = {
  url: 'https://www.linkedin.com/in/camille-rousseau-e2e/',
  canonicalUrl: 'https://www.linkedin.com/in/camille-rousseau-e2e',
  firstName: 'Camille',
  lastName: 'Rousseau',
};
export const PERSON_B = {
  url: 'https://www.linkedin.com/in/bastien-leroy-e2e/',
  canonicalUrl: 'https://www.linkedin.com/in/bastien-leroy-e2e',
  firstName: 'Bastien',
  lastName: 'Leroy',
};

export const FEED_URL = 'https://www.linkedin.com/feed/';
export const AUTHWALL_URL =
  'https://www.linkedin.com/authwall?trk=bf&trkInfo=AQ_e2e&original_referer=&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fcamille-rousseau-e2e%2F';

const cache = new Map<string, string>();
function load(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}

const e2ePage = (name: string) => load(path.join(E2E_PAGES, name));
const fixture = (name: string) => load(path.join(LINKEDIN_FIXTURES, name));

function html(body: string, status = 200): Served {
  return { status, contentType: HTML, body };
}

/** The list page of the bulk scenario (tests/support/list-scenario.ts): 25 Sales Navigator leads. */
export const LIST_URL = SCENARIO_LIST_URL;
const LIST_PATH = new URL(SCENARIO_LIST_URL).pathname;
const listPage = () => html(listPageHtml(scenario().map((p) => p.row)));

/** Path (without trailing slash) → page, for the e2e suites. */
const E2E_ROUTES: Record<string, () => Served> = {
  '/in/elodie-marchand-demo': () => html(fixture('demo-profile.html')),
  '/in/julien-mercier-demo': () => html(fixture('job-change-profile.html')),
  '/in/camille-rousseau-e2e': () => html(e2ePage('person-a.html')),
  '/in/bastien-leroy-e2e': () => html(e2ePage('person-b.html')),
  '/feed': () => html(e2ePage('feed.html')),
  [LIST_PATH]: listPage,
  '/authwall': () => html(e2ePage('authwall.html')),
  '/__e2e/spa-navigation.js': () => ({ status: 200, contentType: 'text/javascript; charset=utf-8', body: e2ePage('spa-navigation.js') }),
};

function routeKey(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, '');
}

export const e2eLinkedIn: LinkedInServer = (url) => E2E_ROUTES[routeKey(url)]?.() ?? html(e2ePage('not-served.html'), 404);

const DEMO_ROUTES: Record<string, string> = {
  '/in/elodie-marchand-demo': 'demo-profile.html',
  '/in/julien-mercier-demo': 'job-change-profile.html',
};

/** The demo serves its two profiles and the demo list; any other LinkedIn address explains that. */
export const demoLinkedIn: LinkedInServer = (url) => {
  const key = routeKey(url);
  if (key === LIST_PATH) return listPage();
  const page = DEMO_ROUTES[key];
  return page ? html(fixture(page)) : html(e2ePage('not-served.html'), 404);
};

/** Every linkedin.com host, with or without a subdomain. */
export const LINKEDIN_URL = /^https:\/\/([a-z0-9-]+\.)*linkedin\.com\//i;
