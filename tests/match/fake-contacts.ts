// Deterministic French-flavoured contacts for the directory tests and the
// benchmark: accents, hyphenated first names, particles, namesakes, shared
// companies, partial data, the way a real Skipcall account looks.
import type { DirectoryContact } from '@/utils/match/contact';
import { prng } from '../support/prng';

const FIRST_NAMES = [
  'Élodie', 'Jean-Baptiste', 'Marie-Hélène', 'Sébastien', 'Camille', 'Léa', 'Thomas', 'Hugo', 'Chloé', 'Gaëlle',
  'François', 'Anaïs', 'Jérôme', 'Noémie', 'Benoît', 'Hélène', 'Zoé', 'Maël', 'Inès', 'Loïc', 'Océane', 'Raphaël',
  'Cécile', 'Aurélien', 'Mathilde', 'Nicolas', 'Julie', 'Pierre-Louis', 'Anne-Sophie', 'Clément', 'Margaux', 'Yann',
  'Solène', 'Grégoire', 'Amélie', 'Théo', 'Laëtitia', 'Quentin', 'Pauline', 'Mathéo', 'Estelle', 'Rémi', 'Agnès',
  'Frédéric', 'Sandrine', 'Stéphane', 'Véronique', 'Jean-Marc', 'Marie', 'Lucas', 'Emma', 'Louis', 'Manon', 'Arthur',
  'Sarah', 'Adrien', 'Lucie', 'Maxime', 'Charlotte', 'Antoine', 'Juliette', 'Guillaume', 'Bérénice', 'Dorothée',
];
const LAST_NAMES = [
  'Marchand', 'Lefèbvre', 'de La Tour', 'Moreau', 'Girard', 'Bonnet', 'Roux', 'Lambert', 'Martin', 'Bernard',
  'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Simon', 'Laurent', 'Michel', 'Garcia',
  'David', 'Bertrand', 'Morel', 'Fournier', 'Rousseau', 'Vincent', 'Muller', 'Faure', 'André', 'Mercier', 'Blanc',
  'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Perrin', 'Robin', 'Clément',
  'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchal', 'Duval', 'Denis', 'Lemaire',
  "d'Arcy", 'Le Goff', 'Le Gall', 'Kerbrat', 'Étienne', 'Hébert', 'Noël', 'Dupont-Aignan', 'Saint-Just', 'Besnard',
  'Carré', 'Lacroix', 'Benoît', 'Fabre', 'Joly', 'Brunet', 'Rivière', 'Aubert', 'Colin', 'Lucas', 'Barbier',
];
const COMPANY_HEADS = [
  'Brasserie', 'Boulangerie', 'Cabinet', 'Atelier', 'Transports', 'Château', 'Maison', 'Groupe', 'Domaine',
  'Agence', 'Pharmacie', 'Garage', 'Librairie', 'Fromagerie', 'Imprimerie', 'Menuiserie', 'Clinique', 'Studio',
];
const COMPANY_TAILS = [
  'Lumière', 'du Port', 'des Alpes', 'Saint-Michel', 'Océan', 'Côte d’Azur', 'Bellevue', 'des Halles', 'Étoile',
  'Horizon', 'Vauban', 'Montmartre', 'Belle Époque', 'Rive Gauche', 'Croix-Rousse', 'Presqu’île', 'Beaujolais',
];
const SUFFIXES = ['', '', '', ' SAS', ' SARL', ' & Associés', ' SA', ' et Fils'];
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Bordeaux', 'Lille', 'Nantes', 'Toulouse', 'Nice', 'Rennes', 'Saint-Étienne', 'Aix-en-Provence'];
const ROLES = ['Gérante', 'Directeur général', 'Responsable achats', 'Fondatrice', 'Associé', 'Directrice commerciale', 'Chef de projet'];
const DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'outlook.fr', 'wanadoo.fr'];


const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** ASCII slug as people write it in emails and LinkedIn URLs. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function fakeContacts(count: number, seed = 42): DirectoryContact[] {
  const random = prng(seed);
  const companies = Array.from({ length: Math.max(50, Math.floor(count / 8)) }, (_, i) => {
    const name = `${pick(random, COMPANY_HEADS)} ${pick(random, COMPANY_TAILS)}`;
    return `${name}${i % 7 === 0 ? ` ${pick(random, LAST_NAMES)}` : ''}${pick(random, SUFFIXES)}`;
  });
  const out: DirectoryContact[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const contact: DirectoryContact = {
      id: `c${String(i).padStart(7, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
      firstName,
      lastName,
      teamId: random() < 0.6 ? 'ws-paris' : 'ws-lyon',
    };
    const roll = random();
    if (roll < 0.85) contact.company = pick(random, companies);
    if (random() < 0.7) {
      const domain = contact.company && random() < 0.6 ? `${slugify(contact.company)}.fr` : pick(random, DOMAINS);
      contact.email = `${slugify(firstName).replace(/-/g, '')}.${slugify(lastName).replace(/-/g, '')}${random() < 0.3 ? i % 100 : ''}@${domain}`;
    }
    if (random() < 0.4) contact.linkedinUrl = `https://www.linkedin.com/in/${slugify(`${firstName} ${lastName}`)}-${i.toString(36)}`;
    if (random() < 0.15) contact.linkedinSalesUrl = `https://www.linkedin.com/sales/lead/ACwAA${i.toString(36).toUpperCase()}x${seed}`;
    if (random() < 0.6) contact.city = pick(random, CITIES);
    if (random() < 0.5) contact.role = pick(random, ROLES);
    out.push(contact);
  }
  return out;
}

/** What people type while looking someone up: name, company and email prefixes, sometimes two words. */
export function fakeQueries(contacts: readonly DirectoryContact[], count: number, seed = 7): string[] {
  const random = prng(seed);
  const prefix = (text: string) => text.slice(0, 1 + Math.floor(random() * Math.min(8, text.length)));
  const queries: string[] = [];
  while (queries.length < count) {
    const c = pick(random, contacts);
    const kind = random();
    if (kind < 0.3) queries.push(prefix(c.lastName));
    else if (kind < 0.5) queries.push(`${c.firstName} ${prefix(c.lastName)}`);
    else if (kind < 0.6) queries.push(`${prefix(c.lastName)} ${prefix(c.firstName)}`);
    else if (kind < 0.75 && c.company) queries.push(prefix(c.company));
    else if (kind < 0.85 && c.company) queries.push(`${c.lastName} ${prefix(c.company)}`);
    else if (kind < 0.95 && c.email) queries.push(prefix(c.email));
    else queries.push(slugify(c.firstName).slice(0, 1 + Math.floor(random() * 3)));
  }
  return queries;
}
