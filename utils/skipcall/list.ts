// List responses are not documented: read a bare array or an envelope with the
// items under `data`, `items`, `contacts`, `workspaces`, `customFields` or `results`.
const ITEM_KEYS = ['data', 'items', 'contacts', 'workspaces', 'customFields', 'results'] as const;

export interface ListPage {
  items: unknown[];
  total?: number;
}

export function readListPage(json: unknown): ListPage | null {
  if (Array.isArray(json)) return { items: json };
  if (!json || typeof json !== 'object') return null;
  const record = json as Record<string, unknown>;
  for (const key of ITEM_KEYS) {
    const items = record[key];
    if (Array.isArray(items)) {
      const total = [record.total, record.totalCount, record.count].find((n) => typeof n === 'number');
      return { items, ...(typeof total === 'number' ? { total } : {}) };
    }
  }
  return null;
}
