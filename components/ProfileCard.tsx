import { PROFILE_FIELDS, type PageRead } from '@/utils/profile';
import type { MessageKey } from '@/utils/i18n';
import { FIELD_LABELS } from './describe';
import { t } from './i18n';

type ProfileRead = Extract<PageRead, { state: 'profile' }>;

const STRATEGY_HINT: Readonly<Record<string, MessageKey>> = {
  'headline-fallback': 'profileGuessedFromHeadline',
};
const SOURCE_LABEL: Readonly<Record<string, MessageKey>> = {
  'structured-data': 'sourceStructured',
  'top-card': 'sourceTopCard',
  experience: 'sourceExperience',
  headline: 'sourceHeadline',
  'page-title': 'sourcePageTitle',
  url: 'sourceUrl',
};

/** The fields read from the page; a field nothing was read for is left out. */
export function ProfileCard({ read }: { read: ProfileRead }) {
  const others = read.otherPositions ?? [];
  return (
    <section class="card" aria-label={t('profileCardLabel')}>
      <dl class="fields">
        {PROFILE_FIELDS.map((name) => {
          const field = read.profile[name];
          if (!field) return null;
          const unsure = field.certain === false;
          const hint = STRATEGY_HINT[field.strategy] ?? (unsure ? 'profileUnsure' : undefined);
          const how = field.source && SOURCE_LABEL[field.source];
          return (
            <div class="field-row" key={name}>
              <dt>{t(FIELD_LABELS[name])}</dt>
              <dd>
                <span
                  data-testid="profile-field"
                  data-field={name}
                  data-source={field.source}
                  data-certain={unsure ? 'false' : 'true'}
                  class={unsure ? 'unsure' : undefined}
                  title={`${how ? `${t(how)} · ` : ''}${t('profileReadBy', field.strategy)}`}
                >
                  {field.value}
                </span>
                {hint && <span class="hint"> ({t(hint)})</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {others.length > 0 && (
        <p class="hint">
          {t('profileAlsoCurrent', others.map((p) => [p.role, p.company].filter(Boolean).join(' · ')).join('; '))}
        </p>
      )}
    </section>
  );
}
