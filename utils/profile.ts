// What the content script reports about the open page: a named page state and,
// for a profile, each field with the strategy that produced it. The background
// validates every report against these schemas.
import * as z from 'zod/mini';
import { HIDDEN_CHARS_MESSAGE, WITHOUT_REFUSED_CHARS } from './hidden-chars';

export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'headline',
  'role',
  'company',
  'city',
  'country',
  'linkedinUrl',
  'linkedinSalesUrl',
  'website',
  'email',
  'phone',
] as const;
export type ProfileFieldName = (typeof PROFILE_FIELDS)[number];

// The reader strips controls, bidi and zero-width characters: a report that
// still holds one was not produced by it, and is refused.
export const READ_SOURCES = ['structured-data', 'top-card', 'experience', 'headline', 'page-title', 'url'] as const;
export type ReadSource = (typeof READ_SOURCES)[number];

const visible = z.regex(WITHOUT_REFUSED_CHARS, HIDDEN_CHARS_MESSAGE);

export const ReadFieldSchema = z.object({
  value: z.string().check(z.minLength(1), z.maxLength(5000), visible),
  /** Which reading produced the value, e.g. "sdui-topcard", "bpr-json", "headline-fallback". */
  strategy: z.string().check(z.maxLength(100), visible),
  /** How it was found: structured data, the labelled top card, an Experience entry, a headline pattern, the URL. */
  source: z.optional(z.enum(READ_SOURCES)),
  /** False when the value is a guess the user should check (headline pattern, ambiguous split…). */
  certain: z.optional(z.boolean()),
});
export type ReadField = z.infer<typeof ReadFieldSchema>;

export const ProfileSchema = z.partialRecord(z.enum(PROFILE_FIELDS), ReadFieldSchema);
export type Profile = z.infer<typeof ProfileSchema>;

export const PositionSchema = z.object({
  role: z.optional(z.string().check(z.maxLength(5000), visible)),
  company: z.optional(z.string().check(z.maxLength(5000), visible)),
  /** Start of the position as the page shows it ("Mar 2024", "mars 2024"). */
  since: z.optional(z.string().check(z.maxLength(100), visible)),
});
export type Position = z.infer<typeof PositionSchema>;

export const PAGE_STATES = ['profile', 'list', 'authwall', 'not-found', 'checkpoint', 'not-a-profile'] as const;
export type PageStateName = (typeof PAGE_STATES)[number];

const rowText = z.optional(z.string().check(z.minLength(1), z.maxLength(500), visible));

/** One person's row on a list page (Sales Navigator list or search, LinkedIn search, connections). */
export const ListRowSchema = z.object({
  /** The row's canonical profile or lead URL: names the person across pages and reads. */
  key: z.string().check(z.minLength(1), z.maxLength(2000), visible),
  /** The displayed name, cleaned. */
  name: z.string().check(z.minLength(1), z.maxLength(500), visible),
  firstName: rowText,
  lastName: rowText,
  title: rowText,
  company: rowText,
  headline: rowText,
  location: rowText,
  city: rowText,
  country: rowText,
  linkedinUrl: z.optional(z.string().check(z.maxLength(2000), visible)),
  linkedinSalesUrl: z.optional(z.string().check(z.maxLength(2000), visible)),
  /** The results page the row was read on. */
  page: z.int().check(z.gte(1), z.lte(10_000)),
});
export type ListRow = z.infer<typeof ListRowSchema>;

export const LIST_PAGE_KINDS = ['salesnav-list', 'salesnav-search', 'people-search', 'connections'] as const;

export const ListReadSchema = z.object({
  state: z.literal('list'),
  url: z.string(),
  kind: z.enum(LIST_PAGE_KINDS),
  /** The same for every page of one list or search (the URL without its page number). */
  listKey: z.string().check(z.maxLength(4000)),
  /** The results page shown. */
  page: z.int().check(z.gte(1), z.lte(10_000)),
  rows: z.array(ListRowSchema).check(z.maxLength(500)),
  /** Row slots not rendered yet (LinkedIn renders rows as they scroll into view). */
  pending: z.int().check(z.gte(0), z.lte(10_000)),
  /** Which markup generation was read ("salesnav-2024", "search-sdui", …). */
  strategy: z.string().check(z.maxLength(100), visible),
});
export type ListRead = z.infer<typeof ListReadSchema>;

export const PageReadSchema = z.discriminatedUnion('state', [
  ListReadSchema,
  z.object({
    state: z.literal('profile'),
    url: z.string(),
    /** Which page kind was read: "profile", "public-profile" or "salesnav-lead". */
    kind: z.enum(['profile', 'public-profile', 'salesnav-lead']),
    profile: ProfileSchema,
    /** Current positions after the first one, kept visible to the user. */
    otherPositions: z.optional(z.array(PositionSchema).check(z.maxLength(20))),
    /** When the current position started, as the page shows it ("Mar 2024"), when it does. */
    since: z.optional(z.string().check(z.maxLength(100), visible)),
  }),
  z.object({
    state: z.enum(['authwall', 'not-found', 'checkpoint', 'not-a-profile']),
    url: z.string(),
  }),
]);
export type PageRead = z.infer<typeof PageReadSchema>;

/** Plain values of a read profile, for display and matching. */
export function profileValues(profile: Profile): Partial<Record<ProfileFieldName, string>> {
  const out: Partial<Record<ProfileFieldName, string>> = {};
  for (const name of PROFILE_FIELDS) {
    const field = profile[name];
    if (field) out[name] = field.value;
  }
  return out;
}

/** A list row as profile values, for matching and the diff (title → role). */
export function listRowValues(row: ListRow): Partial<Record<ProfileFieldName, string>> {
  const out: Partial<Record<ProfileFieldName, string>> = {};
  const pairs: [ProfileFieldName, string | undefined][] = [
    ['firstName', row.firstName],
    ['lastName', row.lastName],
    ['headline', row.headline],
    ['role', row.title],
    ['company', row.company],
    ['city', row.city],
    ['country', row.country],
    ['linkedinUrl', row.linkedinUrl],
    ['linkedinSalesUrl', row.linkedinSalesUrl],
  ];
  for (const [name, value] of pairs) if (value) out[name] = value;
  return out;
}

/** The profile fields whose value is a guess (`certain: false`): never ticked by default. */
export function unsureFields(profile: Profile): ProfileFieldName[] {
  return PROFILE_FIELDS.filter((name) => profile[name]?.certain === false);
}
