/**
 * Release Train → Stage mapping (a sub-page of the project page): the admin (Chloé) opens it from the project
 * sidebar, changes one status's stage with the keyboard, saves, reloads and finds it kept; a refused save keeps
 * what was chosen and says why; a developer (Elif) sees the mapping read-only with the reason.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { browserSession } from './support/session';

const session = browserSession({ defaultTimeoutMs: 10_000 });

const appOf = (page: Page): FrameLocator => page.frameLocator('iframe[title="Stage mapping"]');
const loaded = (app: FrameLocator) => app.getByRole('row', { name: /In QA/ }).waitFor({ timeout: 30_000 });

test('the admin opens Release Train → Stage mapping from the sidebar, changes a stage by keyboard, saves, and it is kept', async () => {
  const page = await session.openAs('rt-rte-chloe', '#/issues');
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Stage mapping' }).click();
  const app = appOf(page);
  await app.getByRole('heading', { name: 'Stage mapping — RT' }).waitFor({ timeout: 30_000 });
  await loaded(app);
  // The loop as a picture, with every legal move drawn (attached: SVG groups have no box of their own).
  await app.locator('svg[role="img"] [data-move="DEV->RTE_REVIEW"]').waitFor({ state: 'attached' });
  const open = app.getByLabel('Stage of Open');
  await expect(open.inputValue()).resolves.toBe('L2');

  // A refused save (QA would have no status) says what failed and keeps the choice.
  const inQa = app.getByLabel('Stage of In QA');
  await inQa.focus();
  await page.keyboard.press('ArrowUp'); // QA → RTE review
  await expect(inQa.inputValue()).resolves.toBe('RTE_REVIEW');
  const save = app.getByRole('button', { name: 'Save stage mapping' });
  await save.focus();
  await page.keyboard.press('Enter');
  await app.getByRole('alert').filter({ hasText: 'The stage mapping was not saved' }).getByText(/No status is mapped to QA/).waitFor();
  await expect(inQa.inputValue()).resolves.toBe('RTE_REVIEW');
  await inQa.focus();
  await page.keyboard.press('ArrowDown'); // back to QA

  // Open → RTE triage, by keyboard, then Save with Enter.
  await open.focus();
  await page.keyboard.press('ArrowDown');
  await expect(open.inputValue()).resolves.toBe('RTE_TRIAGE');
  await save.focus();
  await page.keyboard.press('Enter');
  const confirmation = app.getByRole('status').filter({ hasText: 'Stage mapping saved.' });
  await confirmation.waitFor();
  // Save is disabled once saved: focus moved to the confirmation rather than being lost.
  await expect(confirmation.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(app.getByRole('alert').count()).resolves.toBe(0);

  await page.reload();
  const again = appOf(page);
  await loaded(again);
  await expect(again.getByLabel('Stage of Open').inputValue()).resolves.toBe('RTE_TRIAGE');
  await expect(again.getByLabel('Stage of In QA').inputValue()).resolves.toBe('QA');
  await again.getByText(/^Saved \d{4}-\d{2}-\d{2}\./).waitFor();
  await page.close();
}, 90_000);

test('a developer sees the mapping read-only, with the reason', async () => {
  const page = await session.openAs('rt-dev-elif', '#/project/stage-mapping');
  const app = appOf(page);
  await loaded(app);
  await app.getByText('Read-only: only project admins (Administer Projects in RT) can change it.').waitFor();
  await expect(app.getByRole('combobox').count()).resolves.toBe(0);
  await expect(app.getByRole('button', { name: 'Save stage mapping' }).count()).resolves.toBe(0);
  await app.getByRole('row', { name: /In Progress/ }).getByText('Dev').waitFor();
  await page.close();
}, 90_000);
