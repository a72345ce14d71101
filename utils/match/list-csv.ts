// A list page's rows with their match state and bulk result, as CSV (RFC 4180,
// CRLF, UTF-8 with BOM so spreadsheet apps read accents). Cells that a
// spreadsheet would run as a formula (= + - @ tab CR) are prefixed with '.
import type { ListRow } from '../profile';
import type { RowMatch } from './list';

export type RowStateName = 'linked-changes' | 'linked-same' | 'likely' | 'several' | 'none';

/** The state the list view shows for a row (also its `data-match-state`). */
export function rowStateName(match: RowMatch | undefined): RowStateName {
  if (!match) return 'none';
  if (match.state === 'linked') return match.changes?.length ? 'linked-changes' : 'linked-same';
  return match.state;
}

const HEADER = [
  'name', 'firstName', 'lastName', 'title', 'company', 'location', 'linkedinUrl', 'linkedinSalesUrl', 'page',
  'matchState', 'contactId', 'contact', 'reason', 'changes', 'result', 'resultReason',
];

function cell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function listCsv(
  rows: readonly ListRow[],
  matches: readonly RowMatch[],
  results: ReadonlyMap<string, { state: string; reason?: string }> = new Map(),
): string {
  const byKey = new Map(matches.map((m) => [m.key, m]));
  const lines = [HEADER.join(',')];
  for (const row of rows) {
    const match = byKey.get(row.key);
    const result = results.get(row.key);
    lines.push(
      [
        row.name, row.firstName, row.lastName, row.title, row.company, row.location, row.linkedinUrl, row.linkedinSalesUrl, row.page,
        rowStateName(match), match?.contactId, match?.label, match?.reason,
        match?.changes?.map((c) => `${c.key}: ${c.current || '∅'} → ${c.proposed}`).join('; '),
        result?.state, result?.reason,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
