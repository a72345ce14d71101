import type { DiffRow } from '@/utils/diff/compute';
import { choiceFor, rowProblem, valueFor, type Choices, type RowChoice } from '@/utils/diff/patch';
import type { Contact } from '@/utils/skipcall/schemas';
import { diffLabel } from './describe';

const STATUS_TEXT: Record<DiffRow['status'], string> = {
  same: 'same',
  fill: 'new',
  update: 'differs',
  none: 'not on LinkedIn',
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
      <caption class="visually-hidden">Changes from LinkedIn to Skipcall</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">Send</span>
          </th>
          <th scope="col">Field</th>
          <th scope="col">Skipcall</th>
          <th scope="col">LinkedIn</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const label = diffLabel(row.key, customFieldNames);
          const offered = row.status === 'fill' || row.status === 'update';
          const choice = choiceFor(row, choices);
          const value = valueFor(row, choices);
          const problem = offered && choice.ticked ? rowProblem(row, value, contact) : null;
          const id = `diff-${row.key.replace(/\W/g, '-')}`;
          return (
            <tr key={row.key} data-testid="diff-row" data-field={row.key} data-status={row.status} class={`status-${row.status}`}>
              <td>
                <input
                  type="checkbox"
                  id={`${id}-tick`}
                  aria-label={`Send ${label}`}
                  checked={offered && choice.ticked}
                  disabled={!offered || disabled}
                  onChange={(e) => onChoice(row.key, { ...choice, ticked: e.currentTarget.checked })}
                />
              </td>
              <th scope="row">
                <label for={offered ? `${id}-value` : `${id}-tick`}>{label}</label>
                <span class={`badge ${row.status}`}>{STATUS_TEXT[row.status]}</span>
              </th>
              <td class="current">{row.current || '—'}</td>
              <td>
                {offered ? (
                  <>
                    <input
                      data-testid="diff-value-input"
                      id={`${id}-value`}
                      type="text"
                      value={choice.value ?? row.proposed}
                      disabled={disabled}
                      aria-invalid={problem ? 'true' : 'false'}
                      aria-describedby={problem ? `${id}-problem` : undefined}
                      onInput={(e) => onChoice(row.key, { ticked: true, value: e.currentTarget.value })}
                    />
                    {row.key === 'phoneNumbers' && <span class="hint">added to the existing numbers</span>}
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
