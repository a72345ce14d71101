// Stripping at read (reader `clean`) and in the diff's normalization (`cleanText`):
// every control, bidi and zero-width character goes; whitespace controls become spaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRefusedChars, stripHidden } from '@/utils/hidden-chars';
import { clean } from '@/utils/linkedin/text';
import { cleanText } from '@/utils/normalize';
import { HIDDEN_CHARS, WHITESPACE_CONTROLS, codePoint } from '../support/hidden-chars';

describe.each([
  ['clean (reader)', clean],
  ['cleanText (diff)', cleanText],
])('%s', (_, strip) => {
  it.each(HIDDEN_CHARS.map((ch) => [codePoint(ch), ch] as const))('removes %s', (_, ch) => {
    expect(strip(`Jean${ch}-Pierre ${ch}Dupont${ch}`)).toBe('Jean-Pierre Dupont');
    expect(hasRefusedChars(strip(ch.repeat(3)))).toBe(false);
  });

  it('turns tabs and line breaks into single spaces', () => {
    for (const ws of WHITESPACE_CONTROLS) expect(strip(`Head${ws}of${ws}${ws}Sales${ws}`)).toBe('Head of Sales');
    expect(strip('Paris\u2028France\u00a0 ')).toBe('Paris France');
  });

  it('keeps text, accents, CJK and emoji presentation; splits ZWJ emoji sequences (accepted)', () => {
    expect(strip('Élodie 山田 Ünal ❤️ 🇫🇷')).toBe('Élodie 山田 Ünal ❤️ 🇫🇷');
    expect(strip('👩\u200d💻 Dev')).toBe('👩💻 Dev');
  });

  it('a reversed name cannot hide behind bidi controls', () => {
    expect(strip('\u202eeromeL nairdA\u202c')).toBe('eromeL nairdA');
    expect(strip('Acme\u2066 Corp\u2069')).toBe('Acme Corp');
  });

  it('property: nothing refused survives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HIDDEN_CHARS, ...WHITESPACE_CONTROLS))), (parts) => {
        expect(hasRefusedChars(strip(parts.join('')))).toBe(false);
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });
});

describe('stripHidden', () => {
  it('leaves whitespace to the caller', () => {
    expect(stripHidden('a\tb\u200bc\n')).toBe('a\tbc\n');
  });
});
