// One handler per request type. The caller has already validated the message
// and its sender.
import { createSkipcallClient } from '@/utils/skipcall/client';
import { toErrorInfo } from '@/utils/skipcall/errors';
import type { Reply, Request, ResponseMap } from '@/utils/messages';
import { loadSettings, loadTabState, saveTabState } from './stores';

type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, tabId: number | undefined) => Promise<Reply<ResponseMap[K]>>;
};

export const handlers: Handlers = {
  async 'page-read'(request, tabId) {
    if (tabId === undefined) return { ok: false, error: { kind: 'refused', detail: 'no tab' } };
    await saveTabState(tabId, { read: request.read, readAt: Date.now() });
    return { ok: true, accepted: true };
  },

  async 'get-tab'(request) {
    return { ok: true, tab: await loadTabState(request.tabId) };
  },

  async 'check-connection'() {
    const settings = await loadSettings();
    const client = createSkipcallClient({ baseUrl: settings.apiBaseUrl, apiKey: settings.apiKey, maxAttempts: 2 });
    try {
      return { ok: true, workspaces: await client.listWorkspaces() };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  },
};
