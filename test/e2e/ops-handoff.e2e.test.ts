/**
 * The ops outcome loop in the local workspace: the ops user (who cannot see RT) opens the app, finds the pending
 * hand-off of 4.3.0 on the Ops hand-offs page, records "deployed" in the hand-off panel, and the Delivery metrics
 * page shows the deployment; ops rolls back 4.1.0 and the RC page shows the train reopened with the ops note.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { opsDeliverySeed, opsHandoffConfigSeed, pendingHandoffSeed, rcPromotionConfigSeed } from '../../local/seed';
import { browserSession } from './support/session';

const session = browserSession({ seedExtensions: [rcPromotionConfigSeed, opsDeliverySeed, opsHandoffConfigSeed, pendingHandoffSeed] });
const OPS = 'rt-ops-kwame';
const RTE = 'rt-rte-chloe';

const issueBySummary = (summary: string) => session.ws.store.get().issues.find((i) => i.fields.summary === summary)!;
const reportsOf = (key: string) => (session.ws.store.get().issues.find((i) => i.key === key)!.properties['release-train-deployment'] as { reports: Array<{ outcome: string; note: string }> } | undefined)?.reports ?? [];

async function panel(page: Page, key: string): Promise<FrameLocator> {
  await page.getByTestId('issue-status').waitFor({ timeout: 30_000 });
  await expect(page.locator('.breadcrumbs').first().textContent()).resolves.toContain(key);
  const frame = page.frameLocator('iframe[title="Release hand-off"]');
  await frame.getByTestId('ops-handoff').waitFor({ timeout: 30_000 });
  return frame;
}

test('the ops user opens the app in OPS, finds the pending hand-off, records deployed; the metrics page shows the deployment', async () => {
  const handoff = issueBySummary('Deploy 4.3.0 to production (from 4.3.0-rc.2)');
  const page = await session.openAs(OPS, '#/project/ops-handoffs');
  const app = page.frameLocator('iframe[title="Ops hand-offs"]');
  await app.getByRole('heading', { name: 'Ops hand-offs' }).waitFor({ timeout: 30_000 });
  // He lands in the project he can see, with no error about a project he cannot see.
  await expect(page.locator('.project-name').textContent()).resolves.toBe('Release Operations');
  const pending = app.getByRole('table', { name: 'Pending hand-offs' });
  const row = pending.locator(`[data-handoff="${handoff.key}"]`);
  await row.getByText('Awaiting deployment').waitFor();
  await expect(app.getByText(/listVersions|asked for/).count()).resolves.toBe(0);

  await row.getByRole('link', { name: handoff.key }).click();
  const frame = await panel(page, handoff.key);
  await frame.getByText('Nothing reported yet.').waitFor();
  // Rolled back is offered only once a deployment is recorded.
  await expect(frame.getByLabel('Rolled back').isDisabled()).resolves.toBe(true);
  await frame.getByLabel('Deployed').check();
  // The workspace's clock runs from the seed date (the browser's does not): say when it happened in that time.
  await frame.getByLabel('When it happened (UTC)').fill('2026-11-16T11:30');
  await frame.getByLabel('Environment').fill('production-eu');
  await frame.getByLabel(/^Note/).fill('Blue/green switch at 14:00, smoke tests green.');
  await frame.getByRole('button', { name: /^Record/ }).click();
  await frame.getByText(/^Recorded: deployed at/).waitFor();
  await frame.getByRole('list', { name: 'Deployment reports' }).getByText(/production-eu/).waitFor();
  expect(reportsOf(handoff.key)).toEqual([expect.objectContaining({ outcome: 'deployed', note: 'Blue/green switch at 14:00, smoke tests green.' })]);
  // The configured status mapping moved the hand-off to Done.
  await page.getByTestId('issue-status').getByText('Done').waitFor({ timeout: 15_000 }).catch(() => undefined);
  expect(session.ws.store.get().issues.find((i) => i.key === handoff.key)!.fields.statusId).toBe('10006');
  await page.close();

  const metrics = await session.openAs(RTE, '#/project/delivery-metrics');
  const m = metrics.frameLocator('iframe[title="Delivery metrics"]');
  await m.getByRole('heading', { name: 'Delivery metrics', level: 1 }).waitFor({ timeout: 30_000 });
  const deployments = m.getByRole('list', { name: 'Deployments' });
  await deployments.getByText(/^4\.3\.0 deployed .* to production-eu/).waitFor({ timeout: 30_000 });
  await deployments.getByText(/^4\.1\.0 deployed/).first().waitFor();
  await expect(m.getByTestId('frequency-value').textContent()).resolves.toMatch(/^4 deployments in the last 90 days/);
  // Per release: 4.1.0 needed 3 candidates and had one rollback; candidates are never rows of their own.
  const r410 = m.locator('[data-release="4.1.0"]');
  await r410.getByText('Deployed').waitFor();
  await expect(r410.locator('td').nth(1).textContent()).resolves.toBe('3');
  await expect(m.locator('[data-release^="4.3.0-rc"]').count()).resolves.toBe(0);
  await expect(m.getByTestId('cfr-value').textContent()).resolves.toMatch(/^75%: 3 of 4 deployments failed/); // rollback of 4.1.0 rc.2, escaped bugs of 4.1.0 and 4.2.0
  await metrics.close();
}, 180_000);

test('ops rolls back 4.1.0: the RC page shows the train reopened with the ops note and offers the next candidate', async () => {
  const handoff = issueBySummary('Deploy 4.1.0 to production (from 4.1.0-rc.3)');
  const page = await session.openAs(OPS, `#/browse/${handoff.key}`);
  const frame = await panel(page, handoff.key);
  await frame.getByLabel('Rolled back').check();
  await frame.getByLabel('When it happened (UTC)').fill('2026-11-16T11:40');
  await frame.getByLabel(/^Note/).fill('Payments time out under load; back on 4.1.0-rc.2 build.');
  await frame.getByRole('button', { name: /^Record/ }).click();
  await frame.getByText(/^Recorded: rolled back at/).waitFor();
  expect(reportsOf(handoff.key).map((r) => r.outcome)).toEqual(['deployed', 'rolled-back']);
  await page.close();

  const rc = await session.openAs(RTE, '#/project/rc-promotion');
  const app = rc.frameLocator('iframe[title="RC promotion"]');
  const reopened = app.getByTestId('train-reopened-4.1.0');
  await reopened.waitFor({ timeout: 60_000 });
  await expect(reopened.textContent()).resolves.toMatch(/Release 4\.1\.0 was rolled back.*Payments time out under load/);
  // Only the deployed candidate was rolled back; an earlier one never ran in production. The train is open, not released.
  await app.locator('[data-candidate="4.1.0-rc.3"]').getByText('Rolled back in production').waitFor();
  await app.locator('[data-candidate="4.1.0-rc.1"]').getByText('Superseded (train reopened)').waitFor();
  await app.getByRole('region', { name: 'Release 4.1.0' }).getByText('Rolled back: reopened').waitFor();
  await expect(app.getByRole('region', { name: 'Release 4.1.0' }).getByText('Released', { exact: true }).count()).resolves.toBe(0);
  await app.getByRole('button', { name: 'Cut 4.1.0-rc.4' }).click();
  await app.getByText(/promote 4\.1\.0-rc\.4 when it is ready/).waitFor({ timeout: 30_000 });
  expect(session.ws.store.get().versions.filter((v) => v.name === '4.1.0-rc.4')).toHaveLength(1);

  // The RTE promotes the new candidate: the train ships again with a new hand-off, and the page says so at once.
  await app.getByRole('button', { name: '4.1.0-rc.4' }).click();
  const detail = app.getByTestId('candidate-detail');
  await detail.getByRole('heading', { name: /^4\.1\.0-rc\.4/ }).waitFor();
  await detail.getByRole('button', { name: 'Promote to production release' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Promote', disabled: false }).click();
  await app.getByTestId('promotion-progress').getByText(/4\.1\.0-rc\.4 was promoted: 4\.1\.0 is released/).waitFor({ timeout: 60_000 });
  const again = session.ws.store.get().issues.filter((i) => (i.properties['release-train-handoff'] as { candidateName?: string } | undefined)?.candidateName === '4.1.0-rc.4');
  expect(again).toHaveLength(1);
  expect(session.ws.store.get().versions.find((v) => v.name === '4.1.0')).toMatchObject({ released: true });
  // Without a reload: no "rolled back" banner any more, the new hand-off awaits ops, the older candidates are superseded.
  await app.getByTestId('train-outcome-4.1.0').getByText(/Release 4\.1\.0 is waiting for ops to deploy it/).waitFor({ timeout: 15_000 });
  await expect(app.getByTestId('train-reopened-4.1.0').count()).resolves.toBe(0);
  await app.getByTestId('train-outcome-4.1.0').getByRole('link', { name: again[0]!.key }).waitFor();
  await app.locator('[data-candidate="4.1.0-rc.3"][data-standing="superseded"]').waitFor();
  await app.locator('[data-candidate="4.1.0-rc.4"]').getByText('Shipped as 4.1.0').waitFor();
  await rc.close();
}, 180_000);

test('someone outside the ops project cannot open the hand-off at all (Edit Issues refusals: test/resolvers/ops-handoff.test.ts)', async () => {
  const handoff = issueBySummary('Deploy 4.1.0 to production (from 4.1.0-rc.2)');
  // Amara (L2) is no member of OPS: Jira does not show her the issue at all.
  const page = await session.openAs('rt-l2-amara', `#/browse/${handoff.key}`);
  await page.getByText(/does not exist or you cannot see it/).waitFor({ timeout: 30_000 });
  await page.close();
}, 90_000);
