// `npm run store:assets`: the store screenshots and promo tiles, made from the
// demo (the test build, the local Skipcall sandbox, the demo LinkedIn profile)
// in Debian Chromium. Writes PNGs into store/assets/ (not committed: run again
// before each submission):
//   store/assets/<en|fr>/screenshot-<n>-<scene>-<light|dark>.png   1280×800
//   store/assets/<en|fr>/promo-small.png                           440×280
//   store/assets/<en|fr>/promo-marquee.png                         1400×560
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchChromium, type ChromiumExtension } from '../e2e/support/chromium';
import { APPLY } from '../e2e/support/enrich';
import { openOptions } from '../e2e/support/options';
import { DEMO_PROFILE, demoLinkedIn } from '../e2e/support/pages';
import { ROOT } from '../e2e/support/paths';
import { waitForView } from '../e2e/support/popup';
import { COLOR_SCHEMES, DEMO_DIFF, UI_LANGUAGES, configureDemoQuietly, openPopup, shootPopup, tabFor, type ColorScheme, type UiLanguage } from '../e2e/support/shots';
import { fromPlaywright } from '../e2e/support/ui';
import { startSandbox, type Sandbox } from '../sandbox/server';

export const ASSETS_DIR = path.join(ROOT, 'store/assets');
const SCREEN = { width: 1280, height: 800 };
const TOOLBAR = 40;

/** The promo tiles' words; the listing texts are in store/listing.<lang>.md. */
const TAGLINE: Record<UiLanguage, { short: string; long: string }> = {
  en: {
    short: 'LinkedIn → Skipcall, one reviewed change at a time',
    long: 'See what LinkedIn knows that Skipcall doesn’t, and update the contact in one click.',
  },
  fr: {
    short: 'De LinkedIn à Skipcall, modification par modification',
    long: 'Voyez ce que LinkedIn sait et que Skipcall ignore, et mettez le contact à jour en un clic.',
  },
};

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const ICON = dataUrl(readFileSync(path.join(ROOT, 'public/icon/128.png')));
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders `html` at `size` in a plain page and returns the PNG. */
async function render(chromium: ChromiumExtension, html: string, size: { width: number; height: number }, scheme: ColorScheme = 'light'): Promise<Buffer> {
  const page = await chromium.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(html, { waitUntil: 'load' });
  const png = await page.screenshot({ animations: 'disabled' });
  await page.close();
  return png;
}

/** The LinkedIn page under a browser toolbar, the extension's popup open from its icon. */
function browserScene(pagePng: Buffer, popupPng: Buffer, url: string, scheme: ColorScheme, show: 'top' | 'bottom' = 'top'): string {
  const dark = scheme === 'dark';
  const room = SCREEN.height - TOOLBAR - 8;
  // 'bottom': the popup scrolled to its end (the result and the history).
  const hidden = show === 'bottom' ? Math.max(0, PNG.sync.read(popupPng).height - room) : 0;
  return `<!doctype html><html><body style="margin:0;width:${SCREEN.width}px;height:${SCREEN.height}px;overflow:hidden;font:14px system-ui,sans-serif;background:${dark ? '#202124' : '#f1f3f4'}">
  <div style="height:${TOOLBAR}px;display:flex;align-items:center;gap:12px;padding:0 12px;box-sizing:border-box">
    <div style="flex:1;height:28px;border-radius:14px;background:${dark ? '#35363a' : '#fff'};color:${dark ? '#e8eaed' : '#3c4043'};display:flex;align-items:center;padding:0 14px">${escape(url.replace(/^https:\/\//, ''))}</div>
    <div style="width:28px;height:28px;border-radius:6px;background:${dark ? '#4a4c50' : '#dadce0'};display:grid;place-items:center"><img src="${ICON}" width="18" height="18" alt=""></div>
  </div>
  <img src="${dataUrl(pagePng)}" style="display:block;width:${SCREEN.width}px;height:${SCREEN.height - TOOLBAR}px;object-fit:cover;object-position:top left" alt="">
  <div style="position:absolute;top:${TOOLBAR - 4}px;right:12px;max-height:${room}px;overflow:hidden;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35);border:1px solid ${dark ? '#3a4448' : '#d8dee0'}">
    <img src="${dataUrl(popupPng)}" style="display:block;margin-top:-${hidden}px" alt="">
  </div></body></html>`;
}

function tile(size: { width: number; height: number }, language: UiLanguage, popupPng?: Buffer): string {
  const big = size.width > 1000;
  return `<!doctype html><html><body style="margin:0;width:${size.width}px;height:${size.height}px;overflow:hidden;font-family:system-ui,sans-serif;color:#fff;background:linear-gradient(135deg,#067a56,#09aa77 60%,#2fd19b)">
  <div style="position:absolute;left:${big ? 90 : 28}px;top:0;bottom:0;width:${big ? 640 : size.width - 56}px;display:flex;flex-direction:column;justify-content:center;gap:${big ? 24 : 12}px">
    <div style="display:flex;align-items:center;gap:${big ? 20 : 12}px"><img src="${ICON}" width="${big ? 88 : 52}" height="${big ? 88 : 52}" style="border-radius:${big ? 18 : 10}px;box-shadow:0 2px 10px rgba(0,0,0,.2)" alt="">
      <div style="font-size:${big ? 56 : 30}px;font-weight:700;letter-spacing:-.01em">Skipcall Enrich</div></div>
    <div style="font-size:${big ? 30 : 19}px;line-height:1.3;font-weight:500">${escape(big ? TAGLINE[language].long : TAGLINE[language].short)}</div>
  </div>
  ${popupPng ? `<div style="position:absolute;right:90px;top:50px;border-radius:10px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.35);max-height:${size.height - 50}px;background:#fff"><img src="${dataUrl(popupPng)}" style="display:block" alt=""></div>` : ''}
  </body></html>`;
}

async function shootPage(page: Page, scheme: ColorScheme): Promise<Buffer> {
  // A background tab cannot be captured.
  await page.bringToFront();
  await page.setViewportSize({ width: SCREEN.width, height: SCREEN.height - TOOLBAR });
  await page.emulateMedia({ colorScheme: scheme });
  return page.screenshot({ animations: 'disabled', caret: 'hide' });
}

async function extensionPage(chromium: ChromiumExtension, file: string, ready: string, scheme: ColorScheme): Promise<Buffer> {
  const page = await chromium.newPage();
  await page.setViewportSize(SCREEN);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${chromium.extensionOrigin}/${file}`);
  await page.waitForSelector(ready);
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  await page.close();
  return png;
}

async function assetsIn(language: UiLanguage, sandbox: Sandbox, write: (name: string, png: Buffer) => void): Promise<void> {
  sandbox.reset();
  const chromium = await launchChromium({ serve: demoLinkedIn, headless: true, uiLanguage: language });
  try {
    for (const scheme of COLOR_SCHEMES) {
      write(`screenshot-3-welcome-${scheme}`, await extensionPage(chromium, 'welcome.html', '[data-testid="welcome"] h1', scheme));
    }
    await configureDemoQuietly(chromium, sandbox);
    for (const scheme of COLOR_SCHEMES) {
      await openOptions(chromium);
      const page = chromium.context.pages().find((p) => p.url().endsWith('/options.html'))!;
      await page.bringToFront();
      await page.setViewportSize(SCREEN);
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('[data-testid="save-settings"]').click();
      await page.waitForSelector('[data-testid="connection-status"][data-status="ok"]');
      // The demo's sandbox address is no part of the picture: "Advanced" folded, as for most users.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
      write(`screenshot-4-settings-${scheme}`, await page.screenshot({ animations: 'disabled', caret: 'hide' }));
      await chromium.closePages();
    }

    const tabId = await tabFor(chromium, DEMO_PROFILE.url);
    const profilePage = chromium.context.pages().find((p) => p.url() === DEMO_PROFILE.url)!;
    let marqueePopup: Buffer | undefined;
    for (const scheme of COLOR_SCHEMES) {
      const popup = await openPopup(chromium, tabId, DEMO_DIFF, scheme);
      const popupPng = await shootPopup(popup);
      if (scheme === 'light') marqueePopup = popupPng;
      write(`screenshot-1-diff-${scheme}`, await render(chromium, browserScene(await shootPage(profilePage, scheme), popupPng, DEMO_PROFILE.url, scheme), SCREEN, scheme));
      await popup.close();
    }
    // Applied: the result and the history entry (the sandbox is reset before the next language).
    const popup = await openPopup(chromium, tabId, DEMO_DIFF, 'light');
    await popup.locator(APPLY).click();
    await waitForView(fromPlaywright(popup), (v) => v.result?.status === 'success' && v.history.length > 0, 'the write to succeed');
    await popup.close();
    for (const scheme of COLOR_SCHEMES) {
      const after = await openPopup(chromium, tabId, { ...DEMO_DIFF, accept: (v) => v.history.length > 0 && v.diff.length > 0 }, scheme);
      // The history unfolded, as after a click on it.
      await after.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      write(`screenshot-2-applied-${scheme}`, await render(chromium, browserScene(await shootPage(profilePage, scheme), await shootPopup(after), DEMO_PROFILE.url, scheme, 'bottom'), SCREEN, scheme));
      await after.close();
    }

    write('promo-small', await render(chromium, tile({ width: 440, height: 280 }, language), { width: 440, height: 280 }));
    write('promo-marquee', await render(chromium, tile({ width: 1400, height: 560 }, language, marqueePopup), { width: 1400, height: 560 }));
  } finally {
    await chromium.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean' } } });
  if (!values['skip-build']) {
    console.log('› Building the test extension (npx wxt build --mode testing)');
    const result = spawnSync('npx', ['wxt', 'build', '--mode', 'testing'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`the build failed (exit code ${result.status ?? result.signal})`);
  }
  const sandbox = await startSandbox({ port: 0 });
  rmSync(ASSETS_DIR, { recursive: true, force: true });
  const written: string[] = [];
  try {
    for (const language of UI_LANGUAGES) {
      console.log(`› ${language}: screenshots (light and dark) and promo tiles`);
      const dir = path.join(ASSETS_DIR, language);
      mkdirSync(dir, { recursive: true });
      await assetsIn(language, sandbox, (name, png) => {
        const file = path.join(dir, `${name}.png`);
        writeFileSync(file, png);
        written.push(path.relative(ROOT, file));
      });
    }
  } finally {
    await sandbox.close();
  }
  console.log(`\n${written.length} pictures:\n${written.sort().map((f) => `  ${f}`).join('\n')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\n✖ store assets failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
