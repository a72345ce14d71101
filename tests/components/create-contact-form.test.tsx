// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { CreateContactForm } from '@/components/CreateContactForm';
import { useLocale } from '../setup/i18n';

const q = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function mount(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () =>
    render(
      <CreateContactForm
        profile={{ firstName: 'Élodie', lastName: 'Marchand', role: 'Directrice commerciale', email: 'elodie@example.com' }}
        identity={{ linkedinUrl: 'https://www.linkedin.com/in/elodie-marchand-demo' }}
        onCreated={() => undefined}
        onCancel={() => undefined}
        onBusy={() => undefined}
      />,
      root,
    ),
  );
  return root;
}

async function type(input: HTMLElement | null, value: string) {
  const el = input as HTMLInputElement;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(root: HTMLElement) {
  await act(async () => q(root, '[data-testid="create-submit"]')!.click());
}

const phone = (root: HTMLElement) => q(root, '[data-testid="create-phone"]') as HTMLInputElement;
const phoneError = (root: HTMLElement) => {
  const id = phone(root).getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
};

describe('the create-contact form', () => {
  it('asks first for the phone number Skipcall requires', async () => {
    const root = await mount();
    const inputs = [...root.querySelectorAll<HTMLInputElement>('input')];
    expect(inputs[0]).toBe(phone(root));
    expect(inputs.map((input) => input.name)).toEqual(['phone', 'firstName', 'lastName', 'role', 'company', 'city', 'country', 'email']);
    expect(phone(root).getAttribute('aria-required')).toBe('true');
  });

  for (const [locale, missing, invalid] of [
    ['en', 'Skipcall needs a phone number to create a contact.', 'Not a valid phone number'],
    ['fr', 'Skipcall a besoin d’un numéro de téléphone pour créer un contact.', 'Numéro de téléphone non valide'],
  ] as const) {
    it(`${locale}: the phone error goes as soon as the number is valid, without submitting again`, async () => {
      useLocale(locale);
      const root = await mount();
      await submit(root);
      await until(() => phoneError(root) !== null, 'the phone error');
      expect(phoneError(root)).toBe(missing);
      expect(phone(root).getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(phone(root));

      // Typing: the message follows the value (still wrong, then right).
      await type(phone(root), '06 12');
      await until(() => phoneError(root)?.startsWith(invalid) ?? false, 'the invalid-number message');
      await type(phone(root), '06 12 34 56 78');
      await until(() => phoneError(root) === null, 'the phone error to go');
      expect(phone(root).getAttribute('aria-invalid')).toBe('false');
      expect(root.querySelector('.error')).toBeNull();
    });
  }

  it('clears a required-name error as the name is typed again', async () => {
    const root = await mount();
    const first = q(root, 'input[name="firstName"]');
    await type(first, '');
    await submit(root);
    await until(() => first?.getAttribute('aria-invalid') === 'true', 'the first-name error');
    // The phone (shown first) is to fix too, so it has the focus.
    expect(document.activeElement).toBe(phone(root));
    expect(first?.parentElement?.textContent).toContain('Required.');
    await type(first, 'Élodie');
    expect(first?.getAttribute('aria-invalid')).toBe('false');
    expect(first?.parentElement?.textContent).not.toContain('Required.');
  });

  it('does not show an error before the first submit, while the number is being typed', async () => {
    const root = await mount();
    await type(phone(root), '06');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(phoneError(root)).toBeNull();
    expect(phone(root).getAttribute('aria-invalid')).toBe('false');
  });
});
