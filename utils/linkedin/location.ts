// Location text → city and country. LinkedIn shows "City, Region, Country",
// metro areas ("Greater Lyon Area", "Paris et périphérie", "Région de Paris"),
// a region, or a bare country, in the viewer's language (EN/FR first).
import { clean, fold } from './text';

export interface Place {
  city?: string;
  country?: string;
}

const table = (rows: string, split: (row: string) => string[][]) => new Map(rows.split('|').flatMap(split) as [string, string][]);

// ISO code → "English name,French name" (French only when it differs); also name → code.
const COUNTRY_ROWS =
  'FR,France|BE,Belgium,Belgique|CH,Switzerland,Suisse|LU,Luxembourg|MC,Monaco|CA,Canada|' +
  'US,United States,États-Unis|GB,United Kingdom,Royaume-Uni|DE,Germany,Allemagne|ES,Spain,Espagne|' +
  'IT,Italy,Italie|PT,Portugal|NL,Netherlands,Pays-Bas|IE,Ireland,Irlande|MA,Morocco,Maroc|' +
  'TN,Tunisia,Tunisie|DZ,Algeria,Algérie|SN,Senegal,Sénégal|CI,Côte d’Ivoire|CM,Cameroon,Cameroun|' +
  'MU,Mauritius,Maurice|AE,United Arab Emirates,Émirats arabes unis|IL,Israel,Israël|LB,Lebanon,Liban|' +
  'IN,India,Inde|CN,China,Chine|JP,Japan,Japon|SG,Singapore,Singapour|AU,Australia,Australie|' +
  'BR,Brazil,Brésil|PL,Poland,Pologne|SE,Sweden,Suède|RU,Russia,Russie|UA,Ukraine';
const COUNTRY = table(COUNTRY_ROWS, (row) => {
  const [code, en, fr = en] = row.split(',') as [string, string, string?];
  return [[code, `${en},${fr}`], [fold(en), code], [fold(fr), code]];
});

// Metro areas named by their main city → ISO code.
const METRO = table(
  'FR:Paris,Lyon,Marseille,Toulouse,Bordeaux,Lille,Nantes,Nice,Strasbourg,Montpellier,Rennes,Grenoble,Rouen,' +
    'Toulon,Saint-Étienne,Dijon,Tours,Angers,Clermont-Ferrand,Metz,Nancy,Orléans,Caen,Reims,Le Havre,Brest,' +
    'Limoges,Amiens,Perpignan,Besançon,Mulhouse,Annecy,Avignon,Poitiers,Pau,La Rochelle,Bayonne,Le Mans|' +
    'BE:Brussels,Bruxelles,Antwerp,Anvers,Liège|CH:Geneva,Genève,Zurich,Lausanne|LU:Luxembourg|' +
    'CA:Montreal,Montréal,Quebec,Québec,Toronto|GB:London,Londres|US:New York,San Francisco,Boston|' +
    'DE:Berlin,Munich|ES:Madrid,Barcelona,Barcelone|NL:Amsterdam|MA:Casablanca',
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
  return COUNTRY.get(clean(code).toUpperCase())?.split(',')[fr ? 1 : 0];
}

const isCountry = (name: string) => COUNTRY.has(fold(name));

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
  if (!head || isCountry(head)) return { country };
  const code = METRO.get(fold(head));
  // A lone unknown name is not trusted as a city (it may be any label).
  if (parts.length === 1 && !fr && !en && !code) return {};
  return { city: head, country: country ?? (code && countryName(code, !!fr)) };
}
