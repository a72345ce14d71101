// A Sales Navigator lead list page (2024 markup, see tests/fixtures/linkedin/list/) showing the
// given rows: for the demo, the end-to-end tests and the bench.
import type { ListRow } from '../../utils/profile';

const esc = (s: string | undefined) => (s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function listPageHtml(rows: readonly ListRow[], title = 'Prospects Lyon (demo)'): string {
  const trs = rows
    .map(
      (r) => `<tr class="artdeco-models-table-row" data-x--people-list--row>
  <td><div class="lists-detail__view-profile-name-link"><a href="${esc(r.linkedinSalesUrl ?? r.linkedinUrl)},NAME_SEARCH,demo" data-anonymize="person-name">${esc(r.name)}</a></div>
  <div data-anonymize="job-title">${esc(r.title)}</div></td>
  <td><a data-anonymize="company-name" href="/sales/company/1">${esc(r.company)}</a></td>
  <td><div data-anonymize="location">${esc(r.location)}</div></td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)} | Sales Navigator</title></head>
<body><main id="content-main"><h1>${esc(title)}</h1>
<table class="artdeco-models-table"><thead><tr><th>Name</th><th>Account</th><th>Geography</th></tr></thead>
<tbody>
${trs}
</tbody></table></main></body></html>`;
}
