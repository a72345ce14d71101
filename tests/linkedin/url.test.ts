import { describe, expect, it } from 'vitest';
import {
  canonicalLinkedInUrl,
  canonicalProfileUrl,
  canonicalSalesUrl,
  externalUrl,
  parseLinkedInUrl,
} from '../../utils/linkedin/url';

describe('canonicalLinkedInUrl', () => {
  const profile = 'https://www.linkedin.com/in/jean-dupont-42';
  it.each([
    'https://www.linkedin.com/in/jean-dupont-42',
    'https://www.linkedin.com/in/jean-dupont-42/',
    'http://www.linkedin.com/in/jean-dupont-42',
    'https://fr.linkedin.com/in/jean-dupont-42/',
    'https://linkedin.com/in/jean-dupont-42',
    'linkedin.com/in/jean-dupont-42',
    'www.linkedin.com/in/jean-dupont-42/',
    '//www.linkedin.com/in/jean-dupont-42',
    '/in/jean-dupont-42/',
    'https://www.linkedin.com/in/Jean-Dupont-42',
    'https://www.linkedin.com/in/jean-dupont-42/overlay/contact-info/',
    'https://www.linkedin.com/in/jean-dupont-42/details/experience/',
    'https://www.linkedin.com/in/jean-dupont-42?originalSubdomain=fr&trk=x',
    'https://www.linkedin.com/in/jean-dupont-42#experience',
    '  https://WWW.LINKEDIN.COM/in/jean-dupont-42  ',
    'https://m.linkedin.com/in/jean-dupont-42',
  ])('%s', (input) => {
    expect(canonicalLinkedInUrl(input)).toBe(profile);
  });

  it('keeps non-ASCII slugs in one percent-encoded form', () => {
    const encoded = 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa';
    expect(canonicalLinkedInUrl('https://es.linkedin.com/in/josé-garcía/')).toBe(encoded);
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/JOS%C3%89-garc%C3%ADa')).toBe(encoded);
    expect(canonicalProfileUrl('josé-garcía')).toBe(encoded);
  });

  it('keeps member tokens case-sensitive', () => {
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/ACoAAB1cDeF/')).toBe(
      'https://www.linkedin.com/in/ACoAAB1cDeF',
    );
  });

  it.each([
    'https://www.linkedin.com/sales/lead/ACwAAB3xY7kQ,NAME_SEARCH,pQ7x',
    'https://www.linkedin.com/sales/lead/ACwAAB3xY7kQ,NAME_SEARCH,pQ7x?_ntb=Zt3p%3D%3D',
    'https://www.linkedin.com/sales/people/ACwAAB3xY7kQ,NAME_SEARCH,pQ7x/',
    'https://www.linkedin.com/sales/lead/ACwAAB3xY7kQ%2CNAME_SEARCH%2CpQ7x',
    'linkedin.com/sales/lead/ACwAAB3xY7kQ',
  ])('Sales Navigator %s', (input) => {
    expect(canonicalLinkedInUrl(input)).toBe('https://www.linkedin.com/sales/lead/ACwAAB3xY7kQ');
  });

  it.each([
    'https://example.com/in/jean-dupont',
    'https://linkedin.com.evil.example/in/jean-dupont',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('%s is neither a profile nor a lead', (input) => {
    expect(canonicalLinkedInUrl(input)).toBeNull();
  });

  it('builds the canonical sales URL from an id', () => {
    expect(canonicalSalesUrl('ACwAAB3xY7kQ')).toBe('https://www.linkedin.com/sales/lead/ACwAAB3xY7kQ');
  });
});

describe('parseLinkedInUrl', () => {
  it('reads the lead id, auth type and token', () => {
    expect(parseLinkedInUrl('https://www.linkedin.com/sales/lead/ACwAAB3x,NAME_SEARCH,pQ7x?_ntb=1')).toEqual({
      kind: 'salesnav-lead',
      leadId: 'ACwAAB3x',
      authType: 'NAME_SEARCH',
      authToken: 'pQ7x',
    });
  });

  it.each([
    ['https://www.linkedin.com/authwall?trk=bf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fx', 'authwall'],
    ['https://www.linkedin.com/login?session_redirect=%2Fin%2Fx', 'authwall'],
    ['https://www.linkedin.com/uas/login', 'authwall'],
    ['https://www.linkedin.com/checkpoint/challenge/AgFQx9?ut=1', 'checkpoint'],
    ['https://www.linkedin.com/feed/', 'other'],
  ])('%s → %s', (input, kind) => {
    expect(parseLinkedInUrl(input).kind).toBe(kind);
  });
});

describe('externalUrl', () => {
  it('decodes LinkedIn redirects, dots encoded as %2E included', () => {
    expect(externalUrl('https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fexample%2Efr%2Fa&urlhash=x')).toBe(
      'https://example.fr/a',
    );
    expect(externalUrl('/redir/redirect?url=http%3A%2F%2Fexample.com')).toBe('http://example.com');
  });

  it('decodes nested redirects and doubly encoded targets fully, keeping only http(s)', () => {
    const inner = encodeURIComponent('https://www.linkedin.com/redir/redirect?url=' + encodeURIComponent('https://atelier-zenith.example/fr'));
    expect(externalUrl(`https://www.linkedin.com/safety/go?url=${inner}&trk=x`)).toBe('https://atelier-zenith.example/fr');
    expect(externalUrl('/redir/redirect?url=https%253A%252F%252Fmaison%252Eexample%252Ecom%252Fshop')).toBe(
      'https://maison.example.com/shop',
    );
    expect(externalUrl('/redir/redirect?url=https%3A%2F%2Fexample%252Eorg%2Fa%2520b')).toBe('https://example.org/a%20b');
    expect(externalUrl('https://example%2Enet/x')).toBe('https://example.net/x');
    expect(externalUrl('/redir/redirect?url=javascript%3Aalert(1)')).toBeUndefined();
    expect(externalUrl('/redir/redirect?url=ftp%3A%2F%2Fexample.com')).toBeUndefined();
    expect(externalUrl('/redir/redirect?url=data%253Atext%252Fhtml%252Cx')).toBeUndefined();
    expect(externalUrl('/redir/redirect?url=https%3A%2F%2Fuser%3Apass%40example.com')).toBeUndefined();
  });

  it('keeps plain external links and refuses LinkedIn or non-web ones', () => {
    expect(externalUrl('https://example.com/x')).toBe('https://example.com/x');
    expect(externalUrl('https://www.linkedin.com/in/someone')).toBeUndefined();
    expect(externalUrl('https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fx')).toBeUndefined();
    expect(externalUrl('mailto:someone@example.com')).toBeUndefined();
    expect(externalUrl('javascript:void(0)')).toBeUndefined();
    expect(externalUrl(null)).toBeUndefined();
  });
});
