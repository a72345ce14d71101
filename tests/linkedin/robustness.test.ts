// @vitest-environment happy-dom
// Hundreds of seeded random mutations of the fixtures (removed nodes, renamed
// classes, dropped attributes, truncated JSON, shuffled siblings, junk text,
// sidebars moved into the main column): the reader never throws, never returns
// another person's data, and degrades to fewer fields.
import { describe, expect, it } from 'vitest';
import { readPageUnguarded } from '../../utils/linkedin/read-page';
import { PageReadSchema, type PageRead, type ProfileFieldName } from '../../utils/profile';
import { fixtures, leaks, parse } from './helpers';
import { prng } from '../support/prng';
import { MUTATIONS } from './mutations';

// More cases and another seed for exploration: ROBUSTNESS_CASES=500 ROBUSTNESS_SEED=3 npx vitest run …
const CASES_PER_FIXTURE = Number(process.env.ROBUSTNESS_CASES) || 40;
const SEED = Number(process.env.ROBUSTNESS_SEED) || 7;

// Values a fixture may legitimately fall back to when a landmark is gone.
const FALLBACKS: Record<string, Partial<Record<ProfileFieldName, string[]>>> = {
  // Without the "Message Anne Sophie" labels the two-word first name cannot be known.
  'ember-2024-stale-json': { firstName: ['Anne'], lastName: ['Sophie Morel'] },
  // The top card's primary company gone: the first listed current position leads; or the headline.
  'ember-several-positions': { role: ['Mentor', 'Founder'], company: ['Station Nord'] },
  'salesnav-2026-lead': { role: ['Administrateur'], company: ['Coopérative Breizh Lait'] },
  // SDUI has no hook on the headline: with it and the right-column entries both gone, the
  // "Company · School" line reads as the headline (known gap, the person's own data).
  'sdui-2026-en': { headline: ['Lumen Pay · HEC Paris'] },
  'sdui-2026-fr': { headline: ['Atelier Zénith · École Boulle'] },
  'sdui-2026-en-badges': { headline: ['Meridian Cloud · National University of Singapore'] },
  'sdui-2026-fr-pronoun': { headline: ['École 42'] },
  'sdui-2026-fr-contact-website': { headline: ['Studio Bastos'] },
};

function fieldsOf(read: PageRead): Partial<Record<ProfileFieldName, string>> {
  if (read.state !== 'profile') return {};
  return Object.fromEntries(Object.entries(read.profile).map(([k, v]) => [k, v.value]));
}

describe('reader robustness under random page mutations', () => {
  for (const { name, html, expected } of fixtures()) {
    it(`${name}: ${CASES_PER_FIXTURE} mutated pages`, () => {
      const doc = parse(html);
      const original = doc.documentElement.outerHTML;
      const baseline = fieldsOf(readPageUnguarded(doc, expected.url));
      const rand = prng([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED));
      for (let i = 0; i < CASES_PER_FIXTURE; i++) {
        const undo: (() => void)[] = [];
        let altersText = false;
        const applied: string[] = [];
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
          const mutation = MUTATIONS[Math.floor(rand() * MUTATIONS.length)]!;
          const u = mutation.apply(doc, rand);
          if (!u) continue;
          undo.push(u);
          applied.push(mutation.name);
          altersText ||= mutation.altersText;
        }
        const context = `${name} case ${i}: ${applied.join(', ')}`;

        const read = readPageUnguarded(doc, expected.url);
        expect(PageReadSchema.safeParse(read).success, context).toBe(true);
        expect(leaks(read, expected.foreign), context).toEqual([]);
        expect([expected.state, 'not-a-profile'], context).toContain(read.state);
        if (read.state === 'profile') {
          expect(read.kind, context).toBe(expected.kind);
          const fields = fieldsOf(read);
          if (!altersText) {
            // Never more than the intact page gave.
            for (const field of Object.keys(fields)) expect(Object.keys(baseline), context).toContain(field);
            // Removing landmarks only loses fields or falls back to the person's own other values.
            for (const [field, value] of Object.entries(fields) as [ProfileFieldName, string][]) {
              const allowed = [baseline[field], ...(FALLBACKS[name]?.[field] ?? [])];
              // Guesses from the headline read (itself checked here) are the person's own words.
              if (field === 'role' || field === 'company') {
                allowed.push(...headlineGuesses(baseline.headline), ...headlineGuesses(fields.headline));
              }
              expect(allowed, `${context} → ${field}`).toContain(value);
            }
          }
        }
        undo.reverse().forEach((u) => u());
      }
      // The mutations were undone exactly.
      expect(doc.documentElement.outerHTML).toBe(original);
    }, Math.max(5000, CASES_PER_FIXTURE * 100));
  }
});

/** Role/company a headline yields: the documented last resort. */
function headlineGuesses(headline: string | undefined): string[] {
  if (!headline) return [];
  const segments = headline.replace(/[🚀✨]/gu, '').split(/\s*[|•·]\s*/);
  return segments.flatMap((s) => s.split(/\s+(?:at|chez)\s+|\s*@\s*/)).map((s) => s.trim().replace(/\.$/, ''));
}
