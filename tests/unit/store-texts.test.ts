// The store texts (store/) say what the extension itself says and asks for.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED } from '../../scripts/store-rules';
import { LOCALES, readCatalogue } from '../setup/i18n';

const STORE = join(dirname(fileURLToPath(import.meta.url)), '../../store');
const read = (file: string) => readFileSync(join(STORE, file), 'utf8');

describe('store texts', () => {
  it('the privacy policy for the stores is word for word the one shipped in the extension, in both languages', () => {
    const policy = read('privacy-policy.md');
    for (const locale of LOCALES) {
      const catalogue = readCatalogue(locale);
      const texts = Object.entries(catalogue).filter(([name]) => name.startsWith('privacy') && name !== 'privacyLink');
      expect(texts.length).toBeGreaterThan(10);
      for (const [name, { message }] of texts) expect(policy, `${locale}: ${name}`).toContain(message);
    }
  });

  it('each listing names the extension and summarises it with the manifest’s own words, within the stores’ limits', () => {
    for (const locale of LOCALES) {
      const listing = read(`listing.${locale}.md`);
      const catalogue = readCatalogue(locale);
      expect(listing).toContain(catalogue.extName!.message);
      expect(listing).toContain(`\n${catalogue.extDescription!.message}\n`);
      const description = listing.split(/^## Description$/m)[1]!.split(/^## /m)[0]!.trim();
      expect(description.length, locale).toBeGreaterThan(500);
      expect(description.length, locale).toBeLessThanOrEqual(16_000);
    }
  });

  it('the permission justifications cover every permission the store build may ask for', () => {
    const justified = read('permissions.md');
    for (const permission of [...ALLOWED.permissions, ...ALLOWED.hostPermissions, ...ALLOWED.optionalHostPermissions]) {
      expect(justified).toContain(`\`${permission}\``);
    }
  });
});
