// Who may talk to the sandbox. It listens on 127.0.0.1, but a web page can
// still reach it: through DNS rebinding (evil.example resolving to 127.0.0.1,
// so the Host header names evil.example) or by sending requests straight to
// http://127.0.0.1 (the Origin header names the page). So every request must
// name a loopback Host, and the /__sandbox controls, which reset and rewrite
// the data, also refuse any Origin other than a loopback page or an extension.
import type { IncomingMessage } from 'node:http';
import { errorReply, type JsonReply } from './http';

/** 127.0.0.1, localhost or [::1], with or without a port. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const LOOPBACK_ORIGIN = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
// An extension's own pages and background; web pages cannot claim these.
// `null` (sandboxed frames, file: and data: pages) is not among them.
const EXTENSION_ORIGIN = /^(?:chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** No Origin (curl, Node, the tests) is allowed: browsers always send one for writes. */
export function isControlOrigin(origin: string | undefined): boolean {
  return origin === undefined || LOOPBACK_ORIGIN.test(origin) || EXTENSION_ORIGIN.test(origin);
}

export function isControlPath(pathname: string): boolean {
  return pathname === '/__sandbox' || pathname.startsWith('/__sandbox/');
}

/** A 403 for a request the sandbox must not answer, undefined when it may. */
export function refuseForeign(req: IncomingMessage, pathname: string): JsonReply | undefined {
  if (!isLoopbackHost(req.headers.host)) return errorReply(403, 'HOST_NOT_ALLOWED');
  if (isControlPath(pathname) && !isControlOrigin(req.headers.origin)) return errorReply(403, 'ORIGIN_NOT_ALLOWED');
  return undefined;
}
