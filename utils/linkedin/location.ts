// Location text → city and country. LinkedIn shows "City, Region, Country",
// metro areas ("Greater Lyon Area", "Paris et périphérie", "Région de Paris"),
// a region, or a bare country, in the viewer's language (EN/FR first).
import { clean, fold } from './text';

export interface Place {
  city?: string;
  country?: string;
}

const table = (rows: string, split: (row: string) => string[][]) => new Map(rows.split('|').flatMap(split) as [string, string][]);

// Country names in English and French come from the browser (Intl.DisplayNames), for every ISO
// region: no France-centric list. LinkedIn's own spellings that differ are aliases.
const ALIASES = 'US:USA|GB:UK|CZ:Czech Republic,République tchèque|TR:Turkey,Türkiye|HK:Hong Kong SAR';
// ZZ is "Unknown Region"; the other non-country codes (EU, UN…) never stand for a location.
const NOT_COUNTRIES = new Set(['ZZ']);

let names: { en: Intl.DisplayNames; fr: Intl.DisplayNames } | undefined;
let codes: Map<string, string> | undefined;

function displayNames() {
  return (names ??= {
    en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
    fr: new Intl.DisplayNames(['fr'], { type: 'region', fallback: 'none' }),
  });
}

/** Folded country name (EN, FR, alias) → ISO code, built once. */
function countryCodes(): Map<string, string> {
  if (codes) return codes;
  codes = table(ALIASES, (row) => {
    const [code, list] = row.split(':') as [string, string];
    return list.split(',').map((name) => [fold(name), code]);
  });
  const { en, fr } = displayNames();
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      for (const names of [en, fr]) {
        const name = names.of(code);
        if (name && name !== code) codes.set(fold(name), code);
      }
    }
  }
  return codes;
}

// Metro areas named by their main city → ISO code.
const METRO = table(
  'FR:Paris,Lyon,Marseille,Toulouse,Bordeaux,Lille,Nantes,Nice,Strasbourg,Montpellier,Rennes,Grenoble,Rouen,' +
    'Toulon,Saint-Étienne,Dijon,Tours,Angers,Clermont-Ferrand,Metz,Nancy,Orléans,Caen,Reims,Le Havre,Brest,' +
    'Limoges,Amiens,Perpignan,Besançon,Mulhouse,Annecy,Avignon,Poitiers,Pau,La Rochelle,Bayonne,Le Mans|' +
    'BE:Brussels,Bruxelles|CH:Geneva,Genève,Zurich|LU:Luxembourg|CA:Montreal,Montréal,Toronto|GB:London,Londres|' +
    'US:New York,New York City,San Francisco,Boston|DE:Berlin,Munich|ES:Madrid,Barcelona,Barcelone|NL:Amsterdam|' +
    'MA:Casablanca|JP:Tokyo|SG:Singapore|AU:Sydney|BR:São Paulo',
  (row) => {
    const [code, cities] = row.split(':') as [string, string];
    return cities.split(',').map((city) => [fold(city), code]);
  },
);

// French regions, which stand in place of a city ("Pays de la Loire, France").
const REGIONS = new Set(
  ('Île-de-France,Auvergne-Rhône-Alpes,Provence-Alpes-Côte d’Azur,Occitanie,Nouvelle-Aquitaine,Hauts-de-France,' +
    'Grand Est,Bretagne,Brittany,Normandie,Normandy,Pays de la Loire,Centre-Val de Loire,Bourgogne-Franche-Comté,' +
    'Corse,Corsica,Guadeloupe,Martinique,Guyane,La Réunion,Mayotte')
    .split(',')
    .map(fold),
);

/** Country name for an ISO code (JSON-LD addressCountry), in the page's language. */
export function countryName(code: string | undefined, fr = false): string | undefined {
  const iso = clean(code).toUpperCase();
  if (!/^[A-Z]{2}$/.test(iso) || NOT_COUNTRIES.has(iso)) return undefined;
  const name = displayNames()[fr ? 'fr' : 'en'].of(iso);
  return name && name !== iso ? name : undefined;
}

const isCountry = (name: string) => countryCodes().has(fold(name));

// "Greater Lyon Area", "Lyon Metropolitan Area", "Greater Paris Metropolitan Region",
// "San Francisco Bay Area", "Lille Area" / "Paris et périphérie" / "Région de Paris".
const METRO_EN = /^(?:greater\s+)?(.+?)(?:\s+bay)?(?:\s+(?:metropolitan|metro))?\s+(?:area|region)$/i;
const METRO_FR = /^(.+?)\s+et\s+(?:sa\s+)?p[ée]riph[ée]rie$|^(?:r[ée]gion(?:\s+m[ée]tropolitaine)?|agglom[ée]ration)\s+(?:de\s+(?:la\s+)?|d['’]\s*|du\s+)(.+)$/i;

/** City and country from a location line; what the tables cannot place is left out rather than guessed. */
export function parseLocation(raw: string | undefined): Place {
  const parts = clean(raw)
    .replace(/\s*[·•].*$/, '') // "Lyon, France · Contact info"
    .split(/\s*,\s*/)
    .filter(Boolean);
  if (!parts.length || parts.join().length > 120) return {};
  let head = parts[0]!;
  const last = parts[parts.length - 1]!;
  // "City, Region, Country" ends with the country; "X, Y" only when Y is a known country.
  let country = parts.length > 2 || (parts.length > 1 && isCountry(last)) ? last : undefined;
  if (parts.length === 1 && isCountry(head)) return { country: head };
  // The regions are French: "Paris, Île-de-France", "Pays de la Loire, France", "Bretagne".
  if (parts.length === 2 && REGIONS.has(fold(last))) country ??= 'France';
  if (REGIONS.has(fold(head))) return { country: country ?? 'France' };
  const fr = METRO_FR.exec(head);
  const en = fr ? null : METRO_EN.exec(head);
  head = clean(fr?.[1] ?? fr?.[2] ?? en?.[1] ?? head);
  // A city-state names itself twice ("Singapore, Singapore", "Hong Kong, Hong Kong SAR").
  if (!head || (isCountry(head) && !(country && parts.length > 1))) return { country };
  const code = METRO.get(fold(head));
  // A lone unknown name is not trusted as a city (it may be any label).
  if (parts.length === 1 && !fr && !en && !code) return {};
  return { city: head, country: country ?? (code && countryName(code, !!fr)) };
}

/** Every word of the place names the reader knows (countries, metros, French regions), folded. */
export function placeWords(): Set<string> {
  const words = new Set<string>();
  for (const name of [...countryCodes().keys(), ...METRO.keys(), ...REGIONS]) for (const w of name.split(' ')) words.add(w);
  return words;
}
