// `npm start [-- --headless] [-- --port N]`: builds the test extension, starts
// the Skipcall sandbox, and shows the extension reading the demo LinkedIn
// profile in Debian Chromium, configured for the sandbox through its options page.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, type ChromiumExtension } from '../e2e/support/chromium';
import { configureExtension } from '../e2e/support/options';
import { DEMO_PROFILE, JOB_CHANGE_PROFILE, LIST_URL, demoLinkedIn } from '../e2e/support/pages';
import { scenario } from '../tests/support/list-scenario';
import { RESULTS_DIR, ROOT } from '../e2e/support/paths';
import { waitForPopupOn } from '../e2e/support/popup';
import { findTabId } from '../e2e/support/tabs';
import { fromPlaywright } from '../e2e/support/ui';
import { DEMO_API_KEY, startSandbox, type Sandbox } from '../sandbox/server';
import { DEMO_SEQUENCE_ID, MEMBER_PARIS_CLAIRE, SEQUENCES, jobChangeContact } from '../sandbox/seed';
import { addSequenceInOptions } from '../e2e/support/sequence-scenarios';

const USAGE = `Usage: npm start -- [--headless] [--port N]

  --headless   no browser window: check the popups, save test-results/demo-popup.png and
               test-results/demo-job-change.png, exit
  --port N     sandbox port on 127.0.0.1 (default 8787)
  --help       show this help`;

const SCREENSHOT = path.join(RESULTS_DIR, 'demo-popup.png');
const JOB_CHANGE_SCREENSHOT = path.join(RESULTS_DIR, 'demo-job-change.png');
const LIST_SCREENSHOT = path.join(RESULTS_DIR, 'demo-list-popup.png');

class DemoError extends Error {}

const step = (text: string) => console.log(`› ${text}`);
const done = (text: string) => console.log(`  ✓ ${text}`);

function readOptions(): { headless: boolean; port: number } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      options: { headless: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DemoError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new DemoError(`--port expects a port number from 1 to 65535, got "${values.port}"`);
  }
  return { headless: !!values.headless, port };
}

function build(): void {
  step('Building the test extension (npx wxt build --mode testing)');
  const result = spawnSync('npx', ['wxt', 'build', '--mode', 'testing'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new DemoError(`the build failed (exit code ${result.status ?? result.signal})`);
  done('built .output/chrome-mv3-testing');
}

async function sandboxOn(port: number): Promise<Sandbox> {
  step(`Starting the Skipcall sandbox on 127.0.0.1:${port}`);
  try {
    const sandbox = await startSandbox({ port, extraContacts: () => [jobChangeContact()] });
    // The demo list's people: 18 of the 25 leads have a contact (10 with the lead URL saved, 4 of those lacking a role or city).
    for (const person of scenario()) if (person.contact) sandbox.contacts.set(person.contact.id, person.contact);
    done(`sandbox at ${sandbox.url}`);
    return sandbox;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DemoError(`port ${port} is already in use on 127.0.0.1 (another sandbox or demo?). Stop it, or run: npm start -- --port 8788`);
    }
    throw error;
  }
}

/** Headed only when asked for and possible. */
function chooseHeadless(asked: boolean): boolean {
  if (asked) return true;
  if (!process.env.DISPLAY) {
    console.log('  No DISPLAY: running headless, saving a screenshot and exiting. For a window, run: xvfb-run -a npm start (or from a desktop session).');
    return true;
  }
  return false;
}

async function showDemo(browser: ChromiumExtension, sandbox: Sandbox, headless: boolean): Promise<void> {
  step('Configuring the extension through its options page (demo key + sandbox URL)');
  const status = await configureExtension(browser, { apiKey: DEMO_API_KEY, apiBaseUrl: sandbox.url });
  if (status.status !== 'ok') throw new DemoError(`the options page could not reach the sandbox: ${status.text}`);
  await browser.closePages();
  done(status.text);

  const sequenceName = SEQUENCES.find((s) => s.id === DEMO_SEQUENCE_ID)?.name ?? 'Demo sequence';
  step(`Adding the sequence "${sequenceName}" (me: Claire Dumas) through the options page`);
  const options = await addSequenceInOptions(browser, { ref: DEMO_SEQUENCE_ID, name: sequenceName, me: MEMBER_PARIS_CLAIRE, assignee: 'me' });
  const added = await options.evaluate(() => document.querySelector('[data-testid="sequence-message"]')?.textContent ?? '', null);
  await browser.closePages();
  done(added);

  step(`Opening ${DEMO_PROFILE.url} (served locally)`);
  await browser.openLinkedIn(DEMO_PROFILE.url);
  const tabId = await findTabId(browser, DEMO_PROFILE.url);
  done(`profile open in tab ${tabId}`);

  step('Opening the popup for that tab (420×600)');
  const popup = await browser.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`${browser.extensionOrigin}/popup.html?tabId=${tabId}`);
  const { view } = await waitForPopupOn(
    fromPlaywright(popup),
    (v) => v.state === 'profile' && v.fields.firstName === DEMO_PROFILE.firstName,
    'the popup to show the demo profile',
  );
  done(`popup shows ${view.fields.firstName} ${view.fields.lastName ?? ''} (${Object.keys(view.fields).length} fields read)`);

  step(`Opening the job-change profile ${JOB_CHANGE_PROFILE.url} and its popup`);
  await browser.openLinkedIn(JOB_CHANGE_PROFILE.url);
  const jobTabId = await findTabId(browser, JOB_CHANGE_PROFILE.url);
  const jobPopup = await browser.newPage();
  await jobPopup.setViewportSize({ width: 420, height: 700 });
  await jobPopup.goto(`${browser.extensionOrigin}/popup.html?tabId=${jobTabId}`);
  await waitForPopupOn(
    fromPlaywright(jobPopup),
    (v) => v.fields.firstName === JOB_CHANGE_PROFILE.firstName && v.diff.length > 0,
    'the popup to show the job-change profile with its contact',
  );
  const banner = await jobPopup.locator('[data-testid="job-change-text"]').textContent({ timeout: 5000 });
  done(`popup leads with: ${banner ?? '(no job change shown)'}`);

  step(`Opening the demo Sales Navigator list ${LIST_URL} (25 leads, served locally)`);
  await browser.openLinkedIn(LIST_URL);
  const listTab = await findTabId(browser, LIST_URL);
  const listPopup = await browser.newPage();
  await listPopup.setViewportSize({ width: 420, height: 600 });
  await listPopup.goto(`${browser.extensionOrigin}/popup.html?tabId=${listTab}`);
  await listPopup.waitForSelector('[data-testid="list-summary"]', { timeout: 20_000 });
  done(`list popup: ${await listPopup.textContent('[data-testid="list-summary"]')}`);

  if (headless) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await popup.screenshot({ path: SCREENSHOT });
    await jobPopup.screenshot({ path: JOB_CHANGE_SCREENSHOT });
    await listPopup.screenshot({ path: LIST_SCREENSHOT });
    console.log(`\nScreenshots: ${SCREENSHOT}, ${JOB_CHANGE_SCREENSHOT}, ${LIST_SCREENSHOT}`);
    return;
  }
  await popup.bringToFront();
  console.log(`
The demo is running. Try:
  - the popup tab: the profile read from the page; Settings opens the options page
  - "Apply and add to ${SEQUENCES[0]?.name}": the ticked fields, then the contact into the demo sequence (undo in the history)
  - the list tab (${LIST_URL}): its popup lists the 25 leads with their match;
    link the sure matches, fill the empty fields, create contacts given a phone number, export CSV
  - API base URL  ${sandbox.url}
  - API key       ${DEMO_API_KEY}
  - request log   GET ${sandbox.url}/__sandbox/log   (e.g. curl ${sandbox.url}/__sandbox/log)
  - a job change: open https://www.linkedin.com/in/julien-mercier-demo/ (now at Maison Vernet,
    Skipcall still says Fromagerie Dubois); the popup leads with it
  - other LinkedIn addresses show a "demo only serves these profiles" page
Press Ctrl+C (or close the browser) to stop.`);
  await new Promise<void>((resolve) => {
    browser.context.once('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main(): Promise<number> {
  const options = readOptions();
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  // The sandbox first: a busy port is reported before a build is spent.
  const sandbox = await sandboxOn(options.port);
  let browser: ChromiumExtension | undefined;
  try {
    build();
    const headless = chooseHeadless(options.headless);
    step(`Launching Debian Chromium ${headless ? 'headless' : 'with a window'} with the test extension`);
    browser = await launchChromium({ serve: demoLinkedIn, headless });
    done(`extension ${browser.extensionId} loaded`);
    await showDemo(browser, sandbox, headless);
    return 0;
  } finally {
    step('Stopping');
    await browser?.close();
    await sandbox.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\n✖ Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
