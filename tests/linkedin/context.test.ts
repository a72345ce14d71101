// Whether a top card without identifying links may be read, given the tab's
// previous profile, and what the content script keeps of a read.
import { describe, expect, it } from 'vitest';
import { mayReadUnproven, previousOf } from '../../utils/linkedin/context';
import { namesAlike } from '../../utils/linkedin/text';

const A = 'https://www.linkedin.com/in/anne-sophie-morel-3f8a21/';
const B = 'https://www.linkedin.com/in/hugo-lambert-7c1e92/';

describe('mayReadUnproven', () => {
  it('reads on a first load: the server rendered the URL’s person', () => {
    expect(mayReadUnproven(B, 'Anne Sophie Morel', undefined, undefined)).toBe(true);
    expect(mayReadUnproven(B, '', undefined, {})).toBe(true);
  });

  it('reads when the previous profile is the URL’s person (overlay, query, country host)', () => {
    const previous = { url: 'https://fr.linkedin.com/in/Hugo-Lambert-7c1e92/overlay/contact-info/?x=1', name: 'Hugo Lambert' };
    expect(mayReadUnproven(B, 'Hugo Lambert', undefined, { previous })).toBe(true);
    const lead = 'https://www.linkedin.com/sales/lead/ACwAAB1,NAME_SEARCH,x';
    expect(mayReadUnproven(lead, 'X', undefined, { previous: { url: 'https://www.linkedin.com/sales/people/ACwAAB1,NAME_SEARCH,y', name: 'X' } })).toBe(true);
  });

  it('after navigation, reads only a card that shows another name than the previous person’s', () => {
    const previous = { url: A, name: 'Anne Sophie Morel' };
    expect(mayReadUnproven(B, 'Hugo Lambert', undefined, { previous })).toBe(true);
    expect(mayReadUnproven(B, 'Anne Sophie Morel', undefined, { previous })).toBe(false);
    expect(mayReadUnproven(B, 'MOREL Anne-Sophie (elle/elle)', undefined, { previous })).toBe(false);
    expect(mayReadUnproven(B, '', undefined, { previous })).toBe(false);
    expect(mayReadUnproven(B, 'Hugo Lambert', undefined, { previous: { url: A } })).toBe(false);
  });

  it('never reads a card that shows the previous person’s vanity slug', () => {
    const token = 'https://www.linkedin.com/in/ACoAAHl8Hugo9kWq3';
    expect(mayReadUnproven(token, 'Hugo Lambert', 'anne-sophie-morel-3f8a21', { previous: { url: A, name: 'Other Name' } })).toBe(false);
    expect(mayReadUnproven(token, 'Hugo Lambert', 'hugo-lambert-7c1e92', { previous: { url: A, name: 'Anne Sophie Morel' } })).toBe(true);
  });
});

describe('namesAlike', () => {
  it.each([
    ['Anne Sophie Morel', 'Anne Sophie Morel'],
    ['Anne Sophie Morel', 'MOREL Anne Sophie'],
    ['Anne-Sophie Morel', 'anne sophie morel'],
    ['Antoine Lefèvre', 'Antoine Lefevre'],
    ['Dr. Karim Benali, PhD 🎓', 'Karim Benali'],
    ['Anne Sophie Morel (She/Her)', 'Anne Sophie Morel'],
    ['Hugo Lambert', 'Hugo Lambert Martin'],
    ['山田 太郎', '太郎 山田'],
    ['王伟', '伟 王'],
    ['🚀', 'Hugo Lambert'],
  ])('%s ~ %s', (a, b) => {
    expect(namesAlike(a, b)).toBe(true);
    expect(namesAlike(b, a)).toBe(true);
  });

  it.each([
    ['Anne Sophie Morel', 'Hugo Lambert'],
    ['Jean Martin', 'Jean Dupont'],
    ['山田 太郎', '田中 花子'],
  ])('%s ≁ %s', (a, b) => {
    expect(namesAlike(a, b)).toBe(false);
  });
});

describe('previousOf', () => {
  it('keeps the URL and the displayed name of a profile read, nothing of other states', () => {
    const read = {
      state: 'profile' as const,
      url: A,
      kind: 'profile' as const,
      profile: { firstName: { value: 'Anne Sophie', strategy: 'x' }, lastName: { value: 'Morel', strategy: 'x' } },
    };
    expect(previousOf(read)).toEqual({ url: A, name: 'Anne Sophie Morel' });
    expect(previousOf({ ...read, profile: {} })).toEqual({ url: A });
    expect(previousOf({ state: 'not-a-profile', url: A })).toBeUndefined();
  });
});
