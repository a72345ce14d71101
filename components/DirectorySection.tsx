import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DirectoryStatus } from '@/utils/messages';
import { describeApiError } from '@/utils/skipcall/errors';
import { ask } from './runtime';

const STATUS_KEY = 'directoryStatus';

function describe(status: DirectoryStatus): string {
  switch (status.phase) {
    case 'not-started':
      return 'Your contacts have not been read yet.';
    case 'syncing':
      return `Reading your Skipcall contacts: ${status.progress.contactsRead}${status.progress.total ? ` of ${status.progress.total}` : ''}…`;
    case 'ready':
      return `${status.size} contacts ready for matching${status.completedAt ? `, read ${new Date(status.completedAt).toLocaleString()}` : ''}.`;
    case 'unavailable':
      return 'Your Skipcall API offers no contact list, so profiles are matched by their saved links, a pasted contact link, or by creating the contact.';
    case 'failing':
      return `The contact list could not be read. ${status.lastError ? describeApiError(status.lastError) : ''} It is tried again later.`;
  }
}

/** The local contact directory: what it holds and its reading progress. */
export function DirectorySection() {
  const [status, setStatus] = useState<DirectoryStatus | null>(null);

  useEffect(() => {
    void ask({ type: 'get-directory' }).then((reply) => reply.ok && setStatus(reply.directory));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[STATUS_KEY];
      if (area === 'session' && change?.newValue) setStatus(change.newValue as DirectoryStatus);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!status) return null;
  const { contactsRead, total } = status.progress;
  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title">Contact directory</h2>
      <p data-testid="directory-status" data-phase={status.phase} role="status">
        {describe(status)}
      </p>
      {status.phase === 'syncing' && (
        <progress max={total ?? undefined} value={total ? contactsRead : undefined} aria-label="Contacts read" />
      )}
      <button type="button" onClick={() => void ask({ type: 'sync-directory' }).then((r) => r.ok && setStatus(r.directory))}>
        Read the contacts again now
      </button>
    </section>
  );
}
