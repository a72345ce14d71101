// Runs the real CLI in a child process (node --import tsx, one process, so
// signals reach the server directly).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliOptions, UsageError } from '../../sandbox/cli-options';
import { startSandbox } from '../../sandbox/server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => ({ stdout, stderr });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = stdout.match(pattern);
        if (match) {
          clearInterval(timer);
          resolve(match);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`CLI exited early: ${stderr}`));
        }
      }, 20);
    });
  return { child, exited, output, waitFor };
}

describe('CLI flags', () => {
  it('defaults: port 8787, contact list on, rate limit and latency left to the server', () => {
    expect(parseCliOptions([])).toEqual({ port: undefined, contactList: true, rateLimitPerMinute: undefined, latencyMs: undefined });
  });

  it('reads --port, --no-contact-list, --rate-limit, --latency (both --flag N and --flag=N)', () => {
    expect(parseCliOptions(['--port', '0', '--no-contact-list', '--rate-limit=5', '--latency', '250'])).toEqual({
      port: 0,
      contactList: false,
      rateLimitPerMinute: 5,
      latencyMs: 250,
    });
    expect(parseCliOptions(['--help'])).toBe('help');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /positional/],
    [['--port'], /--port/],
    [['--port', 'abc'], /--port expects an integer from 0 to 65535, got "abc"/],
    [['--port', '70000'], /--port expects an integer/],
    [['--port', '-1'], /--port/],
    [['--rate-limit', '0'], /--rate-limit expects an integer/],
    [['--latency', '1.5'], /--latency expects an integer/],
  ])('%j → UsageError', (args, message) => {
    expect(() => parseCliOptions(args)).toThrow(UsageError);
    expect(() => parseCliOptions(args)).toThrow(message);
  });
});

// Each spawn costs about a second of CPU, so only the behaviours that need a
// real process are run this way.
describe.concurrent('sandbox CLI process', { timeout: 20_000 }, () => {
  const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

  it('--port 0 prints URL, key and demo contact, applies the flags, stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0', '--rate-limit', '7', '--no-contact-list']);
    const [, url] = (await cli.waitFor(listening)) as [string, string];
    await cli.waitFor(/Ctrl\+C/);
    const { stdout } = cli.output();
    expect(stdout).toContain('sk_test_skipcall_enrich_demo');
    expect(stdout).toContain('https://www.linkedin.com/in/elodie-marchand-demo');
    expect(stdout).toContain('c0ffee00-0000-4000-8000-000000000001');
    const res = await fetch(`${url}/v1/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-ratelimit-limit')).toBe('7');
    const list = await fetch(`${url}/v1/contacts`, { headers: { Authorization: 'Bearer sk_test_skipcall_enrich_demo' } });
    expect(list.status).toBe(404);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    await expect(fetch(`${url}/v1/health`)).rejects.toThrow();
  });

  it('stops cleanly on SIGINT', async () => {
    const cli = runCli(['--port', '0']);
    const [, url] = (await cli.waitFor(listening)) as [string, string];
    await cli.waitFor(/Ctrl\+C/);
    expect((await fetch(`${url}/v1/health`)).status).toBe(200);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toContain('stopped');
  });

  it('a bad flag → the usage on stderr, exit 1', async () => {
    const cli = runCli(['--port', 'abc']);
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toMatch(/--port expects an integer[\s\S]*Usage: npm run sandbox/);
  });

  it('a port in use → clear error, exit 1', async () => {
    const busy = await startSandbox({ port: 0 });
    try {
      const cli = runCli(['--port', String(busy.port)]);
      expect(await cli.exited).toBe(1);
      expect(cli.output().stderr).toMatch(new RegExp(`port ${busy.port} is already in use`));
    } finally {
      await busy.close();
    }
  });
});
