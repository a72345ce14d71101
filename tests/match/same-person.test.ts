import { describe, expect, it } from 'vitest';
import { namesDiffer } from '@/utils/match/same-person';

describe('namesDiffer', () => {
  it('tells another person apart', () => {
    expect(namesDiffer({ firstName: 'Karim', lastName: 'Benali' }, { firstName: 'Élodie', lastName: 'Marchand' })).toBe(true);
  });

  it('ignores accents, case, hyphens and a first/last swap', () => {
    expect(namesDiffer({ firstName: 'elodie', lastName: 'MARCHAND' }, { firstName: 'Élodie', lastName: 'Marchand' })).toBe(false);
    expect(namesDiffer({ firstName: 'Jean Baptiste', lastName: 'Lefèbvre' }, { firstName: 'Jean-Baptiste', lastName: 'Lefebvre' })).toBe(false);
    expect(namesDiffer({ firstName: 'Marchand', lastName: 'Élodie' }, { firstName: 'Élodie', lastName: 'Marchand' })).toBe(false);
  });

  it('judges nothing without a full name on both sides', () => {
    expect(namesDiffer({ firstName: 'Karim', lastName: '' }, { firstName: 'Élodie', lastName: 'Marchand' })).toBe(false);
    expect(namesDiffer({ firstName: 'Karim', lastName: 'Benali' }, {})).toBe(false);
  });

  it('counts a different last name as another person', () => {
    expect(namesDiffer({ firstName: 'Élodie', lastName: 'Martin' }, { firstName: 'Élodie', lastName: 'Marchand' })).toBe(true);
  });
});
