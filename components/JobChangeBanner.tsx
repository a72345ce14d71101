import type { JobChange } from '@/utils/diff/job-change';
import { t } from './i18n';

interface Props {
  change: JobChange;
  disabled: boolean;
  /** Writes role and company to this contact (one PATCH, phones kept). */
  onUpdate: () => void;
  /** Opens the form for a new contact for the new job. */
  onCreate: () => void;
}

/** Leads the popup when LinkedIn shows the person at another company than Skipcall. */
export function JobChangeBanner({ change, disabled, onUpdate, onCreate }: Props) {
  const move = change.newRole
    ? t('jobChangeLeft', change.oldCompany, change.newRole, change.newCompany)
    : t('jobChangeLeftNoRole', change.oldCompany, change.newCompany);
  return (
    <section class="notice job-change" data-testid="job-change" aria-labelledby="job-change-title">
      <h2 id="job-change-title">{t('jobChangeTitle')}</h2>
      <p data-testid="job-change-text">
        {move}
        {change.since && <> {t('jobChangeSince', change.since)}</>}
      </p>
      {change.phones.length > 0 && (
        <p class="hint" data-testid="job-change-phones">
          {t('jobChangePhones', change.oldCompany, change.phones.join(', '))}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" data-testid="job-change-update" disabled={disabled} onClick={onUpdate}>
          {t('jobChangeUpdate')}
        </button>
        <button type="button" data-testid="job-change-create" disabled={disabled} onClick={onCreate}>
          {t('jobChangeCreate')}
        </button>
      </div>
      <p class="hint">{t('jobChangeCreateHint', change.oldCompany)}</p>
    </section>
  );
}
