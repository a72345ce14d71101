// Directory budget check: 50,000 generated contacts, index build time and
// as-you-type search latency over ~1,000 realistic queries. Exits 1 over
// budget (build ≤ 3 s, search p95 ≤ 20 ms), so CI can run it.
import { performance } from 'node:perf_hooks';
import { buildIndex, search } from '../utils/match/directory';
import { fakeContacts, fakeQueries } from '../tests/match/fake-contacts';

const CONTACTS = 50_000;
const QUERIES = 1_000;
const BUILD_BUDGET_MS = 3_000;
const P95_BUDGET_MS = 20;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const contacts = fakeContacts(CONTACTS);
const queries = fakeQueries(contacts, QUERIES);

const buildStart = performance.now();
const index = buildIndex(contacts);
// The sorted view is built lazily by the first search; it belongs to the build.
search(index, 'a', 1);
const buildMs = performance.now() - buildStart;

const times: number[] = [];
let results = 0;
for (const query of queries) {
  const start = performance.now();
  results += search(index, query, 20).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const p50 = percentile(times, 50);
const p95 = percentile(times, 95);
const max = times[times.length - 1] ?? 0;

const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(`contacts          ${index.size.toLocaleString('en')}`);
console.log(`build             ${ms(buildMs)}   (budget ${BUILD_BUDGET_MS} ms)`);
console.log(`search p50        ${ms(p50)}`);
console.log(`search p95        ${ms(p95)}   (budget ${P95_BUDGET_MS} ms)`);
console.log(`search max        ${ms(max)}`);
console.log(`queries           ${queries.length}, ${(results / queries.length).toFixed(1)} results on average`);

const over = [buildMs > BUILD_BUDGET_MS && 'build', p95 > P95_BUDGET_MS && 'search p95'].filter(Boolean);
if (over.length) {
  console.error(`over budget: ${over.join(', ')}`);
  process.exit(1);
}
console.log('within budget');
