import { useEffect, useState } from 'preact/hooks';
import { jobChangesCsv, type JobChangeSeen } from '@/utils/diff/job-change';
import { persistentStore } from '@/utils/storage/extension';
import { jobChangesItem } from '@/utils/storage/items';
import { t } from './i18n';

/** The job changes seen on linked profiles (person, old → new company, when), exportable as CSV. */
export function JobChangesSection() {
  const [list, setList] = useState<JobChangeSeen[] | null>(null);
  useEffect(() => {
    void persistentStore()
      .get(jobChangesItem)
      .then(setList, () => setList([]));
  }, []);

  function exportCsv() {
    if (!list) return;
    const url = URL.createObjectURL(new Blob([jobChangesCsv(list)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `skipcall-enrich-job-changes-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section data-testid="job-changes" aria-labelledby="job-changes-title">
      <h2 id="job-changes-title">{t('jobChangesTitle')}</h2>
      {list && list.length === 0 && <p class="hint">{t('jobChangesEmpty')}</p>}
      {list && list.length > 0 && (
        <>
          <ul>
            {list.map((seen) => (
              <li key={`${seen.contactId}|${seen.newCompany}`} data-testid="job-change-seen" data-contact-id={seen.contactId}>
                <strong>{seen.person}</strong> · {seen.oldCompany} → {seen.newRole ? `${seen.newRole}, ` : ''}
                {seen.newCompany}{' '}
                <span class="hint">
                  (<time dateTime={new Date(seen.at).toISOString()}>{t('jobChangesSeen', new Date(seen.at).toLocaleDateString())}</time>)
                </span>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="job-changes-export" onClick={exportCsv}>
            {t('jobChangesExport')}
          </button>
        </>
      )}
    </section>
  );
}
