/**
 * The shell's issue view edits the fields the app's rules use, as Jira's issue view does (PUT /rest/api/3/issue/{key}
 * with the fields from editmeta), and shows a transition's screen before the move. Checked in the emulator's store.
 */
import type { Page } from 'playwright-core';
import type { SeedExtension } from '../../local/seed';
import { DOC_IMPACT_FIELD_ID, ISSUE_TYPE, REPRO_CONFIRMED_FIELD_ID, RT_TRANSITION, STATUS } from '../../local/seed/ids';
import { browserSession } from './support/session';

/** The RT workflow's move to QA shows a screen: Fix versions (required) and Documentation impact. */
const qaScreen: SeedExtension = (state) => {
  const t = state.workflows.find((w) => w.projectKeys.includes('RT'))!.transitions.find((x) => x.id === RT_TRANSITION.IN_QA)!;
  t.screen = { fields: [{ id: 'fixVersions', name: 'Fix versions', required: true }, { id: DOC_IMPACT_FIELD_ID, name: 'Documentation impact' }] };
};

const session = browserSession({ seedExtensions: [qaScreen] });

const issueIn = (statusId: string) => session.ws.store.get().issues.find((i) => i.key.startsWith('RT-') && i.fields.statusId === statusId && i.fields.fixVersionIds.length === 0 && i.fields.issueTypeId === ISSUE_TYPE.BUG)!;
const stored = (key: string) => session.ws.store.get().issues.find((i) => i.key === key)!;
const versionId = (name: string) => session.ws.store.get().versions.find((v) => v.name === name)!.id;
const details = (page: Page) => page.getByRole('region', { name: 'Fields' });

test('the RTE edits fix version, labels, Documentation impact and Repro steps confirmed on the issue view; all stored', async () => {
  const bug = issueIn(STATUS.RTE_REVIEW) ?? issueIn(STATUS.IN_PROGRESS);
  const page = await session.openAs('rt-rte-chloe', `#/browse/${bug.key}`);
  const fields = details(page);
  await fields.getByRole('button', { name: 'Edit Fix versions' }).waitFor();

  // Fix versions: keyboard only (Space ticks, Enter saves).
  await fields.getByRole('button', { name: 'Edit Fix versions' }).click();
  const rc1 = fields.getByRole('checkbox', { name: '4.3.0-rc.1' });
  // Focus is on the first choice; Tab walks the choices.
  await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('checkbox');
  for (let i = 0; i < 10 && !(await rc1.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(rc1.isChecked()).resolves.toBe(true);
  await fields.getByRole('form', { name: 'Edit Fix versions' }).getByRole('button', { name: 'Save' }).click();
  await fields.getByTestId('value-fixVersions').getByText('4.3.0-rc.1').waitFor();
  expect(stored(bug.key).fields.fixVersionIds).toEqual([versionId('4.3.0-rc.1')]);

  // Labels: words as typed, split on spaces.
  await fields.getByRole('button', { name: 'Edit Labels' }).click();
  await fields.getByLabel('Labels', { exact: true }).fill('docs-impact reviewed');
  await page.keyboard.press('Enter');
  await fields.getByTestId('value-labels').getByText('docs-impact reviewed').waitFor();
  expect(stored(bug.key).fields.labels).toEqual(['docs-impact', 'reviewed']);

  // The two select fields the RTE-review validator reads.
  for (const [name, id] of [
    ['Documentation impact', DOC_IMPACT_FIELD_ID],
    ['Repro steps confirmed', REPRO_CONFIRMED_FIELD_ID],
  ] as const) {
    await fields.getByRole('button', { name: `Edit ${name}` }).click();
    await fields.getByLabel(name, { exact: true }).selectOption({ label: 'Yes' });
    await fields.getByRole('form', { name: `Edit ${name}` }).getByRole('button', { name: 'Save' }).click();
    await fields.getByTestId(`value-${id}`).getByText('Yes').waitFor();
    expect((stored(bug.key).fields.custom[id] as { value: string }).value).toBe('Yes');
  }

  // A refused save keeps the input and shows Jira's message; Escape closes without saving.
  session.ws.emulator.failNext({ method: 'PUT', path: `/rest/api/3/issue/${bug.key}`, status: 403 });
  await fields.getByRole('button', { name: 'Edit Labels' }).click();
  await fields.getByLabel('Labels', { exact: true }).fill('docs-impact reviewed urgent');
  await page.keyboard.press('Enter');
  await fields.getByRole('alert').waitFor();
  await expect(fields.getByLabel('Labels', { exact: true }).inputValue()).resolves.toBe('docs-impact reviewed urgent');
  expect(stored(bug.key).fields.labels).toEqual(['docs-impact', 'reviewed']);
  await fields.getByLabel('Labels', { exact: true }).press('Escape');
  await fields.getByTestId('value-labels').getByText('docs-impact reviewed').waitFor();
  await page.close();
}, 60000);

test('a transition with a screen opens it as a dialog first: a required field left empty is refused, the fields go with the move', async () => {
  const bug = issueIn(STATUS.RTE_REVIEW);
  const page = await session.openAs('rt-rte-chloe', `#/browse/${bug.key}`);
  await page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name: 'In QA', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`In QA: ${bug.key}`) });
  await dialog.getByText('Fix versions (required)').waitFor();
  await dialog.getByRole('button', { name: 'In QA' }).click();
  await dialog.getByText('Fix versions is required.').waitFor();
  expect(stored(bug.key).fields.statusId).toBe(STATUS.RTE_REVIEW);

  // Jira's own check agrees (the emulator refuses the move without the required field, with its errors map).
  const r = await fetch(`${session.ws.url}/rest/api/3/issue/${bug.key}/transitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session.ws.apiHeaders('rt-rte-chloe'), origin: session.ws.url },
    body: JSON.stringify({ transition: { id: RT_TRANSITION.IN_QA } }),
  });
  expect(r.status).toBe(400);
  await expect(r.json()).resolves.toMatchObject({ errors: { fixVersions: 'Fix versions is required.' } });

  await dialog.getByRole('checkbox', { name: '4.3.0-rc.1' }).check();
  await dialog.getByLabel('Documentation impact').selectOption({ label: 'No' });
  await dialog.getByRole('button', { name: 'In QA' }).click();
  // The move itself may still be refused by the app's validators: either way the screen's fields reached Jira with it.
  await page.waitForFunction(() => !document.querySelector('[role=dialog]') || document.querySelector('[role=dialog] [role=alert]'));
  const after = stored(bug.key);
  if (after.fields.statusId === STATUS.IN_QA) {
    expect(after.fields.fixVersionIds).toEqual([versionId('4.3.0-rc.1')]);
    expect((after.fields.custom[DOC_IMPACT_FIELD_ID] as { value: string }).value).toBe('No');
  } else {
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/Move to In QA refused/);
    await expect(dialog.getByRole('checkbox', { name: '4.3.0-rc.1' }).isChecked()).resolves.toBe(true);
  }
  await page.close();
}, 60000);

test('a viewer (no Edit or Transition Issues) gets no transition buttons and no Edit on the fields, as in Jira', async () => {
  const bug = issueIn(STATUS.RTE_REVIEW) ?? issueIn(STATUS.IN_PROGRESS);
  const page = await session.openAs('rt-viewer-lena', `#/browse/${bug.key}`);
  const transitions = page.getByRole('group', { name: 'Transitions' });
  await transitions.getByText('No transitions available.').waitFor();
  await expect(transitions.getByRole('button').count()).resolves.toBe(0);
  const repro = page.locator('section[data-field-id]');
  await repro.getByRole('heading').waitFor();
  // editmeta answers after the field is drawn: wait for the view to settle before checking the button is gone.
  await page.waitForLoadState('networkidle');
  await expect(repro.getByRole('button', { name: /^Edit / }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: /^Edit / }).count()).resolves.toBe(0);
});
