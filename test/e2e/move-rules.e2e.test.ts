/**
 * Refusals in the local workspace, as the people of the loop meet them (issue 14): the transition buttons run the
 * role rule (a Jira expression evaluated with the ACTING demo user) and the Done gate, and the banner's title says
 * what was refused.
 * - Amara (L2) attempting the RTE's move: Triage → In Progress.
 * - Elif (Dev) attempting RTE review → QA.
 * - Hiro (QA) attempting Done with a failed verdict of the bug's current candidate.
 */
import type { Page } from 'playwright-core';
import { browserSession } from './support/session';

const session = browserSession({ defaultTimeoutMs: 8000 });
const statusOf = (key: string) => {
  const issue = session.ws.store.get().issues.find((i) => i.key === key)!;
  return session.ws.store.get().statuses.find((s) => s.id === issue.fields.statusId)!.name;
};
const transition = (page: Page, name: string) => page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name, exact: true }).click();
const refusal = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title });

test("L2 attempting the RTE's move is refused, naming the role needed and who holds it", async () => {
  const page = await session.openAs('rt-l2-amara', '#/browse/RT-25');
  await page.getByTestId('issue-status').getByText(/triage/i).waitFor();
  await transition(page, 'In Progress');
  const banner = refusal(page, "Move to 'In Progress' refused");
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/is for the project role 'RTE' \(Chloé Martin, Dmitri Volkov\)/);
  expect(statusOf('RT-25')).toBe('Triage');
  await page.close();
}, 30000);

test('a developer attempting RTE review → QA is refused', async () => {
  const page = await session.openAs('rt-dev-elif', '#/browse/RT-37');
  await page.getByTestId('issue-status').getByText(/rte review/i).waitFor();
  await transition(page, 'In QA');
  const banner = refusal(page, "Move to 'In QA' refused");
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/Passing a reviewed fix from RTE review to QA .* is for the project role 'RTE'/);
  expect(statusOf('RT-37')).toBe('RTE Review');
  await page.close();
}, 30000);

test('QA attempting Done with a failed verdict is refused with the failed checks and the QA panel', async () => {
  const at = '2026-11-16T10:00:00.000Z';
  const record = {
    schemaVersion: 1,
    cycles: [{ rc: '4.3.0-rc.1', startedAt: at, checks: [
      { id: 'c1', area: 'Checkout', title: 'Checkout total is right', result: 'failed', updatedAt: at, updatedBy: 'rt-qa-hiro' },
      { id: 'c2', area: 'Checkout', title: 'Coupon field', result: 'passed', updatedAt: at, updatedBy: 'rt-qa-hiro' },
    ] }],
    foundBugs: [],
    revision: 1,
  };
  const res = await fetch(`${session.ws.url}/rest/api/3/issue/RT-63/properties/release-train-regression`, { method: 'PUT', headers: { 'content-type': 'application/json', ...session.ws.apiHeaders('rt-qa-hiro') }, body: JSON.stringify(record) });
  expect(res.status).toBeLessThan(300);
  const page = await session.openAs('rt-qa-hiro', '#/browse/RT-63');
  await page.getByTestId('issue-status').getByText(/in qa/i).waitFor();
  await transition(page, 'Done');
  const banner = refusal(page, "Move to 'Done' refused");
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/1 failed \('Checkout total is right'\).*QA regression panel/);
  expect(statusOf('RT-63')).toBe('In QA');
  await page.close();
}, 30000);

test('an empty Reproduction steps field checked through the description: the refusal names the field and links its editor', async () => {
  // RT-122 (Open) has no Reproduction steps and a description that says nothing ("see title").
  const page = await session.openAs('rt-l2-amara', '#/browse/RT-122');
  await page.getByTestId('issue-status').getByText(/open/i).waitFor();
  await transition(page, 'Triage');
  const banner = refusal(page, "Move to 'Triage' refused");
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/Fill in the field 'Reproduction steps' \(it is empty, so the description was checked/);
  await banner.getByRole('button', { name: 'Go to the field Reproduction steps' }).click();
  await page.frameLocator('iframe[title="Reproduction steps"]').getByLabel('Step 1', { exact: true }).waitFor();
  expect(statusOf('RT-122')).toBe('Open');
  await page.close();
}, 30000);

test('very short, vague steps do not pass the Triage check, whatever the other parts score', async () => {
  const vague = { steps: ['Open app', 'Click'], expected: 'The order total includes the coupon.', actual: 'The order total ignores the coupon.', environment: 'Chrome 131 on Windows 11', build: '4.3.0-rc.1' };
  const put = await fetch(`${session.ws.url}/rest/api/3/issue/RT-121`, { method: 'PUT', headers: { 'content-type': 'application/json', ...session.ws.apiHeaders('rt-l2-amara') }, body: JSON.stringify({ fields: { customfield_10100: vague } }) });
  expect(put.status).toBe(204);
  const page = await session.openAs('rt-l2-amara', '#/browse/RT-121');
  await page.getByTestId('issue-status').getByText(/open/i).waitFor();
  await transition(page, 'Triage');
  const banner = refusal(page, "Move to 'Triage' refused: the steps to reproduce are too vague to follow");
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/Edit the field 'Reproduction steps'/);
  expect(statusOf('RT-121')).toBe('Open');
  await page.close();
}, 30000);
