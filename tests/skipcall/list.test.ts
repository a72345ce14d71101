import { describe, expect, it } from 'vitest';
import { readListPage } from '@/utils/skipcall/list';
import { problemsFromDetails } from '@/utils/skipcall/client';

describe('readListPage', () => {
  it('reads a bare array and the usual envelopes', () => {
    expect(readListPage([1, 2])).toEqual({ items: [1, 2] });
    expect(readListPage({ data: [1], total: 9 })).toEqual({ items: [1], total: 9 });
    expect(readListPage({ items: [1], totalCount: 3 })).toEqual({ items: [1], total: 3 });
    expect(readListPage({ contacts: [], meta: {} })).toEqual({ items: [] });
  });
  it('returns null when there is no list', () => {
    expect(readListPage(null)).toBeNull();
    expect(readListPage({ data: 'x' })).toBeNull();
    expect(readListPage('oops')).toBeNull();
  });
});

describe('problemsFromDetails (400 bodies are undocumented)', () => {
  it('names the field from each known shape', () => {
    expect(problemsFromDetails([{ field: 'firstName', message: 'too long' }])).toEqual([{ field: 'firstName', message: 'too long' }]);
    expect(problemsFromDetails([{ property: 'city' }])).toEqual([{ field: 'city', message: 'is invalid' }]);
    expect(problemsFromDetails(['company must be shorter than or equal to 200 characters'])).toEqual([
      { field: 'company', message: 'must be shorter than or equal to 200 characters' },
    ]);
    expect(problemsFromDetails({ role: 'too long' })).toEqual([{ field: 'role', message: 'too long' }]);
    expect(problemsFromDetails(null)).toEqual([]);
  });
});
