/**
 * The sprint-planning page in the local workspace (Debian's Chromium): as the planner, plan a backlog bug into a
 * sprint by keyboard and another by drag and drop, undo, and see the emulator's Sprint field follow.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { browserSession } from './support/session';

const SPRINT_FIELD = 'customfield_10020';
const session = browserSession();

const sprintsOf = (key: string): number[] => (session.ws.store.get().issues.find((i) => i.key === key)?.fields.custom[SPRINT_FIELD] as number[] | undefined) ?? [];

async function openPage(): Promise<{ page: Page; app: FrameLocator }> {
  const page = await session.openAs('rt-planner-jonas', `#/project/sprint-planning`);
  const app = page.frameLocator('iframe[title="Bug sprint planning"]');
  await app.getByRole('heading', { name: /Ranked backlog/ }).waitFor({ timeout: 60_000 });
  return { page, app };
}

/** The key of the n-th bug of the ranked backlog as the page shows it. */
async function backlogKey(app: FrameLocator, n: number): Promise<string> {
  const key = await app.getByRole('list', { name: 'Ranked backlog' }).locator('[data-issue-key]').nth(n).getAttribute('data-issue-key');
  if (!key) throw new Error('no backlog row');
  return key;
}

test('plans a bug into a sprint with the keyboard, undoes it, and Jira follows', async () => {
  const { page, app } = await openPage();
  await app.getByText(/Needs \d+ more points per sprint/).waitFor();
  await app.locator('svg[role="img"]').first().waitFor();

  const key = await backlogKey(app, 0);
  expect(sprintsOf(key)).not.toContain(5);
  const box = app.getByRole('checkbox', { name: `Select ${key}` });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box.isChecked()).resolves.toBe(true);
  await app.getByLabel('Move selected to').selectOption({ label: 'RT Sprint 25' });
  await app.getByRole('button', { name: 'Move', exact: true }).press('Enter');
  await app.getByText('Moved 1 bug to RT Sprint 25.').waitFor();

  expect(sprintsOf(key)).toContain(5);
  await app.getByRole('region', { name: 'RT Sprint 25' }).locator(`[data-issue-key="${key}"]`).waitFor();

  await app.getByRole('button', { name: 'Undo last change' }).click();
  await app.getByText(/^Undid: Moved 1 bug to RT Sprint 25/).waitFor();
  expect(sprintsOf(key)).not.toContain(5);
  await page.close();
});

test('plans a bug by drag and drop', async () => {
  const { page, app } = await openPage();
  const key = await backlogKey(app, 1);
  // HTML5 drag and drop as the browser fires it: dragstart on the row, dragover and drop on the column, one DataTransfer.
  const frame = page.frames().find((f) => f.url().includes('/__app/frame'));
  if (!frame) throw new Error('app frame not found');
  const transfer = await frame.evaluateHandle(() => new DataTransfer());
  const column = app.getByRole('region', { name: 'RT Sprint 26' });
  await app.locator(`[data-issue-key="${key}"]`).dispatchEvent('dragstart', { dataTransfer: transfer });
  await column.dispatchEvent('dragover', { dataTransfer: transfer });
  await column.dispatchEvent('drop', { dataTransfer: transfer });
  await app.getByText('Moved 1 bug to RT Sprint 26.').waitFor();
  expect(sprintsOf(key)).toContain(6);
  await page.close();
});
