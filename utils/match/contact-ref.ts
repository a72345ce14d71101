// A Skipcall contact reference pasted by the user: a bare contact id or a link
// copied from the Skipcall app. Ids are UUIDs in every documented example, but
// the format is not promised, so any plausible API id is accepted.
import type { MessageKey } from '../i18n';

export type ContactRefProblem = 'empty' | 'format';
export type ContactRefResult = { ok: true; contactId: string } | { ok: false; problem: ContactRefProblem };

const CONTACT_ID = /^[A-Za-z0-9_-]{6,64}$/;
/** skipcall.app, app.skipcall.app, api-staging.skipcall.dev… but not skipcalls.com (another product). */
const SKIPCALL_HOST = /(^|\.)skipcall\.[a-z]{2,}$/i;
const CONTACT_SEGMENT = /^contacts?$/i;
/** App routes that sit where an id would and are long enough to pass for one. */
const ROUTE_WORDS = new Set(['import', 'export', 'create', 'search', 'settings', 'archived', 'deleted']);
const ID_PARAMS = ['contactId', 'contactid', 'contact_id', 'id'];

/** The message explaining each problem (public/_locales). */
export const CONTACT_REF_MESSAGES: Readonly<Record<ContactRefProblem, MessageKey>> = {
  empty: 'contactRefEmpty',
  format: 'contactRefFormat',
};

function isContactId(value: string | null | undefined): value is string {
  return !!value && CONTACT_ID.test(value) && !ROUTE_WORDS.has(value.toLowerCase());
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The id after a `contacts`/`contact` segment, else in a `contactId`/`id` parameter. */
function idInLocation(path: string, search: URLSearchParams): string | undefined {
  const segments = path.split('/').map(safeDecode);
  for (let i = 0; i < segments.length - 1; i++) {
    const next = segments[i + 1];
    if (CONTACT_SEGMENT.test(segments[i] ?? '') && isContactId(next)) return next;
  }
  for (const name of ID_PARAMS) {
    const value = search.get(name)?.trim();
    if (isContactId(value)) return value;
  }
  return undefined;
}

function parseSkipcallUrl(text: string): URL | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return /^https?:$/.test(url.protocol) && SKIPCALL_HOST.test(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

export function parseContactRef(input: string): ContactRefResult {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (isContactId(text)) return { ok: true, contactId: text };
  const url = parseSkipcallUrl(text);
  if (!url) return { ok: false, problem: 'format' };
  // Single-page apps may route in the hash: #/contacts/<id>?tab=calls.
  const hash = url.hash.replace(/^#!?/, '');
  const [hashPath = '', hashQuery = ''] = hash.split('?');
  const contactId = idInLocation(url.pathname, url.searchParams) ?? idInLocation(hashPath, new URLSearchParams(hashQuery));
  return contactId ? { ok: true, contactId } : { ok: false, problem: 'format' };
}
