// @vitest-environment happy-dom
// Parts loaded after the first render: the page reads busy until the part on
// screen has rendered, never idle with it missing.
import { h, render } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { lazyComponent, useLazyBusy } from '@/components/lazy';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function Part({ text, onBusy }: { text: string; onBusy?: (busy: boolean) => void }) {
  useLayoutEffect(() => onBusy?.(true), []);
  return <p data-testid="part">{text}</p>;
}

function Page({ children }: { children?: preact.ComponentChildren }) {
  const busy = useLazyBusy();
  return (
    <main data-testid="page" aria-busy={busy ? 'true' : 'false'}>
      {children}
    </main>
  );
}

const q = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);
/** Past the next frame and the task after it (lazy code is fetched after paint), then a little more. */
const pastPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 5))));

describe('lazily loaded parts', () => {
  it('keep the page busy from the first paint until they have rendered', async () => {
    const code = deferred<typeof Part>();
    const Lazy = lazyComponent(() => code.promise);
    const root = document.createElement('div');
    await act(() => render(<Page><Lazy text="loaded" /></Page>, root));
    expect(q(root, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('true');
    expect(q(root, '[data-testid="part"]')).toBeNull();
    await act(async () => {
      code.resolve(Part);
      await pastPaint();
    });
    expect(q(root, '[data-testid="part"]')!.textContent).toBe('loaded');
    expect(q(root, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('false');
    render(null, root);
  });

  it('make the page read busy before its first paint (layout effects, no frame needed)', async () => {
    const code = deferred<typeof Part>();
    const Lazy = lazyComponent(() => code.promise);
    const root = document.createElement('div');
    // No act(): effects that wait for a frame do not run; re-renders queued before paint do.
    render(<Page><Lazy text="x" /></Page>, root);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(q(root, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('true');
    await act(async () => {
      code.resolve(Part);
      await pastPaint();
    });
    expect(q(root, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('false');
    render(null, root);
  });

  it('render at once, with their own busy report, once their code is here', async () => {
    const Lazy = lazyComponent(() => Promise.resolve(Part));
    const first = document.createElement('div');
    await act(() => render(<Page><Lazy text="first" /></Page>, first));
    await act(pastPaint);
    expect(q(first, '[data-testid="part"]')).not.toBeNull();
    let reported = false;
    const second = document.createElement('div');
    act(() => render(<Page><Lazy text="second" onBusy={(busy) => (reported = busy)} /></Page>, second));
    expect(q(second, '[data-testid="part"]')!.textContent).toBe('second');
    expect(reported).toBe(true);
    expect(q(second, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('false');
    render(null, first);
    render(null, second);
  });

  it('leave the page idle when they are removed before loading, and when their code fails to load', async () => {
    const code = deferred<typeof Part>();
    const Lazy = lazyComponent(() => code.promise);
    const root = document.createElement('div');
    function Toggle() {
      const [shown, setShown] = useState(true);
      return (
        <Page>
          <button type="button" onClick={() => setShown(false)} />
          {shown && <Lazy text="x" />}
        </Page>
      );
    }
    await act(() => render(<Toggle />, root));
    expect(q(root, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('true');
    await act(() => q(root, 'button')!.click());
    expect(q(root, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('false');
    render(null, root);

    const failing = lazyComponent<{ text: string }>(() => Promise.reject(new Error('offline')));
    const other = document.createElement('div');
    const errors = console.error;
    console.error = () => undefined;
    try {
      await act(() => render(<Page>{h(failing, { text: 'y' })}</Page>, other));
      await act(pastPaint);
    } finally {
      console.error = errors;
    }
    expect(q(other, '[data-testid="part"]')).toBeNull();
    expect(q(other, '[data-testid="page"]')!.getAttribute('aria-busy')).toBe('false');
    render(null, other);
  });
});
