// The start of the current position, for "since <month year>" in a job change.
import { describe, expect, it } from 'vitest';
import { currentPositions, startOf } from '@/utils/linkedin/positions';

describe('start of a position', () => {
  it('is the part before the dash, as the page words it', () => {
    expect(startOf('Mar 2021 - Present · 3 yrs 9 mos')).toBe('Mar 2021');
    expect(startOf('janv. 2020 – aujourd’hui · 5 ans')).toBe('janv. 2020');
    expect(startOf('2019 - Present')).toBe('2019');
    expect(startOf('Present')).toBeUndefined();
    expect(startOf(undefined)).toBeUndefined();
  });

  it('comes with the current position, single or grouped under one company', () => {
    expect(currentPositions(['Directeur des achats', 'Maison Vernet · Full-time', 'Sep 2025 - Present · 4 mos'], [])).toEqual([
      { role: 'Directeur des achats', company: 'Maison Vernet', since: 'Sep 2025' },
    ]);
    expect(
      currentPositions(['Maison Vernet', 'Full-time · 6 yrs'], [
        ['Directeur des achats', 'sept. 2025 - aujourd’hui'],
        ['Acheteur', '2019 - 2025'],
      ]),
    ).toEqual([{ role: 'Directeur des achats', company: 'Maison Vernet', since: 'sept. 2025' }]);
  });
});
