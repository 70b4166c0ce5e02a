/**
 * The validators in the local workspace, as a person meets them: transition buttons run the configured validators
 * exactly as Jira would and a failure shows the message in Jira's error banner (demo configuration from the seed).
 * - RT-122 (Open, no reproduction steps) cannot leave L2; the banner says what to add; once the description is
 *   fixed it can.
 * - RT-28 (In Progress, fix version 4.3.0-rc.1) cannot go straight to In QA; after RTE Review (and the RTE's review
 *   answers) it can.
 * - The workflow settings page mounts the configuration UI; saving stores the new configuration on the transition.
 */
import type { Page } from 'playwright-core';
import { browserSession } from './support/session';

const session = browserSession({ defaultTimeoutMs: 8000 });

const openAs = session.openAs;
const statusOf = (key: string) => {
  const issue = session.ws.store.get().issues.find((i) => i.key === key)!;
  return session.ws.store.get().statuses.find((s) => s.id === issue.fields.statusId)!.name;
};
async function rest(method: string, path: string, accountId: string, body?: unknown): Promise<number> {
  const res = await fetch(`${session.ws.url}${path}`, { method, headers: { 'content-type': 'application/json', ...session.ws.apiHeaders(accountId) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.status;
}
const transition = (page: Page, name: string) => page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name, exact: true }).click();

const clearDescription = {
  type: 'doc',
  version: 1,
  content: [
    'Steps to reproduce:',
    '1. Sign in on the iOS app as a customer with a saved card.',
    '2. Open the cart and tap Checkout.',
    '3. Tap Pay.',
    'Expected: the order confirmation screen opens.',
    'Actual: the app closes and the order is not placed.',
    'Environment: iOS 18.1, iPhone 15, app 4.3.0-rc.1, production.',
  ].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};

test('a bug with no reproduction steps cannot leave L2, the banner says what to add; once fixed it can', async () => {
  const page = await openAs('rt-l2-amara', '#/browse/RT-122');
  await page.getByTestId('issue-status').getByText(/open/i).waitFor();
  await transition(page, 'Triage');
  const banner = page.getByRole('alert').filter({ hasText: 'reproduction steps' });
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/Move to 'Triage' refused: reproduction steps are missing the steps to reproduce, the expected result and the actual result.*Fill in the field 'Reproduction steps'/);
  expect(statusOf('RT-122')).toBe('Open');

  expect(await rest('PUT', '/rest/api/3/issue/RT-122', 'rt-l2-amara', { fields: { description: clearDescription } })).toBe(204);
  await page.reload();
  await page.getByTestId('issue-status').getByText(/open/i).waitFor();
  await transition(page, 'Triage');
  await page.getByTestId('issue-status').getByText(/triage/i).waitFor();
  expect(statusOf('RT-122')).toBe('Triage');
  await page.close();
}, 30000);

test('a bug in Dev cannot go straight to QA; after RTE review it can', async () => {
  const page = await openAs('rt-rte-chloe', '#/browse/RT-28');
  await page.getByTestId('issue-status').getByText(/in progress/i).waitFor();
  await transition(page, 'In QA');
  const banner = page.getByRole('alert').filter({ hasText: 'This bug is in Dev' });
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toContain("Fixes go to RTE review before QA: move it to 'RTE Review' and the RTE will pass it to QA.");
  expect(statusOf('RT-28')).toBe('In Progress');

  await transition(page, 'RTE Review');
  await page.getByTestId('issue-status').getByText(/rte review/i).waitFor();
  // The RTE's review: documentation impact answered, reproduction steps confirmed (the demo configuration's fields).
  expect(await rest('PUT', '/rest/api/3/issue/RT-28', 'rt-rte-chloe', { fields: { customfield_10101: { value: 'No' }, customfield_10102: { value: 'Yes' } } })).toBe(204);
  await page.reload();
  await page.getByTestId('issue-status').getByText(/rte review/i).waitFor();
  await transition(page, 'In QA');
  await page.getByTestId('issue-status').getByText(/in qa/i).waitFor();
  expect(statusOf('RT-28')).toBe('In QA');
  await page.close();
}, 30000);

test('the workflow settings page mounts the configuration UI: loop picture, stage mapping, and Save stores the options', async () => {
  const page = await openAs('rt-rte-chloe', '#/settings/workflow');
  const card = page.locator('[data-transition-id="21"]');
  // Issue 17: one 'transition rules' validator per transition; its configuration chooses the rules.
  await card.getByRole('button', { name: 'Edit Release Train transition rules on Triage' }).click();
  const frame = page.frameLocator('[data-transition-id="21"] iframe[title="Release Train transition rules"]');
  const score = frame.getByLabel('Minimum score (0–100)');
  // The rules editor shows every chosen rule's form: a larger frame to load on a busy machine.
  await score.waitFor({ timeout: 20000 });
  await expect(score.inputValue()).resolves.toBe('60');
  // The loop picture: every legal move drawn (attached: SVG groups report no box of their own to playwright).
  await frame.locator('svg[role="img"] [data-move="DEV->RTE_REVIEW"]').waitFor({ state: 'attached' });
  await expect(frame.locator('svg[role="img"] [data-move]').count()).resolves.toBe(9);
  await frame.getByRole('row', { name: /In QA/ }).waitFor();
  await expect(frame.getByLabel('Stage of In QA').inputValue()).resolves.toBe('QA');

  await score.fill('101');
  await frame.getByText(/minimumScore/).first().waitFor();
  await score.fill('70');
  await frame.getByText(/Ready to save/).waitFor();
  await card.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Validators of “Triage” saved').waitFor();
  const triage = session.ws.store.get().workflows.find((w) => w.projectKeys.includes('RT'))!.transitions.find((t) => t.id === '21')!;
  const saved = triage.validators.find((v) => v.key === 'transition-rules-validator')!;
  expect(JSON.parse(saved.configuration)).toMatchObject({ version: 1, rules: { 'repro-steps-clear': { minimumScore: 70, field: { source: 'field', fieldId: 'customfield_10100' } }, 'follows-loop': {} } });
  await page.close();
}, 30000);
