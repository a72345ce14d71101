import { describe, expect, it } from 'vitest';
import { toE164 } from '@/utils/phone';

describe('toE164', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['01 42 68 53 00', '+33142685300'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (input, e164) => {
    expect(toE164(input)).toEqual({ ok: true, e164 });
  });

  it.each([['', 'empty'], ['   ', 'empty'], ['12', 'invalid'], ['06 12 34', 'invalid'], ['not a number', 'invalid']])(
    'refuses %j (%s)',
    (input, problem) => {
      expect(toE164(input)).toEqual({ ok: false, problem });
    },
  );
});
