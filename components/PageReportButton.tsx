import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from './i18n';

/** The content script's answer to `page-report`: the page as it is now. */
interface PageCopy {
  url: string;
  html: string;
}

/**
 * "Copy a page report": the page's skeleton with every text and URL masked, plus what the
 * reader finds on it, for a maintainer to turn into a fixture when LinkedIn changes. The
 * page's copy stays in the popup; only the masked report reaches the clipboard.
 */
export function PageReportButton({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState<'done' | 'failed' | null>(null);
  async function copy() {
    try {
      const page = (await browser.tabs.sendMessage(tabId, { type: 'page-report' })) as PageCopy | undefined;
      if (!page || typeof page.html !== 'string' || typeof page.url !== 'string') throw new Error('no page');
      const [{ readPage }, { pageReport }] = await Promise.all([import('@/utils/linkedin/read-page'), import('@/utils/linkedin/report')]);
      const doc = new DOMParser().parseFromString(page.html, 'text/html');
      const salt = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
      const report = pageReport(doc, page.url, readPage(doc, page.url), salt);
      await navigator.clipboard.writeText(JSON.stringify(report));
      setStatus('done');
    } catch {
      setStatus('failed');
    }
  }
  return (
    <p class="hint">
      <button type="button" class="link" data-testid="copy-page-report" onClick={() => void copy()}>
        {t('copyPageReport')}
      </button>
      {status && (
        <span role="status" data-testid="page-report-status" data-status={status}>
          {' '}
          {t(status === 'done' ? 'copyPageReportDone' : 'copyPageReportFailed')}
        </span>
      )}
    </p>
  );
}
