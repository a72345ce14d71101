import { useEffect, useState } from 'preact/hooks';
import type { DirectoryStatus } from '@/utils/messages';
import { session } from '@/utils/storage/extension';
import { directoryStatusItem } from '@/utils/storage/session';
import { describeOptionsError } from './options-words';
import { t } from './i18n';
import { ask } from './runtime';

function describe(status: DirectoryStatus): string {
  switch (status.phase) {
    case 'not-started':
      return t('directoryNotStarted');
    case 'syncing': {
      const { contactsRead, total } = status.progress;
      return total ? t('directorySyncingOf', contactsRead, total) : t('directorySyncing', contactsRead);
    }
    case 'ready':
      return status.completedAt
        ? t('directoryReadyAt', status.size, new Date(status.completedAt).toLocaleString())
        : t('directoryReady', status.size);
    case 'unavailable':
      return t('directoryUnavailable');
    case 'failing':
      return status.lastError ? t('directoryFailingBecause', describeOptionsError(status.lastError)) : t('directoryFailing');
  }
}

/** The local contact directory: what it holds and its reading progress. */
export function DirectorySection() {
  const [status, setStatus] = useState<DirectoryStatus | null>(null);

  useEffect(() => {
    void ask({ type: 'get-directory' }).then((reply) => reply.ok && setStatus(reply.directory));
    return session.watch(directoryStatusItem, undefined, (next) => next && setStatus(next));
  }, []);

  if (!status) return null;
  const { contactsRead, total, skipped } = status.progress;
  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title">{t('directoryTitle')}</h2>
      <p data-testid="directory-status" data-phase={status.phase} role="status">
        {describe(status)}
      </p>
      {!!skipped && <p class="hint">{t('directorySkipped', skipped)}</p>}
      {status.phase === 'syncing' && (
        <progress max={total ?? undefined} value={total ? contactsRead : undefined} aria-label={t('directoryProgressLabel')} />
      )}
      <button type="button" onClick={() => void ask({ type: 'sync-directory' }).then((r) => r.ok && setStatus(r.directory))}>
        {t('directorySyncNow')}
      </button>
    </section>
  );
}
