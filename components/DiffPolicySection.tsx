import { useEffect, useState } from 'preact/hooks';
import type { CustomField } from '@/utils/skipcall/schemas';
import type { Settings } from '@/utils/settings';
import { diffLabel } from './describe';
import { t } from './i18n';
import { ask, readSettings, updateSettings } from './runtime';

const PREFERABLE = ['firstName', 'lastName', 'role', 'company', 'city', 'country', 'url', 'email'] as const;
/** Profile fields with no standard contact field: they can go to a custom field. */
const MAPPABLE = [{ field: 'headline', label: 'policyHeadlineTarget' }] as const;

/** Which LinkedIn values replace different Skipcall values by default, and where the headline goes. */
export function DiffPolicySection({ connected }: { connected: boolean }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [fields, setFields] = useState<CustomField[] | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => void readSettings().then(setSettings), []);
  useEffect(() => {
    if (!connected) return;
    void ask({ type: 'get-custom-fields' }).then((reply) => setFields(reply.ok ? reply.fields : []));
  }, [connected]);

  async function change(changes: Partial<Settings>) {
    setSettings(await updateSettings(changes));
    setSaved(true);
  }

  if (!settings) return null;
  const prefer = new Set(settings.preferLinkedIn);
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">{t('policyTitle')}</h2>
      <fieldset>
        <legend>{t('policyPreferLegend')}</legend>
        <div class="check-grid">
          {PREFERABLE.map((key) => (
            <label key={key} class="check">
              <input
                type="checkbox"
                checked={prefer.has(key)}
                onChange={(e) =>
                  void change({
                    preferLinkedIn: e.currentTarget.checked ? [...prefer, key] : [...prefer].filter((k) => k !== key),
                  })
                }
              />
              {diffLabel(key, {})}
            </label>
          ))}
        </div>
        <p class="hint">{t('policyPreferHint')}</p>
      </fieldset>
      {MAPPABLE.map(({ field, label }) => (
        <label key={field} class="stacked">
          {t(label)}
          <select
            value={settings.customFieldMap[field] ?? ''}
            disabled={!fields}
            onChange={(e) => {
              const map = { ...settings.customFieldMap };
              if (e.currentTarget.value) map[field] = e.currentTarget.value;
              else delete map[field];
              void change({ customFieldMap: map });
            }}
          >
            <option value="">{t('policyNotSent')}</option>
            {(fields ?? []).map((f) => (
              <option key={f.slug} value={f.slug}>
                {f.name}
              </option>
            ))}
          </select>
          {!fields && <span class="hint">{t('policyNeedsConnection')}</span>}
        </label>
      ))}
      {saved && (
        <p class="hint" role="status">
          {t('policySaved')}
        </p>
      )}
    </section>
  );
}
