import { PROFILE_FIELDS, type PageRead } from '@/utils/profile';
import { FIELD_LABELS } from './describe';

type ProfileRead = Extract<PageRead, { state: 'profile' }>;

const STRATEGY_HINT: Record<string, string> = {
  'headline-fallback': 'guessed from the headline',
};

/** The fields read from the page; a field nothing was read for is left out. */
export function ProfileCard({ read }: { read: ProfileRead }) {
  const others = read.otherPositions ?? [];
  return (
    <section class="card" aria-label="Profile read from LinkedIn">
      <dl class="fields">
        {PROFILE_FIELDS.map((name) => {
          const field = read.profile[name];
          if (!field) return null;
          const hint = STRATEGY_HINT[field.strategy];
          return (
            <div class="field-row" key={name}>
              <dt>{FIELD_LABELS[name]}</dt>
              <dd>
                <span data-testid="profile-field" data-field={name} title={`read by: ${field.strategy}`}>
                  {field.value}
                </span>
                {hint && <span class="hint"> ({hint})</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {others.length > 0 && (
        <p class="hint">
          Also current: {others.map((p) => [p.role, p.company].filter(Boolean).join(' · ')).join('; ')}
        </p>
      )}
    </section>
  );
}
