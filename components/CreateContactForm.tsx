import { useState } from 'preact/hooks';
import type { ProfileValues } from '@/utils/diff/compute';
import type { ContactCreate, Contact } from '@/utils/skipcall/schemas';
import { NAME_MAX, TEXT_MAX } from '@/utils/skipcall/schemas';
import { cleanText } from '@/utils/normalize';
import { describeReplyError } from './describe';
import { t } from './i18n';
import { ask } from './runtime';

interface Props {
  profile: ProfileValues;
  identity: { linkedinUrl?: string; linkedinSalesUrl?: string };
  /** `linkSaved`: false when Skipcall created the contact but the link could not be recorded. */
  onCreated: (contact: Contact, linkSaved: boolean) => void;
  onCancel: () => void;
  onBusy: (busy: boolean) => void;
  /** A contact for the person's new job: the one the profile was linked to, which stays as it is. */
  jobChangeFrom?: string;
}

const FIELDS = [
  { key: 'firstName', label: 'fieldFirstName', max: NAME_MAX, required: true },
  { key: 'lastName', label: 'fieldLastName', max: NAME_MAX, required: true },
  { key: 'role', label: 'fieldRole', max: TEXT_MAX },
  { key: 'company', label: 'fieldCompany', max: TEXT_MAX },
  { key: 'city', label: 'fieldCity', max: TEXT_MAX },
  { key: 'country', label: 'fieldCountry', max: TEXT_MAX },
  { key: 'email', label: 'fieldEmail' },
] as const;
type FieldKey = (typeof FIELDS)[number]['key'];

/** No contact yet: create it from the profile. The API requires a phone number. */
export function CreateContactForm({ profile, identity, onCreated, onCancel, onBusy, jobChangeFrom }: Props) {
  const [values, setValues] = useState<Record<FieldKey, string>>(() => ({
    firstName: profile.firstName ?? '',
    lastName: profile.lastName ?? '',
    role: profile.role ?? '',
    company: profile.company ?? '',
    city: profile.city ?? '',
    country: profile.country ?? '',
    email: profile.email ?? '',
  }));
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [problems, setProblems] = useState<Partial<Record<FieldKey | 'phone', string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Partial<Record<FieldKey | 'phone', string>> = {};
    for (const field of FIELDS) {
      const value = cleanText(values[field.key]);
      if ('required' in field && !value) found[field.key] = t('createRequired');
      else if ('max' in field && value.length > field.max) found[field.key] = t('createTooLong', field.max);
    }
    // Loaded on demand: the phone number metadata is the biggest part of the popup.
    const { toE164 } = await import('@/utils/phone');
    const number = toE164(phone);
    if (!number.ok) {
      found.phone = t(number.problem === 'empty' ? 'createPhoneMissing' : 'createPhoneInvalid');
    }
    setProblems(found);
    if (Object.keys(found).length || !number.ok) return;
    const contact: ContactCreate = { firstName: cleanText(values.firstName), lastName: cleanText(values.lastName), phoneNumbers: [number.e164] };
    for (const key of ['role', 'company', 'city', 'country', 'email'] as const) {
      const value = cleanText(values[key]);
      if (value) contact[key] = value;
    }
    if (identity.linkedinUrl) contact.linkedinUrl = identity.linkedinUrl;
    if (identity.linkedinSalesUrl) contact.linkedinSalesUrl = identity.linkedinSalesUrl;
    if (profile.website) contact.url = profile.website;
    setSending(true);
    onBusy(true);
    setError(null);
    const reply = await ask({ type: 'create-contact', identity, contact, ...(jobChangeFrom ? { jobChangeFrom } : {}) });
    setSending(false);
    onBusy(false);
    if (reply.ok) onCreated(reply.contact, reply.warning !== 'link-not-saved');
    else setError(describeReplyError(reply.error));
  }

  return (
    <form class="create-form" data-testid="create-form" onSubmit={submit} noValidate>
      <h2>{t(jobChangeFrom ? 'jobChangeCreate' : 'createTitle')}</h2>
      {FIELDS.map((field) => (
        <label key={field.key} class="stacked">
          {t(field.label)}
          <input
            type="text"
            inputMode={field.key === 'email' ? 'email' : 'text'}
            name={field.key}
            value={values[field.key]}
            aria-invalid={problems[field.key] ? 'true' : 'false'}
            onInput={(e) => setValues({ ...values, [field.key]: e.currentTarget.value })}
          />
          {problems[field.key] && <span class="error">{problems[field.key]}</span>}
        </label>
      ))}
      <label class="stacked">
        {t('createPhoneLabel')}
        <input
          type="tel"
          name="phone"
          data-testid="create-phone"
          placeholder="06 12 34 56 78"
          value={phone}
          aria-invalid={problems.phone ? 'true' : 'false'}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        {problems.phone && <span class="error">{problems.phone}</span>}
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" data-testid="create-submit" disabled={sending}>
          {t(sending ? 'createSubmitting' : 'createSubmit')}
        </button>
        <button type="button" class="link" onClick={onCancel}>
          {t('createCancel')}
        </button>
      </div>
    </form>
  );
}
