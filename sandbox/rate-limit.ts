// Fixed-window rate limiter, one window per presented API key. A window opens
// at the key's first request and lasts `windowMs`; every /v1 request counts,
// including rejected ones, because the limiter sits in front of everything.

export interface RateState {
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which the current window ends. */
  resetAt: number;
  limited: boolean;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string, now = Date.now()): RateState {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetAt: window.start + this.windowMs,
      limited: window.count > this.limit,
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** The documented headers; `X-RateLimit-Reset` is a Unix timestamp in seconds, rounded up. */
export function rateLimitHeaders(state: RateState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(Math.ceil(state.resetAt / 1000)),
  };
}
