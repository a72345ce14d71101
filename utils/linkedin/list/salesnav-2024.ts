// Sales Navigator list pages, Ember 2024–2025: lead lists are an artdeco
// table (one `tr` per lead), lead search an `ol` of `li.artdeco-list__item`
// holding `[data-x-search-result="LEAD"]`. Rows render lazily as they scroll
// into view: until then the `li` is empty (a skeleton).
// Fixtures: tests/fixtures/linkedin/list/salesnav-list-2024-en.html, salesnav-search-2024-fr.html.
import { readSalesRow } from './salesnav-row';
import { isAside } from './dom';
import type { ListStrategy } from './types';

const SEL = {
  tableRow: 'table tbody tr[data-x--people-list--row], table.artdeco-models-table tbody tr',
  searchRow: 'ol.artdeco-list > li.artdeco-list__item',
};

export const salesnav2024: ListStrategy = {
  name: 'salesnav-2024',
  kinds: ['salesnav-list', 'salesnav-search'],
  rows: (doc) => [...doc.querySelectorAll(`${SEL.tableRow}, ${SEL.searchRow}`)].filter((el) => !isAside(el)),
  read: readSalesRow,
};
