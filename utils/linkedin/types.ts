// What one reading strategy saw, before the orchestrator picks field by field.
// Empty strings and missing values both mean "not seen".
import type { Position } from './positions';

export interface Reading {
  /** Strategy name recorded with every field taken from this reading. */
  source: string;
  /** The name as displayed, before clean-up. */
  name?: string;
  /** Structured names (embedded JSON, meta tags). */
  firstName?: string;
  lastName?: string;
  /** Labels that may name the person by first name alone ("Message Marie Claire"). */
  hints?: string[];
  headline?: string;
  /** Location as displayed; country when the source gives it apart. */
  location?: string;
  country?: string;
  /** Current company shown without a role (top-card "Current company"). */
  company?: string;
  /** Current positions in display order. */
  positions?: Position[];
  /** The Experience card lists dated positions and every one has ended: no current role or company. */
  allEnded?: boolean;
  /** Public /in/ URL found on the page (Sales Navigator). */
  profileUrl?: string;
  website?: string;
  email?: string;
  phone?: string;
  /** Keys this reading guessed at (layout inferred rather than labelled): their fields are unsure. */
  unsure?: ReadonlyArray<'name' | 'headline' | 'company' | 'location'>;
}

/**
 * A top card located for the URL's person, or proof that the page shows someone
 * else. `proven`: its own links name the URL's person; an unproven card carries
 * no identifying link and is read only where it cannot be the previous person's.
 */
export type CardLookup<T> = { card: T; proven: boolean; vanity?: string | undefined } | 'other-person' | null;
