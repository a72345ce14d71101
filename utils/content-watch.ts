// What both content scripts (profile and list pages) do with the page besides
// reading it: watch it for changes, and tell the background only what is new.
// Both take what they act on as arguments; neither writes to the page.
import type { PageRead } from './profile';

/** Calls `onChange` (debounced) on changes under `root` until `forMs` elapse or the returned stop is called. */
export function watchDom(root: Node, debounceMs: number, forMs: number, onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const deadline = setTimeout(stop, forMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(deadline);
  }
  return stop;
}

/**
 * Sends a read unless it is the one sent last. A send that fails (the
 * extension reloading, the worker starting) is sent again with the next read.
 */
export function createReadSender(post: (read: PageRead) => Promise<unknown>) {
  let lastSent = '';
  return {
    async send(read: PageRead): Promise<void> {
      const key = JSON.stringify(read);
      if (key === lastSent) return;
      lastSent = key;
      try {
        await post(read);
      } catch {
        lastSent = '';
      }
    },
    /** The next read is sent even if it equals the last one (a new page). */
    forget(): void {
      lastSent = '';
    },
  };
}
