// The paths of list pages, apart so the profile content script can skip them
// without carrying the list reader.
import type { ListKind } from './types';

export const LIST_PATHS: readonly [RegExp, ListKind][] = [
  [/^\/sales\/lists\/people\/[^/]+/i, 'salesnav-list'],
  [/^\/sales\/search\/people/i, 'salesnav-search'],
  [/^\/search\/results\/people/i, 'people-search'],
  [/^\/mynetwork\/invite-connect\/connections/i, 'connections'],
  [/^\/mynetwork\/connections/i, 'connections'],
];

/** Whether a LinkedIn path is a list page (read by the list content script). */
export const isListPath = (pathname: string): boolean => LIST_PATHS.some(([re]) => re.test(pathname));
