// @vitest-environment happy-dom
// The content scripts' page watch and read sender.
import { describe, expect, it, vi } from 'vitest';
import { createReadSender, watchDom } from '@/utils/content-watch';
import type { PageRead } from '@/utils/profile';

const read = (url: string): PageRead => ({ state: 'not-a-profile', url });

describe('the read sender', () => {
  it('sends a read once, again after a failed send, and again after forget', async () => {
    const sent: string[] = [];
    let fail = false;
    const sender = createReadSender(async (r) => {
      if (fail) throw new Error('worker starting');
      sent.push(r.url);
    });
    await sender.send(read('a'));
    await sender.send(read('a'));
    expect(sent).toEqual(['a']);
    fail = true;
    await sender.send(read('b'));
    fail = false;
    await sender.send(read('b'));
    expect(sent).toEqual(['a', 'b']);
    sender.forget();
    await sender.send(read('b'));
    expect(sent).toEqual(['a', 'b', 'b']);
  });
});

describe('the page watch', () => {
  it('calls back once per burst of changes, and never after it stops', async () => {
    vi.useFakeTimers();
    try {
      const calls: number[] = [];
      const stop = watchDom(document.body, 50, 10_000, () => calls.push(Date.now()));
      document.body.append(document.createElement('p'), document.createElement('p'));
      await vi.advanceTimersByTimeAsync(100);
      expect(calls).toHaveLength(1);
      stop();
      document.body.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(100);
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
