// The popup from the keyboard only, and the safety rules that keep a key
// press or a wrong contact from writing to Skipcall.
import { expect } from 'vitest';
import type { Sandbox } from '../../sandbox/server';
import { DEMO_CONTACT_ID } from '../../sandbox/server';
import { actAndWaitForResult, diffRow, openDemoDiff, patches, tickSelector } from './enrich';
import type { ExtensionHarness } from './harness';
import { waitForView } from './popup';
import type { UiPage } from './ui';
import { sleep, waitUntil } from './wait';

const ROLE = 'Directrice commerciale';
/** Jean-Baptiste Lefèbvre in the sandbox: another person than the demo profile's. */
const OTHER_PERSON_ID = 'c0ffee00-0000-4000-8000-000000000002';

/** What has the focus: its test id, or its row's field and input type, or its class. */
function focused(page: UiPage): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const row = el.closest('[data-testid="diff-row"]');
    if (row) return `${row.getAttribute('data-field')}:${(el as HTMLInputElement).type}`;
    return el.getAttribute('data-testid') ?? `.${el.className}`;
  }, null);
}

/** Presses `key` until `target` has the focus (at most `max` times). */
async function tabTo(page: UiPage, key: 'Tab' | 'Shift+Tab', target: string, max = 30): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (now === target) return;
    seen.push(now);
    await page.keyboard(key);
  }
  throw new Error(`${key} never reached ${target}; focus went through ${seen.join(' → ')}`);
}

/** Enter on a diff checkbox sends nothing; Space ticks it; Enter on the chosen contact keeps it chosen. */
export async function enterNeverWritesByAccident(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  await page.press(tickSelector('city'), 'Enter');
  await sleep(800);
  expect(patches(sandbox)).toHaveLength(0);
  expect(await page.evaluate(() => document.querySelector('[data-testid="result"]'), null)).toBeNull();

  const chosen = `[data-testid="candidate"][data-contact-id="${DEMO_CONTACT_ID}"]`;
  await page.press(chosen, 'Enter');
  await page.press(chosen, 'Enter');
  const view = await waitForView(page, (v) => v.diff.length > 0, 'the diff after Enter on the chosen contact');
  expect(view.candidates.find((c) => c.id === DEMO_CONTACT_ID)?.pressed).toBe(true);
  expect(patches(sandbox)).toHaveLength(0);
}

/**
 * The whole decision without a mouse: Apply has the focus on open, Shift+Tab
 * reaches the City row, Space ticks it, Tab comes back to Apply, Enter sends,
 * and the result takes the focus.
 */
export async function keyboardOnlyPath(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  await waitUntil(async () => (await focused(page)) === 'apply', { what: 'Apply to have the focus on open', timeout: 5_000 });
  await tabTo(page, 'Shift+Tab', 'city:checkbox');
  await page.keyboard(' ');
  await waitForView(page, (v) => diffRow(v, 'city').ticked, 'Space to tick City');
  await tabTo(page, 'Tab', 'apply');
  const done = await actAndWaitForResult(page, () => page.keyboard('Enter'), 'success', 'Enter on Apply to write');
  expect(done.result?.text).toContain('Updated in Skipcall');
  expect(patches(sandbox).map((e) => e.body)).toEqual([{ role: ROLE, city: 'Lyon' }]);
  await waitUntil(async () => (await focused(page)) === '.result-line', { what: 'the result to take the focus', timeout: 5_000 });
  // Visible focus: the focused result draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle, null);
  expect(outline).not.toBe('none');
}

/** A pasted contact of another person: an alert, nothing ticked, nothing linked or written until the user confirms. */
export async function otherPersonWarns(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  await page.fill('[data-testid="contact-ref"]', OTHER_PERSON_ID);
  await page.click('[data-testid="contact-ref-submit"]');
  const view = await waitForView(
    page,
    (v) => v.candidates.some((c) => c.id === OTHER_PERSON_ID && c.pressed) && v.diff.length > 0 && v.errors.some((e) => e.includes('Another name')),
    'the pasted contact with the name warning',
  );
  expect(view.errors.join(' ')).toContain('this contact is Jean-Baptiste Lefèbvre, the page is Élodie Marchand’s');
  expect(view.diff.filter((r) => r.ticked)).toEqual([]);
  const disabled = () =>
    page.evaluate(
      () => ({
        apply: !!document.querySelector<HTMLButtonElement>('[data-testid="apply"]')?.disabled,
        link: !!document.querySelector<HTMLButtonElement>('[data-testid="link"]')?.disabled,
      }),
      null,
    );
  expect(await disabled()).toEqual({ apply: true, link: true });
  // Enter in the checkbox of the row most likely to be ticked by habit: still nothing.
  await page.press(tickSelector('role'), 'Enter');
  await sleep(500);
  expect(patches(sandbox)).toHaveLength(0);

  await page.click('[data-testid="confirm-person"]');
  await waitUntil(async () => !(await disabled()).link, { what: 'Link to be enabled once confirmed', timeout: 5_000 });
  const after = await waitForView(page, (v) => v.diff.length > 0, 'the diff after confirming');
  expect(after.diff.filter((r) => r.ticked)).toEqual([]);
  expect(sandbox.log.filter((e) => e.method === 'PATCH' || e.method === 'POST')).toHaveLength(0);
}
