// Seed data of the sandbox: the demo key's workspaces, custom fields and
// contacts. Each contact exists to exercise one matching or diff case.
import type { Contact, CustomField, Workspace } from '../utils/skipcall/schemas';

export const DEMO_API_KEY = 'sk_test_skipcall_enrich_demo';
/** The contact that matches the demo LinkedIn profile below. */
export const DEMO_CONTACT_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const DEMO_PROFILE_URL = 'https://www.linkedin.com/in/elodie-marchand-demo';
/** What the demo profile shows, so the CLI can print the expected diff. */
export const DEMO_PROFILE = {
  name: 'Élodie Marchand',
  headline: 'Directrice commerciale chez Brasserie Lumière',
  location: 'Lyon, Auvergne-Rhône-Alpes, France',
};

/** Keys that authenticate but fail the subscription checks (403). */
export const SUBSCRIPTION_KEYS: Readonly<Record<string, string>> = {
  sk_test_no_subscription: 'SUBSCRIPTION_REQUIRED',
  sk_test_plan_not_eligible: 'PLAN_NOT_ELIGIBLE',
};

export const WORKSPACE_PARIS = 'a0000000-0000-4000-8000-000000000001';
export const WORKSPACE_LYON = 'a0000000-0000-4000-8000-000000000002';
/** Belongs to the same organization but not to the demo key's scope. */
export const WORKSPACE_OUT_OF_SCOPE = 'a0000000-0000-4000-8000-000000000003';

/** In-scope workspaces first: POST /v1/contacts creates in the first one. */
export const SCOPE_WORKSPACES: readonly Required<Workspace>[] = [
  { id: WORKSPACE_PARIS, name: 'Équipe Paris' },
  { id: WORKSPACE_LYON, name: 'Équipe Lyon' },
];
export const OUT_OF_SCOPE_WORKSPACES: readonly Required<Workspace>[] = [
  { id: WORKSPACE_OUT_OF_SCOPE, name: 'Équipe Marseille' },
];

export const CUSTOM_FIELDS: readonly CustomField[] = [
  { id: 'cf000000-0000-4000-8000-000000000001', name: 'Headline LinkedIn', slug: 'headline_linkedin' },
  { id: 'cf000000-0000-4000-8000-000000000002', name: 'Secteur', slug: 'secteur' },
  { id: 'cf000000-0000-4000-8000-000000000003', name: 'Taille entreprise', slug: 'taille_entreprise' },
  { id: 'cf000000-0000-4000-8000-000000000004', name: 'Source du lead', slug: 'source_du_lead' },
];

/** The contact of the job-change demo profile: Skipcall still has the old company. */
export const JOB_CHANGE_CONTACT_ID = 'c0ffee00-0000-4000-8000-000000000010';
export const JOB_CHANGE_PROFILE_URL = 'https://www.linkedin.com/in/julien-mercier-demo';

export const OUT_OF_SCOPE_CONTACT_ID = 'c0ffee00-0000-4000-8000-000000000099';

type SeedContact = Pick<Contact, 'id' | 'firstName' | 'lastName' | 'teamId' | 'phoneNumbers'> & Partial<Contact>;

/** Fills the defaults so every seed contact has every documented property. */
function contact(seed: SeedContact, day: number): Contact {
  const created = new Date(Date.UTC(2025, 0, day, 9, 30)).toISOString();
  return {
    id: seed.id,
    firstName: seed.firstName,
    lastName: seed.lastName,
    allowPhoneCalls: seed.allowPhoneCalls ?? true,
    callCount: seed.callCount ?? 0,
    teamId: seed.teamId,
    phoneNumbers: seed.phoneNumbers,
    customFields: seed.customFields ?? {},
    createdAt: created,
    updatedAt: seed.updatedAt ?? new Date(Date.UTC(2025, 5, day, 14, 0)).toISOString(),
    lastModificationSource: seed.lastModificationSource ?? 'SKIPCALL',
    email: seed.email ?? null,
    company: seed.company ?? null,
    city: seed.city ?? null,
    country: seed.country ?? null,
    url: seed.url ?? null,
    linkedinUrl: seed.linkedinUrl ?? null,
    linkedinSalesUrl: seed.linkedinSalesUrl ?? null,
    role: seed.role ?? null,
    lastCallAt: seed.lastCallAt ?? null,
  };
}

/** A fresh copy each time, so tests can mutate freely between resets. */
export function seedContacts(): Contact[] {
  return [
    // The demo match: LinkedIn says Lyon (an update), role and linkedinUrl are empty (fills).
    contact(
      {
        id: DEMO_CONTACT_ID,
        firstName: 'Élodie',
        lastName: 'Marchand',
        teamId: WORKSPACE_PARIS,
        company: 'Brasserie Lumière',
        city: 'Paris',
        country: 'France',
        // Saved once in another form of the same URL: matches the demo profile, shows as "same".
        linkedinUrl: 'http://fr.linkedin.com/in/elodie-marchand-demo/',
        email: 'elodie.marchand@brasserie-lumiere.fr',
        phoneNumbers: ['+33612345678'],
        callCount: 3,
        lastCallAt: '2025-06-02T10:15:00.000Z',
      },
      1,
    ),
    // Hyphenated first name and an accented last name that people often type without the accent.
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000002',
        firstName: 'Jean-Baptiste',
        lastName: 'Lefèbvre',
        teamId: WORKSPACE_PARIS,
        company: 'Cabinet Lefèbvre & Associés',
        city: 'Bordeaux',
        country: 'France',
        role: 'Associé fondateur',
        email: 'jb.lefebvre@cabinet-lefebvre.fr',
        phoneNumbers: ['+33556123456'],
        callCount: 7,
        lastCallAt: '2025-05-20T16:40:00.000Z',
      },
      2,
    ),
    // A namesake of the demo contact whose linkedinUrl already points to another person.
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000003',
        firstName: 'Elodie',
        lastName: 'Marchand',
        teamId: WORKSPACE_LYON,
        company: 'Marchand Immobilier',
        city: 'Nantes',
        country: 'France',
        role: 'Agente immobilière',
        linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-immobilier',
        phoneNumbers: ['+33240123456'],
      },
      3,
    ),
    // Two phone numbers: a PATCH of phoneNumbers must keep both or lose one.
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000004',
        firstName: 'Thomas',
        lastName: 'Roux',
        teamId: WORKSPACE_PARIS,
        company: 'Transports Roux',
        city: 'Lille',
        country: 'France',
        role: 'Responsable logistique',
        email: 'thomas.roux@transports-roux.fr',
        phoneNumbers: ['+33320123456', '+33687654321'],
        callCount: 2,
        lastCallAt: '2025-04-11T08:05:00.000Z',
      },
      4,
    ),
    // Particles, capitals inside the last name and accents.
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000005',
        firstName: 'Marie-Hélène',
        lastName: 'de La Tour',
        teamId: WORKSPACE_LYON,
        company: 'Château de La Tour',
        city: 'Saint-Émilion',
        country: 'France',
        role: 'Gérante',
        url: 'https://chateau-delatour.fr',
        phoneNumbers: ['+33557123456'],
        customFields: { Secteur: 'Viticulture' },
      },
      5,
    ),
    // Already enriched: Sales Navigator link and custom fields set.
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000006',
        firstName: 'Sébastien',
        lastName: 'Moreau',
        teamId: WORKSPACE_LYON,
        company: 'Atelier Moreau',
        city: 'Lyon',
        country: 'France',
        role: 'Directeur général',
        email: 'sebastien@atelier-moreau.fr',
        linkedinUrl: 'https://www.linkedin.com/in/sebastien-moreau-atelier',
        linkedinSalesUrl: 'https://www.linkedin.com/sales/lead/ACwAAB1234567',
        phoneNumbers: ['+33478123456'],
        customFields: { 'Headline LinkedIn': 'Ébéniste et chef d’entreprise', Secteur: 'Artisanat' },
        callCount: 12,
        lastCallAt: '2025-06-10T13:00:00.000Z',
        lastModificationSource: 'API',
      },
      6,
    ),
    // Nearly empty and does not accept calls.
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000007',
        firstName: 'Camille',
        lastName: 'Girard',
        teamId: WORKSPACE_LYON,
        allowPhoneCalls: false,
        phoneNumbers: ['+33611223344'],
      },
      7,
    ),
    contact(
      {
        id: 'c0ffee00-0000-4000-8000-000000000008',
        firstName: 'Léa',
        lastName: 'Bonnet',
        teamId: WORKSPACE_PARIS,
        company: 'Boulangerie Bonnet',
        city: 'Lyon',
        country: 'France',
        role: 'Fondatrice',
        email: 'lea@boulangerie-bonnet.fr',
        url: 'https://boulangerie-bonnet.fr',
        phoneNumbers: ['+33472123456'],
      },
      8,
    ),
    // Out of the demo key's scope: must answer 404 exactly like a missing contact.
    contact(
      {
        id: OUT_OF_SCOPE_CONTACT_ID,
        firstName: 'Hugo',
        lastName: 'Lambert',
        teamId: WORKSPACE_OUT_OF_SCOPE,
        company: 'Lambert Marine',
        city: 'Marseille',
        country: 'France',
        phoneNumbers: ['+33491123456'],
      },
      9,
    ),
  ];
}

/**
 * The job-change demo contact: LinkedIn (tests/fixtures/linkedin/job-change-profile.html)
 * shows him at Maison Vernet now, Skipcall still at Fromagerie Dubois. Kept out of
 * seedContacts() (whose size the tests count): the demo seeds it with `extraContacts`,
 * the e2e tests add it themselves.
 */
export function jobChangeContact(): Contact {
  return contact(
    {
      id: JOB_CHANGE_CONTACT_ID,
      firstName: 'Julien',
      lastName: 'Mercier',
      teamId: WORKSPACE_LYON,
      company: 'Fromagerie Dubois',
      city: 'Lyon',
      country: 'France',
      role: 'Responsable achats',
      email: 'j.mercier@fromagerie-dubois.fr',
      linkedinUrl: JOB_CHANGE_PROFILE_URL,
      // His direct line at the old company.
      phoneNumbers: ['+33478901234'],
      callCount: 4,
      lastCallAt: '2025-03-14T09:20:00.000Z',
    },
    10,
  );
}

/** A workspace member: `id` is the workspace-membership id (the assignee of a sequence add). */
export interface SeedMember {
  id: string;
  workspaceId: string;
  firstName: string;
  lastName: string;
  email: string;
  status: 'ACTIVE' | 'DISABLED';
}

export const MEMBER_PARIS_CLAIRE = 'b0000000-0000-4000-8000-000000000001';
export const MEMBER_PARIS_KARIM = 'b0000000-0000-4000-8000-000000000002';
export const MEMBER_PARIS_DISABLED = 'b0000000-0000-4000-8000-000000000003';
export const MEMBER_LYON_CLAIRE = 'b0000000-0000-4000-8000-000000000011';
export const MEMBER_OUT_OF_SCOPE = 'b0000000-0000-4000-8000-000000000099';

export const MEMBERS: readonly SeedMember[] = [
  { id: MEMBER_PARIS_CLAIRE, workspaceId: WORKSPACE_PARIS, firstName: 'Claire', lastName: 'Dumas', email: 'claire.dumas@example.com', status: 'ACTIVE' },
  { id: MEMBER_PARIS_KARIM, workspaceId: WORKSPACE_PARIS, firstName: 'Karim', lastName: 'Benali', email: 'karim.benali@example.com', status: 'ACTIVE' },
  { id: MEMBER_PARIS_DISABLED, workspaceId: WORKSPACE_PARIS, firstName: 'Paul', lastName: 'Girard', email: 'paul.girard@example.com', status: 'DISABLED' },
  { id: MEMBER_LYON_CLAIRE, workspaceId: WORKSPACE_LYON, firstName: 'Claire', lastName: 'Dumas', email: 'claire.dumas@example.com', status: 'ACTIVE' },
  { id: MEMBER_OUT_OF_SCOPE, workspaceId: WORKSPACE_OUT_OF_SCOPE, firstName: 'Marc', lastName: 'Roux', email: 'marc.roux@example.com', status: 'ACTIVE' },
];

export interface SeedSequence {
  id: string;
  name: string;
  workspaceId: string;
  /** Contacts in it at the start. */
  contactIds: readonly string[];
}

/** The demo sequence (Paris workspace); the demo contact is not in it yet. */
export const DEMO_SEQUENCE_ID = '5e000000-0000-4000-8000-000000000001';
export const SEQUENCE_LYON_ID = '5e000000-0000-4000-8000-000000000002';
/** Exists, but in a workspace outside the demo key's scope: answers 404. */
export const SEQUENCE_OUT_OF_SCOPE_ID = '5e000000-0000-4000-8000-000000000099';

export const SEQUENCES: readonly SeedSequence[] = [
  { id: DEMO_SEQUENCE_ID, name: 'Relance salons 2026', workspaceId: WORKSPACE_PARIS, contactIds: ['c0ffee00-0000-4000-8000-000000000002'] },
  { id: SEQUENCE_LYON_ID, name: 'Prospection Lyon', workspaceId: WORKSPACE_LYON, contactIds: [] },
  { id: SEQUENCE_OUT_OF_SCOPE_ID, name: 'Marseille', workspaceId: WORKSPACE_OUT_OF_SCOPE, contactIds: [] },
];
