// Turns a page report ("Copy a page report" in the popup) into a reader fixture:
//   npx tsx scripts/report-to-fixture.ts <report.json> <fixture-name>
// writes tests/fixtures/linkedin/<name>.html and <name>.json, the expected result being the
// reader's result recorded in the report. Then fix the reader until the fixture passes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_FORMAT, type PageReport } from '../utils/linkedin/report';

export interface FixtureFiles {
  html: string;
  expected: { notes: string; url: string; state: string; kind?: string; profile?: unknown };
}

export function reportToFixture(report: PageReport, notes = 'Made from a page report: texts and URLs are placeholders.'): FixtureFiles {
  if (report.format !== REPORT_FORMAT || typeof report.html !== 'string') throw new Error('not a page report');
  const expected: FixtureFiles['expected'] = { notes, url: report.url, state: report.state };
  if (report.kind) expected.kind = report.kind;
  if (report.profile) expected.profile = report.profile;
  return { html: report.html, expected };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [file, name] = process.argv.slice(2);
  if (!file || !name || !/^[\w-]+$/.test(name)) {
    console.error('usage: npx tsx scripts/report-to-fixture.ts <report.json> <fixture-name>');
    process.exit(2);
  }
  const fixture = reportToFixture(JSON.parse(readFileSync(file, 'utf8')) as PageReport);
  const dir = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'linkedin');
  writeFileSync(join(dir, `${name}.html`), fixture.html);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(fixture.expected, null, 2)}\n`);
  console.log(`wrote ${join(dir, name)}.html and .json`);
}
