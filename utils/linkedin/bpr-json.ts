// Embedded `<code>` JSON (Ember "bpr" blobs). Used only when it describes the
// URL's person: after in-page navigation it still holds the first profile
// loaded, and it always holds the viewer too.
import { parseJson, str } from './dom';
import type { Reading } from './types';

// ember-2024-full-en.html, ember-2024-stale-json.html, salesnav-legacy-lead.html
const CODE = 'code[id^="bpr-guid-"]';

/** Blobs that mention `needle`, parsed; the text test keeps large unrelated blobs unparsed. */
function* blobs(doc: Document, needle: string): Generator<any> {
  for (const code of doc.querySelectorAll(CODE)) {
    const text = code.textContent ?? '';
    if (text.includes(needle)) yield parseJson(text) ?? {};
  }
}

const list = (v: unknown): any[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);

/** Voyager `Profile` entity whose publicIdentifier is the URL slug, with its Geo. */
export function readVoyagerJson(doc: Document, slug: string): Reading | null {
  for (const data of blobs(doc, slug)) {
    const entities = list(data.included);
    // By vanity slug, or by member token for /in/ACoAA… URLs.
    const person = entities.find(
      (e) =>
        (str(e.publicIdentifier).toLowerCase() === slug || str(e.entityUrn).endsWith(`:${slug}`)) && str(e.firstName),
    );
    if (!person) continue;
    const byUrn = (urn: unknown) => (urn ? entities.find((e) => e.entityUrn === urn) : undefined);
    const geo = byUrn(person.geoLocation?.['*geo']);
    return {
      source: 'bpr-json',
      firstName: str(person.firstName),
      lastName: str(person.lastName),
      headline: str(person.headline),
      location: str(geo?.defaultLocalizedName) || str(person.locationName) || str(person.geoLocationName),
      country: str(byUrn(geo?.['*country'])?.defaultLocalizedName),
    };
  }
  return null;
}

const firstOf = (items: unknown, key: string) => list(items).map((x) => str(x[key])).find(Boolean);

/** Sales Navigator `salesApiProfiles` response for the URL's lead (its entityUrn holds the lead id). */
export function readSalesApiJson(doc: Document, leadId: string): Reading | null {
  for (const data of blobs(doc, leadId)) {
    const urn = str(data.entityUrn);
    if (!urn.includes(`(${leadId},`) && !urn.endsWith(`:${leadId}`)) continue;
    const contact = data.contactInfo ?? {};
    const positions = list(Array.isArray(data.positions) ? data.positions : [data.defaultPosition]);
    return {
      source: 'salesnav-bpr-json',
      firstName: str(data.firstName),
      lastName: str(data.lastName),
      name: str(data.fullName),
      headline: str(data.headline),
      // The lead's own location; position locations belong to the job.
      location: str(data.location),
      positions: positions
        .filter((p) => p.current === true)
        .map((p) => ({ role: str(p.title), company: str(p.companyName) })),
      profileUrl: str(data.flagshipProfileUrl),
      email: str(contact.primaryEmail) || firstOf(contact.emails, 'emailAddress'),
      phone: firstOf(contact.phoneNumbers, 'number'),
      website: firstOf(contact.websites, 'url'),
    };
  }
  return null;
}
