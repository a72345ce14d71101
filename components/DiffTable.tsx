import type { DiffRow } from '@/utils/diff/compute';
import { choiceFor, rowProblem, valueFor, type Choices, type RowChoice } from '@/utils/diff/patch';
import type { MessageKey } from '@/utils/i18n';
import type { Contact } from '@/utils/skipcall/schemas';
import { diffLabel } from './describe';
import { t } from './i18n';

const STATUS_TEXT: Readonly<Record<DiffRow['status'], MessageKey>> = {
  same: 'diffStatusSame',
  fill: 'diffStatusFill',
  update: 'diffStatusUpdate',
  none: 'diffStatusNone',
};

const PROVENANCE_TEXT: Readonly<Record<NonNullable<DiffRow['provenance']>, MessageKey>> = {
  'linkedin-changed': 'diffProvenanceLinkedIn',
  'skipcall-edited': 'diffProvenanceKept',
  'both-changed': 'diffProvenanceBoth',
};

interface Props {
  rows: DiffRow[];
  choices: Choices;
  contact: Contact;
  customFieldNames: Record<string, string>;
  onChoice: (key: string, choice: RowChoice) => void;
  disabled: boolean;
}

/** One row per field: Skipcall's value, LinkedIn's (editable), and a tick. */
export function DiffTable({ rows, choices, contact, customFieldNames, onChoice, disabled }: Props) {
  return (
    <table class="diff">
      <caption class="visually-hidden">{t('diffCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('diffColumnSend')}</span>
          </th>
          <th scope="col">{t('diffColumnField')}</th>
          <th scope="col">{t('diffColumnSkipcall')}</th>
          <th scope="col">{t('diffColumnLinkedIn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const label = diffLabel(row.key, customFieldNames);
          const offered = row.status === 'fill' || row.status === 'update';
          const choice = choiceFor(row, choices);
          const value = valueFor(row, choices);
          const problemRef = offered && choice.ticked ? rowProblem(row, value, contact) : null;
          const problem = problemRef && t(...problemRef);
          const id = `diff-${row.key.replace(/\W/g, '-')}`;
          return (
            <tr
              key={row.key}
              data-testid="diff-row"
              data-field={row.key}
              data-status={row.status}
              data-provenance={row.provenance}
              class={`status-${row.status}`}
            >
              <td>
                <input
                  type="checkbox"
                  id={`${id}-tick`}
                  aria-label={t('diffSendField', label)}
                  checked={offered && choice.ticked}
                  disabled={!offered || disabled}
                  onChange={(e) => onChoice(row.key, { ...choice, ticked: e.currentTarget.checked })}
                />
              </td>
              <th scope="row">
                <label for={offered ? `${id}-value` : `${id}-tick`}>{label}</label>
                <span class={`badge ${row.status}`}>{t(STATUS_TEXT[row.status])}</span>
                {row.provenance && (
                  <span class={`provenance ${row.provenance}`} data-testid="diff-provenance">
                    {t(PROVENANCE_TEXT[row.provenance])}
                  </span>
                )}
              </th>
              <td class="current">{row.current || '—'}</td>
              <td>
                {offered ? (
                  <>
                    <input
                      data-testid="diff-value-input"
                      dir="auto"
                      id={`${id}-value`}
                      type="text"
                      value={choice.value ?? row.proposed}
                      disabled={disabled}
                      aria-invalid={problem ? 'true' : 'false'}
                      aria-describedby={problem ? `${id}-problem` : undefined}
                      onInput={(e) => onChoice(row.key, { ticked: true, value: e.currentTarget.value })}
                    />
                    {row.key === 'phoneNumbers' && <span class="hint">{t('diffPhoneAdded')}</span>}
                    {problem && (
                      <span id={`${id}-problem`} class="error">
                        {problem}
                      </span>
                    )}
                  </>
                ) : (
                  <span class="proposed">{row.proposed || '—'}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
