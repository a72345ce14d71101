// Request bodies, capped so a runaway or hostile client cannot fill memory.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, type JsonReply } from './http';

/**
 * 1 MiB. The API docs name no limit; the largest real request (a contact
 * PATCH or POST) is a few KiB, so this only stops floods.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long a refused client may go on sending (discarded) before its connection is cut. */
export const DISCARD_GRACE_MS = 2_000;

export class PayloadTooLargeError extends Error {}

/** The body as text; rejects with PayloadTooLargeError past `limit` bytes, keeping none of it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    // A declared length over the limit is refused before a byte is read.
    if (Number(req.headers['content-length']) > limit) {
      reject(new PayloadTooLargeError('body too large'));
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      chunks = [];
      reject(new PayloadTooLargeError('body too large'));
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * Sends `reply` before the body has been read, then drops the rest of the body
 * unread. Closing at once would make the kernel reset the connection while the
 * client is still sending, and a reset can destroy the answer before the client
 * reads it; so the client gets DISCARD_GRACE_MS to finish, then is cut off.
 * (A client that sent `Connection: close` is closed right after the answer by
 * node:http; clients that read while sending, like fetch and curl, still get it.)
 */
export function replyAndDiscardBody(req: IncomingMessage, res: ServerResponse, reply: JsonReply): void {
  send(res, reply);
  if (req.complete) return;
  const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_GRACE_MS);
  cutOff.unref();
  req.once('end', () => clearTimeout(cutOff));
  req.once('close', () => clearTimeout(cutOff));
  req.resume();
}
