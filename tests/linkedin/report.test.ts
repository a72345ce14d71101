// @vitest-environment happy-dom
// The page report: a skeleton with no text or URL of the page, which turns back
// into a fixture that the reader reads the same (same fields, strategies and
// confidence, the masked values).
import { describe, expect, it } from 'vitest';
import { readPage } from '../../utils/linkedin/read-page';
import { pageReport, maskText } from '../../utils/linkedin/report';
import { reportToFixture } from '../../scripts/report-to-fixture';
import { fixtures, parse, values } from './helpers';

const all = fixtures().filter((f) => f.expected.state === 'profile');

describe('page report', () => {
  for (const f of all) {
    it(`${f.name}: carries none of the page's values and reads back the same`, () => {
      const doc = parse(f.html);
      const read = readPage(doc, f.expected.url);
      const report = pageReport(doc, f.expected.url, read, 'seed-1');
      // None of the person's values survives, except words the reader needs (places, labels).
      for (const value of values(read)) {
        const masked = maskText(value, 'seed-1');
        if (masked !== value) expect(report.html.includes(value), value).toBe(false);
      }
      const fixture = reportToFixture(report);
      const again = readPage(parse(fixture.html), fixture.expected.url);
      expect(again.state).toBe('profile');
      expect(again.state === 'profile' && again.profile).toEqual(report.profile);
    });
  }

  it('keeps the length and script of what it masks, differently per report', () => {
    expect(maskText('Jean Dupont', 's').length).toBe('Jean Dupont'.length);
    expect(maskText('Jean Dupont', 's')).toMatch(/^[A-Z][a-z]{3} [A-Z][a-z]{5}$/);
    expect(maskText('山田太郎', 's')).toMatch(/^\p{Script=Han}{4}$/u);
    expect(maskText('Jean Dupont', 's')).not.toBe(maskText('Jean Dupont', 't'));
    expect(maskText('Product Manager at Cartoval · Jan 2020 - Present', 's')).toMatch(/^\S+ \S+ at \S+ · Jan 2020 - Present$/);
  });
});
