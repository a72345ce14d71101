import { useRef, useState } from 'preact/hooks';
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
type Problems = Partial<Record<FieldKey | 'phone', string>>;

function fieldProblem(field: (typeof FIELDS)[number], raw: string): string | undefined {
  const value = cleanText(raw);
  if ('required' in field && !value) return t('createRequired');
  if ('max' in field && value.length > field.max) return t('createTooLong', field.max);
  return undefined;
}

/** Loaded on demand: the phone number metadata is the biggest part of the popup. */
async function checkPhone(value: string) {
  const { toE164 } = await import('@/utils/phone');
  return toE164(value);
}

const phoneProblem = (problem: 'empty' | 'invalid') => t(problem === 'empty' ? 'createPhoneMissing' : 'createPhoneInvalid');

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
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  /** The last phone value typed: a slow check of an older value must not overwrite a newer one's. */
  const typedPhone = useRef(phone);

  /** Once a field shows a problem, it is checked again on every keystroke, so the message goes as soon as the value is right. */
  function editField(field: (typeof FIELDS)[number], value: string) {
    setValues((current) => ({ ...current, [field.key]: value }));
    if (problems[field.key]) setProblems((current) => ({ ...current, [field.key]: fieldProblem(field, value) }));
  }

  function editPhone(value: string) {
    setPhone(value);
    typedPhone.current = value;
    if (!problems.phone) return;
    void checkPhone(value).then((number) => {
      if (typedPhone.current !== value) return;
      setProblems((current) => ({ ...current, phone: number.ok ? undefined : phoneProblem(number.problem) }));
    });
  }

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const found: Problems = {};
    for (const field of FIELDS) {
      const problem = fieldProblem(field, values[field.key]);
      if (problem) found[field.key] = problem;
    }
    const number = await checkPhone(phone);
    if (!number.ok) found.phone = phoneProblem(number.problem);
    setProblems(found);
    // The first field to fix gets the focus, in the order shown (the phone first).
    const first = (['phone', ...FIELDS.map((field) => field.key)] as const).find((key) => found[key]);
    if (first) (form.elements.namedItem(first) as HTMLInputElement | null)?.focus();
    if (first || !number.ok) return;
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
      {/* The one value LinkedIn rarely shows and Skipcall requires: asked first. */}
      <label class="stacked">
        {t('createPhoneLabel')}
        <input
          type="tel"
          name="phone"
          data-testid="create-phone"
          placeholder="06 12 34 56 78"
          value={phone}
          aria-required="true"
          aria-invalid={problems.phone ? 'true' : 'false'}
          aria-describedby={problems.phone ? 'create-phone-problem' : undefined}
          onInput={(e) => editPhone(e.currentTarget.value)}
        />
        {problems.phone && (
          <span id="create-phone-problem" class="error" data-testid="create-phone-problem">
            {problems.phone}
          </span>
        )}
      </label>
      {FIELDS.map((field) => (
        <label key={field.key} class="stacked">
          {t(field.label)}
          <input
            type="text"
            inputMode={field.key === 'email' ? 'email' : 'text'}
            name={field.key}
            value={values[field.key]}
            aria-invalid={problems[field.key] ? 'true' : 'false'}
            onInput={(e) => editField(field, e.currentTarget.value)}
          />
          {problems[field.key] && <span class="error">{problems[field.key]}</span>}
        </label>
      ))}
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
