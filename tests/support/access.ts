// What the test build lets a client reach: the sandbox over loopback http, with every host permission granted.
import type { SkipcallClientOptions } from '@/utils/skipcall/client';

export const SANDBOX_ACCESS: Pick<SkipcallClientOptions, 'allowLoopbackHttp' | 'originGranted'> = {
  allowLoopbackHttp: true,
  originGranted: async () => true,
};
