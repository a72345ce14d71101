// The bulk scenario: a list page of 25 people, 10 already linked to Skipcall
// contacts (4 of them lacking a role or city the list shows), 8 with exactly
// one contact of the same name and company (not linked yet), 7 unknown to
// Skipcall. Used by the background test, the demo and the bench.
import type { ListRow } from '../../utils/profile';
import type { Contact } from '../../utils/skipcall/schemas';

const FIRST = ['Camille', 'Lucas', 'Manon', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Jules', 'Léa', 'Nathan', 'Zoé', 'Arthur', 'Jade', 'Gabriel', 'Lina', 'Raphaël', 'Rose', 'Adam', 'Anna', 'Paul', 'Eva', 'Tom', 'Lou', 'Noah', 'Alice'];
const LAST = ['Durand', 'Petit', 'Roux', 'Faure', 'Blanc', 'Garnier', 'Moreau', 'Lambert', 'Bonnet', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Muller', 'Henry', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fournier', 'Girard'];
const COMPANIES = ['Brasserie Lumière', 'Atelier Rhône', 'Groupe Saône', 'Studio Ouest', 'Maison Fauve'];

export const SCENARIO_LIST_URL = 'https://www.linkedin.com/sales/lists/people/7300000000001';
export const LINKED = 10;
export const WITH_CHANGES = 4;
export const LIKELY = 8;
export const NONE = 7;

export interface ScenarioPerson {
  row: ListRow;
  /** The contact Skipcall holds for this person, if any. */
  contact?: Contact;
  linked: boolean;
}

const contactId = (i: number) => `b1000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function contact(i: number, values: Partial<Contact>): Contact {
  return {
    id: contactId(i),
    firstName: FIRST[i]!,
    lastName: LAST[i]!,
    phoneNumbers: [`+3361234${String(1000 + i)}`],
    customFields: {},
    allowPhoneCalls: true,
    callCount: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    email: null,
    company: null,
    city: null,
    country: null,
    url: null,
    linkedinUrl: null,
    linkedinSalesUrl: null,
    role: null,
    lastCallAt: null,
    // The demo key's Paris workspace (sandbox/seed.ts WORKSPACE_PARIS).
    teamId: 'a0000000-0000-4000-8000-000000000001',
    ...values,
  };
}

export function scenario(): ScenarioPerson[] {
  return FIRST.map((first, i) => {
    const lead = `https://www.linkedin.com/sales/lead/ACwAAS${String(i).padStart(4, '0')}`;
    const company = COMPANIES[i % COMPANIES.length]!;
    const row: ListRow = {
      key: lead,
      name: `${first} ${LAST[i]}`,
      firstName: first,
      lastName: LAST[i]!,
      title: i % 2 ? 'Responsable achats' : 'Directeur commercial',
      company,
      location: 'Lyon, Auvergne-Rhône-Alpes, France',
      city: 'Lyon',
      country: 'France',
      linkedinSalesUrl: lead,
      page: 1,
    };
    if (i < LINKED) {
      // Linked; the first four lack the role or the city the list shows (fill-only changes).
      const complete = { role: row.title!, city: 'Lyon', country: 'France' };
      const partial = i < WITH_CHANGES ? (i % 2 ? { country: 'France', role: row.title! } : { country: 'France', city: 'Lyon' }) : complete;
      return { row, linked: true, contact: contact(i, { company, linkedinSalesUrl: lead, ...partial, ...(i < WITH_CHANGES && { role: i % 2 ? row.title! : null, city: i % 2 ? null : 'Lyon' }) }) };
    }
    if (i < LINKED + LIKELY) return { row, linked: false, contact: contact(i, { company, country: 'France', role: row.title!, city: 'Lyon' }) };
    return { row, linked: false };
  });
}

/** The list page as the content script reports it. */
export function scenarioRead(people = scenario()) {
  return {
    state: 'list' as const,
    url: SCENARIO_LIST_URL,
    kind: 'salesnav-list' as const,
    listKey: `salesnav-list:/sales/lists/people/7300000000001`,
    page: 1,
    rows: people.map((p) => p.row),
    pending: 0,
    strategy: 'test',
  };
}
