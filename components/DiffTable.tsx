import { useState } from 'preact/hooks';
import type { DiffRow } from '@/utils/diff/compute';
import { changedSpan } from '@/utils/diff/highlight';
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

/** Longer values are cut to one line; the whole text shows on hover and on focus. */
const LONG_VALUE = 28;

interface Props {
  rows: DiffRow[];
  choices: Choices;
  contact: Contact;
  customFieldNames: Record<string, string>;
  onChoice: (key: string, choice: RowChoice) => void;
  disabled: boolean;
  /** Keys Skipcall changed since the diff was shown (a refused write): highlighted until decided again. */
  changedInSkipcall?: readonly string[];
}

const isOffered = (row: DiffRow) => row.status === 'fill' || row.status === 'update';

/** A value on one line, cut when long, whole on hover and keyboard focus. */
function Value({ text, class: className, children }: { text: string; class: string; children?: preact.ComponentChildren }) {
  const long = [...text].length > LONG_VALUE;
  return (
    <span class={`value ${className}${long ? ' long' : ''}`} title={long ? text : undefined} tabIndex={long ? 0 : undefined}>
      {children ?? (text || '—')}
    </span>
  );
}

/** Skipcall's value, with the part LinkedIn changes struck through. */
function CurrentValue({ row, proposed }: { row: DiffRow; proposed: string }) {
  if (row.status !== 'update' || row.key === 'phoneNumbers') return <Value class="current" text={row.current} />;
  const span = changedSpan(row.current, proposed);
  return (
    <Value class="current" text={row.current}>
      {span.prefix}
      <del>{span.removed}</del>
      {span.suffix}
    </Value>
  );
}

function Row({ row, props }: { row: DiffRow; props: Props }) {
  const { choices, contact, customFieldNames, onChoice, disabled, changedInSkipcall } = props;
  const label = diffLabel(row.key, customFieldNames);
  const offered = isOffered(row);
  const choice = choiceFor(row, choices);
  const value = valueFor(row, choices);
  const problemRef = offered && choice.ticked ? rowProblem(row, value, contact) : null;
  const problem = problemRef && t(...problemRef);
  const id = `diff-${row.key.replace(/\W/g, '-')}`;
  const phone = row.key === 'phoneNumbers';
  const changed = changedInSkipcall?.includes(row.key);
  return (
    <tr
      data-testid="diff-row"
      data-field={row.key}
      data-status={row.status}
      data-provenance={row.provenance}
      data-changed-in-skipcall={changed ? 'true' : undefined}
      class={`status-${row.status}${changed ? ' changed-in-skipcall' : ''}`}
    >
      <td class="tick">
        <input
          type="checkbox"
          id={`${id}-tick`}
          aria-label={t('diffSendField', label)}
          aria-describedby={`${id}-change`}
          checked={offered && choice.ticked}
          disabled={!offered || disabled}
          onChange={(e) => onChoice(row.key, { ...choice, ticked: e.currentTarget.checked })}
        />
      </td>
      <th scope="row">
        <label for={offered ? `${id}-value` : `${id}-tick`}>{label}</label>
        <span class={`badge ${row.status}`}>
          {t(phone && row.status === 'update' ? 'diffStatusPhoneAdd' : STATUS_TEXT[row.status])}
        </span>
      </th>
      <td class="change" id={`${id}-change`}>
        {changed && <span class="conflict-note">{t('diffChangedInSkipcall')}</span>}
        {row.provenance && (
          <span class={`provenance ${row.provenance}`} data-testid="diff-provenance">
            {t(PROVENANCE_TEXT[row.provenance])}
          </span>
        )}
        <span class="visually-hidden">{t('diffColumnSkipcall')}: </span>
        <CurrentValue row={row} proposed={value} />
        <span class="visually-hidden">{t('diffColumnLinkedIn')}: </span>
        {offered ? (
          <>
            <span class="to">
              <span class="arrow" aria-hidden="true">
                {phone ? '+' : '→'}
              </span>
              <input
                data-testid="diff-value-input"
                dir="auto"
                id={`${id}-value`}
                type="text"
                class={phone ? 'addition' : undefined}
                value={choice.value ?? row.proposed}
                title={value}
                disabled={disabled}
                aria-invalid={problem ? 'true' : 'false'}
                aria-describedby={problem ? `${id}-problem` : phone ? `${id}-phone` : undefined}
                onInput={(e) => onChoice(row.key, { ticked: true, value: e.currentTarget.value })}
              />
            </span>
            {phone && (
              <span class="hint" id={`${id}-phone`}>
                {t('diffPhoneAdded')}
              </span>
            )}
            {problem && (
              <span id={`${id}-problem`} class="error">
                {problem}
              </span>
            )}
          </>
        ) : (
          <Value class="proposed" text={row.proposed} />
        )}
      </td>
    </tr>
  );
}

/**
 * One row per field: Skipcall's value, then LinkedIn's (editable) under it,
 * and a tick. The rows with something to send come first; unchanged ones wait
 * behind "Show N unchanged fields".
 */
export function DiffTable(props: Props) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const offered = props.rows.filter(isOffered);
  const unchanged = props.rows.filter((row) => !isOffered(row));
  return (
    <>
      <table class="diff">
        <caption class="visually-hidden">{t('diffCaption')}</caption>
        <colgroup>
          <col class="col-tick" />
          <col class="col-field" />
          <col />
        </colgroup>
        <thead class="visually-hidden">
          <tr>
            <th scope="col">{t('diffColumnSend')}</th>
            <th scope="col">{t('diffColumnField')}</th>
            <th scope="col">{t('diffColumnChange')}</th>
          </tr>
        </thead>
        <tbody>
          {offered.map((row) => (
            <Row key={row.key} row={row} props={props} />
          ))}
        </tbody>
        <tbody id="diff-unchanged" class="unchanged" hidden={!showUnchanged}>
          {unchanged.map((row) => (
            <Row key={row.key} row={row} props={props} />
          ))}
        </tbody>
      </table>
      {unchanged.length > 0 && (
        <button
          type="button"
          class="link show-unchanged"
          data-testid="show-unchanged"
          aria-expanded={showUnchanged ? 'true' : 'false'}
          aria-controls="diff-unchanged"
          onClick={() => setShowUnchanged(!showUnchanged)}
        >
          {showUnchanged ? t('diffHideUnchanged') : t(unchanged.length > 1 ? 'diffShowUnchanged' : 'diffShowOneUnchanged', unchanged.length)}
        </button>
      )}
    </>
  );
}
