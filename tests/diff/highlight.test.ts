import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedSpan } from '@/utils/diff/highlight';

describe('changedSpan', () => {
  it('isolates the changed words of a role', () => {
    expect(changedSpan('Directrice commerciale', 'Directrice des achats')).toEqual({
      prefix: 'Directrice ',
      removed: 'commerciale',
      added: 'des achats',
      suffix: '',
    });
  });

  it('shows a short value as one change rather than scattered letters', () => {
    expect(changedSpan('Lyon', 'Lens')).toEqual({ prefix: '', removed: 'Lyon', added: 'Lens', suffix: '' });
  });

  it('never splits an emoji or a surrogate pair', () => {
    const span = changedSpan('Team 🚀 Sales', 'Team 🚁 Sales');
    expect(span.removed).toBe('🚀');
    expect(span.added).toBe('🚁');
  });

  it('always rebuilds both values', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const span = changedSpan(before, after);
        expect(span.prefix + span.removed + span.suffix).toBe(before);
        expect(span.prefix + span.added + span.suffix).toBe(after);
      }),
      { numRuns: 1000 },
    );
  });
});
