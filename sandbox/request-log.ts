// The /v1 request log, bounded so a long demo or a flood cannot grow memory
// without limit: past either bound, the oldest entries are dropped first.
export interface RequestLogEntry {
  time: number;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body?: unknown;
}

/** Entries kept by default; a test or a demo run needs a few dozen. */
export const LOG_MAX_ENTRIES = 1000;

/** Logged bodies may be up to 1 MiB each, so their total (raw bytes) is bounded too. */
export const LOG_MAX_BODY_BYTES = 16 * 1024 * 1024;

export class RequestLog {
  /** Oldest first; always the same array, which Sandbox.log exposes. */
  readonly entries: RequestLogEntry[] = [];
  private readonly bodySizes: number[] = [];
  private bodyBytes = 0;

  constructor(
    private readonly maxEntries = LOG_MAX_ENTRIES,
    private readonly maxBodyBytes = LOG_MAX_BODY_BYTES,
  ) {}

  /** `bodyBytes`: the raw size of the logged body (0 when none). */
  add(entry: RequestLogEntry, bodyBytes: number): void {
    this.entries.push(entry);
    this.bodySizes.push(bodyBytes);
    this.bodyBytes += bodyBytes;
    // The newest entry stays even when its body alone is over the budget: one body is bounded by the body limit.
    while (this.entries.length > this.maxEntries || (this.bodyBytes > this.maxBodyBytes && this.entries.length > 1)) {
      this.entries.shift();
      this.bodyBytes -= this.bodySizes.shift() ?? 0;
    }
  }

  clear(): void {
    this.entries.length = 0;
    this.bodySizes.length = 0;
    this.bodyBytes = 0;
  }
}
