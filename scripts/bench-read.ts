// Benchmarks the LinkedIn reader in real Chromium: bundles utils/linkedin into
// a browser script (vite lib/iife, in memory), loads each fixture with
// page.setContent, checks the result against the fixture's expectations, then
// runs readPage N times and prints median and p95. Exit 1 when a result is
// wrong or the median on the largest fixture, or on the largest shared reference
// page (real size, hundreds of KB), exceeds the budget.
//   npx tsx scripts/bench-read.ts [--runs=200] [--reference]
// --reference also times every other shared reference page (information only).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from 'playwright-core';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'linkedin');
const REFERENCE = resolve(ROOT, '..', 'shared', 'linkedin-reference');
const BUDGET_MS = 10;
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7)) || 200;

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: join(ROOT, 'utils', 'linkedin', 'read-page.ts'), formats: ['iife'], name: 'LinkedInReader' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('no bundle produced');
}

interface Timing {
  median: number;
  p95: number;
  read: unknown;
}

/** Timer resolution is coarse in the page (0.1 ms): each sample is the mean of a batch of reads. */
const BATCH = 10;

async function time(browserContext: BrowserContext, html: string, url: string, code: string): Promise<Timing> {
  // A fresh page per document: a page's CSP / Trusted Types meta must not leak into the next one.
  const page = await browserContext.newPage();
  try {
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    // Load the reader without adding a script element to the page being read.
    await page.evaluate((src) => {
      (globalThis as any).__reader = new Function(`${src};return LinkedInReader;`)();
    }, code);
    return await page.evaluate(
      ({ url, samples, batch }) => {
        const reader = (globalThis as any).__reader;
        const read = reader.readPage(document, url);
        const times: number[] = [];
        for (let i = 0; i < samples; i++) {
          const start = performance.now();
          for (let j = 0; j < batch; j++) reader.readPage(document, url);
          times.push((performance.now() - start) / batch);
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(samples / 2)]!, p95: times[Math.floor(samples * 0.95)]!, read };
      },
      { url, samples: Math.max(1, Math.round(runs / BATCH)), batch: BATCH },
    );
  } finally {
    await page.close();
  }
}

const code = await bundle();
console.log(`reader bundle: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzipped\n`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = false;
try {
  const context = await browser.newContext({ bypassCSP: true });
  // Fixtures and reference pages point at placeholder hosts: keep everything offline.
  await context.route('**/*', (route) => route.abort());

  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
  const largest = files.reduce((a, b) => (statSync(join(FIXTURES, a)).size >= statSync(join(FIXTURES, b)).size ? a : b));
  console.log(`fixture${' '.repeat(26)}   size   median      p95   (${runs} reads, batches of ${BATCH})`);
  for (const file of files.sort()) {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.html$/, '.json')), 'utf8'));
    const t = await time(context, html, expected.url, code);
    const read = t.read as { state: string; profile?: unknown };
    const right =
      read.state === expected.state &&
      (read.state !== 'profile' || JSON.stringify(read.profile) === JSON.stringify(expected.profile));
    const mark = file === largest ? ' ← largest' : '';
    console.log(
      `${file.padEnd(34)} ${String(Math.round(html.length / 1024)).padStart(4)} KB ${t.median.toFixed(3).padStart(8)} ms ${t.p95.toFixed(3).padStart(8)} ms${mark}${right ? '' : '  WRONG RESULT'}`,
    );
    if (!right) {
      failed = true;
      console.log(`    got ${JSON.stringify(read)}`);
    }
    if (file === largest && t.median > BUDGET_MS) {
      failed = true;
      console.log(`    median above the ${BUDGET_MS} ms budget`);
    }
  }

  if (existsSync(REFERENCE)) {
    // The largest real page is timed on every run, against the budget; the others with --reference.
    const dirs = readdirSync(REFERENCE).filter((dir) => existsSync(join(REFERENCE, dir, 'page.html')));
    const size = (dir: string) => statSync(join(REFERENCE, dir, 'page.html')).size;
    const biggest = dirs.reduce((a, b) => (size(a) >= size(b) ? a : b));
    const all = process.argv.includes('--reference');
    console.log(`\nreference pages (${all ? 'all' : 'the largest'}; budget ${BUDGET_MS} ms median on the largest)`);
    for (const dir of (all ? dirs : [biggest]).sort()) {
      const html = readFileSync(join(REFERENCE, dir, 'page.html'), 'utf8');
      const { url } = JSON.parse(readFileSync(join(REFERENCE, dir, 'expected.json'), 'utf8'));
      const t = await time(context, html, url, code);
      const mark = dir === biggest ? ' ← largest' : '';
      console.log(
        `${dir.padEnd(34)} ${String(Math.round(html.length / 1024)).padStart(4)} KB ${t.median.toFixed(3).padStart(8)} ms ${t.p95.toFixed(3).padStart(8)} ms${mark}`,
      );
      if (dir === biggest && t.median > BUDGET_MS) {
        failed = true;
        console.log(`    median above the ${BUDGET_MS} ms budget`);
      }
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
