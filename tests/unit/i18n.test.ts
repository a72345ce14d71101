// The two catalogues stay in step with each other and with the code, and t()
// words messages the way the browsers do.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeReplyError } from '@/components/describe';
import { t } from '@/components/i18n';
import { badgeFor } from '@/utils/badge';
import type { MessageKey } from '@/utils/i18n';
import { IMPORT_PROBLEM_MESSAGES, MAX_LINKS } from '@/utils/match/registry';
import { LOCALES, readCatalogue, useLocale } from '../setup/i18n';

const en = readCatalogue('en');
const fr = readCatalogue('fr');

/** The $1…$9 a message uses. */
const substitutions = (message: string) => [...new Set([...message.replace(/\$\$/g, '').matchAll(/\$([1-9])/g)].map((m) => Number(m[1])))].sort();

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
function sources(): Map<string, string> {
  const files = new Map<string, string>([['wxt.config.ts', readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')]]);
  for (const dir of ['components', 'entrypoints', 'utils']) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts')) files.set(join(dir, entry), readFileSync(join(ROOT, dir, entry), 'utf8'));
    }
  }
  return files;
}

describe('the catalogues', () => {
  it('have exactly the same names', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('use names the browsers accept, distinct even ignoring case, with a text each', () => {
    for (const locale of LOCALES) {
      const catalogue = readCatalogue(locale);
      const names = Object.keys(catalogue);
      for (const name of names) {
        expect(name, `${locale}: ${name}`).toMatch(/^[A-Za-z0-9_]+$/);
        expect(catalogue[name]!.message.trim(), `${locale}: ${name}`).not.toBe('');
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size, `${locale}: names equal but for case`).toBe(names.length);
    }
  });

  it('take the same substitutions in every language, numbered from $1', () => {
    for (const [name, { message }] of Object.entries(en)) {
      const used = substitutions(message);
      expect(used, `en: ${name}`).toEqual(used.map((_, i) => i + 1));
      expect(substitutions(fr[name]?.message ?? ''), `fr: ${name}`).toEqual(used);
    }
  });

  it('fit the manifest limits (name 75, description 132 characters)', () => {
    for (const locale of LOCALES) {
      const catalogue = readCatalogue(locale);
      expect(catalogue.extName!.message.length, locale).toBeLessThanOrEqual(75);
      expect(catalogue.extDescription!.message.length, locale).toBeLessThanOrEqual(132);
    }
  });

  it('state the registry limit the code enforces', () => {
    const digits = (text: string) => text.replace(/[^\d]/g, '');
    for (const locale of LOCALES) expect(digits(readCatalogue(locale).importProblemTooMany!.message), locale).toBe(String(MAX_LINKS));
  });

  it('follow French typography: no-break space before : ; ! ? and typographic apostrophes', () => {
    for (const [name, { message }] of Object.entries(fr)) {
      expect(message, name).not.toMatch(/ [:;!?]/);
      expect(message, name).not.toMatch(/'/);
    }
  });
});

describe('the code', () => {
  const files = sources();
  const all = [...files.values()].join('\n');

  it('names only messages that exist', () => {
    const used = new Set<string>();
    for (const [file, text] of files) {
      for (const match of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) used.add(`${file}: ${match[1]}`);
      for (const match of text.matchAll(/__MSG_(\w+)__/g)) used.add(`${file}: ${match[1]}`);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((entry) => !(entry.split(': ')[1]! in en));
    expect(missing).toEqual([]);
  });

  it('uses every message', () => {
    const unused = Object.keys(en).filter((name) => !all.includes(`'${name}'`) && !all.includes(`__MSG_${name}__`));
    expect(unused).toEqual([]);
  });
});

describe('t', () => {
  it('substitutes $1… as the browsers do', () => {
    expect(t('applyFields', 2)).toBe('Apply 2 changes');
    expect(t('historyChange', 'City', 'Paris', 'Lyon')).toBe('City: Paris → Lyon');
    useLocale('fr');
    expect(t('applyFields', 2)).toBe('Appliquer 2 modifications');
  });

  it('shows the name of a missing message instead of nothing', () => {
    expect(t('noSuchMessage' as MessageKey)).toBe('noSuchMessage');
  });

  it('never throws, even when the API does', () => {
    const i18n = fakeBrowser.i18n as unknown as { getMessage: () => string };
    i18n.getMessage = () => {
      throw new Error('i18n unavailable');
    };
    expect(t('popupSettings')).toBe('popupSettings');
  });
});

describe('texts worded from a message name', () => {
  it('badge titles', () => {
    const title = (status: Parameters<typeof badgeFor>[0]) => t(...badgeFor(status).title);
    expect(title({ kind: 'none' })).toBe('Skipcall Enrich');
    expect(title({ kind: 'linked', contactId: 'c', changes: 1 })).toBe('Skipcall Enrich: linked, 1 change to review');
    expect(title({ kind: 'linked', contactId: 'c', changes: 120 })).toBe('Skipcall Enrich: linked, 120 changes to review');
    expect(title({ kind: 'error', error: { kind: 'offline' } })).toBe('Skipcall Enrich: Skipcall cannot be reached');
    expect(title({ kind: 'error', error: { kind: 'server' } })).toBe('Skipcall Enrich: the linked contact could not be read; open the popup for details');
  });

  it('an import refused by the background, which names the message; other details are shown as they are', () => {
    expect(describeReplyError({ kind: 'refused', detail: IMPORT_PROBLEM_MESSAGES['too-many'] })).toBe(
      'The extension could not handle this request (Importing would keep more than 50,000 links; remove some links first.).',
    );
    expect(describeReplyError({ kind: 'refused', detail: 'port closed' })).toBe('The extension could not handle this request (port closed).');
    useLocale('fr');
    expect(describeReplyError({ kind: 'refused', detail: IMPORT_PROBLEM_MESSAGES['not-json'] })).toContain('Ce fichier n’est pas du JSON.');
  });
});
