// Experience entries → current positions. An entry lists texts in display order
// (title, "Company · Full-time", dates, place); a grouped entry shows the company
// once, then one nested entry per position.
import { clean } from './text';

export interface Position {
  role?: string;
  company?: string;
  /** When it started, as the page shows it: "Mar 2021", "janv. 2020", "2019". */
  since?: string;
}

// "Present" in the UI languages LinkedIn users here read (EN/FR first).
const PRESENT = /present|current|aujourd.?hui|actuel|heute|actualidad|presente|oggi|atualmente|heden/i;

export const isPresent = (dates: string | undefined): boolean => PRESENT.test(dates ?? '');

/** "Jul 2021 - Present · 3 yrs", "janv. 2020 - aujourd’hui", "2016 - 2021 · 5 yrs". */
export const isDateLine = (text: string | undefined): boolean =>
  !!text && text.length < 90 && (/\b(?:19|20)\d\d\b/.test(text) || (isPresent(text) && /[-–—]/.test(text)));

const SEPARATOR = /\s[·•]\s/;
// Employment types and durations, which share the company's line ("Full-time · 4 yrs 2 mos").
const NOT_NAME = /^(?:\d+\s*(?:yrs?|mos?|years?|months?|ans?|mois)\b|(?:full|part)-time|self-employed|freelance|contract|internship|apprenticeship|seasonal|temps (?:plein|partiel)|ind[ée]pendant|cdi|cdd|stage|alternance|int[ée]rim)/i;

/** A title or company on a line of its own, not a date, duration or "X · Y" line. */
export const plain = (text: string | undefined): string | undefined =>
  text && !SEPARATOR.test(text) && !isDateLine(text) && !NOT_NAME.test(text) ? text : undefined;

/** "Brasserie Lumière · Full-time" → "Brasserie Lumière". */
export const companyOfLine = (line: string | undefined): string | undefined => plain(clean(line?.split(SEPARATOR)[0]));

/** "Mar 2021 - Present · 3 yrs" → "Mar 2021"; undefined without a year before the dash. */
export function startOf(dates: string | undefined): string | undefined {
  const start = clean(dates?.split(/\s*[-–—]\s*/)[0]);
  return start && /\b(?:19|20)\d\d\b/.test(start) && start.length <= 40 ? start : undefined;
}
const withSince = (position: Position, dates: string | undefined): Position => {
  const since = startOf(dates);
  return since ? { ...position, since } : position;
};

/**
 * Current positions of one experience entry.
 * @param own texts of the entry itself, title first, nested entries excluded
 * @param nested texts of each nested entry (positions grouped under one company)
 */
export function currentPositions(own: string[], nested: string[][]): Position[] {
  const dates = own.find(isDateLine);
  const grouped = nested.filter((texts) => texts.some(isDateLine));
  if (!dates && grouped.length) {
    const company = plain(own[0]);
    return grouped
      .filter((texts) => isPresent(texts.find(isDateLine)))
      .map((texts) => withSince({ role: plain(texts[0]), company }, texts.find(isDateLine)));
  }
  if (!isPresent(dates)) return [];
  const [first, second] = own;
  // No title: the first line is already "Company · Full-time".
  if (first && SEPARATOR.test(first)) return [withSince({ company: companyOfLine(first) }, dates)];
  return [withSince({ role: plain(first), company: second === dates ? undefined : companyOfLine(second) }, dates)];
}
