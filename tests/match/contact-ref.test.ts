import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_REF_MESSAGES, parseContactRef } from '@/utils/match/contact-ref';
import { t } from '@/components/i18n';

const UUID = 'c0ffee00-0000-4000-8000-000000000001';

describe('parseContactRef', () => {
  it('accepts a bare id, trimmed', () => {
    expect(parseContactRef(UUID)).toEqual({ ok: true, contactId: UUID });
    expect(parseContactRef(`  ${UUID}\n`)).toEqual({ ok: true, contactId: UUID });
    expect(parseContactRef('cnt_8f3KxQ2')).toEqual({ ok: true, contactId: 'cnt_8f3KxQ2' });
  });

  it('reads the id from Skipcall app links', () => {
    const cases = [
      `https://app.skipcall.app/contacts/${UUID}`,
      `https://app.skipcall.app/fr/workspace/a0000000/contacts/${UUID}/calls?tab=notes`,
      `app.skipcall.app/contact/${UUID}`,
      `http://skipcall.app/contacts/${encodeURIComponent(UUID)}/`,
      `https://staging.skipcall.dev/contacts/${UUID}`,
      `https://app.skipcall.app/calls?contactId=${UUID}`,
      `https://app.skipcall.app/contacts?id=${UUID}`,
      `https://app.skipcall.app/#/contacts/${UUID}?tab=calls`,
      `https://APP.SKIPCALL.APP/Contacts/${UUID}`,
    ];
    for (const input of cases) expect(parseContactRef(input), input).toEqual({ ok: true, contactId: UUID });
  });

  it('prefers the path over query parameters', () => {
    expect(parseContactRef(`https://app.skipcall.app/contacts/${UUID}?id=other123`)).toEqual({ ok: true, contactId: UUID });
  });

  it('says "empty" for nothing at all', () => {
    expect(parseContactRef('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseContactRef('   \t ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('says "format" for anything else', () => {
    const cases = [
      'abc', // too short
      'x'.repeat(65),
      'Élodie Marchand',
      'jean@example.com',
      'https://www.linkedin.com/in/elodie-marchand',
      `https://skipcalls.com/contacts/${UUID}`, // another product
      `https://evil.example/contacts/${UUID}?host=skipcall.app`,
      'https://app.skipcall.app/contacts',
      'https://app.skipcall.app/contacts/import',
      'https://app.skipcall.app/settings',
      `ftp://app.skipcall.app/contacts/${UUID}`,
    ];
    for (const input of cases) expect(parseContactRef(input), input).toEqual({ ok: false, problem: 'format' });
  });

  it('has a message for each problem', () => {
    expect(t(CONTACT_REF_MESSAGES.empty)).toMatch(/Paste/);
    expect(t(CONTACT_REF_MESSAGES.format)).toMatch(/skipcall/i);
  });

  it('never throws and returns only valid ids', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const result = parseContactRef(input);
        if (result.ok) expect(result.contactId).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
      }),
    );
  });

  it('finds any valid id inside an app link', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{6,64}$/).filter((s) => !/^(import|export|create|search|settings|archived|deleted)$/i.test(s));
    fc.assert(
      fc.property(id, (contactId) => {
        expect(parseContactRef(`https://app.skipcall.app/contacts/${contactId}`)).toEqual({ ok: true, contactId });
      }),
    );
  });
});
