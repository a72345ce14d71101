// Typed phone numbers ("06 12 34 56 78", "+33 6 12…", "0033…", "+1 415…") to
// E.164, which the API requires. French numbers are the default without a
// country code.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; problem: 'empty' | 'invalid' };

export function toE164(input: string, defaultCountry: CountryCode = 'FR'): PhoneCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  const parsed = parsePhoneNumberFromString(text.replace(/^00/, '+'), defaultCountry);
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'invalid' };
  return { ok: true, e164: parsed.number };
}
