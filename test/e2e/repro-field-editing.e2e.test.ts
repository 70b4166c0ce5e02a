/**
 * The Reproduction steps editor loses nothing and says what it does, in Debian's Chromium: Create right after the
 * last edit keeps it; text past a box's 2,000 characters is listed, not dropped; a deleted step can be undone; the
 * create dialog says what Jira will refuse; screen readers hear one summary per change of the check, and a step
 * move is not talked over; the issue view's hints name the field's boxes.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { rcPromotionConfigSeed, type SeedExtension } from '../../local/seed';
import { REPRO_STEPS_FIELD_ID } from '../../local/seed/ids';
import { browserSession } from './support/session';

/** What a screen reader announces by itself: live regions (a Section message's icon, role="img" or "presentation", is not one). */
const LIVE_REGIONS = '[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"], [role="log"], [role="timer"], [role="marquee"]';

/** RT-4 (a bug checked from its description in the seed) gets a field value without build or environment. */
const fieldWithoutBuild: SeedExtension = (state) => {
  const issue = state.issues.find((i) => i.key === 'RT-4')!;
  issue.fields.custom[REPRO_STEPS_FIELD_ID] = { steps: ['Open the cart', 'Click Pay'], expected: 'The order is paid.', actual: 'Error 502 is shown.' };
};

const session = browserSession({ seedExtensions: [rcPromotionConfigSeed, fieldWithoutBuild] });

async function createEditor(): Promise<{ page: Page; editor: FrameLocator }> {
  const page = await session.openAs('rt-l2-amara', '#/create');
  const editor = page.frameLocator('iframe[title="Reproduction steps"]');
  await editor.getByLabel('Step 1', { exact: true }).waitFor();
  return { page, editor };
}
const stepValues = (frame: FrameLocator) => frame.locator('input[id^="repro-step-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const storedField = (key: string) => (session.ws.store.get().issues.find((i) => i.key === key)!.fields as { custom: Record<string, unknown> }).custom[REPRO_STEPS_FIELD_ID];

/** From now on, records every new text of every live region in the editor (what a screen reader would hear). */
const listenToLiveRegions = (frame: FrameLocator) =>
  frame.locator(':root').evaluate(() => {
    const w = window as unknown as { heard: string[] };
    w.heard = [];
    const regions = () => [...document.querySelectorAll('[role=status], [aria-live], [role=alert]')];
    const last = new Map<Node, string>(regions().map((n) => [n, (n.textContent ?? '').trim()]));
    new MutationObserver(() => {
      for (const n of regions()) {
        const t = (n.textContent ?? '').trim();
        if (t !== '' && (last.get(n) ?? '') !== t) w.heard.push(t);
        last.set(n, t);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
const heardSoFar = (frame: FrameLocator) => frame.locator(':root').evaluate(() => (window as unknown as { heard: string[] }).heard);

test('Create clicked right after the last edit saves that edit', async () => {
  const { page, editor } = await createEditor();
  const dialog = page.getByRole('dialog', { name: 'Create bug' });
  await dialog.getByLabel('Summary').fill('Pay fails with 502');
  await editor.getByLabel('Step 1', { exact: true }).fill('Open the cart');
  await editor.getByLabel('Expected result').fill('The order is paid');
  await editor.getByLabel('Actual result').fill('Error 502');
  await page.getByTestId('repro-captured').getByText('Value captured from the editor').waitFor();
  // No pause: the build is typed and Create pressed at once.
  await editor.getByLabel('Build / version').fill('4.3.0-rc.2');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/#\/browse\/RT-\d+$/);
  const key = /#\/browse\/(RT-\d+)$/.exec(page.url())![1]!;
  expect(storedField(key)).toEqual({ steps: ['Open the cart'], expected: 'The order is paid', actual: 'Error 502', build: '4.3.0-rc.2' });
  await page.close();
});

test('a trace longer than a box keeps what fits and lists the rest, to attach as a log; Ctrl+Z undoes the paste', async () => {
  const { page, editor } = await createEditor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const trace = `java.lang.IllegalStateException: Invoice not found\n${Array.from({ length: 60 }, (_, i) => `\tat com.acme.billing.InvoiceService.load(InvoiceService.java:${100 + i})`).join('\n')}`;
  expect(trace.length).toBe(4_010);
  await page.evaluate((t) => navigator.clipboard.writeText(t), trace);
  const actual = editor.getByLabel('Actual result');
  const caretAt = () => actual.evaluate((el) => (el as HTMLTextAreaElement).selectionStart);
  await actual.focus();
  await page.keyboard.type('Crash: ');
  await page.keyboard.press('Control+V');

  const pasted = `Crash: ${trace}`;
  await expect(actual.inputValue()).resolves.toBe(pasted.slice(0, 2_000));
  await expect(caretAt()).resolves.toBe(2_000);
  const notApplied = editor.getByTestId('repro-not-applied');
  await expect(notApplied.textContent()).resolves.toMatch(/Not applied \(no room left\).*attach the log/);
  await expect(notApplied.locator('li').allTextContents()).resolves.toEqual([`Actual result, past its 2,000 characters: ${pasted.slice(2_000)}`]);

  // The cut paste is an edit of the browser's own: Ctrl+Z takes it back (not the typing before it), Ctrl+Shift+Z redoes it.
  await page.keyboard.press('Control+Z');
  await expect(actual.inputValue()).resolves.toBe('Crash: ');
  await page.keyboard.press('Control+Shift+Z');
  await expect(actual.inputValue()).resolves.toBe(pasted.slice(0, 2_000));

  // Typing on in the full box adds to the list instead of vanishing, and the caret stays where the keys were typed.
  await page.keyboard.press('Control+Home');
  for (let n = 0; n < 5; n++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('!?');
  await expect(actual.inputValue()).resolves.toBe(pasted.slice(0, 2_000));
  await expect(caretAt()).resolves.toBe(5);
  await expect(notApplied.locator('li').allTextContents()).resolves.toEqual([`Actual result, past its 2,000 characters: ${pasted.slice(2_000)}`, 'Actual result, past its 2,000 characters: !?']);
  await notApplied.getByRole('button', { name: 'Hide this list' }).click();
  await expect(notApplied.count()).resolves.toBe(0);
  await page.close();
});

test('screen readers hear a short status of a cut paste and of a full box, not the list of what was cut', async () => {
  const { page, editor } = await createEditor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const trace = `java.lang.IllegalStateException: Invoice not found\n${Array.from({ length: 60 }, (_, i) => `\tat com.acme.billing.InvoiceService.load(InvoiceService.java:${100 + i})`).join('\n')}`;
  await page.evaluate((t) => navigator.clipboard.writeText(t), trace);
  await editor.getByLabel('Actual result').focus();
  await page.keyboard.type('Crash: ');
  await listenToLiveRegions(editor);
  await page.keyboard.press('Control+V');
  await editor.getByTestId('repro-not-applied').waitFor();
  await page.keyboard.type('!?;');
  await editor.getByTestId('repro-not-applied').locator('li').nth(1).filter({ hasText: /!\?;$/ }).waitFor();
  await page.waitForTimeout(300);
  const heard = (await heardSoFar(editor)).filter((h) => !h.startsWith('Score '));
  expect(heard).toEqual(['2,017 characters of Actual result not applied.', 'Actual result is full: what you type goes to the Not applied list.']);
  await expect(editor.getByTestId('repro-not-applied').locator(LIVE_REGIONS).count()).resolves.toBe(0);
  await page.close();
});

test('the size line is heard when its level changes (ok → near → over), not on every key', async () => {
  const { page, editor } = await createEditor();
  const full = (c: string) => c.repeat(2_000);
  for (const [n, label] of ['Preconditions', 'Expected result', 'Actual result', 'Environment', 'Build / version', 'Frequency'].entries()) await editor.getByLabel(label).fill(full(String(n)));
  await listenToLiveRegions(editor);
  // Steps of 2,000 characters: the value passes 90% of 32,768 at the 9th and the limit at the 11th.
  for (let i = 0; i < 11; i++) {
    if (i > 0) await editor.getByRole('button', { name: 'Add step' }).click();
    await editor.getByLabel(`Step ${i + 1}`, { exact: true }).fill(full('s'));
    await page.waitForTimeout(50);
  }
  await editor.getByTestId('repro-size').getByText(/too long for Jira to save/).waitFor();
  await editor.getByTestId('repro-form-state').getByText(/^Jira will refuse these steps on Create: they are too long \([\d,]+ of 32,768 characters\)/).waitFor();
  // Typing on while over the limit changes the count, not the level: nothing more is heard.
  await editor.getByLabel('Step 11', { exact: true }).press('Backspace');
  await editor.getByLabel('Step 11', { exact: true }).press('Backspace');
  await page.waitForTimeout(300);
  const sizes = (await heardSoFar(editor)).filter((h) => h.includes('of 32,768 characters'));
  expect(sizes).toHaveLength(2);
  expect(sizes[0]).toMatch(/^[\d,]+ of 32,768 characters: close to the limit/);
  expect(sizes[1]).toMatch(/^[\d,]+ of 32,768 characters: too long for Jira to save/);
  await expect(editor.getByTestId('repro-size').locator(LIVE_REGIONS).count()).resolves.toBe(0);
  await page.close();
});

test('a trace pasted into a step is split, and what passed the Actual result box is listed, not lost', async () => {
  const { page, editor } = await createEditor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const trace = `java.lang.IllegalStateException: Invoice not found\n${Array.from({ length: 60 }, (_, i) => `\tat com.acme.billing.InvoiceService.load(InvoiceService.java:${100 + i})`).join('\n')}`;
  await page.evaluate((t) => navigator.clipboard.writeText(t), trace);
  await editor.getByLabel('Step 1', { exact: true }).focus();
  await page.keyboard.press('Control+V');
  await editor.getByTestId('repro-status').getByText(/^Pasted text split into/).waitFor();
  const actual = await editor.getByLabel('Actual result').inputValue();
  expect(actual).toHaveLength(2_000);
  const items = await editor.getByTestId('repro-not-applied').locator('li').allTextContents();
  const rest = items.find((t) => t.startsWith('Actual result, past its 2,000 characters: '));
  expect(rest).toMatch(/InvoiceService\.java:159\)$/);
  const visible = (t: string) => t.replace(/\s/g, '');
  expect(visible(actual + rest!.slice('Actual result, past its 2,000 characters: '.length))).toBe(visible(trace));
  await page.close();
});

test('the create dialog says what Jira will refuse until it is filled', async () => {
  const { page, editor } = await createEditor();
  const formState = editor.getByTestId('repro-form-state');
  await editor.getByLabel('Build / version').fill('4.3.0');
  await formState.getByText('Jira will refuse these steps on Create until they have at least one step, the expected result and the actual result (or leave the field empty).').waitFor();
  await editor.getByLabel('Step 1', { exact: true }).fill('Open the cart');
  await editor.getByLabel('Actual result').fill('Error 502');
  await formState.getByText('Jira will refuse these steps on Create until they have the expected result (or leave the field empty).').waitFor();
  await editor.getByLabel('Expected result').fill('Paid');
  await formState.getByText('Added to the form: 1 step(s), build 4.3.0.').waitFor();
  await page.close();
});

test('✕ on a filled step offers Undo in its status, from the keyboard', async () => {
  const { page, editor } = await createEditor();
  await editor.getByLabel('Step 1', { exact: true }).fill('Open the cart');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Apply code SAVE10');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Click Pay');
  await editor.getByRole('button', { name: 'Delete step 2' }).focus();
  await page.keyboard.press('Enter');
  await editor.getByTestId('repro-status').getByText('Step 2 deleted.').waitFor();
  await expect(stepValues(editor)).resolves.toEqual(['Open the cart', 'Click Pay']);
  // Focus goes to Undo, so the keyboard need not Tab past every later step to reach it.
  await expect(editor.locator(':focus').textContent()).resolves.toBe('Undo');

  // Undo follows "Add step" in the tab order.
  await editor.getByRole('button', { name: 'Add step' }).focus();
  await page.keyboard.press('Tab');
  await expect(editor.locator(':focus').textContent()).resolves.toBe('Undo');
  await page.keyboard.press('Enter');
  await expect(stepValues(editor)).resolves.toEqual(['Open the cart', 'Apply code SAVE10', 'Click Pay']);
  await editor.getByTestId('repro-status').getByText('Step 2 restored.').waitFor();
  await expect(editor.getByLabel('Step 2', { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(editor.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);

  // An empty step deleted with Backspace needs no Undo.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await editor.getByTestId('repro-status').getByText('Step 3 deleted.').waitFor();
  await expect(editor.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);
  await page.close();
});

test('Undo takes back several deletions, last first, and is no longer offered after Add step', async () => {
  const { page, editor } = await createEditor();
  const steps = ['Open the cart', 'Apply code SAVE10', 'Choose express delivery', 'Click Pay'];
  await editor.getByLabel('Step 1', { exact: true }).fill(steps[0]!);
  for (const step of steps.slice(1)) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(step);
  }
  const undo = editor.getByRole('button', { name: 'Undo' });
  await editor.getByRole('button', { name: 'Delete step 2' }).click();
  await editor.getByRole('button', { name: 'Delete step 2' }).click();
  await expect(stepValues(editor)).resolves.toEqual(['Open the cart', 'Click Pay']);
  await undo.click();
  await expect(stepValues(editor)).resolves.toEqual(['Open the cart', 'Choose express delivery', 'Click Pay']);
  await undo.click();
  await expect(stepValues(editor)).resolves.toEqual(steps);
  await expect(undo.count()).resolves.toBe(0);

  await editor.getByRole('button', { name: 'Delete step 4' }).click();
  await expect(undo.count()).resolves.toBe(1);
  await editor.getByRole('button', { name: 'Add step' }).click();
  await expect(undo.count()).resolves.toBe(0);
  await page.close();
});

test('screen readers hear one check summary per change of verdict or findings, and a step move is not talked over', async () => {
  const { page, editor } = await createEditor();
  await editor.getByLabel('Step 1', { exact: true }).fill('Open the cart');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Click Pay');
  await editor.getByLabel('Expected result').fill('The order is paid');
  const summary = editor.getByTestId('repro-check-summary');
  await editor.locator('[data-finding="MISSING_ACTUAL"]').waitFor();
  await summary.filter({ hasText: /^Score \d+, (needs work|missing), \d+ problems?(:|, first:) / }).waitFor({ state: 'attached' });
  await expect(summary.getAttribute('aria-live')).resolves.toBe('polite');

  // Record every change of every live region from here on, and the check's verdict and findings after each pause.
  await listenToLiveRegions(editor);
  const checked = () =>
    editor.getByTestId('repro-check').evaluate((el) => `${el.querySelector('[data-testid=repro-verdict]')!.textContent}:${[...el.querySelectorAll('[data-finding]')].map((f) => f.getAttribute('data-finding')).join(',')}`);
  const keys = [await checked()];
  await editor.getByLabel('Step 1', { exact: true }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await editor.getByTestId('repro-status').getByText('Step 1 moved to position 2.').waitFor();
  await editor.getByLabel('Actual result').click();
  for (const word of ['The ', 'page ', 'is ', 'blank']) {
    await page.keyboard.type(word, { delay: 20 });
    await page.waitForTimeout(600);
    await editor.locator('[data-testid=repro-check][aria-busy=false]').waitFor();
    keys.push(await checked());
  }
  await editor.locator('[data-finding="MISSING_ACTUAL"]').waitFor({ state: 'detached' });

  const heard = await editor.locator(':root').evaluate(() => (window as unknown as { heard: string[] }).heard);
  // The move once, then one summary per change of verdict or findings (the actual result is no longer missing),
  // none for re-checks that found the same.
  const changes = keys.filter((k, i) => i > 0 && k !== keys[i - 1]).length;
  expect(changes).toBeGreaterThan(0);
  expect(heard[0]).toBe('Step 1 moved to position 2.');
  expect(heard.slice(1)).toHaveLength(changes);
  for (const h of heard.slice(1)) expect(h).toMatch(/^Score \d+, (clear|needs work|missing), (no problems$|1 problem: |\d+ problems, first: )/);
  await expect(editor.getByTestId('repro-status').textContent()).resolves.toBe('Step 1 moved to position 2.');
  await page.close();
});

/** Waits until the live regions have said `text` `times` times (a repeat is cleared first and put back a moment later). */
async function heardTimes(frame: FrameLocator, text: string, times: number): Promise<number> {
  let count = 0;
  for (let waited = 0; waited < 3_000; waited += 100) {
    count = (await heardSoFar(frame)).filter((h) => h === text).length;
    if (count >= times) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return count;
}

test('a change the summary or the status would word the same is still heard: the first problem, a repeated deletion', async () => {
  const { page, editor } = await createEditor();
  await editor.getByLabel('Step 1', { exact: true }).fill('Open the cart');
  for (const step of ['Apply code SAVE10', 'Choose express delivery', 'Click Pay']) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(step);
  }
  await editor.getByLabel('Expected result').fill('The order is paid.');
  await editor.locator('[data-finding="MISSING_ACTUAL"]').waitFor();
  await editor.locator('[data-testid=repro-check][aria-busy=false]').waitFor();
  await listenToLiveRegions(editor);

  // The text moved from Expected to Actual: other findings, the same count and score.
  await editor.getByLabel('Expected result').fill('');
  await editor.getByLabel('Actual result').fill('The order is paid.');
  await editor.locator('[data-finding="MISSING_EXPECTED"]').waitFor();
  await editor.locator('[data-testid=repro-check][aria-busy=false]').waitFor();
  await page.waitForTimeout(400);
  const summaries = (await heardSoFar(editor)).filter((h) => h.startsWith('Score '));
  expect(summaries.at(-1)).toMatch(/, first: The expected result is missing\.$/);

  await editor.getByRole('button', { name: 'Delete step 2' }).click();
  await editor.getByTestId('repro-status').getByText('Step 2 deleted.').waitFor();
  await editor.getByRole('button', { name: 'Delete step 2' }).click();
  await expect(heardTimes(editor, 'Step 2 deleted.', 2)).resolves.toBe(2);
  await expect(stepValues(editor)).resolves.toEqual(['Open the cart', 'Click Pay']);
  await page.close();
});

// The issue view renders the field natively (its formatter text; manifest.yml has no Custom UI view), so the hints
// are the editor's, one Edit away.
test("the editor's hints on the issue view name the field's boxes", async () => {
  const page = await session.openAs('rt-dev-elif', '#/browse/RT-4');
  await page.getByTestId('field-formatted').getByText(/step/).waitFor();
  await page.getByRole('button', { name: 'Edit Reproduction steps' }).click();
  const view = page.frameLocator('iframe[title="Reproduction steps"]');
  await expect(view.locator('[data-finding="NO_BUILD"]').textContent()).resolves.toMatch(/No build or version is given\.Fill the Build \/ version box: the app version or build number/);
  await expect(view.locator('[data-finding="NO_ENVIRONMENT"]').textContent()).resolves.toMatch(/Fill the Environment box/);
  await expect(view.getByTestId('repro-check').textContent()).resolves.not.toMatch(/Add "(Build|Environment):/);
  await page.close();
});
