// Issue "Review the diff and apply it": shared bodies for the Chromium and
// Firefox suites. Each starts from empty extension storage and a reset sandbox.
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'vitest';
import { DEMO_CONTACT_ID, startSandbox, type Sandbox } from '../../sandbox/server';
import {
  APPLY,
  actAndWaitForResult,
  apply,
  demoContact,
  diffRow,
  editValue,
  openDemoDiff,
  patches,
  reopenPopup,
  setTick,
  settle,
  showsContactDiff,
  undo,
  valueSelector,
} from './enrich';
import type { ExtensionHarness } from './harness';
import { openOptions } from './options';
import { waitForView } from './popup';
import type { UiPage } from './ui';
import { sleep } from './wait';

const ROLE = 'Directrice commerciale';
const contactPath = `/v1/contacts/${DEMO_CONTACT_ID}`;

/** 5. The whole loop: preselected contact, default ticks, one PATCH with exactly the ticked changes. */
export async function fullLoop(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page, view } = await openDemoDiff(harness, sandbox);
  expect(diffRow(view, 'role')).toMatchObject({ status: 'fill', ticked: true, tickDisabled: false, value: ROLE });
  expect(diffRow(view, 'city')).toMatchObject({ status: 'update', ticked: false, current: 'Paris', value: 'Lyon' });
  expect(diffRow(view, 'linkedinUrl')).toMatchObject({ status: 'same', ticked: false, tickDisabled: true, value: null });
  expect(diffRow(view, 'firstName')).toMatchObject({ status: 'same', tickDisabled: true });

  await setTick(page, 'city', true);
  const done = await apply(page);
  expect(done.result?.text).toMatch(/Role/);
  expect(demoContact(sandbox)).toMatchObject({ role: ROLE, city: 'Lyon' });
  const sent = patches(sandbox);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ path: contactPath, status: 200 });
  expect(Object.keys(sent[0]!.body as object).sort()).toEqual(['city', 'role']);
  // What was written now shows as equal: nothing left to send.
  expect(diffRow(done, 'city').status).toBe('same');
  expect(diffRow(done, 'role').status).toBe('same');
}

/** 6. An edited value keeps its row ticked and is what goes out. */
export async function editInPlace(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  const edited = await editValue(page, 'city', 'Lyon 2e');
  expect(diffRow(edited, 'city').ticked).toBe(true);
  await apply(page);
  expect(patches(sandbox).map((e) => e.body)).toEqual([{ role: ROLE, city: 'Lyon 2e' }]);
  expect(demoContact(sandbox).city).toBe('Lyon 2e');
}

/** 7. Skipcall changed meanwhile: nothing is written, the fresh value is shown and its row unticked. */
export async function conflictWritesNothing(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  sandbox.editContact(DEMO_CONTACT_ID, { city: 'Marseille' });
  await setTick(page, 'city', true);
  const view = await apply(page, 'conflict');
  expect(patches(sandbox)).toEqual([]);
  expect(diffRow(view, 'city')).toMatchObject({ status: 'update', current: 'Marseille', ticked: false });
  expect(view.result?.text).toMatch(/City/);
  expect(demoContact(sandbox)).toMatchObject({ city: 'Marseille', role: null });
}

/** 8. A 429, or two 500s, before the write: retried, then written once. */
export async function retriesThenWrites(harness: ExtensionHarness, sandbox: Sandbox, fault: { count: number; status: number }): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  await setTick(page, 'city', true);
  await settle(sandbox);
  const from = sandbox.log.length;
  sandbox.failNext(fault.count, fault.status);
  await apply(page, 'success', 30_000);
  const seen = sandbox.log.slice(from).map((e) => ({ method: e.method, path: e.path, status: e.status }));
  // The failed request is repeated until it succeeds, then the write goes out once.
  const failed = seen.slice(0, fault.count);
  expect(failed.map((e) => e.status)).toEqual(Array(fault.count).fill(fault.status));
  const retried = seen[fault.count];
  expect(retried).toMatchObject({ method: failed[0]!.method, path: failed[0]!.path, status: 200 });
  expect(seen.filter((e) => e.method === 'PATCH')).toEqual([{ method: 'PATCH', path: contactPath, status: 200 }]);
  expect(demoContact(sandbox)).toMatchObject({ role: ROLE, city: 'Lyon' });
}

/**
 * 9. Skipcall unreachable: a sentence saying what to do, the choices kept;
 * once it is back on the same address, apply works. Uses its own sandbox so
 * the shared one stays up.
 */
export async function offlineKeepsChoices(harness: ExtensionHarness): Promise<void> {
  let own: Sandbox | undefined = await startSandbox({ port: 0 });
  try {
    const { page } = await openDemoDiff(harness, own);
    await editValue(page, 'city', 'Lyon 2e');
    await settle(own);
    const port = own.port;
    await own.close();
    own = undefined;

    const failed = await apply(page, 'error', 30_000);
    expect(failed.result?.text).toMatch(/cannot be reached/i);
    expect(failed.result?.text).toMatch(/check your connection|try again/i);
    expect(diffRow(failed, 'city')).toMatchObject({ ticked: true, value: 'Lyon 2e' });
    expect(diffRow(failed, 'role')).toMatchObject({ ticked: true, value: ROLE });

    own = await startSandbox({ port });
    await apply(page);
    expect(patches(own).map((e) => e.body)).toEqual([{ role: ROLE, city: 'Lyon 2e' }]);
    expect(own.contacts.get(DEMO_CONTACT_ID)).toMatchObject({ role: ROLE, city: 'Lyon 2e' });
  } finally {
    await own?.close();
  }
}

/**
 * 10. Undo restores the previous values in one PATCH, never clears a field
 * that was empty before, and says so; history is newest first.
 */
export async function undoRestores(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  await setTick(page, 'city', true);
  const written = await apply(page);
  const entries = await waitForView(page, (v) => v.history.length === 1, 'one history-entry').then((v) => v.history);
  expect(entries[0]!.canUndo).toBe(true);
  expect(entries[0]!.text).toMatch(/Paris → Lyon/);
  // Said before the click: Role was empty in Skipcall, and undo never clears a field.
  expect(entries[0]!.text).toMatch(/Undo restores City but cannot clear Role/);
  expect(written.result?.status).toBe('success');

  const undone = await undo(page, 0);
  const sent = patches(sandbox);
  expect(sent).toHaveLength(2);
  expect(sent[1]!.body).toEqual({ city: 'Paris' });
  expect(demoContact(sandbox)).toMatchObject({ city: 'Paris', role: ROLE });
  expect(undone.result?.text).toMatch(/Role/);
  expect(undone.result?.text).toMatch(/empty before/i);
  expect(diffRow(undone, 'city')).toMatchObject({ status: 'update', current: 'Paris' });

  // A second write comes first in the history; the undone one can no longer be undone.
  await setTick(page, 'city', true);
  await apply(page);
  const history = await waitForView(page, (v) => v.history.length === 2, 'two history-entries').then((v) => v.history);
  expect(history[0]!.text).toMatch(/Paris → Lyon/);
  expect(history[0]!.canUndo).toBe(true);
  expect(history[1]!.canUndo).toBe(false);
  expect(history[1]!.text).toMatch(/Undone/);
}

/** 11. The write goes on after the popup closes; the reopened popup shows its outcome. */
export async function writeSurvivesClosing(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page, tabId } = await openDemoDiff(harness, sandbox);
  await setTick(page, 'city', true);
  await settle(sandbox);
  sandbox.setLatency(1_500);
  await page.click(APPLY);
  await page.close();
  await sleep(500);
  expect(patches(sandbox)).toEqual([]);
  const { view } = await reopenPopup(
    harness,
    tabId,
    (v) => showsContactDiff(DEMO_CONTACT_ID)(v) && v.result?.status === 'success',
    'the reopened popup to show the finished write',
    30_000,
  );
  expect(view.result?.text).toMatch(/Updated/);
  sandbox.setLatency(0);
  expect(demoContact(sandbox)).toMatchObject({ role: ROLE, city: 'Lyon' });
  expect(patches(sandbox)).toHaveLength(1);
}

/** 12. Ticks and edits are kept when the popup closes. */
export async function choicesSurviveClosing(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page, tabId } = await openDemoDiff(harness, sandbox);
  await editValue(page, 'city', 'Lyon 2e');
  await setTick(page, 'role', false);
  // Closed as soon as the popup shows the change: nothing waits for a save.
  await page.close();
  const { view } = await reopenPopup(harness, tabId, showsContactDiff(DEMO_CONTACT_ID), 'the reopened popup with the diff');
  expect(diffRow(view, 'city')).toMatchObject({ ticked: true, value: 'Lyon 2e' });
  expect(diffRow(view, 'role')).toMatchObject({ ticked: false });
  expect(patches(sandbox)).toEqual([]);
}

/** 13. Enter in a value field applies. */
export async function enterApplies(harness: ExtensionHarness, sandbox: Sandbox): Promise<void> {
  const { page } = await openDemoDiff(harness, sandbox);
  await actAndWaitForResult(page, () => page.press(valueSelector('city'), 'Enter'), 'success', 'Enter to apply');
  // City was not ticked: only the default fill goes out.
  expect(patches(sandbox).map((e) => e.body)).toEqual([{ role: ROLE }]);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

const AXE_FILE = path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');

/** Runs axe-core in the page; returns the violations, each with its nodes. */
export async function axeViolations(page: UiPage): Promise<AxeViolation[]> {
  await page.addScriptFile(AXE_FILE, "typeof window.axe === 'object'");
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, null);
}

export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  - ${n.target}: ${n.summary}`).join('\n')}`)
    .join('\n');

/** 14. The popup showing the demo diff and the options page have no axe-core violation. */
export async function accessibility(harness: ExtensionHarness, sandbox: Sandbox): Promise<Record<string, AxeViolation[]>> {
  const { page } = await openDemoDiff(harness, sandbox);
  const found: Record<string, AxeViolation[]> = {};
  found.popup = await axeViolations(page);
  const options = await openOptions(harness);
  found.options = await axeViolations(options);
  const report = Object.entries(found)
    .filter(([, list]) => list.length)
    .map(([where, list]) => `${where}:\n${describeViolations(list)}`)
    .join('\n');
  expect(report, 'axe-core violations').toBe('');
  return found;
}

