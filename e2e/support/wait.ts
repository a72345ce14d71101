// Polling on the Node side: works the same over CDP and WebDriver BiDi, and
// survives the page navigating between two polls.

export interface WaitOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeout?: number;
  interval?: number;
}

/** Calls `probe` until it returns a truthy value; errors count as "not yet". */
export async function waitUntil<T>(probe: () => Promise<T> | T, { what, timeout = 15_000, interval = 100 }: WaitOptions): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    }
    await sleep(interval);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects when `promise` takes longer than `ms` (a BiDi call can hang while a tab changes process). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
