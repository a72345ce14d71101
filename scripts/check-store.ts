// `npm run check:store`: the store packages (npm run zip, npm run zip:firefox)
// against the Chrome Web Store's manifest rules (scripts/store-rules.ts, on
// .output/chrome-mv3 and the files of the Chrome zip) and addons-linter (what
// `web-ext lint` runs) on the Firefox zip. Exits 1 on any problem.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { ROOT } from '../e2e/support/paths';
import { storeProblems, type Catalogue } from './store-rules';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const OUTPUT = path.join(ROOT, '.output');
const CHROME_DIR = path.join(OUTPUT, 'chrome-mv3');
const CHROME_ZIP = path.join(OUTPUT, `${pkg.name}-${pkg.version}-chrome.zip`);
const FIREFOX_ZIP = path.join(OUTPUT, `${pkg.name}-${pkg.version}-firefox.zip`);
/** Chrome Web Store package limit. */
const MAX_ZIP_BYTES = 2 * 1024 ** 3;

/**
 * addons-linter warnings known and accepted, by code and file: Preact's
 * dangerouslySetInnerHTML support is bundled, though no component uses it.
 */
const ACCEPTED_WARNINGS: { code: string; file: RegExp; why: string }[] = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\//, why: 'Preact’s renderer (dangerouslySetInnerHTML, unused by our components)' },
];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function checkChrome(): string[] {
  for (const need of [CHROME_DIR, CHROME_ZIP]) if (!existsSync(need)) return [`${path.relative(ROOT, need)} is missing: run npm run zip first`];
  const files = listFiles(CHROME_DIR);
  const locales: Record<string, Catalogue> = {};
  for (const locale of readdirSync(path.join(CHROME_DIR, '_locales'))) {
    locales[locale] = JSON.parse(readFileSync(path.join(CHROME_DIR, '_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
  }
  const problems = storeProblems({
    manifest: JSON.parse(readFileSync(path.join(CHROME_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>,
    locales,
    files,
    readText: (file) => (files.includes(file) ? readFileSync(path.join(CHROME_DIR, file), 'utf8') : undefined),
    pngSize(file) {
      if (!files.includes(file)) return undefined;
      try {
        const png = PNG.sync.read(readFileSync(path.join(CHROME_DIR, file)));
        return { width: png.width, height: png.height };
      } catch {
        return undefined;
      }
    },
  });
  // The zip holds exactly the built folder, manifest at its root.
  const zipped = execFileSync('zipinfo', ['-1', CHROME_ZIP], { encoding: 'utf8' }).split('\n').filter((f) => f && !f.endsWith('/'));
  if (!zipped.includes('manifest.json')) problems.push(`${path.basename(CHROME_ZIP)} has no manifest.json at its root`);
  const missing = files.filter((f) => !zipped.includes(f));
  const extra = zipped.filter((f) => !files.includes(f));
  if (missing.length || extra.length) problems.push(`${path.basename(CHROME_ZIP)} differs from .output/chrome-mv3 (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`);
  const size = readFileSync(CHROME_ZIP).length;
  if (size > MAX_ZIP_BYTES) problems.push(`${path.basename(CHROME_ZIP)} is ${size} bytes, over the store's limit`);
  console.log(`Chrome Web Store rules on .output/chrome-mv3 and ${path.basename(CHROME_ZIP)} (${(size / 1024).toFixed(1)} KB): ${problems.length ? `${problems.length} problem(s)` : 'ok'}`);
  return problems;
}

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

function checkFirefox(): string[] {
  if (!existsSync(FIREFOX_ZIP)) return [`${path.relative(ROOT, FIREFOX_ZIP)} is missing: run npm run zip:firefox first`];
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/addons-linter'), ['--output', 'json', FIREFOX_ZIP], { encoding: 'utf8', cwd: ROOT });
  let report: { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    return [`addons-linter gave no report (exit ${run.status}): ${run.stderr.slice(0, 500)}`];
  }
  const problems = report.errors.map((e) => `Firefox lint error ${e.code} in ${e.file ?? '?'}: ${e.message}`);
  for (const w of report.warnings) {
    const accepted = ACCEPTED_WARNINGS.find((a) => a.code === w.code && a.file.test(w.file ?? ''));
    if (accepted) console.log(`  accepted warning ${w.code} in ${w.file}: ${accepted.why}`);
    else problems.push(`Firefox lint warning ${w.code} in ${w.file ?? '?'}: ${w.message}`);
  }
  console.log(
    `addons-linter (web-ext lint) on ${path.basename(FIREFOX_ZIP)}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
  );
  return problems;
}

const problems = [...checkChrome(), ...checkFirefox()];
if (problems.length) {
  console.error(`\n✖ ${problems.length} store problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('✓ the store packages pass');
