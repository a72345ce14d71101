// Parts of the popup that are rarely shown, or shown under the diff, load after
// the first render: their code is not in the popup's first chunks, so the diff
// paints sooner. A lazy part renders nothing until its code has loaded; while
// one is on screen and not rendered yet the popup stays aria-busy (useLazyBusy),
// so a test or a screen reader never sees an idle popup with a part missing.
import type { ComponentType, FunctionComponent } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

let pending = 0;
const listeners = new Set<(pending: number) => void>();

function changePending(delta: number): void {
  pending += delta;
  for (const listener of listeners) listener(pending);
}

/**
 * True while a lazy part is on screen and not rendered yet. Subscribed before
 * paint (a layout effect runs after its children's, which have counted
 * themselves by then), so the first frame already reads busy.
 */
export function useLazyBusy(): boolean {
  const [count, setCount] = useState(pending);
  useLayoutEffect(() => {
    listeners.add(setCount);
    setCount(pending);
    return () => void listeners.delete(setCount);
  }, []);
  return count > 0;
}

/** Resolves once the browser has painted the current frame (a frame, then a task). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve);
    requestAnimationFrame(() => setTimeout(resolve));
  });
}

export interface LazyComponent<P> extends FunctionComponent<P> {
  /** Starts loading the code (e.g. once the popup is idle), so showing it later is immediate. */
  preload: () => void;
}

/** A component whose code loads on its first use: `lazyComponent(() => import('./X').then((m) => m.X))`. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let component: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P> | undefined> | undefined;
  const start = () =>
    (loading ??= load().then(
      (loaded) => (component = loaded),
      (error: unknown) => {
        // Loading again on the next use; the page's other parts keep working.
        loading = undefined;
        console.error('Skipcall Enrich: a part of the page failed to load', error);
        return undefined;
      },
    ));

  function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => component);
    // Counted from before the first paint until the part has rendered (its own
    // layout effects, such as reporting that it is busy, have run by then).
    const [waiting, setWaiting] = useState(!component);
    useLayoutEffect(() => {
      if (!waiting) return;
      if (Loaded) return setWaiting(false);
      let live = true;
      changePending(1);
      // Fetched after the frame that shows what is already there (the diff), never competing with it.
      void afterPaint().then(start).then((loaded) => {
        if (!live) return;
        if (loaded) setLoaded(() => loaded);
        else setWaiting(false);
      });
      return () => {
        live = false;
        changePending(-1);
      };
    }, [waiting, Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  }
  Lazy.displayName = 'Lazy';
  Lazy.preload = () => void start();
  return Lazy;
}
