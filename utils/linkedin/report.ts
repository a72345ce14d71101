// A page report for breakage: the page's tag/attribute skeleton with every text and
// URL replaced by placeholders of the same length and script, plus the reader's
// per-field result masked the same way. No personal data leaves the machine; a
// maintainer turns it back into a fixture (scripts/report-to-fixture.ts).
// Pure: runs in the popup on a copy of the page, never on LinkedIn's DOM.
import type { PageRead, Profile, ReadField } from '../profile';
import { placeWords } from './location';
import { fold } from './text';
import { parseLinkedInUrl } from './url';

export const REPORT_FORMAT = 'skipcall-enrich-page-report/1';

export interface PageReport {
  format: typeof REPORT_FORMAT;
  /** The page address, masked like the page. */
  url: string;
  state: PageRead['state'];
  kind?: string;
  /** The reader's result per field, values masked. */
  profile?: Profile;
  html: string;
}

// Words the reader matches on (UI labels, dates, separators, titles, badges, pronouns) in EN/FR:
// kept as they are, like place names the reader's tables know. Everything else is masked.
const UI =
  'present current aujourd hui actuel actuelle heute at chez bei en bij presso company click to skip experience card ' +
  'education entreprise cliquez pour accéder à la le les l carte contact info coordonnées message envoyer un une has ' +
  'verifications a des vérifications connect invite follow more plus suivre se connecter about propos infos expérience ' +
  'formation connections relations followers abonnés de du d et sa périphérie greater area metropolitan metro region ' +
  'bay région métropolitaine agglomération full time part self employed freelance contract internship apprenticeship ' +
  'temps plein partiel indépendant cdi cdd stage alternance yrs yr mos mo years year months month ans an mois jan feb ' +
  'mar apr may jun jul aug sep sept oct nov dec janv févr mars avr mai juin juil août déc 1st 2nd 3rd 1er 2e 3e degree ' +
  'premium verified vérifié vérifiée he him his she her hers they them il elle lui iel iels ielle ille dr dre prof pr ' +
  'me mr mrs ms mme mlle m sir mba emba md msc ms ma ba bsc phd ph jr sr cpa cfa pmp ex former ancien previously view ' +
  'profile linkedin voir profil sales navigator lead page open actions overflow menu edit intro show all see activity ' +
  'activité details back main you vous me hybrid remote on site sur hybride télétravail';
let vocabulary: Set<string> | undefined;
const keep = (word: string) => (vocabulary ??= new Set([...UI.split(' ').map(fold), ...placeWords()])).has(fold(word));

/** FNV-1a over the salt and a string. */
function hash(salt: string, text: string): number {
  let h = 0x811c9dc5;
  for (const c of salt + text) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

// Placeholder alphabets per script: [first code point, size].
const SCRIPTS: [RegExp, number, number][] = [
  [/\p{Script=Han}/u, 0x4e00, 2000],
  [/\p{Script=Hiragana}/u, 0x3041, 80],
  [/\p{Script=Katakana}/u, 0x30a1, 80],
  [/\p{Script=Hangul}/u, 0xac00, 2000],
  [/\p{Script=Cyrillic}/u, 0x0430, 32],
  [/\p{Script=Greek}/u, 0x03b1, 24],
  [/\p{Script=Arabic}/u, 0x0628, 20],
  [/\p{Script=Hebrew}/u, 0x05d0, 27],
];

/** A word → same length, same script and case, letters drawn from its folded form (consistent, not reversible). */
function maskWord(word: string, salt: string): string {
  const base = fold(word) || word;
  // A member token keeps its "ACoAA" prefix: the reader tells tokens from vanity slugs by it.
  const prefix = /^AC[a-zA-Z]AA/.test(word) ? word.slice(0, 5) : '';
  let out = prefix;
  let i = prefix.length;
  for (const c of word.slice(prefix.length)) {
    const h = hash(salt, `${base}#${i++}`);
    if (/\d/.test(c)) out += String(h % 10);
    else if (/\p{Script=Latin}/u.test(c)) {
      const letter = String.fromCharCode(97 + (h % 26));
      out += c === c.toUpperCase() && c !== c.toLowerCase() ? letter.toUpperCase() : letter;
    } else {
      const script = SCRIPTS.find(([re]) => re.test(c));
      if (script) {
        const ch = String.fromCodePoint(script[1] + (h % script[2]));
        out += c === c.toUpperCase() && c !== c.toLowerCase() ? ch.toUpperCase() : ch;
      } else out += /\p{L}/u.test(c) ? 'x' : c;
    }
  }
  return out;
}

// Words; scripts written without spaces character by character (a name may be split anywhere).
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const WORD = new RegExp(`[${CJK}]|[^\\s\\p{P}\\p{S}\\p{Z}\\p{C}${CJK}]+`, 'gu');
const YEAR = /^(?:19|20)\d\d$/;

/** Text → every word masked except the reader's vocabulary and years. */
export function maskText(text: string, salt: string): string {
  return text.replace(WORD, (w) => (keep(w) || YEAR.test(w) ? w : maskWord(w, salt)));
}

/** Percent-escapes stay (a redirect target must still decode); every other word is masked. */
function maskUrl(url: string, salt: string): string {
  return url
    .split(/(%(?:25)*[0-9a-f]{2})/i)
    .map((part, i) => (i % 2 ? part : part.replace(WORD, (w) => (URL_WORDS.has(w.toLowerCase()) || YEAR.test(w) ? w : maskWord(w, salt)))))
    .join('');
}
// Path and host words that say what a link is (not whom).
const URL_WORDS = new Set(
  ('https http www linkedin com in overlay contact info about this profile details experience recent activity all edit ' +
    'intro forms sales lead people company school redir redirect safety go url urlhash trk search results mynetwork ' +
    'messaging compose recipient feed jobs public v3 desktop fr be ch ca uk de es it au jp cn br nl se sg ie shared ' +
    'connections voyager api graphql queryid vanityname salesapiprofiles profileid authtype name search authtoken mailto tel ' +
    'twitter x facebook instagram youtube github')
    .split(' '),
);

/** Structural identifiers (classes, componentkeys, test ids): only member tokens, the slug's words and numbers are masked. */
function maskIdentifier(value: string, salt: string, secrets: Set<string>): string {
  // The slug's words are the person's name, even inside a longer identifier ("…ExperienceOnlyjean-dupont").
  for (const secret of secrets) value = value.replace(new RegExp(secret, 'gi'), (m) => maskWord(m, salt));
  return value.replace(WORD, (w) => {
    // "refACoAAx…Topcard": the member token is masked, the card's kind stays.
    const token = /^(.*?)(AC[a-zA-Z]AA.*?)(Topcard|About|Featured|Skills|Activity|ExperienceTopLevelSection|EducationTopLevelSection|ContactInfoDetailSection)?$/.exec(w);
    if (token) return token[1]! + maskWord(token[2]!, salt) + (token[3] ?? '');
    // Other ids mix letters and digits, or are long numbers.
    return /\d/.test(w) && (w.length > 2 || /\p{L}/u.test(w)) ? maskWord(w, salt) : w;
  });
}

const STRUCTURAL = /^(?:class|role|type|dir|lang|rel|property|name|charset|tabindex|aria-hidden|aria-expanded|data-view-name|data-sn-view-name|data-anonymize|data-section|data-test-id|data-testid|data-sdui-screen|data-display-contents|data-modal|data-control-name|data-field|data-x--.*|componentkey|id|for|data-generated-suggestion-target|data-member-id|viewbox|xmlns|width|height)$/i;
const URL_ATTR = /^(?:href|src|srcset|action|poster|data-src|data-delayed-url)$/i;

// JSON keys whose values say what an item is, not whom: kept.
const JSON_KEPT = /^(?:@type|@context|\$type|\$recipeTypes|addressCountry)$/;

function maskJson(value: unknown, salt: string, secrets: Set<string>, key = ''): unknown {
  if (typeof value === 'string' && JSON_KEPT.test(key)) return value;
  if (typeof value === 'string') {
    if (/^com\.linkedin\./.test(value)) return value;
    if (/^(?:https?:|\/|urn:)/.test(value)) return maskUrl(value, salt);
    return maskText(value, salt);
  }
  if (Array.isArray(value)) return value.map((v) => maskJson(v, salt, secrets, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskJson(v, salt, secrets, k)]));
  }
  return value;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

function skeleton(node: Node, salt: string, secrets: Set<string>): string {
  if (node.nodeType === 3) return escapeText(maskText(node.textContent ?? '', salt));
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  let attrs = '';
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    if (/^on/.test(name) || name === 'style' || name === 'nonce' || name === 'integrity') continue;
    let value = attr.value;
    if (URL_ATTR.test(name) || (name === 'content' && /^(?:https?:|\/)/.test(value))) value = maskUrl(value, salt);
    else if (STRUCTURAL.test(name)) value = maskIdentifier(value, salt, secrets);
    else value = maskText(value, salt);
    attrs += ` ${attr.name}="${escapeAttr(value)}"`;
  }
  if (VOID.has(tag)) return `<${tag}${attrs}>`;
  let inner: string;
  const type = el.getAttribute('type') ?? '';
  if (tag === 'style' || (tag === 'script' && !/ld\+json/.test(type))) inner = '';
  else if (tag === 'code' || tag === 'script') {
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? '');
    } catch {
      data = undefined;
    }
    const json = data === undefined ? maskText(el.textContent ?? '', salt) : JSON.stringify(maskJson(data, salt, secrets));
    inner = tag === 'code' ? escapeText(json) : json.replace(/<\//g, '<\\/');
  } else {
    inner = '';
    const children = tag === 'template' ? (el as HTMLTemplateElement).content?.childNodes : el.childNodes;
    for (const child of children ?? []) inner += skeleton(child, salt, secrets);
  }
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

function maskField(field: ReadField, salt: string): ReadField {
  const url = /^https?:|^[^\s@]+@[^\s@]+$/.test(field.value);
  return { ...field, value: url ? maskUrl(field.value, salt) : maskText(field.value, salt) };
}

/**
 * The report of a page: `salt` makes placeholders differ from one report to the next, so
 * that two reports cannot be joined on them; within one report the same word always gets
 * the same placeholder, so the reader finds the same links between card, JSON and URL.
 */
export function pageReport(doc: Document, url: string, read: PageRead, salt: string): PageReport {
  const page = parseLinkedInUrl(url);
  // The person's slug or lead id also appears inside identifiers (componentkeys, test ids).
  const id = page.kind === 'profile' ? page.slug : page.kind === 'salesnav-lead' ? page.leadId : '';
  const secrets = new Set(
    (id.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length > 2 && /^[\p{L}\p{N}]+$/u.test(w) && !URL_WORDS.has(w)),
  );
  const report: PageReport = {
    format: REPORT_FORMAT,
    url: maskUrl(url, salt),
    state: read.state,
    html: `<!DOCTYPE html>\n${skeleton(doc.documentElement, salt, secrets)}\n`,
  };
  if (read.state === 'profile') {
    report.kind = read.kind;
    report.profile = Object.fromEntries(Object.entries(read.profile).map(([k, f]) => [k, maskField(f, salt)]));
  }
  return report;
}
