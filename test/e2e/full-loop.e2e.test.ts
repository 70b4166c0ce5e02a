/**
 * Issue 14's "Done means": a NEWLY CREATED bug goes through the whole loop in the workspace, every move and field
 * edit made in the shell's UI by the person whose job it is (none of them holds the demo's override role
 * 'Administrators'; Chloé does, so the RTE here is Dmitri):
 *   Amara (L2) files it with clear steps and submits it → Dmitri (RTE) triages → Elif (Dev) confirms the steps and
 *   hands in the fix → Dmitri reviews (fix version 4.3.0-rc.2, documentation impact) and passes it to QA → Hiro (QA)
 *   regresses, one check fails, files a regression bug from the panel with his own steps, sends the fix back →
 *   Elif → Dmitri puts it in the next candidate (4.3.0-rc.3, created by REST as the RTE: the shell has no version
 *   admin page) → Hiro regresses rc.3 clean → Done.
 * And the refusals on the way: Amara attempting the RTE's move, Elif attempting RTE review → QA, Hiro attempting
 * Done with a failed verdict.
 */
import type { Page } from 'playwright-core';
import { REGRESSION_PROPERTY_KEY } from '../../src/contracts/regression';
import { parseStoredRecord } from '../../src/domain/regression';
import { DOC_IMPACT_FIELD_ID, REPRO_CONFIRMED_FIELD_ID, REPRO_STEPS_FIELD_ID, STATUS } from '../../local/seed/ids';
import { browserSession } from './support/session';

const session = browserSession({ defaultTimeoutMs: 10000 });

const AMARA = 'rt-l2-amara';
const DMITRI = 'rt-rte-dmitri';
const ELIF = 'rt-dev-elif';
const HIRO = 'rt-qa-hiro';

const stored = (key: string) => session.ws.store.get().issues.find((i) => i.key === key)!;
const statusName = (key: string) => session.ws.store.get().statuses.find((s) => s.id === stored(key).fields.statusId)!.name;
const versionNames = (key: string) => stored(key).fields.fixVersionIds.map((id) => session.ws.store.get().versions.find((v) => v.id === id)!.name);
const regression = (key: string) => {
  const parsed = parseStoredRecord(stored(key).properties[REGRESSION_PROPERTY_KEY]);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.record;
};

const transitionButton = (page: Page, name: string) => page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name, exact: true });
/** Clicks the move and waits for the status lozenge to show the new status. */
async function move(page: Page, to: string, key: string) {
  await transitionButton(page, to).click();
  await page.getByTestId('issue-status').getByText(to, { exact: true }).waitFor();
  expect(statusName(key)).toBe(to);
}
/** Clicks the move and expects it refused: the banner's title and the status unchanged. */
async function refused(page: Page, to: string, key: string): Promise<string> {
  const before = statusName(key);
  await transitionButton(page, to).click();
  const banner = page.getByRole('alert').filter({ hasText: `Move to '${to}' refused` });
  await banner.waitFor();
  expect(statusName(key)).toBe(before);
  return (await banner.textContent()) ?? '';
}
const fields = (page: Page) => page.getByRole('region', { name: 'Fields' });
async function selectField(page: Page, name: string, fieldId: string, option: string) {
  await fields(page).getByRole('button', { name: `Edit ${name}` }).click();
  await fields(page).getByLabel(name, { exact: true }).selectOption({ label: option });
  await fields(page).getByRole('form', { name: `Edit ${name}` }).getByRole('button', { name: 'Save' }).click();
  await fields(page).getByTestId(`value-${fieldId}`).getByText(option).waitFor();
}
/** Fix versions set to exactly `name` (unticks the others), through the issue view's editor. */
async function setFixVersion(page: Page, name: string) {
  await fields(page).getByRole('button', { name: 'Edit Fix versions' }).click();
  const form = fields(page).getByRole('form', { name: 'Edit Fix versions' });
  for (const box of await form.getByRole('checkbox').all()) {
    const label = (await box.getAttribute('aria-label')) ?? (await box.evaluate((el) => el.closest('label')?.textContent ?? ''));
    if (label.trim() === name) await box.check();
    else if (await box.isChecked()) await box.uncheck();
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await fields(page).getByTestId('value-fixVersions').getByText(name, { exact: true }).waitFor();
}
const asUser = async (accountId: string, key: string) => {
  const page = await session.openAs(accountId, `#/browse/${key}`);
  await page.getByTestId('issue-status').waitFor();
  return page;
};
const qaPanel = (page: Page) => page.frameLocator('iframe[title="QA regression"]');
async function result(page: Page, title: string, verdict: 'Pass' | 'Fail') {
  const row = qaPanel(page).getByRole('listitem', { name: title });
  await row.getByRole('group', { name: `Result of ${title}` }).getByRole('button', { name: verdict }).click();
  await row.getByTestId('check-result').getByText(verdict === 'Pass' ? 'Passed' : 'Failed').waitFor();
  return row;
}

test('a new bug goes L2 → RTE → Dev → RTE → QA → (failed check, regression bug, next candidate) → Done, made by the right people', async () => {
  // 1. Amara (L2) files the bug in the create dialog, with clear steps in the Reproduction steps field.
  let page = await session.openAs(AMARA, '#/create');
  const dialog = page.getByRole('dialog', { name: 'Create bug' });
  await dialog.getByLabel('Summary').fill('Gift card is not applied to the order total');
  await dialog.getByLabel('Components').fill('Checkout');
  const editor = page.frameLocator('iframe[title="Reproduction steps"]');
  const steps = ['Open the web shop and add two items to the cart', 'Apply gift card GC-TEST-25 at checkout', 'Look at the order total'];
  for (const [i, step] of steps.entries()) {
    if (i > 0) await editor.getByRole('button', { name: 'Add step' }).click();
    await editor.getByLabel(`Step ${i + 1}`, { exact: true }).fill(step);
  }
  await editor.getByLabel('Expected result').fill('The total is 25.00 lower.');
  await editor.getByLabel('Actual result').fill('The total ignores the gift card.');
  await editor.getByLabel('Environment').fill('Chrome 131 on Windows 11');
  await editor.getByLabel('Build / version').fill('4.3.0-rc.1 (1203)');
  await editor.getByTestId('repro-verdict').getByText('Clear').waitFor();
  await page.getByTestId('repro-captured').getByText('Value captured from the editor').waitFor();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/#\/browse\/RT-\d+$/);
  const key = /#\/browse\/(RT-\d+)$/.exec(page.url())![1]!;
  expect(stored(key).fields.reporterId).toBe(AMARA);
  expect((stored(key).fields.custom[REPRO_STEPS_FIELD_ID] as { steps: string[] }).steps).toEqual(steps);
  await page.getByTestId('issue-status').getByText('Open', { exact: true }).waitFor();
  // L2 submits it to triage (the repro-steps check passes), then attempts the RTE's move: refused.
  await move(page, 'Triage', key);
  await expect(refused(page, 'In Progress', key)).resolves.toMatch(/is for the project role 'RTE'/);
  await page.close();

  // 2. Dmitri (RTE, no override role) triages: accepts it into Dev.
  page = await asUser(DMITRI, key);
  await move(page, 'In Progress', key);
  await page.close();

  // 3. Elif (Dev) fixes it, confirms the reproduction steps on the issue view and hands the fix in for review; her
  //    attempt to pass it on to QA herself is refused.
  page = await asUser(ELIF, key);
  await selectField(page, 'Repro steps confirmed', REPRO_CONFIRMED_FIELD_ID, 'Yes');
  await move(page, 'RTE Review', key);
  await expect(refused(page, 'In QA', key)).resolves.toMatch(/is for the project role 'RTE'/);
  await page.close();

  // 4. Dmitri reviews: fix version = the candidate, documentation impact answered, then passes it to QA.
  page = await asUser(DMITRI, key);
  await setFixVersion(page, '4.3.0-rc.2');
  await selectField(page, 'Documentation impact', DOC_IMPACT_FIELD_ID, 'No');
  await move(page, 'In QA', key);
  expect(versionNames(key)).toEqual(['4.3.0-rc.2']);
  await page.close();

  // 5. Hiro (QA) regresses rc.2 in the QA panel: one check fails; he files a regression bug with his own steps.
  page = await asUser(HIRO, key);
  let panel = qaPanel(page);
  await panel.getByRole('button', { name: 'Start regression for 4.3.0-rc.2' }).click();
  await panel.getByText('Checklist for 4.3.0-rc.2').waitFor();
  const checks = regression(key).cycles.find((c) => c.rc === '4.3.0-rc.2')!.checks;
  expect(checks.length).toBeGreaterThanOrEqual(1);
  const [failing, ...rest] = checks;
  for (const c of rest) await result(page, c.title, 'Pass');
  const failRow = qaPanel(page).getByRole('listitem', { name: failing!.title });
  // The note opens under the compact check row on demand.
  await failRow.getByRole('button', { name: `Note and history of ${failing!.title}` }).click();
  await failRow.getByLabel(`Note for ${failing!.title}`).fill('The total still ignores a second gift card');
  await result(page, failing!.title, 'Fail');
  await failRow.getByRole('button', { name: 'File regression bug' }).click();
  const report = panel.getByRole('dialog');
  await report.getByLabel('Steps to reproduce (one per line)').fill('Add two items to the cart\nApply gift cards GC-TEST-25 and GC-TEST-10\nLook at the order total');
  await report.getByLabel('Expected result').fill('The total is 35.00 lower.');
  await report.getByLabel('Environment').fill('Firefox 133 on macOS 15');
  await report.getByRole('button', { name: 'Create regression bug' }).click();
  const filed = panel.getByText(/Regression bug RT-\d+ was filed/);
  await filed.waitFor();
  const regressionKey = /RT-\d+/.exec((await filed.textContent()) ?? '')![0];
  const found = stored(regressionKey);
  expect(found.fields.reporterId).toBe(HIRO);
  expect(found.fields.custom[REPRO_STEPS_FIELD_ID]).toMatchObject({ steps: ['Add two items to the cart', 'Apply gift cards GC-TEST-25 and GC-TEST-10', 'Look at the order total'], expected: 'The total is 35.00 lower.', actual: 'The total still ignores a second gift card', build: '4.3.0-rc.2' });
  expect(session.ws.store.get().issueLinks.some((l) => l.inwardIssueId === stored(key).id && l.outwardIssueId === found.id)).toBe(true);
  // QA attempting Done with the failed verdict: refused, naming the failed check and the QA panel.
  await expect(refused(page, 'Done', key)).resolves.toMatch(new RegExp(`1 failed \\('${failing!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'\\).*QA regression panel`));
  // The fix goes back to Dev.
  await move(page, 'In Progress', key);
  await page.close();

  // 6. The fix comes back in the next candidate: Elif hands it in again; Dmitri creates rc.3 (REST: no version admin
  //    page in the shell) and puts the bug in it on the issue view, then passes it to QA.
  page = await asUser(ELIF, key);
  await move(page, 'RTE Review', key);
  await page.close();
  const rt = session.ws.store.get().projects.find((p) => p.key === 'RT')!;
  const created = await fetch(`${session.ws.url}/rest/api/3/version`, { method: 'POST', headers: { 'content-type': 'application/json', ...session.ws.apiHeaders(DMITRI) }, body: JSON.stringify({ projectId: Number(rt.id), name: '4.3.0-rc.3', description: 'Third release candidate of 4.3.0' }) });
  expect(created.status).toBe(201);
  page = await asUser(DMITRI, key);
  await setFixVersion(page, '4.3.0-rc.3');
  await move(page, 'In QA', key);
  expect(versionNames(key)).toEqual(['4.3.0-rc.3']);
  await page.close();

  // 7. Hiro regresses rc.3 (the rc.2 checks carried over as not run): all pass, and the bug closes.
  page = await asUser(HIRO, key);
  panel = qaPanel(page);
  await panel.getByRole('button', { name: 'Start regression for 4.3.0-rc.3' }).click();
  await panel.getByText('Checklist for 4.3.0-rc.3').waitFor();
  const rc3 = regression(key).cycles.find((c) => c.rc === '4.3.0-rc.3')!.checks;
  expect(rc3.map((c) => c.title)).toEqual(expect.arrayContaining(checks.map((c) => c.title)));
  for (const c of rc3) await result(page, c.title, 'Pass');
  await panel.getByTestId('regression-verdict').getByText('passed', { exact: true }).waitFor();
  await move(page, 'Done', key);
  expect(stored(key).fields.statusId).toBe(STATUS.DONE);
  await page.close();
}, 240000);

test("a refusal's field name is a link: it opens the Reproduction steps editor, or the Jira field's inline editor", async () => {
  // RT-122 (Open) with the expected result left as a prompt: L2's move to Triage is refused, naming the field.
  const vague = { steps: ['Open the cart with two items', 'Apply coupon SAVE10'], expected: 'N/A', actual: 'The total is 0.00.', environment: 'Chrome 131', build: '4.3.0-rc.1' };
  const put = await fetch(`${session.ws.url}/rest/api/3/issue/RT-122`, { method: 'PUT', headers: { 'content-type': 'application/json', ...session.ws.apiHeaders(AMARA) }, body: JSON.stringify({ fields: { [REPRO_STEPS_FIELD_ID]: vague } }) });
  expect(put.status).toBe(204);
  let page = await asUser(AMARA, 'RT-122');
  await transitionButton(page, 'Triage').click();
  const banner = page.getByRole('alert').filter({ hasText: "Move to 'Triage' refused" });
  await banner.getByRole('button', { name: 'Go to the field Reproduction steps' }).click();
  // The field's editor is open and the field has focus (keyboard users land on it).
  await page.frameLocator('iframe[title="Reproduction steps"]').getByLabel('Step 1', { exact: true }).waitFor();
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-field-id'))).resolves.toBe(REPRO_STEPS_FIELD_ID);
  await page.close();

  // A bug in RTE review without the documentation impact: Dmitri's move to QA is refused; the link opens that field.
  const bug = session.ws.store.get().issues.find((i) => i.fields.statusId === STATUS.RTE_REVIEW && i.fields.custom[DOC_IMPACT_FIELD_ID] == null && i.fields.fixVersionIds.length > 0)!;
  page = await asUser(DMITRI, bug.key);
  await transitionButton(page, 'In QA').click();
  const qa = page.getByRole('alert').filter({ hasText: 'In QA' });
  await qa.getByRole('button', { name: 'Go to the field Documentation impact' }).click();
  await expect(fields(page).getByLabel('Documentation impact', { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  expect(stored(bug.key).fields.statusId).toBe(STATUS.RTE_REVIEW);
  await page.close();
}, 60000);
