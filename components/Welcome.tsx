// The page the extension opens once, when it is installed: what it does, where
// the API key comes from, how to try it, and privacy in three lines.
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { localizeDocument, t } from './i18n';

/** Not runtime.ts's openOptions: that module brings the message protocol (zod), which this page never uses. */
const openOptions = () => void browser.runtime.openOptionsPage();

export function Welcome() {
  useEffect(() => localizeDocument(t('welcomeTitle')), []);
  return (
    <main class="page" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeWhat')}</p>

      <section aria-labelledby="welcome-key">
        <h2 id="welcome-key">{t('welcomeKeyHeading')}</h2>
        <ol>
          <li>{t('welcomeKeyStep1')}</li>
          <li>{t('welcomeKeyStep2')}</li>
        </ol>
        <button type="button" class="primary" data-testid="welcome-open-settings" onClick={openOptions}>
          {t('popupOpenSettings')}
        </button>
      </section>

      <section aria-labelledby="welcome-try">
        <h2 id="welcome-try">{t('welcomeTryHeading')}</h2>
        <p>{t('welcomeTry')}</p>
        <p class="hint">{t('welcomeTryDemo')}</p>
      </section>

      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
        <ul>
          <li>{t('welcomePrivacy1')}</li>
          <li>{t('welcomePrivacy2')}</li>
          <li>{t('welcomePrivacy3')}</li>
        </ul>
        <p>
          <a href={browser.runtime.getURL('/privacy.html')} data-testid="privacy-link">
            {t('privacyLink')}
          </a>
        </p>
      </section>
    </main>
  );
}
