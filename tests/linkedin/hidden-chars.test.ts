// @vitest-environment happy-dom
// Controls, bidi overrides and zero-width characters injected into every text,
// attribute and embedded-JSON string of every fixture: the read never holds
// one, passes the message schema, and (injected into text only) reads exactly
// as the clean page. A field read this way is accepted by the PATCH schema.
import { describe, expect, it } from 'vitest';
import { readPageUnguarded } from '../../utils/linkedin/read-page';
import { PageReadSchema, type PageRead } from '../../utils/profile';
import { ContactPatchSchema } from '../../utils/skipcall/schemas';
import { HIDDEN_CHARS, WHITESPACE_CONTROLS, codePoint, inject } from '../support/hidden-chars';
import { prng } from '../support/prng';
import { fixtures, parse, values } from './helpers';

const CASES = Number(process.env.ROBUSTNESS_CASES) || 6;
const SEED = Number(process.env.ROBUSTNESS_SEED) || 5;

// Attributes that carry text the reader may use (labels, photo titles, meta content).
const TEXT_ATTRIBUTES = ['aria-label', 'title', 'alt', 'content'];
// JSON strings that identify rather than describe: ids, URNs, URLs, types.
const IDENTITY_KEY = /^(?:publicIdentifier|entityUrn|url|sameAs|flagshipProfileUrl|@type|\$type|\*.*)$/;
const JSON_BLOCKS = 'code, script[type="application/ld+json"]';

type Rand = () => number;

/** Injects into every string of a JSON document; identifiers too when `everything`. */
function injectJson(text: string, chars: readonly string[], rand: Rand, everything: boolean): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(data, (key, value) =>
    typeof value === 'string' && (everything || (!IDENTITY_KEY.test(key) && !/^(?:urn:|https?:)/.test(value)))
      ? inject(value, chars, rand)
      : value,
  );
}

/**
 * Text mode: text nodes, text attributes and descriptive JSON strings (what a
 * person could type into their profile). Everything mode: every attribute and
 * JSON string too, identifiers, classes and hooks included.
 */
function poison(doc: Document, chars: readonly string[], rand: Rand, everything: boolean): void {
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const node of texts) {
    const parent = node.parentElement;
    if (parent?.closest('script, style, code')) continue;
    if (node.data.trim()) node.data = inject(node.data, chars, rand);
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (everything || TEXT_ATTRIBUTES.includes(attr.name)) el.setAttribute(attr.name, inject(attr.value, chars, rand));
    }
  }
  for (const block of doc.querySelectorAll(JSON_BLOCKS)) {
    block.textContent = injectJson(block.textContent ?? '', chars, rand, everything);
  }
}

const REFUSED = [...HIDDEN_CHARS, ...WHITESPACE_CONTROLS];
const carried = (read: PageRead) =>
  values(read).flatMap((v) => REFUSED.filter((ch) => v.includes(ch)).map((ch) => `${codePoint(ch)} in ${JSON.stringify(v)}`));

describe('hidden characters on the page never reach the read', () => {
  for (const { name, html, expected } of fixtures()) {
    const baseline = readPageUnguarded(parse(html), expected.url);

    it(`${name}: injected into texts, the read is the clean page's`, () => {
      const rand = prng([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED));
      for (let i = 0; i < CASES; i++) {
        const doc = parse(html);
        poison(doc, HIDDEN_CHARS, rand, false);
        const read = readPageUnguarded(doc, expected.url);
        expect(carried(read), `${name} case ${i}`).toEqual([]);
        expect(read, `${name} case ${i}`).toEqual(baseline);
      }
    });

    it(`${name}: injected everywhere (whitespace controls too), the read holds none and is valid`, () => {
      const rand = prng([...name].reduce((h, c) => (h * 37 + c.charCodeAt(0)) | 0, SEED));
      for (let i = 0; i < CASES; i++) {
        const doc = parse(html);
        poison(doc, REFUSED, rand, true);
        const read = readPageUnguarded(doc, expected.url);
        expect(carried(read), `${name} case ${i}`).toEqual([]);
        expect(PageReadSchema.safeParse(read).success, `${name} case ${i}`).toBe(true);
        if (read.state !== 'profile') continue;
        // Every field read is one the PATCH schema accepts (the diff maps website to url).
        const { firstName, lastName, role, company, city, country, linkedinUrl, linkedinSalesUrl, website, email } =
          read.profile;
        const patch = Object.fromEntries(
          Object.entries({ firstName, lastName, role, company, city, country, linkedinUrl, linkedinSalesUrl, url: website, email })
            .filter(([, f]) => f)
            .map(([k, f]) => [k, f!.value.slice(0, k.endsWith('Name') ? 100 : 200)]),
        );
        expect(ContactPatchSchema.safeParse(patch).error?.issues, `${name} case ${i}`).toBeUndefined();
      }
    });
  }
});
