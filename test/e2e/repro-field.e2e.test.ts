/**
 * The Reproduction steps field in the local workspace, in Debian's Chromium: an L2 engineer creates a bug with bad
 * steps, sees the live check's hints, fixes them (paste splits a report into steps, keyboard reorder), creates the
 * bug, and finds the field saved in the emulator's data and checked on the issue view. Also: an existing bug
 * without the field is checked from its description.
 */
import type { FrameLocator } from 'playwright-core';
import { browserSession } from './support/session';

const session = browserSession();

const openAs = session.openAs;

/** Pastes `text` into the element the way a browser does (a paste event carrying the clipboard's text). */
async function paste(frame: FrameLocator, label: string, text: string) {
  await frame.getByLabel(label, { exact: true }).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const findings = (frame: FrameLocator) => frame.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));

test('creates a bug with bad steps, follows the hints, and saves the field with the new issue', async () => {
  const page = await openAs('rt-l2-amara', '#/create');
  const dialog = page.getByRole('dialog', { name: 'Create bug' });
  await dialog.getByLabel('Summary').fill('Order total ignores the gift card');

  const editor = page.frameLocator('iframe[title="Reproduction steps"]');
  await editor.getByLabel('Step 1', { exact: true }).fill("it doesn't work");

  // The live check says what is wrong, with a hint for each problem.
  await editor.locator('[data-finding="VAGUE_STEPS"]').waitFor();
  await expect(editor.getByTestId('repro-verdict').textContent()).resolves.toMatch(/needs work|missing/i);
  expect(await findings(editor)).toEqual(expect.arrayContaining(['MISSING_EXPECTED', 'MISSING_ACTUAL', 'VAGUE_STEPS', 'NO_BUILD']));
  // The hints name the editor's boxes; build and environment are rows of their own.
  await expect(editor.locator('[data-finding="MISSING_EXPECTED"]').textContent()).resolves.toMatch(/Fill the Expected result box: what should happen/);
  await expect(editor.locator('[data-finding="NO_BUILD"]').textContent()).resolves.toMatch(/Fill the Build \/ version box/);
  await expect(editor.getByRole('list', { name: 'Parts found' }).textContent()).resolves.toMatch(/✗ Build \/ version missing.*✗ Environment missing/);

  // Fix: replace the vague step by pasting a whole report; it is split into steps, expected and actual.
  await editor.getByLabel('Step 1', { exact: true }).fill('');
  await paste(
    editor,
    'Step 1',
    'Steps to reproduce:\n1. Look at the order total\n2. Open the web shop and add two items to the cart\n3. Apply gift card GC-TEST-25 at checkout\nExpected: The total reflects the gift card.\nActual: The total ignores the gift card and is 25.00 too high.',
  );
  await editor.getByTestId('repro-status').getByText(/split into 3 step/).waitFor();
  await expect(editor.getByLabel('Expected result').inputValue()).resolves.toBe('The total reflects the gift card.');
  await expect(editor.getByLabel('Actual result').inputValue()).resolves.toBe('The total ignores the gift card and is 25.00 too high.');

  // Reorder from the keyboard: "Look at the order total" belongs last (Alt+↓ twice), and with a button.
  await editor.getByLabel('Step 1', { exact: true }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(editor.getByLabel('Step 3', { exact: true }).inputValue()).resolves.toBe('Look at the order total');
  await expect(editor.getByLabel('Step 3', { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await editor.getByRole('button', { name: 'Move step 2 up' }).click();
  await editor.getByRole('button', { name: 'Move step 1 down' }).click();
  // Add and delete a step.
  await editor.getByRole('button', { name: 'Add step' }).click();
  await editor.getByLabel('Step 4', { exact: true }).fill('temporary');
  await editor.getByRole('button', { name: 'Delete step 4' }).click();
  await expect(editor.getByLabel('Step 4', { exact: true }).count()).resolves.toBe(0);

  await editor.getByLabel('Environment').fill('Chrome 131 on Windows 11');
  await editor.getByLabel('Build / version').fill('4.3.0-rc.1 (1203)');
  // The verdict may already read Clear before the build is typed; wait for the check of the final value.
  await editor.locator('[data-finding]').first().waitFor({ state: 'detached' });
  await editor.getByTestId('repro-verdict').getByText('Clear').waitFor();
  expect(await findings(editor)).toEqual([]);
  await editor.getByTestId('repro-form-state').getByText('Added to the form: 3 step(s), build 4.3.0-rc.1 (1203).').waitFor();
  await page.getByTestId('repro-captured').getByText('Value captured from the editor').waitFor();

  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/#\/browse\/RT-\d+$/);
  const key = /#\/browse\/(RT-\d+)$/.exec(page.url())![1]!;

  // Saved with the issue, in the emulator's data.
  const stored = session.ws.store.get().issues.find((i) => i.key === key)!;
  expect(stored.fields.summary).toBe('Order total ignores the gift card');
  expect((stored.fields as { custom?: Record<string, unknown> }).custom?.['customfield_10100']).toEqual({
    steps: ['Open the web shop and add two items to the cart', 'Apply gift card GC-TEST-25 at checkout', 'Look at the order total'],
    expected: 'The total reflects the gift card.',
    actual: 'The total ignores the gift card and is 25.00 too high.',
    environment: 'Chrome 131 on Windows 11',
    build: '4.3.0-rc.1 (1203)',
  });

  // The issue view shows the value as Jira does for a field whose view has no resource (manifest.yml): natively,
  // as the text of view.formatter.expression, with no Custom UI view frame.
  await page.getByTestId('field-formatted').getByText('3 steps · expected: The total reflects the gift card. · actual: The total ignores the gift card and is 25.00 too high. · build 4.3.0-rc.1 (1203)', { exact: true }).waitFor();
  await expect(page.locator('iframe[title="Reproduction steps"]').count()).resolves.toBe(0);
  await page.close();
});

test('an existing bug without the field shows None natively, and Edit opens the empty editor', async () => {
  const stored = session.ws.store.get().issues.find((i) => i.key === 'RT-4')!;
  expect((stored.fields as { custom?: Record<string, unknown> }).custom?.['customfield_10100'] ?? null).toBeNull();
  const page = await openAs('rt-dev-elif', '#/browse/RT-4');
  // Natively rendered empty value (no Custom UI view, so no read-only check from the description); Edit opens the
  // empty editor, whose check starts with the writing.
  await page.getByTestId('field-formatted').getByText('None', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Edit Reproduction steps' }).click();
  const editor = page.frameLocator('iframe[title="Reproduction steps"]');
  await editor.getByText('Start writing to see the check.').waitFor();
  await expect(editor.getByLabel('Step 1', { exact: true }).inputValue()).resolves.toBe('');
  await page.close();
});

test('a developer refines the steps inline on the issue view and saves them', async () => {
  const issue = session.ws.store.get().issues.find((i) => i.key.startsWith('RT-') && (i.fields as { custom?: Record<string, unknown> }).custom?.['customfield_10100'])!;
  const before = (issue.fields as { custom: Record<string, { steps: string[]; actual: string }> }).custom['customfield_10100']!;
  const page = await openAs('rt-dev-elif', `#/browse/${issue.key}`);
  const frame = () => page.frameLocator('iframe[title="Reproduction steps"]');
  await page.getByTestId('field-formatted').getByText(`${before.steps.length} step`).waitFor();

  await page.getByRole('button', { name: 'Edit Reproduction steps' }).click();
  await expect(frame().getByLabel('Step 1', { exact: true }).inputValue()).resolves.toBe(before.steps[0]);
  await frame().getByLabel('Actual result').fill('The total is 10.00 too high (seen twice).');
  await frame().getByTestId('repro-verdict').getByText('Clear').waitFor();
  await frame().getByRole('button', { name: 'Save' }).click();

  await page.getByTestId('field-formatted').getByText('actual: The total is 10.00 too high (seen twice).').waitFor();
  const after = session.ws.store.get().issues.find((i) => i.key === issue.key)!;
  expect((after.fields as { custom: Record<string, unknown> }).custom['customfield_10100']).toEqual({ ...before, actual: 'The total is 10.00 too high (seen twice).' });
  await page.close();
});

/** The editor in the create dialog, with nothing typed yet. */
async function createEditor() {
  const page = await openAs('rt-l2-amara', '#/create');
  const editor = page.frameLocator('iframe[title="Reproduction steps"]');
  await editor.getByLabel('Step 1', { exact: true }).waitFor();
  return { page, editor };
}
const stepValues = (frame: FrameLocator) => frame.locator('input[id^="repro-step-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test('a one-line numbered list pasted into a step is split into its steps, its closing failure item into Actual', async () => {
  const { page, editor } = await createEditor();
  await paste(editor, 'Step 1', '1) open cart 2) add item 3) click checkout 4) page shows 500 error');
  await editor.getByTestId('repro-status').getByText(/split into 3 step/).waitFor();
  await expect(stepValues(editor)).resolves.toEqual(['open cart', 'add item', 'click checkout']);
  await expect(editor.getByLabel('Actual result').inputValue()).resolves.toBe('page shows 500 error');
  await page.close();
});

test('a paste lists the sentences it put in no box, for the writer to place', async () => {
  const { page, editor } = await createEditor();
  await paste(editor, 'Step 1', 'Customers in Austria get the wrong VAT on invoices.\nSteps:\n1. Open invoice INV-2231\n2. Click Download PDF\nExpected: VAT 20%\nActual: VAT 19%');
  await editor.getByTestId('repro-status').getByText(/split into 2 step/).waitFor();
  await expect(editor.getByTestId('repro-unplaced').locator('li').allTextContents()).resolves.toEqual(['Customers in Austria get the wrong VAT on invoices.']);
  await page.close();
});

test('a paste that cannot be split is kept as typed with an error, and the error goes with the next split', async () => {
  const { page, editor } = await createEditor();
  const failSplit = async (route: import('playwright-core').Route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as { call?: { functionKey?: string } };
    if (body.call?.functionKey !== 'repro/split') return route.continue();
    return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Function repro-field-fn timed out' }) });
  };
  await page.route('**/__app/invoke', failSplit);
  await editor.getByLabel('Step 1', { exact: true }).fill('Log in as a guest');
  await paste(editor, 'Step 1', 'Open the cart\nClick Pay\nExpected: paid');
  await editor.getByTestId('repro-status').getByText('Pasted text kept as 3 step(s), not split.').waitFor();
  await expect(stepValues(editor)).resolves.toEqual(['Log in as a guest', 'Open the cart', 'Click Pay', 'Expected: paid']);
  const alert = editor.getByRole('alert');
  await expect(alert.textContent()).resolves.toMatch(/could not be split into steps: .*timed out.*kept as it is, one step per line/);

  await page.unroute('**/__app/invoke', failSplit);
  await paste(editor, 'Step 4', 'Expected: The order is paid.\nActual: Error 500.');
  await editor.getByTestId('repro-status').getByText(/split into 0 step/).waitFor();
  await expect(editor.getByLabel('Actual result').inputValue()).resolves.toBe('Error 500.');
  await expect(alert.count()).resolves.toBe(0);
  await page.close();
});

test("Create refuses a filled field without steps, expected and actual with the manifest's message", async () => {
  const { page, editor } = await createEditor();
  const before = session.ws.store.get().issues.length;
  const dialog = page.getByRole('dialog', { name: 'Create bug' });
  await dialog.getByLabel('Summary').fill('VAT is wrong at checkout');
  await editor.getByLabel('Expected result').fill('VAT 20%');
  await editor.getByTestId('repro-form-state').getByText('Jira will refuse these steps on Create until they have at least one step and the actual result (or leave the field empty).').waitFor();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText('Reproduction steps: Reproduction steps need at least one step, the expected result and the actual result: add the missing ones or leave the field empty.').waitFor();
  expect(session.ws.store.get().issues.length).toBe(before);
  await page.close();
});

test("the editor counts the value against Jira's 32,768-character limit and warns before and over it", async () => {
  const { page, editor } = await createEditor();
  const size = editor.getByTestId('repro-size');
  await editor.getByLabel('Step 1', { exact: true }).fill('Open the cart');
  await size.getByText(/^\d+ of 32,768 characters$/).waitFor();
  const long = (n: number) => `Click item ${n} `.padEnd(2_000, 'x');
  for (let i = 0; i < 17; i++) {
    await editor.getByLabel(`Step ${i + 1}`, { exact: true }).fill(long(i));
    if (i === 14) await size.getByText(/^3\d,\d{3} of 32,768 characters: close to the limit; shorten the steps or attach a log\.$/).waitFor();
    if (i < 16) await editor.getByRole('button', { name: 'Add step' }).click();
  }
  // Not an alert: the size is announced once per change of level by the editor's own status (see repro-field-editing).
  await size.getByText(/^3\d,\d{3} of 32,768 characters: too long for Jira to save; shorten the steps or attach a log\.$/).waitFor();
  await page.close();
});

test("a paste into an editor whose Expected and Actual are filled adds its own after them instead of dropping them", async () => {
  const { page, editor } = await createEditor();
  await editor.getByLabel('Expected result').fill('VAT 20%');
  await editor.getByLabel('Actual result').fill('VAT 0%');
  await paste(editor, 'Step 1', '1. Open the cart\n2. Click Pay\nExpected: The receipt shows the VAT line.\nActual: The receipt has no VAT line.');
  await editor.getByTestId('repro-status').getByText('Pasted text split into 2 step(s). Added after the text already in: Expected result, Actual result.').waitFor();
  await expect(editor.getByLabel('Expected result').inputValue()).resolves.toBe('VAT 20%\nThe receipt shows the VAT line.');
  await expect(editor.getByLabel('Actual result').inputValue()).resolves.toBe('VAT 0%\nThe receipt has no VAT line.');
  await expect(stepValues(editor)).resolves.toEqual(['Open the cart', 'Click Pay']);
  await page.close();
});
