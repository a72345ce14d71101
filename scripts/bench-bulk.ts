// Bulk budget check: time to read a Sales Navigator list page of 25 and of 100
// rows (happy-dom in Node: slower than a browser, so an upper bound), and time
// to match 25 rows against a 50,000-contact directory plus the link registry.
// Exits 1 over budget (25 rows matched in ≤ 50 ms, median of runs).
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { readListUnguarded } from '../utils/linkedin/list/read-list';
import { buildIndex, search } from '../utils/match/directory';
import { matchRows } from '../utils/match/list';
import { addLink, emptyRegistry } from '../utils/match/registry';
import type { ListRow } from '../utils/profile';
import { fakeContacts } from '../tests/match/fake-contacts';
import { listPageHtml } from '../tests/support/list-page';
import { SCENARIO_LIST_URL } from '../tests/support/list-scenario';

const MATCH_BUDGET_MS = 50;
const RUNS = 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

const contacts = fakeContacts(50_000);
/** Rows of people the directory holds (some linked, some found by name + company) and strangers. */
function rowsOf(n: number): ListRow[] {
  return Array.from({ length: n }, (_, i) => {
    const c = contacts[(i * 1777) % contacts.length]!;
    const lead = `https://www.linkedin.com/sales/lead/ACwAAB${String(i).padStart(5, '0')}`;
    const stranger = i % 4 === 3;
    return {
      key: lead,
      name: stranger ? `Inconnu${i} Personne${i}` : `${c.firstName} ${c.lastName}`,
      firstName: stranger ? `Inconnu${i}` : c.firstName,
      lastName: stranger ? `Personne${i}` : c.lastName,
      title: c.role ?? 'Directeur commercial',
      company: c.company ?? 'Acme',
      location: 'Lyon, Auvergne-Rhône-Alpes, France',
      city: 'Lyon',
      country: 'France',
      linkedinSalesUrl: lead,
      page: 1,
    };
  });
}

function readTime(n: number): number {
  const window = new Window({ url: SCENARIO_LIST_URL });
  const doc = new window.DOMParser().parseFromString(listPageHtml(rowsOf(n)), 'text/html') as unknown as Document;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const read = readListUnguarded(doc, SCENARIO_LIST_URL);
    times.push(performance.now() - start);
    if (read?.state !== 'list' || read.rows.length !== n) throw new Error(`read ${read?.state === 'list' ? read.rows.length : read?.state} rows, expected ${n}`);
  }
  void window.happyDOM.close();
  return median(times);
}

const buildStart = performance.now();
const index = buildIndex(contacts);
search(index, 'a', 1);
const buildMs = performance.now() - buildStart;
let registry = emptyRegistry();
const rows25 = rowsOf(25);
for (const [i, row] of rows25.entries()) {
  if (i % 4 === 0) registry = addLink(registry, { linkedinSalesUrl: row.linkedinSalesUrl, contactId: contacts[(i * 1777) % contacts.length]!.id, workspaceId: null, label: row.name, via: 'match' });
}

const matchTimes: number[] = [];
let states = '';
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const matches = matchRows(rows25, { registry, index });
  matchTimes.push(performance.now() - start);
  states = ['linked', 'likely', 'several', 'none'].map((s) => `${s} ${matches.filter((m) => m.state === s).length}`).join(', ');
}
const match25 = median(matchTimes);
const match100: number[] = [];
const rows100 = rowsOf(100);
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  matchRows(rows100, { registry, index });
  match100.push(performance.now() - start);
}

console.log(`list read, 25 rows      ${ms(readTime(25))}   (happy-dom, median of ${RUNS})`);
console.log(`list read, 100 rows     ${ms(readTime(100))}`);
console.log(`directory               ${index.size.toLocaleString('en')} contacts, built in ${ms(buildMs)}`);
console.log(`match 25 rows           ${ms(match25)}   (budget ${MATCH_BUDGET_MS} ms; ${states})`);
console.log(`match 100 rows          ${ms(median(match100))}`);
if (match25 > MATCH_BUDGET_MS) {
  console.error('over budget: match 25 rows');
  process.exit(1);
}
console.log('within budget');
