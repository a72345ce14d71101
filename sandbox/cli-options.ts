// Command-line flags of `npm run sandbox`, parsed without side effects so they
// can be tested in-process.
import { parseArgs } from 'node:util';
import type { SandboxOptions } from './server';

export const USAGE = `Usage: npm run sandbox -- [options]

  --port N            port on 127.0.0.1 (default 8787, 0 = any free port)
  --no-contact-list   turn GET /v1/contacts off (404), like an account without it
  --rate-limit N      requests per minute and per key (default 100)
  --latency MS        delay added before every /v1 response (default 0)
  --help              show this help`;

export class UsageError extends Error {}

function integer(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} expects an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'no-contact-list': { type: 'boolean' },
        'rate-limit': { type: 'string' },
        latency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // parseArgs explains unknown flags and missing values well; keep its words.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** 'help' when --help was asked; throws UsageError on any bad flag. */
export function parseCliOptions(argv: string[]): SandboxOptions | 'help' {
  const values = parse(argv);
  if (values.help) return 'help';
  return {
    port: integer('port', values.port, 0, 65_535),
    contactList: !values['no-contact-list'],
    rateLimitPerMinute: integer('rate-limit', values['rate-limit'], 1, 1_000_000),
    latencyMs: integer('latency', values.latency, 0, 600_000),
  };
}
