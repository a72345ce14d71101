// One Sales Navigator lead row (lead list table or lead search result): the
// `data-anonymize` hooks have held from 2019 to 2026 in both.
import { clean } from '../text';
import { txt } from '../dom';
import type { RawRow } from './types';

const SEL = {
  name: '[data-anonymize="person-name"]',
  /** On search rows the title is `title`; `job-title` there is the tenure ("2 years in role"). */
  title: '[data-anonymize="title"]',
  jobTitle: '[data-anonymize="job-title"]',
  company: '[data-anonymize="company-name"]',
  location: '[data-anonymize="location"]',
  lead: 'a[href*="/sales/lead/"], a[href*="/sales/people/"]',
};

/** "2 years 3 months in role", "1 an 4 mois dans le poste", "3 mois dans l’entreprise". */
const TENURE = /^(?:\d+\s*(?:years?|yrs?|months?|mos?|ans?|mois)\b\s*)+(?:in (?:role|company)|dans (?:le poste|l[’']entreprise))?$/i;

export function readSalesRow(row: Element): RawRow | 'skeleton' | null {
  const nameEl = row.querySelector(SEL.name);
  if (!nameEl) return row.querySelector(SEL.lead) ? null : 'skeleton';
  const name = txt(nameEl);
  if (!name) return 'skeleton';
  const link = nameEl.closest('a[href]') ?? row.querySelector(SEL.lead);
  let title = txt(row.querySelector(SEL.title));
  if (!title) {
    const jobTitle = txt(row.querySelector(SEL.jobTitle));
    if (jobTitle && !TENURE.test(jobTitle)) title = jobTitle;
  }
  const out: RawRow = { name };
  const href = link?.getAttribute('href');
  if (href) out.href = href;
  if (title) out.title = title;
  const companyEl = row.querySelector(SEL.company);
  // A company shown only as a link's title attribute (logo rows) still counts.
  const company = txt(companyEl) || clean(companyEl?.getAttribute('title') ?? companyEl?.getAttribute('aria-label'));
  if (company) out.company = company;
  const location = txt(row.querySelector(SEL.location));
  if (location) out.location = location;
  return out;
}
