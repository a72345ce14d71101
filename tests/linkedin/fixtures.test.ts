// @vitest-environment happy-dom
// One test per fixture: every field, with the strategy that produced it.
import { describe, expect, it } from 'vitest';
import { isPageSettled, readPage } from '../../utils/linkedin/read-page';
import { PageReadSchema } from '../../utils/profile';
import { fixtures, leaks, parse } from './helpers';

const all = fixtures();

describe('LinkedIn fixtures', () => {
  it('has the fixtures the reader is modeled on', () => {
    expect(all.length).toBeGreaterThanOrEqual(14);
    expect(all.map((f) => f.name)).toContain('demo-profile');
  });

  for (const { name, html, expected } of all) {
    it(`${name}: reads ${expected.state}${expected.kind ? ` (${expected.kind})` : ''}`, () => {
      const doc = parse(html);
      const read = readPage(doc, expected.url);
      expect(PageReadSchema.parse(read)).toEqual(read);
      expect(read.state).toBe(expected.state);
      expect(read.url).toBe(expected.url);
      if (read.state === 'profile') {
        expect(read.kind).toBe(expected.kind);
        expect(read.profile).toEqual(expected.profile);
        expect(read.otherPositions ?? []).toEqual(expected.otherPositions ?? []);
        // The current position's start, judged where the expected values name it (null: the page shows none).
        if (expected.since !== undefined) expect(read.since ?? null).toBe(expected.since);
      } else {
        expect(expected.profile).toBeUndefined();
      }
      expect(leaks(read, expected.foreign)).toEqual([]);
      expect(isPageSettled(doc, expected.url)).toBe(expected.settled ?? true);
    });
  }
});
