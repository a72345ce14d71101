// The privacy policy, shipped in the extension (linked from the options page
// and the welcome page) and kept in step with store/privacy-policy.md.
import { useEffect } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n';
import { localizeDocument, t } from './i18n';

/** Each section: its heading and its paragraphs, in reading order. */
const SECTIONS: readonly (readonly [heading: MessageKey, ...paragraphs: MessageKey[]])[] = [
  ['privacyReadHeading', 'privacyRead', 'privacyReadNot'],
  ['privacySentHeading', 'privacySent', 'privacySentNot'],
  ['privacyStoredHeading', 'privacyStored', 'privacyStoredKey'],
  ['privacyPermissionsHeading', 'privacyPermissions'],
  ['privacyControlHeading', 'privacyControl'],
];

export function Privacy() {
  useEffect(() => localizeDocument(t('privacyTitle')), []);
  return (
    <main class="page" data-testid="privacy">
      <h1>{t('privacyTitle')}</h1>
      <p class="lead">{t('privacySummary')}</p>
      {SECTIONS.map(([heading, ...paragraphs]) => (
        <section key={heading} aria-labelledby={heading}>
          <h2 id={heading}>{t(heading)}</h2>
          {paragraphs.map((p) => (
            <p key={p}>{t(p)}</p>
          ))}
        </section>
      ))}
      <p class="hint">{t('privacyUpdated')}</p>
    </main>
  );
}
