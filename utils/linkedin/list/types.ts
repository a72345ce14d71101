// What a list strategy finds on a page: raw rows, before cleaning and checks.

export const LIST_KINDS = ['salesnav-list', 'salesnav-search', 'people-search', 'connections'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** One person's row as the markup shows it (texts already cleaned, href as found). */
export interface RawRow {
  name: string;
  /** Profile (`/in/…`) or lead (`/sales/lead/…`) link of the row. */
  href?: string;
  /** Job title (SN rows show it on its own). */
  title?: string;
  company?: string;
  /** LinkedIn search and connections show a headline instead of title and company. */
  headline?: string;
  location?: string;
}

/** One markup generation of list pages. */
export interface ListStrategy {
  /** Recorded on the read ("salesnav-2024", "search-ember", …). */
  name: string;
  kinds: readonly ListKind[];
  /** The row containers of the main result list (none when this generation is not on the page). */
  rows(doc: Document): Element[];
  /** The person in a row container; 'skeleton' for a row not rendered yet (lazy); null for rows that name no one (ads, "LinkedIn Member"). */
  read(row: Element): RawRow | 'skeleton' | null;
}
