import { describe, expect, it } from 'vitest';
import { RequestSchema, isSenderAllowed } from '@/utils/messages';

const OWN_ID = 'abcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const popup = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html?tabId=3` };
const contentScript = { id: OWN_ID, url: 'https://www.linkedin.com/in/someone/', tabId: 3 };

describe('RequestSchema', () => {
  it('accepts each request of the protocol', () => {
    expect(RequestSchema.safeParse({ type: 'get-contact', contactId: 'c1' }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'check-connection' }).success).toBe(true);
    expect(
      RequestSchema.safeParse({
        type: 'page-read',
        read: { state: 'profile', url: 'https://www.linkedin.com/in/a/', kind: 'profile', profile: { firstName: { value: 'A', strategy: 'x' } } },
      }).success,
    ).toBe(true);
  });
  it.each([
    null,
    'get-contact',
    { type: 'unknown' },
    { type: 'get-contact', contactId: '' },
    { type: 'get-contact', contactId: 42 },
    { type: 'page-read', read: { state: 'profile', url: 'x' } },
    { type: 'page-read', read: { state: 'profile', url: 'x', kind: 'profile', profile: { firstName: { value: '', strategy: 'x' } } } },
    { type: 'page-read', read: { state: 'profile', url: 'x', kind: 'profile', profile: { password: { value: 'x', strategy: 'x' } } } },
    // The reader strips controls, bidi and zero-width characters: a report carrying one is crafted.
    { type: 'page-read', read: { state: 'profile', url: 'x', kind: 'profile', profile: { company: { value: 'Acme\u202eCorp', strategy: 'x' } } } },
    { type: 'page-read', read: { state: 'profile', url: 'x', kind: 'profile', profile: {}, otherPositions: [{ role: 'CEO\u200b' }] } },
  ])('refuses malformed message %j', (message) => {
    expect(RequestSchema.safeParse(message).success).toBe(false);
  });
});

describe('isSenderAllowed', () => {
  it('lets extension pages ask and check, not report pages', () => {
    expect(isSenderAllowed('get-contact', popup, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(isSenderAllowed('check-connection', popup, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(isSenderAllowed('page-read', popup, OWN_ID, OWN_ORIGIN)).toBe(false);
  });
  it('lets the content script on LinkedIn report, nothing else', () => {
    expect(isSenderAllowed('page-read', contentScript, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(isSenderAllowed('page-read', { ...contentScript, url: 'https://fr.linkedin.com/in/x' }, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(isSenderAllowed('get-contact', contentScript, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(isSenderAllowed('check-connection', contentScript, OWN_ID, OWN_ORIGIN)).toBe(false);
  });
  it('refuses other extensions and look-alike hosts', () => {
    expect(isSenderAllowed('get-contact', { ...popup, id: 'other' }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(isSenderAllowed('page-read', { ...contentScript, url: 'https://linkedin.com.evil.example/in/x' }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(isSenderAllowed('page-read', { ...contentScript, url: 'https://notlinkedin.com/in/x' }, OWN_ID, OWN_ORIGIN)).toBe(false);
  });
});
