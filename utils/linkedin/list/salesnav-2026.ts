// Sales Navigator list pages, 2026: hashed CSS-module classes only, no
// artdeco; rows carry `data-sn-view-name` (lead list rows and search results)
// and the same `data-anonymize` hooks inside.
// Fixtures: tests/fixtures/linkedin/list/salesnav-list-2026-fr.html, salesnav-search-2026-en.html.
import { readSalesRow } from './salesnav-row';
import { isAside } from './dom';
import type { ListStrategy } from './types';

const SEL = {
  row: '[data-sn-view-name="lead-list-row"], [data-sn-view-name="lead-search-result"]',
};

export const salesnav2026: ListStrategy = {
  name: 'salesnav-2026',
  kinds: ['salesnav-list', 'salesnav-search'],
  rows: (doc) => [...doc.querySelectorAll(SEL.row)].filter((el) => !isAside(el)),
  read: readSalesRow,
};
