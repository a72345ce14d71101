// The request log keeps only the latest entries, so a long demo or a flood
// cannot grow the sandbox's memory without limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_MAX_BODY_BYTES, LOG_MAX_ENTRIES, RequestLog, type RequestLogEntry } from '../../sandbox/request-log';
import { DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import { call } from './helpers';

const entry = (n: number): RequestLogEntry => ({ time: n, method: 'GET', path: `/v1/${n}`, query: {}, status: 200 });
const paths = (log: RequestLog) => log.entries.map((e) => e.path);

describe('RequestLog', () => {
  it('keeps the latest LOG_MAX_ENTRIES (1000) entries by default, oldest dropped first', () => {
    expect(LOG_MAX_ENTRIES).toBe(1000);
    const log = new RequestLog();
    for (let n = 0; n < LOG_MAX_ENTRIES + 5; n++) log.add(entry(n), 0);
    expect(log.entries).toHaveLength(LOG_MAX_ENTRIES);
    expect(log.entries[0]?.path).toBe('/v1/5');
    expect(log.entries.at(-1)?.path).toBe(`/v1/${LOG_MAX_ENTRIES + 4}`);
  });

  it('also drops the oldest entries once their bodies add up to more than the byte budget', () => {
    expect(LOG_MAX_BODY_BYTES).toBe(16 * 1024 * 1024);
    const log = new RequestLog(100, 1000);
    log.add(entry(1), 400);
    log.add(entry(2), 400);
    log.add(entry(3), 0);
    expect(paths(log)).toEqual(['/v1/1', '/v1/2', '/v1/3']);
    log.add(entry(4), 300);
    expect(paths(log)).toEqual(['/v1/2', '/v1/3', '/v1/4']);
  });

  it('keeps the newest entry even when its body alone is over the budget', () => {
    const log = new RequestLog(100, 1000);
    log.add(entry(1), 10);
    log.add(entry(2), 5000);
    expect(paths(log)).toEqual(['/v1/2']);
    log.add(entry(3), 10);
    expect(paths(log)).toEqual(['/v1/3']);
  });

  it('clear() empties the same array and forgets the bytes', () => {
    const log = new RequestLog(100, 1000);
    const entries = log.entries;
    log.add(entry(1), 900);
    log.clear();
    expect(entries).toEqual([]);
    log.add(entry(2), 900);
    expect(paths(log)).toEqual(['/v1/2']);
  });
});

describe('the sandbox log', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, logLimit: 3 });
  });
  afterAll(() => sandbox.close());

  it('holds at most logLimit entries, the latest ones, over HTTP too', async () => {
    for (let page = 0; page < 5; page++) await call(sandbox, `/v1/contacts?page=${page}`);
    expect(sandbox.log.map((e) => e.query.page)).toEqual(['2', '3', '4']);
    const res = await call(sandbox, '/__sandbox/log', { key: null });
    expect(res.body.data.map((e: RequestLogEntry) => e.query.page)).toEqual(['2', '3', '4']);
  });

  it('reset() empties it and it fills again up to the bound', async () => {
    sandbox.reset();
    expect(sandbox.log).toEqual([]);
    for (let i = 0; i < 4; i++) await call(sandbox, `/v1/contacts/${DEMO_CONTACT_ID}`, { method: 'PATCH', body: { city: `City ${i}` } });
    expect(sandbox.log.map((e) => e.body)).toEqual([{ city: 'City 1' }, { city: 'City 2' }, { city: 'City 3' }]);
  });
});
