// `npm run bench:popup [-- --runs=20]`: how fast the popup shows the diff of a
// linked profile, in Debian Chromium with the built test extension
// (.output/chrome-mv3-testing; this script builds nothing: run
// `npm run build:test` first), against a local Skipcall sandbox.
//
// Set-up: save the demo key through the options page, open the demo profile,
// link its contact through the popup, so the background prefetches the
// contact for the badge as a user's linked profile would.
//
// Measure: N times, a fresh page opens `popup.html?tabId=<id>`. A script
// added with addInitScript (it runs before the popup's own scripts) watches
// the DOM with a MutationObserver; when the first `diff-row` is in the
// document and visible (checkVisibility), it waits for the next animation
// frame (the first frame that can paint it) and records performance.now(),
// whose origin is the page's navigation start. So a sample is "navigation
// start → first frame with a diff row": it includes loading popup.html and
// its scripts, the messages to the background and rendering, not the
// browser's time to create the tab. The wall time around goto() + the wait is
// printed too, for information.
//
// Then the floors, timed the same way to the first frame after
// DOMContentLoaded: a page with no script, a page with one empty module
// script (two probe pages written into the build for the run and removed
// after), and privacy.html, a static page with Preact and no storage read.
// They are what any extension page costs on the machine before its own work;
// the popup's figure is printed beside them with what it adds.
//
// Then the API requests one profile view costs: sandbox.log before and after
// loading a profile page in a new tab and letting the background settle (no
// request for 1.5 s). Linked profile: ≤ 1 expected (a GET of the contact when
// its prefetch is older than a minute, else none); unlinked profile with a
// fresh contact directory: 0 expected.
//
// Exit 1 when the median exceeds BUDGET_MS, when a view costs more requests
// than expected, or when the set-up fails. BUDGET_MS is the CI gate, with room
// for a slow or busy machine (about 1.7× the median measured on a quiet 2-core
// machine, 85-92 ms); TARGET_MS is issue 11's goal, printed beside the median
// and not enforced (docs/architecture.md, "Opening the popup", says where the
// time goes and why the target is not reached yet).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumExtension } from '../e2e/support/chromium';
import { configureExtension } from '../e2e/support/options';
import { DEMO_PROFILE, PERSON_A, e2eLinkedIn } from '../e2e/support/pages';
import { CHROME_BUILD } from '../e2e/support/paths';
import { waitForPopup, waitForView } from '../e2e/support/popup';
import { findTabId, storedRead } from '../e2e/support/tabs';
import { sleep, waitUntil } from '../e2e/support/wait';
import { DEMO_API_KEY, DEMO_CONTACT_ID, startSandbox, type RequestLogEntry, type Sandbox } from '../sandbox/server';

const BUDGET_MS = 150;
const TARGET_MS = 60;
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7)) || 20;
const QUIET_MS = 1_500;


/**
 * Runs in the popup before its scripts: records when the first diff row is in
 * the DOM and visible, then the next animation frame. A string, because tsx
 * would wrap a serialized function's inner helpers in a __name() that the page
 * does not have.
 */
const WATCH_FIRST_DIFF_ROW = `(() => {
  const marks = (window.__benchMarks = { start: performance.now() });
  const observer = new MutationObserver(() => {
    if (marks.popup === undefined && document.querySelector('[data-testid="popup"]')) marks.popup = performance.now();
    if (marks.match === undefined && document.querySelector('[data-testid="contact-ref"]')) marks.match = performance.now();
    const row = document.querySelector('[data-testid="diff-row"]');
    if (!row || !row.checkVisibility()) return;
    observer.disconnect();
    marks.row = performance.now();
    requestAnimationFrame(() => { marks.frame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** performance.now() values in the popup (origin: navigation start). */
interface Marks {
  /** The init script ran (document created). */
  start: number;
  /** DOMContentLoaded ended (the module script has run). */
  dcl?: number;
  /** The popup root is rendered. */
  popup?: number;
  /** The match panel has its answer (contact-ref rendered). */
  match?: number;
  /** The first diff row is in the DOM and visible. */
  row?: number;
  /** The next animation frame: the sample. */
  frame?: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Probe pages for the floors, as [file, content]: no script, and one empty module script. */
const FLOOR_PROBES: [string, string][] = [
  ['bench-floor-blank.html', '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Floor</title></head><body><p>Floor</p></body></html>'],
  [
    'bench-floor-module.html',
    '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Floor</title><script type="module" src="/bench-floor-module.js"></script></head><body><p>Floor</p></body></html>',
  ],
  ['bench-floor-module.js', 'document.body.append(" ");\n'],
];

/**
 * The floor under the popup's figure: privacy.html (static text, Preact, no
 * storage read) is timed the same way, to the next animation frame after
 * DOMContentLoaded.
 */
const WATCH_FIRST_FRAME = `(() => {
  const marks = (window.__benchMarks = { start: performance.now() });
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => { marks.frame = performance.now(); }));
})();`;

/** Opens `path` of the extension in a fresh page with `watch` run before its scripts, and waits for its `frame` mark. */
async function timePage(chromium: ChromiumExtension, path: string, watch: string): Promise<{ marks: Marks & { frame: number; dcl: number }; wall: number }> {
  const page: Page = await chromium.newPage();
  try {
    await page.addInitScript({ content: watch });
    const started = performance.now();
    await page.goto(`${chromium.extensionOrigin}/${path}`);
    await page.waitForFunction(() => (window as unknown as { __benchMarks: Marks }).__benchMarks.frame !== undefined, null, {
      timeout: 10_000,
      polling: 'raf',
    });
    const wall = performance.now() - started;
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { ...(window as unknown as { __benchMarks: Marks }).__benchMarks, dcl: nav?.domContentLoadedEventEnd ?? NaN };
    });
    return { marks: marks as Marks & { frame: number; dcl: number }, wall };
  } finally {
    await page.close();
  }
}

async function timePopup(chromium: ChromiumExtension, tabId: number): Promise<{ marks: Required<Marks>; wall: number }> {
  const { marks, wall } = await timePage(chromium, `popup.html?tabId=${tabId}`, WATCH_FIRST_DIFF_ROW);
  return { marks: marks as Required<Marks>, wall };
}

/** Waits until the sandbox has had no request for QUIET_MS. */
async function settle(sandbox: Sandbox): Promise<void> {
  let count = -1;
  await waitUntil(
    async () => {
      if (sandbox.log.length === count) return true;
      count = sandbox.log.length;
      await sleep(QUIET_MS);
      return sandbox.log.length === count;
    },
    { what: 'the background to stop calling the sandbox', timeout: 30_000, interval: 0 },
  );
}

/** Requests the sandbox received for one view of `url` in a new tab. */
async function requestsPerView(chromium: ChromiumExtension, sandbox: Sandbox, url: string): Promise<RequestLogEntry[]> {
  await settle(sandbox);
  const from = sandbox.log.length;
  const page = await chromium.openLinkedIn(url);
  const tabId = await findTabId(chromium, url);
  await waitUntil(async () => (await storedRead(chromium, tabId))?.state === 'profile', { what: `the background to read ${url}` });
  await settle(sandbox);
  await page.close();
  return sandbox.log.slice(from);
}

/** Forgets the background's prefetched contact, as if it were older than its one-minute freshness. */
async function dropPrefetchedContact(chromium: ChromiumExtension): Promise<void> {
  const control = await chromium.control();
  await control.evaluate(async (id) => {
    await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.session.remove(`contact:${id}`);
  }, DEMO_CONTACT_ID);
}

const describeRequests = (entries: RequestLogEntry[]) =>
  entries.length ? entries.map((e) => `${e.method} ${e.path}${Object.keys(e.query).length ? `?${new URLSearchParams(e.query)}` : ''} → ${e.status}`).join(', ') : 'none';

async function main(): Promise<number> {
  if (!existsSync(path.join(CHROME_BUILD, 'manifest.json'))) {
    console.error(`No built test extension at ${path.relative(process.cwd(), CHROME_BUILD)}: run \`npm run build:test\` first (this script builds nothing).`);
    return 1;
  }
  try {
    return await measure();
  } finally {
    removeFloorProbes();
  }
}

function removeFloorProbes(): void {
  for (const [file] of FLOOR_PROBES) rmSync(path.join(CHROME_BUILD, file), { force: true });
}

async function measure(): Promise<number> {
  for (const [file, content] of FLOOR_PROBES) writeFileSync(path.join(CHROME_BUILD, file), content);
  // An interrupted run leaves no probe page in the build either.
  process.once('SIGINT', () => {
    removeFloorProbes();
    process.exit(130);
  });
  const sandbox = await startSandbox({ port: 0 });
  const chromium = await launchChromium({ serve: e2eLinkedIn, headless: true }).catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  let failed = false;
  try {
    const status = await configureExtension(chromium, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
    if (status.status !== 'ok') throw new Error(`the settings were refused: ${status.text}`);

    // Link the demo contact the way a user does (the popup preselects it by its LinkedIn URL).
    await chromium.openLinkedIn(DEMO_PROFILE.url);
    const tabId = await findTabId(chromium, DEMO_PROFILE.url);
    const { page: linkPopup } = await waitForPopup(
      chromium,
      tabId,
      (v) => v.candidates.some((c) => c.id === DEMO_CONTACT_ID && c.pressed) && v.diff.length > 0,
      'the popup to preselect the demo contact',
    );
    await linkPopup.click('[data-testid="link"]');
    await waitForView(linkPopup, (v) => v.linked, 'the demo contact to be linked');
    await linkPopup.close();
    await settle(sandbox);

    const load = () => os.loadavg()[0]!.toFixed(2);
    const loadBefore = load();
    console.log(`Popup, linked demo profile: navigation start → first frame with a diff-row (${runs} fresh pages)`);
    const timings: { marks: Required<Marks>; wall: number }[] = [];
    for (let i = 0; i < runs; i++) timings.push(await timePopup(chromium, tabId));
    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0]!, max: sorted.at(-1)! };
    };
    const { median, p95, min, max } = stats(timings.map((t) => t.marks.frame));
    console.log(
      `  median ${fmt(median)}   p95 ${fmt(p95)}   (min ${fmt(min)}, max ${fmt(max)})   budget: median ≤ ${BUDGET_MS} ms   target (issue 11): ≤ ${TARGET_MS} ms${median <= TARGET_MS ? ' ✓' : ` (${fmt(median - TARGET_MS)} over)`}`,
    );
    console.log('  where the time goes (median / p95 from navigation start):');
    const phases: [string, (m: Required<Marks>) => number][] = [
      ['document created (init script runs)', (m) => m.start],
      ['DOMContentLoaded done (popup module ran)', (m) => m.dcl],
      ['popup root rendered', (m) => m.popup],
      ['match answer rendered (contact-ref)', (m) => m.match],
      ['first diff-row in the DOM', (m) => m.row],
      ['next animation frame (the sample)', (m) => m.frame],
    ];
    for (const [name, pick] of phases) {
      const phase = stats(timings.map((t) => pick(t.marks)));
      console.log(`    ${name.padEnd(42)} ${fmt(phase.median).padStart(9)} / ${fmt(phase.p95)}`);
    }
    const cores = os.cpus().length;
    const loadAfter = load();
    console.log(`  load average (1 min) before/after: ${loadBefore} / ${loadAfter} on ${cores} cores`);
    if (Math.max(Number(loadBefore), Number(loadAfter)) > cores) {
      console.log('  ⚠ the machine was busy with other work: these times are inflated; run again on a quiet machine before judging');
    }
    // What an extension page costs here before its own work: the part of the figure the popup cannot remove.
    console.log('  floors, timed the same way (median DOMContentLoaded → first frame after it):');
    const floors: [string, string][] = [
      ['a page with no script', 'bench-floor-blank.html'],
      ['a page with one empty module script', 'bench-floor-module.html'],
      ['privacy.html (static text, Preact only)', 'privacy.html'],
    ];
    for (const [name, file] of floors) {
      const floor: { dcl: number; frame: number }[] = [];
      for (let i = 0; i < runs; i++) floor.push((await timePage(chromium, file, WATCH_FIRST_FRAME)).marks);
      const frame = stats(floor.map((f) => f.frame)).median;
      console.log(`    ${name.padEnd(42)} ${fmt(stats(floor.map((f) => f.dcl)).median).padStart(9)} → ${fmt(frame)}; the popup adds ${fmt(median - frame)}`);
    }
    const wall = stats(timings.map((t) => t.wall));
    console.log(`  wall time around goto + wait (information): median ${fmt(wall.median)}, p95 ${fmt(wall.p95)}`);
    if (median > BUDGET_MS) {
      console.error(`  ✗ median ${fmt(median)} exceeds ${BUDGET_MS} ms`);
      failed = true;
    }

    console.log('API requests per profile view (background settled, no popup opened):');
    const views: { name: string; url: string; max: number; before?: () => Promise<void> }[] = [
      { name: 'linked profile, contact prefetched less than a minute ago', url: DEMO_PROFILE.url, max: 1 },
      { name: 'linked profile, prefetch expired', url: DEMO_PROFILE.url, max: 1, before: () => dropPrefetchedContact(chromium) },
      { name: 'unlinked profile, contact directory fresh', url: PERSON_A.url, max: 0 },
    ];
    for (const view of views) {
      await view.before?.();
      const entries = await requestsPerView(chromium, sandbox, view.url);
      const ok = entries.length <= view.max;
      console.log(`  ${ok ? '✓' : '✗'} ${view.name}: ${entries.length} (expected ≤ ${view.max}) — ${describeRequests(entries)}`);
      if (!ok) failed = true;
    }
  } finally {
    await chromium.close();
    await sandbox.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
