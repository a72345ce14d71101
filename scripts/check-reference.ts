// Runs the LinkedIn reader over the shared reference pages and prints field
// accuracy against each page's expected.json. Exit 1 below the target.
//   npx tsx scripts/check-reference.ts [--verbose]
// expected.json: an array lists acceptable answers, null = the page shows
// nothing for the field, a missing field is not judged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { readPage } from '../utils/linkedin/read-page';
import { pageReport } from '../utils/linkedin/report';
import { reportToFixture } from './report-to-fixture';
import { PROFILE_FIELDS, PageReadSchema, type PageRead } from '../utils/profile';

const TARGET = 0.98;
const ROOT = resolve(import.meta.dirname, '..', '..', 'shared', 'linkedin-reference');
const FIELDS = ['kind', ...PROFILE_FIELDS] as const;
const verbose = process.argv.includes('--verbose');

function kindOf(read: PageRead): string {
  return read.state === 'profile' ? read.kind : read.state;
}

function actual(read: PageRead, field: (typeof FIELDS)[number]): string | null {
  if (field === 'kind') return kindOf(read);
  return read.state === 'profile' ? (read.profile[field]?.value ?? null) : null;
}

function accepts(expected: unknown, value: string | null): boolean {
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((o) => (o === null ? value === null : typeof o === 'string' && value?.trim() === o.trim()));
}

if (!existsSync(ROOT)) {
  console.log(`Reference pages not found at ${ROOT}: skipped.`);
  process.exit(0);
}

const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
let judged = 0;
let pages = 0;
let reportsOk = 0;
let right = 0;
for (const name of readdirSync(ROOT).sort()) {
  const dir = join(ROOT, name);
  if (!existsSync(join(dir, 'expected.json')) || !existsSync(join(dir, 'page.html'))) continue;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, unknown>;
  const doc = new window.DOMParser().parseFromString(readFileSync(join(dir, 'page.html'), 'utf8'), 'text/html');
  const url = String(expected.url);
  const started = performance.now();
  const read = readPage(doc as unknown as Document, url);
  const ms = performance.now() - started;
  const valid = PageReadSchema.safeParse(read).success;
  let pageJudged = 0;
  let pageRight = 0;
  const misses: string[] = [];
  for (const field of FIELDS) {
    if (!(field in expected)) continue;
    const value = actual(read, field);
    pageJudged++;
    if (accepts(expected[field], value)) pageRight++;
    else misses.push(`    ${field}: got ${JSON.stringify(value)}, expected ${JSON.stringify(expected[field])}`);
  }
  if (!valid) misses.push('    result does not pass PageReadSchema');
  // The page report of this page must turn back into a fixture that reads the same (masked values).
  const report = pageReport(doc as unknown as Document, url, read, 'check');
  const fixture = reportToFixture(report);
  const again = readPage(new window.DOMParser().parseFromString(fixture.html, 'text/html') as unknown as Document, fixture.expected.url);
  const roundTrip = JSON.stringify(again.state === 'profile' ? again.profile : again.state) ===
    JSON.stringify(report.profile ?? report.state);
  if (!roundTrip) misses.push(`    page report does not read back the same: ${JSON.stringify(again)}`);
  reportsOk += roundTrip ? 1 : 0;
  pages++;
  judged += pageJudged;
  right += valid ? pageRight : 0;
  const pct = ((100 * pageRight) / pageJudged).toFixed(1);
  console.log(`${name.padEnd(40)} ${String(pageRight).padStart(2)}/${pageJudged}  ${pct.padStart(5)}%  (${ms.toFixed(0)} ms)`);
  if (misses.length) console.log(misses.join('\n'));
  if (verbose && read.state === 'profile') {
    for (const [field, v] of Object.entries(read.profile)) console.log(`    · ${field} = ${v.value}  [${v.strategy}]`);
    if (read.otherPositions) console.log(`    · otherPositions = ${JSON.stringify(read.otherPositions)}`);
  }
}
await window.happyDOM.close();
const overall = judged ? right / judged : 0;
console.log(`\nPage reports read back the same: ${reportsOk}/${pages}`);
console.log(`\nOverall: ${right}/${judged} = ${(100 * overall).toFixed(1)}% (target ${100 * TARGET}%)`);
process.exit(overall >= TARGET && reportsOk === pages ? 0 : 1);
