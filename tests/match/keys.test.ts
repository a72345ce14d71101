import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUrl } from '@/utils/normalize';
import { companyKey, emailKey, leadKey, linkedinKeys, nameKeys } from '@/utils/match/keys';

describe('nameKeys', () => {
  it('are equal for the same name written differently', () => {
    const same = (a: [string, string], b: [string, string]) => nameKeys(...a).some((k) => nameKeys(...b).includes(k));
    expect(same(['Jean-Baptiste', 'Lefèbvre'], ['jean baptiste', 'LEFEBVRE'])).toBe(true);
    expect(same(['Jean-Baptiste', 'Lefèbvre'], ['Lefebvre', 'Jean Baptiste'])).toBe(true);
    expect(same(['Marie-Hélène', 'de La Tour'], ['Marie Helene', 'Delatour'])).toBe(true);
    expect(same(['Jean', 'Baptiste Lefebvre'], ['Jean Baptiste', 'Lefebvre'])).toBe(true);
    expect(same(['Élodie', 'Marchand'], ['Elodie', 'Marchant'])).toBe(false);
  });

  it('need both names', () => {
    expect(nameKeys('Élodie', '')).toEqual([]);
    expect(nameKeys(undefined, 'Marchand')).toEqual([]);
  });
});

describe('companyKey', () => {
  it('ignores accents, case, punctuation, legal forms and word order', () => {
    expect(companyKey('Brasserie Lumière SAS')).toBe(companyKey('brasserie lumiere'));
    expect(companyKey('Cabinet Lefèbvre & Associés')).toBe(companyKey('Cabinet Lefebvre et Associes'));
    expect(companyKey('Lumière, Brasserie')).toBe(companyKey('Brasserie Lumière'));
    expect(companyKey('SAS')).toBe('sas');
    expect(companyKey('')).toBe('');
    expect(companyKey('Brasserie Lumière')).not.toBe(companyKey('Brasserie du Port'));
  });
});

describe('emailKey', () => {
  it('folds case and spaces, and refuses non-addresses', () => {
    expect(emailKey(' JB.Lefebvre@Cabinet.FR ')).toBe('jb.lefebvre@cabinet.fr');
    expect(emailKey('not an email')).toBe('');
    expect(emailKey(null)).toBe('');
  });
});

describe('linkedinKeys / leadKey', () => {
  it('sort /in/ and lead URLs whatever field they came in', () => {
    expect(linkedinKeys('https://fr.linkedin.com/in/Elodie-M/', 'https://www.linkedin.com/sales/lead/ACwAAB1,NAME_SEARCH,x', 'https://example.com', null)).toEqual({
      profiles: ['https://www.linkedin.com/in/elodie-m'],
      leads: ['https://www.linkedin.com/sales/lead/acwaab1'],
    });
    expect(linkedinKeys('https://www.linkedin.com/sales/people/ACwAAB1')).toEqual({ profiles: [], leads: ['https://www.linkedin.com/sales/lead/acwaab1'] });
  });

  it('leadKey takes a bare id or a URL', () => {
    expect(leadKey('ACwAAB1')).toBe('https://www.linkedin.com/sales/lead/acwaab1');
    expect(leadKey('ACwAAB1,NAME_SEARCH,x')).toBe(leadKey('https://www.linkedin.com/sales/lead/ACwAAB1'));
    expect(leadKey('')).toBe('');
    expect(leadKey('https://example.com/x')).toBe('');
  });

  it('equal foldUrl for any LinkedIn profile or lead URL (property)', () => {
    const slug = fc.stringMatching(/^[A-Za-z0-9%-]{1,30}$/);
    const host = fc.constantFrom('www.linkedin.com', 'linkedin.com', 'fr.linkedin.com', 'WWW.LINKEDIN.COM');
    const tail = fc.constantFrom('', '/', '/?trk=x', '/overlay/contact-info/', '#about');
    const url = fc.oneof(
      fc.tuple(host, slug, tail).map(([h, s, t]) => `https://${h}/in/${s}${t}`),
      fc.tuple(host, slug, tail).map(([h, s, t]) => `http://${h}/sales/lead/${s},NAME_SEARCH,abc${t}`),
    );
    fc.assert(
      fc.property(url, (value) => {
        const keys = linkedinKeys(value);
        const all = [...keys.profiles, ...keys.leads];
        if (all.length) expect(all).toEqual([foldUrl(value)]);
      }),
    );
  });
});
