/**
 * The RC promotion page in the local workspace: the RTE sees rc.1 blocked (with its reasons) and rc.2 ready,
 * promotes rc.2 through the confirmation, and the emulator shows the version released and the ops hand-off;
 * a QA user gets no promote button and the resolver refuses them.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { rcPromotionConfigSeed, seedIds } from '../../local/seed';
import { browserSession } from './support/session';

const session = browserSession({ seedExtensions: [rcPromotionConfigSeed] });

async function openAs(accountId: string): Promise<{ page: Page; app: FrameLocator }> {
  const page = await session.openAs(accountId, '#/project/rc-promotion');
  const app = page.frameLocator('iframe[title="RC promotion"]');
  await app.getByRole('heading', { name: 'RC promotion' }).waitFor({ timeout: 30_000 });
  return { page, app };
}

const rc2 = () => session.ws.store.get().versions.find((v) => v.id === seedIds.VERSION.RC2)!;

test('a QA user sees the gates but cannot promote', async () => {
  const { page, app } = await openAs('rt-qa-hiro');
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText('Ready').waitFor();
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await app.getByText(/Only members of the RTE project role in RT can promote/).waitFor();
  await expect(app.getByRole('button', { name: 'Promote to production release' }).count()).resolves.toBe(0);
  await page.close();
}, 90_000);

test('the RTE sees rc.1 blocked with reasons and rc.2 ready, promotes rc.2 and it is released with an ops hand-off', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  await app.locator('[data-candidate="4.3.0-rc.1"]').getByText(/Blocked: \d of 5 gates not passed/).waitFor();
  await app.locator('[data-candidate="4.3.0-rc.2"]').getByText('Ready').waitFor();

  // rc.1's reasons, with the failing issues as links.
  await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.1/ }).waitFor();
  const notDone = detail.locator('[data-gate="issues-done"]');
  await expect(notDone.getAttribute('data-passed')).resolves.toBe('false');
  await expect(notDone.getByRole('link').count()).resolves.toBeGreaterThan(0);
  await detail.locator('[data-gate="no-open-regression-bugs"][data-passed="false"]').waitFor();

  // Promote rc.2 through the confirmation, which lists every step.
  await app.getByRole('button', { name: '4.3.0-rc.2' }).click();
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.2/ }).waitFor();
  await detail.getByRole('button', { name: 'Promote to production release' }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByText('Release the version').waitFor();
  await dialog.getByText('Create the hand-off issue for ops').waitFor();
  expect(rc2().released).toBe(false);
  await dialog.getByRole('button', { name: 'Promote' }).click();

  await app.getByTestId('promotion-progress').getByText(/4\.3\.0-rc\.2 was promoted/).waitFor({ timeout: 30_000 });
  expect(rc2().released).toBe(true);
  const handoffs = session.ws.store.get().issues.filter((i) => i.projectId === seedIds.PROJECT.OPS && i.fields.labels.includes(`rt-promotion-rt-${seedIds.VERSION.RC2}`));
  expect(handoffs).toHaveLength(1);
  await app.getByTestId('promotion-progress').getByRole('link', { name: handoffs[0]!.key }).waitFor();
  await page.close();
}, 90_000);

test('failing-gate evidence is a compact row of issue chips: count, summaries, first 8, "Show all N" by keyboard, one click to the issue', async () => {
  const { page, app } = await openAs('rt-rte-chloe');
  await app.getByRole('button', { name: '4.3.0-rc.1' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /4\.3\.0-rc\.1/ }).waitFor();
  const notDone = detail.locator('[data-gate="issues-done"]');
  await notDone.getByRole('link').first().waitFor();

  // The issues of rc.1 that are not done in Jira: the gate's count and its chips.
  const issues = session.ws.store.get().issues;
  const expected = issues.filter((i) => i.fields.fixVersionIds.includes(seedIds.VERSION.RC1) && i.fields.statusId !== seedIds.STATUS.DONE);
  expect(expected.length).toBeGreaterThan(8);
  await notDone.getByText(`${expected.length} issues`, { exact: true }).waitFor();
  const chips = notDone.getByRole('link');
  await expect(chips.count()).resolves.toBe(8);

  // Each chip: the key, a short summary, the whole summary on hover.
  const first = chips.first();
  const key = (await first.locator('strong').textContent())!;
  const issue = issues.find((i) => i.key === key)!;
  expect(expected.map((i) => i.key)).toContain(key);
  await expect(first.getAttribute('title')).resolves.toBe(`${key}: ${issue.fields.summary}`);
  await expect(first.textContent()).resolves.toContain(issue.fields.summary.slice(0, 20));

  // The rest behind a real button, operated from the keyboard.
  const more = notDone.getByRole('button', { name: `Show all ${expected.length}` });
  await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
  await more.focus();
  await page.keyboard.press('Enter');
  await chips.nth(expected.length - 1).waitFor();
  await expect(chips.count()).resolves.toBe(expected.length);
  await expect(notDone.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).resolves.toBe('true');
  expect((await chips.locator('strong').allTextContents()).sort()).toEqual(expected.map((i) => i.key).sort());

  // One click opens the issue (the bridge's router navigates the host).
  await chips.first().click();
  await page.waitForURL(new RegExp(`#/browse/${key}$`));
  await page.close();
}, 90_000);
